import type { Message } from '../../shared/contract/index.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { PermanentDeliveryError } from './outbox.ts';
import { carriesSecretLink, messageToSend } from './secret-links.ts';
import { drainLeasedQueue, retryAt } from './queue.ts';
import type { Mailer } from './ports.ts';

/** Minutes to wait after failed attempt 1, 2, 3, …; after the last one the message is marked failed. */
export const retryDelaysMinutes = [1, 5, 30, 120, 360] as const;
/** Attempts before a message is given up on (the first try plus one per retry delay). */
export const maxAttempts = retryDelaysMinutes.length + 1;
/**
 * How long a claim holds (on the database's clock); a sender that dies leaves its messages to be
 * claimed again after this.
 */
export const claimTtlMs = 5 * 60_000;

/** What one delivery run did. */
export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The actor scheduled work records events as. */
export function systemActor(workspaceId: string): Actor {
  return { workspaceId, userId: null, name: 'makegood scheduler', role: 'owner' };
}

/**
 * Delivers every due outbox message of one workspace: claim a batch (so no other instance can
 * send it), send, mark sent; a failure is retried with backoff (retryDelaysMinutes) and after
 * maxAttempts is marked failed with its last error. The Message-ID was fixed when queued.
 */
export async function deliverWorkspaceOutbox(
  deps: Deps,
  mailer: Mailer,
  workspaceId: string,
  options: { claimant: string; batchSize?: number; maxBatches?: number },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  await drainLeasedQueue(
    deps.clock,
    {
      claim: (now, limit) =>
        deps.store.messages.claimDue(workspaceId, now.toISOString(), options.claimant, claimTtlMs, limit),
      release: (message) => deps.store.messages.release(workspaceId, message.id, options.claimant),
    },
    (message) => deliverOne(deps, mailer, workspaceId, message, options.claimant),
    result,
    { batchSize: options.batchSize ?? 50, maxBatches: options.maxBatches ?? 100, leaseMs: claimTtlMs },
  );
  return result;
}

async function deliverOne(
  deps: Deps,
  mailer: Mailer,
  workspaceId: string,
  message: Message,
  claimant: string,
): Promise<keyof DeliveryResult> {
  const attempts = message.attempts + 1;
  const now = deps.clock.now();
  try {
    // A one-time link's token is put back only here, on its way to the recipient.
    await mailer.send(await messageToSend(deps.store, workspaceId, message), now);
  } catch (error) {
    const reason = describe(error);
    if (error instanceof PermanentDeliveryError || attempts >= maxAttempts) {
      await deps.store.transaction(async (store) => {
        const marked = await store.messages.markFailed(workspaceId, message.id, claimant, attempts, reason);
        if (marked && (message.mistakeId || message.clientId) && message.kind !== 'reminder') {
          await recordEvent({ ...deps, store }, systemActor(workspaceId), {
            type: 'message.failed',
            summary: `Email to ${message.toName || message.toAddress} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`,
            mistakeId: message.mistakeId,
            clientId: message.clientId,
            data: { messageId: message.id, kind: message.kind, attempts, error: reason },
          });
        }
      });
      return 'failed';
    }
    const next = retryAt(now, attempts, retryDelaysMinutes);
    await deps.store.messages.reschedule(workspaceId, message.id, claimant, attempts, next, reason);
    return 'retried';
  }
  await deps.store.transaction(async (store) => {
    const marked = await store.messages.markSent(workspaceId, message.id, claimant, attempts, now.toISOString());
    // Sent: the one-time link's token has reached its recipient and leaves the database.
    if (marked && carriesSecretLink(message)) await store.messageSecrets.delete(workspaceId, message.id);
    if (marked && (message.mistakeId || message.clientId) && message.kind !== 'reminder') {
      await recordEvent({ ...deps, store }, systemActor(workspaceId), {
        type: 'message.sent',
        summary: `Email sent to ${message.toName || message.toAddress}: ${message.subject}`,
        mistakeId: message.mistakeId,
        clientId: message.clientId,
        data: { messageId: message.id, kind: message.kind, attempts },
      });
    }
  });
  return 'sent';
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/gu, ' ').slice(0, 500);
}
