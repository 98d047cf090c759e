import type { Message, MessageKind } from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps, Store } from '../ports.ts';

/** A message to queue: who it goes to, what it says, what it is about. */
export interface MessageDraft {
  kind: MessageKind;
  clientId: string | null;
  mistakeId: string | null;
  fromName: string;
  /** The member who wrote it, for Reply-To (replies reach a person, not the sending address). */
  replyTo?: { name: string; address: string } | null;
  toName: string;
  toAddress: string;
  subject: string;
  body: string;
}

/** The member acting, as a Reply-To: replies to client mail reach the person who wrote it (null for the local CLI). */
export async function replyToOf(deps: Deps, actor: Actor): Promise<{ name: string; address: string } | null> {
  if (!actor.userId) return null;
  const user = await deps.store.users.get(actor.userId);
  return user ? { name: user.name, address: user.email } : null;
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
    replyToName: draft.replyTo ? headerSafe(draft.replyTo.name) : null,
    replyToAddress: draft.replyTo && addressPattern.test(draft.replyTo.address.trim()) ? draft.replyTo.address.trim() : null,
    toName: headerSafe(draft.toName),
    toAddress,
    subject: headerSafe(draft.subject),
    body: draft.body,
    // On the sender's own domain (receiving servers score a foreign or missing one), with no workspace id in it.
    messageId: `<${id}@${deps.mailDomain ?? 'makegood.invalid'}>`,
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
