import type { Message, MessageKind } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import type { Deps, Store } from '../ports.ts';

/** A message to queue: who it goes to, what it says, what it is about. */
export interface MessageDraft {
  kind: MessageKind;
  clientId: string | null;
  mistakeId: string | null;
  fromName: string;
  toName: string;
  toAddress: string;
  subject: string;
  body: string;
}

/** Header values never carry line breaks: a name or subject cannot inject a header. */
export function headerSafe(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029]+/gu, ' ')
    .replace(/\s{2,}/gu, ' ')
    .trim();
}

const addressPattern = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/u;

/**
 * Queues a message in the outbox, in the caller's transaction when given one. The RFC 5322
 * Message-ID is fixed here, so a retried delivery can never become a second message.
 */
export async function queueMessage(
  deps: Deps,
  workspaceId: string,
  draft: MessageDraft,
  store: Store = deps.store,
): Promise<Message> {
  const toAddress = draft.toAddress.trim();
  if (!addressPattern.test(toAddress)) {
    throw new DomainError('validation_failed', `toAddress: "${toAddress}" is not an email address.`, {
      issues: [{ field: 'toAddress', message: 'is not an email address' }],
    });
  }
  const now = deps.clock.now().toISOString();
  const id = deps.ids.id();
  const message: Message = {
    id,
    clientId: draft.clientId,
    mistakeId: draft.mistakeId,
    kind: draft.kind,
    status: 'queued',
    fromName: headerSafe(draft.fromName),
    toName: headerSafe(draft.toName),
    toAddress,
    subject: headerSafe(draft.subject),
    body: draft.body,
    messageId: `<${id}.${workspaceId}@makegood.invalid>`,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    sentAt: null,
    createdAt: now,
  };
  await store.messages.create(workspaceId, message);
  return message;
}

/** A delivery that can never succeed (bad address, 5xx from the server): no more retries. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
