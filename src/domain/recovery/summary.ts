import type { ClientNoticed, ClientNoticedInput, RecoverySummary } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError } from '../errors.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { remedyTotals, toRemedyEntry } from '../remedies/ledger.ts';
import { nextUpdateDue } from '../scheduler/update-due.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { acknowledgmentTiming } from './timing.ts';

/** Where the recovery of a mistake stands: acknowledgment timing, fix, remedies, updates, messages. */
export async function recoverySummary(deps: Deps, actor: Actor, mistakeId: string): Promise<RecoverySummary> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const ws = actor.workspaceId;
  const [settings, acknowledgments, noticedAt, commitments, remedies, declines, messages, lastSweep] =
    await Promise.all([
      loadSettings(deps.store, ws),
      deps.store.acknowledgments.listByMistake(ws, mistakeId),
      deps.store.clientNotices.get(ws, mistakeId),
      deps.store.commitments.list(ws, { mistakeId }),
      deps.store.remedies.list(ws, { mistakeId }),
      deps.store.remedyDeclines.listByMistake(ws, mistakeId),
      deps.store.messages.list(ws, { mistakeId, limit: 500 }),
      deps.store.sweeps.latest(ws, mistakeId),
    ]);
  const target = settings.targets[mistake.severity].acknowledgeMinutes;
  const first = acknowledgments[0];
  const fixes = commitments.filter((c) => c.isFix);
  const fix =
    fixes.find((c) => c.status === 'open') ?? fixes.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
  const decline = declines[declines.length - 1];
  return {
    mistakeId,
    ref: mistake.ref,
    clientId: mistake.clientId,
    stage: mistake.stage,
    severity: mistake.severity,
    foundBy: mistake.foundBy,
    foundAt: mistake.foundAt,
    clientNoticedAt: noticedAt,
    acknowledgeTarget: {
      targetMinutes: target,
      dueAt: new Date(Date.parse(mistake.foundAt) + target * 60_000).toISOString(),
    },
    acknowledgment: first
      ? {
          ...acknowledgmentTiming(mistake, first.at, noticedAt, settings),
          acknowledgmentId: first.id,
          recipient: first.recipient,
        }
      : null,
    fixCommitment: fix,
    remedies: remedies.map(toRemedyEntry),
    totals: remedyTotals(remedies),
    remedyDecline: decline
      ? { id: decline.id, mistakeId, reason: decline.reason, by: decline.by, at: decline.at }
      : null,
    nextUpdateDueAt: nextUpdateDue(mistake, messages, settings.updateIntervalHours),
    updateIntervalHours: settings.updateIntervalHours,
    messages,
    lastSweep,
  };
}

/** Records when the client noticed the mistake themselves (first time only; later calls return the first). */
export async function recordClientNoticed(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: ClientNoticedInput,
): Promise<ClientNoticed> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const now = deps.clock.now().toISOString();
  const at = input.at ?? now;
  if (at > now) {
    throw new DomainError('validation_failed', 'at: must not be in the future.', { field: 'at' });
  }
  const noticedAt = await deps.store.transaction(async (store) => {
    if (await store.clientNotices.record(actor.workspaceId, mistakeId, at, now)) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'mistake.client_noticed',
        summary: `${mistake.clientName} noticed ${mistake.ref} themselves`,
        mistakeId,
        clientId: mistake.clientId,
        data: { at },
      });
    }
    return store.clientNotices.get(actor.workspaceId, mistakeId);
  });
  return { mistakeId, clientNoticedAt: noticedAt ?? at };
}
