import type { NotificationKind } from '../../shared/contract/index.ts';
import { dueSlot, nextReminderAt } from '../learning/action-schedule.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Deps, Member } from '../ports.ts';
import { humanTime, loadRecipients, notifyMember, type WorkspaceRecipients } from './recipients.ts';

const BATCH = 100;

/** Lets other work (requests, health checks) run between batches: SQLite's driver never yields. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Action reminders and escalation, as a due-queue (`actions.next_reminder_at`, indexed): the owner
 * 24 hours before due and at due; once a day after due, the owner and every owner and admin; the
 * owner when an effectiveness check is due. Each (action, slot) is claimed once across instances;
 * then the action's next reminder moves forward. Bounded batches, yielding between them.
 */
export async function sendActionReminders(
  deps: Deps,
  workspaceId: string,
  options: { claimant: string },
): Promise<{ sent: number }> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let recipients: WorkspaceRecipients | null = null;
  let sent = 0;
  for (let round = 0; round < 1_000; round++) {
    const due = await deps.store.actions.reminderDue(workspaceId, nowIso, BATCH);
    if (due.length === 0) break;
    recipients ??= await loadRecipients(deps.store, workspaceId);
    const who = recipients;
    for (const action of due) {
      const slot = dueSlot(action, now);
      const won = await deps.store.transaction(async (store) => {
        // Every instance moves the queue to the same next instant, so this write is idempotent.
        await store.actions.setNextReminder(workspaceId, action.id, nextReminderAt(action, now));
        if (!slot) return false;
        if (!(await store.actions.claimReminder(workspaceId, action.id, slot.slot, options.claimant, nowIso)))
          return false;
        const mistake = await store.mistakes.get(workspaceId, action.mistakeId);
        const ref = mistake ? mistake.ref : mistakeRef(0);
        const owner = (action.ownerId ? who.members.get(action.ownerId) : undefined) ?? who.owner;
        const to = new Map<string, Member>();
        if (owner) to.set(owner.id, owner);
        if (slot.kind === 'overdue') {
          for (const m of who.members.values()) if (m.role === 'owner' || m.role === 'admin') to.set(m.id, m);
        }
        const when = humanTime(action.dueAt, who.timezone);
        const text: Record<typeof slot.kind, { kind: NotificationKind; title: string; body: string }> = {
          before: {
            kind: 'action_due',
            title: `Action due tomorrow on ${ref}: ${action.title}`,
            body: `The ${action.kind} action “${action.title}” for ${ref} is due ${when}.`,
          },
          due: {
            kind: 'action_due',
            title: `Action due now on ${ref}: ${action.title}`,
            body: `The ${action.kind} action “${action.title}” for ${ref} was due ${when} and is not done yet.`,
          },
          overdue: {
            kind: 'action_overdue',
            title: `Overdue ${slot.day} day${slot.day === 1 ? '' : 's'} on ${ref}: ${action.title}`,
            body: `The ${action.kind} action “${action.title}” for ${ref} was due ${when}${owner ? ` (owner: ${owner.name})` : ''} and is still open.`,
          },
          check: {
            kind: 'check_due',
            title: `Effectiveness check due on ${ref}: ${action.title}`,
            body: `Did “${action.title}” work? Record its effectiveness check on ${ref}.`,
          },
        };
        const t = text[slot.kind];
        for (const member of to.values()) {
          await notifyMember(
            { ...deps, store },
            store,
            workspaceId,
            member,
            {
              id: deps.ids.id(),
              kind: t.kind,
              title: t.title.slice(0, 300),
              body: t.body,
              clientId: action.clientId,
              mistakeId: action.mistakeId,
              commitmentId: null,
            },
            null,
          );
        }
        return true;
      });
      if (won) sent++;
    }
    if (due.length < BATCH) break;
    await yieldToEventLoop();
  }
  return { sent };
}
