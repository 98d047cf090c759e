import type { Message, Mistake } from '../../shared/contract/index.ts';
import type { Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { humanTime, loadRecipients, notifyMember } from './recipients.ts';

const clientUpdates: ReadonlySet<Message['kind']> = new Set(['acknowledgment', 'update']);

/**
 * When the next progress update to the client is due for a critical or major unfixed mistake:
 * `updateIntervalHours` after the last acknowledgment or update sent (or queued), else after it was
 * found. Null for a minor, fixed or closed mistake.
 */
export function nextUpdateDue(mistake: Mistake, messages: readonly Message[], intervalHours: number): string | null {
  if (mistake.severity === 'minor' || mistake.reached.fixed || mistake.reached.closed) return null;
  let last = Date.parse(mistake.foundAt);
  if (mistake.reached.acknowledged) last = Math.max(last, Date.parse(mistake.reached.acknowledged));
  for (const m of messages) {
    if (!clientUpdates.has(m.kind) || m.status === 'failed' || m.status === 'draft') continue;
    last = Math.max(last, Date.parse(m.sentAt ?? m.createdAt));
  }
  return new Date(last + intervalHours * 3_600_000).toISOString();
}

/**
 * Flags, once per mistake and due time, that a progress update to the client is due: an in-app
 * notification to the mistake's owner (or the workspace owner). Sending an update moves the due time.
 */
export async function flagUpdatesDue(deps: Deps, workspaceId: string): Promise<{ flagged: number }> {
  const settings = await loadSettings(deps.store, workspaceId);
  const now = deps.clock.now();
  const candidates: Mistake[] = [];
  for (const severity of ['critical', 'major'] as const) {
    for (let offset = 0; offset < 100_000; offset += 200) {
      const page = await deps.store.mistakes.list(workspaceId, { severity, limit: 200, offset });
      candidates.push(...page.items.filter((m) => !m.reached.fixed && !m.reached.closed));
      if (page.items.length < 200) break;
    }
  }
  let flagged = 0;
  let recipients: Awaited<ReturnType<typeof loadRecipients>> | null = null;
  for (const mistake of candidates) {
    const messages = await deps.store.messages.list(workspaceId, { mistakeId: mistake.id, limit: 500 });
    const due = nextUpdateDue(mistake, messages, settings.updateIntervalHours);
    if (!due || Date.parse(due) > now.getTime()) continue;
    recipients ??= await loadRecipients(deps.store, workspaceId);
    const who = recipients;
    const won = await deps.store.transaction(async (store) => {
      if (!(await store.scheduling.claimUpdateDue(workspaceId, mistake.id, due, now.toISOString()))) return false;
      const member = (mistake.ownerId ? who.members.get(mistake.ownerId) : undefined) ?? who.owner;
      if (!member) return true;
      await notifyMember(
        { ...deps, store },
        store,
        workspaceId,
        member,
        {
          id: deps.ids.id(),
          kind: 'update_due',
          title: `Update due to ${mistake.clientName} on ${mistake.ref}`.slice(0, 300),
          body: `${mistake.ref} (${mistake.title}) is ${mistake.severity} and not fixed yet; a progress update to ${mistake.clientName} was due ${humanTime(due, who.timezone)}.`,
          clientId: mistake.clientId,
          mistakeId: mistake.id,
          commitmentId: null,
        },
        null,
      );
      return true;
    });
    if (won) flagged++;
  }
  return { flagged };
}
