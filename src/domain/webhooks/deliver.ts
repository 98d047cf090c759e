import { drainLeasedQueue, retryAt } from '../messages/queue.ts';
import type { Deps } from '../ports.ts';
import type { ClaimedWebhookDelivery, WebhookRuntime } from './ports.ts';

/** Minutes to wait after failed attempt 1, 2, 3, … (network errors, timeouts, 5xx, 429); then failed. */
export const webhookRetryDelaysMinutes = [1, 5, 30, 120, 360, 720] as const;
/** Attempts before a retryable failure is given up on. */
export const webhookMaxAttempts = webhookRetryDelaysMinutes.length + 1;
/** Attempts before another 4xx (the receiver refuses it) is given up on. */
export const webhookMaxRefusedAttempts = 2;
/** How long a claim holds (database clock); longer than a batch of sends with their timeouts. */
export const webhookClaimTtlMs = 5 * 60_000;

/** What one webhook delivery run did. */
export interface WebhookDeliveryResult {
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Sends every due webhook delivery of one workspace, through the outbox's leased queue: claim a
 * bounded batch, send a few side by side, record each attempt (status, response code, error,
 * duration). 2xx is delivered; network errors, timeouts, 5xx and 429 are retried with backoff
 * (webhookRetryDelaysMinutes); another 4xx after fewer attempts; a redirect or a refused address at once.
 */
export async function deliverWorkspaceWebhooks(
  deps: Deps,
  runtime: WebhookRuntime,
  workspaceId: string,
  options: { claimant: string; batchSize?: number; maxBatches?: number },
): Promise<WebhookDeliveryResult> {
  const result: WebhookDeliveryResult = { delivered: 0, retried: 0, failed: 0 };
  await drainLeasedQueue(
    deps.clock,
    {
      claim: (now, limit) =>
        deps.store.webhookDeliveries.claimDue(
          workspaceId,
          now.toISOString(),
          options.claimant,
          webhookClaimTtlMs,
          limit,
        ),
      release: (delivery) => deps.store.webhookDeliveries.release(workspaceId, delivery.id, options.claimant),
    },
    (delivery) => deliverOne(deps, runtime, workspaceId, delivery, options.claimant),
    result,
    {
      batchSize: options.batchSize ?? 20,
      maxBatches: options.maxBatches ?? 50,
      leaseMs: webhookClaimTtlMs,
      concurrency: 4,
    },
  );
  return result;
}

async function deliverOne(
  deps: Deps,
  runtime: WebhookRuntime,
  workspaceId: string,
  delivery: ClaimedWebhookDelivery,
  claimant: string,
): Promise<keyof WebhookDeliveryResult> {
  const attempts = delivery.attempts + 1;
  const now = deps.clock.now();
  const outcome = await runtime.send({
    url: delivery.url,
    secret: delivery.secret,
    id: delivery.id,
    body: delivery.body,
  });
  const store = deps.store.webhookDeliveries;
  if (outcome.ok) {
    await store.markDelivered(
      workspaceId,
      delivery.id,
      claimant,
      { attempts, responseCode: outcome.status, error: null, durationMs: outcome.durationMs },
      now.toISOString(),
    );
    return 'delivered';
  }
  const log = { attempts, responseCode: outcome.status, error: outcome.error, durationMs: outcome.durationMs };
  const limit =
    outcome.failure === 'retry' ? webhookMaxAttempts : outcome.failure === 'refused' ? webhookMaxRefusedAttempts : 1;
  if (attempts >= limit) {
    await store.markFailed(workspaceId, delivery.id, claimant, log);
    return 'failed';
  }
  await store.reschedule(workspaceId, delivery.id, claimant, log, retryAt(now, attempts, webhookRetryDelaysMinutes));
  return 'retried';
}
