import type { Message } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { headerSafe } from './outbox.ts';

/**
 * "Send a test message" (Settings): a message to the member themself, from the workspace's sender
 * name with Reply-To the member, as client mail goes out. Not stored in the outbox: it is sent at
 * once so Settings can say whether the transport works.
 */
export async function composeTestMessage(deps: Deps, actor: Actor): Promise<Message> {
  requireRole(actor, 'member');
  if (!actor.userId) throw new DomainError('forbidden', 'Only a signed-in member can send themself a test message.');
  const [user, settings] = await Promise.all([
    deps.store.users.get(actor.userId),
    loadSettings(deps.store, actor.workspaceId),
  ]);
  if (!user) throw new DomainError('unauthenticated');
  const now = deps.clock.now().toISOString();
  const id = deps.ids.id();
  return {
    id,
    clientId: null,
    mistakeId: null,
    // Never stored; the kind only decides the sender address (client mail, not accounting).
    kind: 'update',
    status: 'sending',
    fromName: headerSafe(settings.senderName),
    replyToName: headerSafe(user.name),
    replyToAddress: user.email,
    toName: headerSafe(user.name),
    toAddress: user.email,
    subject: `Test message from ${headerSafe(settings.senderName)}`,
    body: [
      `Hello ${user.name},`,
      '',
      `This is a test message from makegood. Client mail goes out under the name "${settings.senderName}", and replies come to you (${user.email}).`,
      '',
      'If you can read this, mail from makegood reaches you.',
    ].join('\n'),
    messageId: `<${id}@${deps.mailDomain ?? 'makegood.invalid'}>`,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    sentAt: null,
    createdAt: now,
  };
}
