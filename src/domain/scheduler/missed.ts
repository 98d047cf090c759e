import type { Commitment } from '../../shared/contract/index.ts';
import { logMistake } from '../mistakes/mistakes.ts';
import { systemActor } from '../messages/deliver.ts';
import type { Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { pacer, schedulerBatchSize, yieldToEventLoop } from './update-due.ts';
import { commitmentOwner, humanTime, loadRecipients, notifyMember, type WorkspaceRecipients } from './recipients.ts';

/**
 * A broken promise is a mistake too. Every open commitment past its due time is marked missed and
 * logs a new mistake (category deadline) linked to the commitment and to the mistake it was made
 * for, with events on both timelines, and its owner is told in-app and by email. The conditional
 * open → missed update is the claim: exactly once, even with several app instances.
 */
export async function markMissedCommitments(
  deps: Deps,
  workspaceId: string,
  options: { batchSize?: number } = {},
): Promise<{ missed: number }> {
  const batchSize = options.batchSize ?? schedulerBatchSize;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  // Strictly before now: a commitment due this very millisecond is not missed yet.
  const before = new Date(now.getTime() - 1).toISOString();
  let settings: Awaited<ReturnType<typeof loadSettings>> | null = null;
  let recipients: WorkspaceRecipients | null = null;
  const actor = systemActor(workspaceId);
  let missed = 0;
  let after: { dueAt: string; id: string } | null = null;
  for (;;) {
    const overdue = await deps.store.scheduling.openCommitmentsDueBefore(workspaceId, before, batchSize, after);
    if (overdue.length === 0) break;
    settings ??= await loadSettings(deps.store, workspaceId);
    recipients ??= await loadRecipients(deps.store, workspaceId);
    missed += await markBatch(deps, workspaceId, overdue, { settings, recipients, actor, nowIso });
    const last = overdue[overdue.length - 1];
    if (!last || overdue.length < batchSize) break;
    after = { dueAt: last.dueAt, id: last.id };
    await yieldToEventLoop();
  }
  return { missed };
}

async function markBatch(
  deps: Deps,
  workspaceId: string,
  overdue: readonly Commitment[],
  ctx: {
    settings: Awaited<ReturnType<typeof loadSettings>>;
    recipients: WorkspaceRecipients;
    actor: ReturnType<typeof systemActor>;
    nowIso: string;
  },
): Promise<number> {
  const { settings, recipients, actor, nowIso } = ctx;
  const pace = pacer();
  let missed = 0;
  for (const commitment of overdue) {
    const won = await deps.store.transaction(async (store) => {
      if (!(await store.scheduling.markCommitmentMissed(workspaceId, commitment.id))) return false;
      const tx = { ...deps, store };
      const original = commitment.mistakeId ? await store.mistakes.get(workspaceId, commitment.mistakeId) : null;
      const owner = await commitmentOwner(store, workspaceId, recipients, commitment);
      const when = humanTime(commitment.dueAt, recipients.timezone);
      const kindWord = commitment.isFix ? 'Fix' : 'Commitment';
      const mistake = await logMistake(tx, actor, {
        clientId: commitment.clientId,
        title: `Missed ${kindWord.toLowerCase()}: ${commitment.title}`.slice(0, 200),
        description:
          `${kindWord} "${commitment.title}" was due ${when} and was not completed.` +
          (original ? ` It was promised for ${original.ref} (${original.title}).` : ''),
        category: 'deadline',
        severity: original?.severity ?? 'minor',
        foundBy: 'us',
        happenedAt: commitment.dueAt,
        foundAt: nowIso,
        ownerId: owner?.id ?? null,
      });
      await store.scheduling.recordMissed(workspaceId, {
        commitmentId: commitment.id,
        mistakeId: mistake.id,
        originalMistakeId: original?.id ?? null,
        missedAt: nowIso,
      });
      // On the original mistake's timeline (or the client's, for a stand-alone commitment)…
      await recordEvent(tx, actor, {
        type: 'commitment.missed',
        summary: `${kindWord} missed: ${commitment.title} (due ${when}); logged as ${mistake.ref}`,
        mistakeId: original?.id ?? null,
        clientId: commitment.clientId,
        data: {
          commitmentId: commitment.id,
          dueAt: commitment.dueAt,
          newMistakeId: mistake.id,
          newMistakeRef: mistake.ref,
        },
      });
      // …and on the new mistake's, pointing back.
      await recordEvent(tx, actor, {
        type: 'mistake.linked',
        summary: `Logged because ${kindWord.toLowerCase()} "${commitment.title}" was missed${original ? ` (promised for ${original.ref})` : ''}`,
        mistakeId: mistake.id,
        clientId: commitment.clientId,
        data: {
          commitmentId: commitment.id,
          originalMistakeId: original?.id ?? null,
          originalMistakeRef: original?.ref ?? null,
        },
      });
      if (owner) {
        await notifyMember(
          tx,
          store,
          workspaceId,
          owner,
          {
            id: deps.ids.id(),
            kind: 'missed',
            title: `Missed: "${commitment.title}"`.slice(0, 300),
            body: `"${commitment.title}" was due ${when} and is not done. It is now ${mistake.ref}, a deadline mistake to own and make right.`,
            clientId: commitment.clientId,
            mistakeId: mistake.id,
            commitmentId: commitment.id,
          },
          { fromName: settings.senderName },
        );
      }
      return true;
    });
    if (won) missed++;
    await pace();
  }
  return missed;
}
