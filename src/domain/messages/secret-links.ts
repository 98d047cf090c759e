import { secretLinkKinds, type Message } from '../../shared/contract/index.ts';

// Invitation and password-reset mails carry a one-time link whose token signs someone in. Owners
// and admins can read the outbox, so the token must never be readable there: every outbox answer
// shows the link with its token hidden, and once the mail is sent the stored body loses it too.

/** The link path a secret token sits in: /invite/<token> or /reset/<token>. */
const secretLink = /\/(invite|reset)\/[A-Za-z0-9_-]+/gu;

/** What replaces a hidden token. */
export const HIDDEN_TOKEN = '[hidden: only the recipient gets this link]';

/** True for kinds whose body holds a one-time link. */
export function carriesSecretLink(message: Pick<Message, 'kind'>): boolean {
  return secretLinkKinds.includes(message.kind);
}

/** The body with every one-time link's token hidden. */
export function hideSecretLinks(body: string): string {
  return body.replace(secretLink, (_, path: string) => `/${path}/${HIDDEN_TOKEN}`);
}

/** The message as the outbox shows it: a secret-link kind with its tokens hidden, anything else as is. */
export function presentMessage(message: Message): Message {
  return carriesSecretLink(message) ? { ...message, body: hideSecretLinks(message.body) } : message;
}
