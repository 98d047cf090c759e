import type { Commitment } from '../../shared/contract/index.ts';
import { loadSettings } from '../settings/settings.ts';
import type { Deps } from '../ports.ts';
import { pacer, schedulerBatchSize, yieldToEventLoop } from './update-due.ts';
import {
  commitmentOwner,
  humanIn,
  humanTime,
  loadRecipients,
  notifyMember,
  type WorkspaceRecipients,
} from './recipients.ts';

/** What the reminder job did in one workspace. */
export interface ReminderResult {
  sent: number;
  skipped: number;
}

/**
 * Which reminders of one commitment to act on now. Each offset (minutes before due) fires once,
 * at due − offset. The rule after downtime: when several reminders of one commitment have come due
 * and none of them was recorded yet, only the latest (the one closest to due) is sent; the earlier
 * ones are recorded as skipped, so the owner gets one reminder, never a burst. A reminder is also
 * skipped when a later one was already recorded (e.g. offsets were changed in the settings).
 */
export function remindersToAct(
  commitment: Pick<Commitment, 'dueAt'>,
  offsets: readonly number[],
  recorded: ReadonlySet<number>,
  now: Date,
): { send: number | null; skip: number[] } {
  const due = Date.parse(commitment.dueAt);
  const passed = [...new Set(offsets)].filter((o) => due - o * 60_000 <= now.getTime() && !recorded.has(o));
  if (passed.length === 0) return { send: null, skip: [] };
  const latest = Math.min(...passed);
  const laterAlreadyRecorded = [...recorded].some((o) => o < latest);
  const skip = passed.filter((o) => o !== latest || laterAlreadyRecorded).sort((a, b) => b - a);
  return { send: laterAlreadyRecorded ? null : latest, skip };
}

/**
 * Sends commitment reminders that are due in one workspace: an in-app notification and an email
 * to the commitment's owner, at each of the workspace's reminderOffsetsMinutes. The
 * (commitment, offset) row is claimed in the same transaction as the notification and email, so
 * each happens exactly once even with several app instances on one database.
 */
export async function sendDueReminders(
  deps: Deps,
  workspaceId: string,
  options: { batchSize?: number } = {},
): Promise<ReminderResult> {
  const batchSize = options.batchSize ?? schedulerBatchSize;
  const result: ReminderResult = { sent: 0, skipped: 0 };
  const settings = await loadSettings(deps.store, workspaceId);
  const offsets = [...new Set(settings.reminderOffsetsMinutes)].sort((a, b) => b - a);
  if (offsets.length === 0) return result;
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + Math.max(...offsets) * 60_000).toISOString();
  const recipients: { current: WorkspaceRecipients | null } = { current: null };
  let after: { dueAt: string; id: string } | null = null;
  for (;;) {
    // Only commitments inside the reminder horizon, in keyset batches, yielding between them.
    const commitments = await deps.store.scheduling.openCommitmentsDueBefore(workspaceId, horizon, batchSize, after);
    if (commitments.length === 0) break;
    const batch = await remindBatch(deps, workspaceId, commitments, { settings, offsets, now, recipients });
    result.sent += batch.sent;
    result.skipped += batch.skipped;
    const last = commitments[commitments.length - 1];
    if (!last || commitments.length < batchSize) break;
    after = { dueAt: last.dueAt, id: last.id };
    await yieldToEventLoop();
  }
  return result;
}

async function remindBatch(
  deps: Deps,
  workspaceId: string,
  commitments: readonly Commitment[],
  ctx: {
    settings: Awaited<ReturnType<typeof loadSettings>>;
    offsets: readonly number[];
    now: Date;
    recipients: { current: WorkspaceRecipients | null };
  },
): Promise<ReminderResult> {
  const { settings, offsets, now } = ctx;
  const result: ReminderResult = { sent: 0, skipped: 0 };
  const pace = pacer();
  const recorded = await deps.store.scheduling.remindersOf(
    workspaceId,
    commitments.map((c) => c.id),
  );
  for (const commitment of commitments) {
    const plan = remindersToAct(commitment, offsets, recorded.get(commitment.id) ?? new Set(), now);
    if (plan.send === null && plan.skip.length === 0) continue;
    ctx.recipients.current ??= await loadRecipients(deps.store, workspaceId);
    const who = ctx.recipients.current;
    const outcome = await deps.store.transaction(async (store) => {
      const createdAt = now.toISOString();
      const fireAt = (offset: number) => new Date(Date.parse(commitment.dueAt) - offset * 60_000).toISOString();
      let skipped = 0;
      // Offsets in a fixed order (largest first) so two instances never wait on each other in a cycle.
      for (const offset of plan.skip) {
        const claimed = await store.scheduling.claimReminder(workspaceId, {
          commitmentId: commitment.id,
          offsetMinutes: offset,
          outcome: 'skipped',
          fireAt: fireAt(offset),
          notificationId: null,
          createdAt,
        });
        if (claimed) skipped++;
      }
      if (plan.send === null) return { sent: 0, skipped };
      const notificationId = deps.ids.id();
      const won = await store.scheduling.claimReminder(workspaceId, {
        commitmentId: commitment.id,
        offsetMinutes: plan.send,
        outcome: 'sent',
        fireAt: fireAt(plan.send),
        notificationId,
        createdAt,
      });
      if (!won) return { sent: 0, skipped };
      const owner = await commitmentOwner(store, workspaceId, who, commitment);
      if (!owner) return { sent: 0, skipped };
      const untilDue = Date.parse(commitment.dueAt) - now.getTime();
      const when = humanTime(commitment.dueAt, who.timezone);
      const title =
        untilDue > 0 ? `Reminder: "${commitment.title}" is due ${humanIn(untilDue)}` : `Due now: "${commitment.title}"`;
      await notifyMember(
        { ...deps, store },
        store,
        workspaceId,
        owner,
        {
          id: notificationId,
          kind: 'reminder',
          title: title.slice(0, 300),
          body:
            `${commitment.isFix ? 'The fix you promised' : 'Your commitment'} "${commitment.title}" is due ${when}.` +
            (untilDue > 0
              ? ' Complete it in makegood when it is done.'
              : ' If it is not done yet, it will be marked missed.'),
          clientId: commitment.clientId,
          mistakeId: commitment.mistakeId,
          commitmentId: commitment.id,
        },
        { fromName: settings.senderName },
      );
      return { sent: 1, skipped };
    });
    result.sent += outcome.sent;
    result.skipped += outcome.skipped;
    await pace();
  }
  return result;
}
