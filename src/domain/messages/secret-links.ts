import { secretLinkKinds, type Message } from '../../shared/contract/index.ts';
import type { Store } from '../ports.ts';

// Invitation and password-reset mails carry a one-time link whose token signs someone in. Owners
// and admins can read the outbox (and export it), so the token never goes into a message body:
// the body holds the link with the token hidden, the token waits in message_secrets, the mailer
// puts it back at the moment of sending, and it is deleted once the mail is sent.

/** The link path a secret token sits in: /invite/<token> or /reset/<token>. */
const secretLink = /\/(invite|reset|satisfaction)\/[A-Za-z0-9_-]+/gu;

/** What stands in the body where the token goes. */
export const HIDDEN_TOKEN = '[hidden: only the recipient gets this link]';

/** True for kinds whose body holds a one-time link. */
export function carriesSecretLink(message: Pick<Message, 'kind'>): boolean {
  return secretLinkKinds.includes(message.kind);
}

/** A one-time link as the stored body shows it: `<base>/<path>/[hidden…]`. */
export function hiddenLink(base: string, path: 'invite' | 'reset' | 'satisfaction'): string {
  return `${base.replace(/\/+$/u, '')}/${path}/${HIDDEN_TOKEN}`;
}

/** The body with every one-time link's token hidden (a second guard for anything shown). */
export function hideSecretLinks(body: string): string {
  return body.replace(secretLink, (_, path: string) => `/${path}/${HIDDEN_TOKEN}`);
}

/** The body as mailed: the hidden token replaced by the real one. */
export function revealSecretLinks(body: string, token: string): string {
  return body.replaceAll(`/${HIDDEN_TOKEN}`, `/${token}`);
}

/** The message as the outbox shows it: a secret-link kind with any token hidden, anything else as is. */
export function presentMessage(message: Message): Message {
  return carriesSecretLink(message) ? { ...message, body: hideSecretLinks(message.body) } : message;
}

/** The message as the mailer sends it: its one-time link's token put back (if it has one waiting). */
export async function messageToSend(store: Store, workspaceId: string, message: Message): Promise<Message> {
  if (!carriesSecretLink(message)) return message;
  const token = await store.messageSecrets.get(workspaceId, message.id);
  return token ? { ...message, body: revealSecretLinks(message.body, token) } : message;
}
