import type { Message, MessageFilter, Notification, NotificationFilter } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { presentMessage } from './secret-links.ts';

/** The outbox of the actor's workspace, newest first, by mistake, client, status or kind (one-time links hidden). */
export async function listMessages(deps: Deps, actor: Actor, filter: MessageFilter): Promise<Message[]> {
  return (await deps.store.messages.list(actor.workspaceId, filter)).map(presentMessage);
}

/** One message of the actor's workspace (one-time links hidden) or message_not_found. */
export async function getMessage(deps: Deps, actor: Actor, id: string): Promise<Message> {
  const message = await deps.store.messages.get(actor.workspaceId, id);
  if (!message) throw notFound('message_not_found');
  return presentMessage(message);
}

/** Puts a failed message back in the queue (attempts start again); the retry is on the timeline. */
export async function retryMessage(deps: Deps, actor: Actor, id: string): Promise<Message> {
  requireRole(actor, 'member');
  const message = await getMessage(deps, actor, id);
  if (message.status !== 'failed') {
    throw new DomainError('message_not_failed', `Only a failed message can be retried; this one is ${message.status}.`);
  }
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    if (!(await store.messages.requeue(actor.workspaceId, id, now))) throw new DomainError('message_not_failed');
    if (message.mistakeId || message.clientId) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'message.retried',
        summary: `Email to ${message.toName || message.toAddress} queued again after: ${message.lastError ?? 'failure'}`,
        mistakeId: message.mistakeId,
        clientId: message.clientId,
        data: { messageId: id },
      });
    }
  });
  return getMessage(deps, actor, id);
}

/** The signed-in user's in-app notifications, newest first, with the unread count. */
export async function listNotifications(
  deps: Deps,
  actor: Actor,
  filter: NotificationFilter,
): Promise<{ items: Notification[]; unread: number }> {
  if (!actor.userId) return { items: [], unread: 0 };
  const [items, unread] = await Promise.all([
    deps.store.notifications.list(actor.workspaceId, actor.userId, filter),
    deps.store.notifications.countUnread(actor.workspaceId, actor.userId),
  ]);
  return { items, unread };
}

/** Marks one of the user's notifications read; another user's answers 404. */
export async function markNotificationRead(deps: Deps, actor: Actor, id: string): Promise<Notification> {
  if (!actor.userId) throw notFound('notification_not_found');
  const found = await deps.store.notifications.markRead(
    actor.workspaceId,
    actor.userId,
    id,
    deps.clock.now().toISOString(),
  );
  if (!found) throw notFound('notification_not_found');
  const notification = await deps.store.notifications.get(actor.workspaceId, actor.userId, id);
  if (!notification) throw notFound('notification_not_found');
  return notification;
}
