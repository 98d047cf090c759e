import type { Commitment } from '../../shared/contract/index.ts';
import { queueMessage } from '../messages/outbox.ts';
import type { NotificationRecord } from '../messages/ports.ts';
import type { Deps, Member, Store } from '../ports.ts';

/** Who scheduled work addresses in one workspace, loaded once per run. */
export interface WorkspaceRecipients {
  members: Map<string, Member>;
  owner: Member | null;
  timezone: string;
}

/** Loads the members (and the first owner) of a workspace. */
export async function loadRecipients(store: Store, workspaceId: string): Promise<WorkspaceRecipients> {
  const members = await store.users.members(workspaceId);
  const workspace = await store.workspaces.get(workspaceId);
  return {
    members: new Map(members.map((m) => [m.id, m])),
    owner: members.find((m) => m.role === 'owner') ?? members[0] ?? null,
    timezone: workspace?.timezone ?? 'UTC',
  };
}

/**
 * The owner of a commitment: its own owner if still a member, else the client's owner, else the
 * workspace owner (commitments made from the CLI have no user).
 */
export async function commitmentOwner(
  store: Store,
  workspaceId: string,
  recipients: WorkspaceRecipients,
  commitment: Commitment,
): Promise<Member | null> {
  const own = commitment.ownerId ? recipients.members.get(commitment.ownerId) : undefined;
  if (own) return own;
  const client = await store.clients.get(workspaceId, commitment.clientId);
  const clientOwner = client?.ownerId ? recipients.members.get(client.ownerId) : undefined;
  return clientOwner ?? recipients.owner;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A time as people read it in the workspace's zone, e.g. "Tue 3 Mar 2026, 09:00 UTC". */
export function humanTime(iso: string, timezone: string): string {
  try {
    let format = formats.get(timezone);
    if (!format) {
      // Built once per time zone: constructing one costs ~0.5 ms, and the first in a process ~90 ms
      // (ICU zone data), which would otherwise land in the middle of a scheduler tick.
      format = new Intl.DateTimeFormat('en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: timezone,
        timeZoneName: 'short',
      });
      if (formats.size > 500) formats.clear();
      formats.set(timezone, format);
    }
    return format.format(new Date(iso));
  } catch {
    return iso;
  }
}

/** "in 24 hours", "in 45 minutes", "now". */
export function humanIn(ms: number): string {
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}

/**
 * Tells one member something: an in-app notification and, when `email` is set, an email through
 * the outbox (kind `reminder`), both in the caller's transaction.
 */
export async function notifyMember(
  deps: Deps,
  store: Store,
  workspaceId: string,
  member: Member,
  notification: Omit<NotificationRecord, 'userId' | 'messageId' | 'createdAt' | 'readAt'>,
  email: { fromName: string } | null,
): Promise<void> {
  let messageId: string | null = null;
  if (email) {
    const message = await queueMessage(
      deps,
      workspaceId,
      {
        kind: 'reminder',
        clientId: notification.clientId,
        mistakeId: notification.mistakeId,
        fromName: email.fromName,
        toName: member.name,
        toAddress: member.email,
        subject: notification.title,
        body: `Hello ${member.name},\n\n${notification.body}\n`,
      },
      store,
    );
    messageId = message.id;
  }
  await store.notifications.create(workspaceId, {
    ...notification,
    userId: member.id,
    messageId,
    createdAt: deps.clock.now().toISOString(),
    readAt: null,
  });
}
