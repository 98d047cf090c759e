import type {
  Action,
  ActionCancel,
  ActionInput,
  ActionListQuery,
  ActionPatch,
  EffectivenessCheckInput,
  Mistake,
} from '../../shared/contract/index.ts';
import { requireMember, requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { queueAfterChange } from './action-schedule.ts';
import { presentAction, refreshLearning } from './learning.ts';
import type { ActionRecord } from './ports.ts';

const DAY = 86_400_000;

async function present(deps: Deps, actor: Actor, a: ActionRecord, mistake?: Mistake): Promise<Action> {
  const m = mistake ?? (await getMistake(deps, actor, a.mistakeId));
  const members = await deps.store.users.members(actor.workspaceId);
  return presentAction(a, m, new Map(members.map((x) => [x.id, x])), deps.clock.now());
}

/** Loads an action of the actor's workspace or throws action_not_found. */
async function loadAction(deps: Deps, actor: Actor, id: string): Promise<ActionRecord> {
  const action = await deps.store.actions.get(actor.workspaceId, id);
  if (!action) throw notFound('action_not_found');
  return action;
}

function refuseDueInPast(dueAt: string, now: Date): void {
  if (Date.parse(dueAt) <= now.getTime()) {
    throw new DomainError('validation_failed', 'dueAt must be in the future.', { field: 'dueAt' });
  }
}

/** Adds a corrective or preventive action to a mistake, with an owner (a member) and a due date. */
export async function addAction(deps: Deps, actor: Actor, mistakeId: string, input: ActionInput): Promise<Action> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  await requireMember(deps, actor, input.ownerId);
  const now = deps.clock.now();
  refuseDueInPast(input.dueAt, now);
  const base = { status: 'open' as const, dueAt: input.dueAt, checkDueAt: null, checkResult: null };
  const action: ActionRecord = {
    id: deps.ids.id(),
    mistakeId,
    clientId: mistake.clientId,
    kind: input.kind,
    title: input.title,
    ownerId: input.ownerId,
    ...base,
    cancelReason: null,
    doneAt: null,
    checkNote: null,
    checkedBy: null,
    checkedAt: null,
    nextReminderAt: queueAfterChange(base, now),
    createdAt: now.toISOString(),
  };
  await deps.store.transaction(async (store) => {
    await store.actions.create(actor.workspaceId, action);
    await recordEvent({ ...deps, store }, actor, {
      type: 'action.added',
      summary: `${input.kind === 'preventive' ? 'Preventive' : 'Corrective'} action for ${mistake.ref}: ${input.title}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { actionId: action.id, kind: input.kind, ownerId: input.ownerId, dueAt: input.dueAt },
    });
    await refreshLearning(deps, store, actor, mistakeId, `preventive action “${input.title}” added`);
  });
  return present(deps, actor, action, mistake);
}

/** Lists the workspace's actions: open (default), overdue, done, cancelled or all; by owner or mistake. */
export async function listActions(deps: Deps, actor: Actor, query: ActionListQuery): Promise<Action[]> {
  const now = deps.clock.now();
  const statuses =
    query.status === 'all' ? undefined : query.status === 'overdue' ? (['open'] as const) : ([query.status] as const);
  const rows = await deps.store.actions.list(actor.workspaceId, {
    statuses,
    ownerId: query.ownerId,
    mistakeId: query.mistakeId,
    dueBefore: query.status === 'overdue' ? now.toISOString() : undefined,
  });
  const members = new Map((await deps.store.users.members(actor.workspaceId)).map((m) => [m.id, m]));
  const refs = new Map<string, Mistake>();
  const out: Action[] = [];
  for (const a of rows) {
    let m = refs.get(a.mistakeId);
    if (!m) {
      m = await getMistake(deps, actor, a.mistakeId);
      refs.set(a.mistakeId, m);
    }
    out.push(presentAction(a, m, members, now));
  }
  return out;
}

/** Gets one action. */
export async function getAction(deps: Deps, actor: Actor, id: string): Promise<Action> {
  return present(deps, actor, await loadAction(deps, actor, id));
}

/** Edits an open action's title, owner or due date. */
export async function updateAction(deps: Deps, actor: Actor, id: string, patch: ActionPatch): Promise<Action> {
  requireRole(actor, 'member');
  const before = await loadAction(deps, actor, id);
  if (before.status !== 'open') throw new DomainError('action_not_open');
  await requireMember(deps, actor, patch.ownerId);
  const now = deps.clock.now();
  if (patch.dueAt && patch.dueAt !== before.dueAt) refuseDueInPast(patch.dueAt, now);
  const next: ActionRecord = { ...before, ...patch };
  next.nextReminderAt = queueAfterChange(next, now);
  const changed = (Object.keys(patch) as (keyof ActionPatch)[]).filter((k) => patch[k] !== before[k]);
  if (changed.length === 0) return present(deps, actor, before);
  const mistake = await getMistake(deps, actor, before.mistakeId);
  await deps.store.transaction(async (store) => {
    await store.actions.update(actor.workspaceId, next);
    await recordEvent({ ...deps, store }, actor, {
      type: 'action.updated',
      summary: `Action “${next.title}” of ${mistake.ref} updated: ${changed.join(', ')}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { actionId: id, changed },
    });
  });
  return present(deps, actor, next, mistake);
}

/** Marks an open action done; a preventive one gets its effectiveness check date. */
export async function completeAction(deps: Deps, actor: Actor, id: string): Promise<Action> {
  requireRole(actor, 'member');
  const before = await loadAction(deps, actor, id);
  if (before.status !== 'open') throw new DomainError('action_not_open');
  const now = deps.clock.now();
  const settings = await loadSettings(deps.store, actor.workspaceId);
  const next: ActionRecord = {
    ...before,
    status: 'done',
    doneAt: now.toISOString(),
    checkDueAt:
      before.kind === 'preventive'
        ? new Date(now.getTime() + settings.effectivenessCheckDays * DAY).toISOString()
        : null,
  };
  next.nextReminderAt = queueAfterChange(next, now);
  const mistake = await getMistake(deps, actor, before.mistakeId);
  await deps.store.transaction(async (store) => {
    await store.actions.update(actor.workspaceId, next);
    await recordEvent({ ...deps, store }, actor, {
      type: 'action.done',
      summary: `Action “${before.title}” of ${mistake.ref} done${next.checkDueAt ? `; effectiveness check due in ${settings.effectivenessCheckDays} days` : ''}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { actionId: id, checkDueAt: next.checkDueAt },
    });
    await refreshLearning(deps, store, actor, mistake.id, `action “${before.title}” done`);
  });
  return present(deps, actor, next, mistake);
}

/** Cancels an open action, with the reason on the timeline. */
export async function cancelAction(deps: Deps, actor: Actor, id: string, input: ActionCancel): Promise<Action> {
  requireRole(actor, 'member');
  const before = await loadAction(deps, actor, id);
  if (before.status !== 'open') throw new DomainError('action_not_open');
  const next: ActionRecord = { ...before, status: 'cancelled', cancelReason: input.reason, nextReminderAt: null };
  const mistake = await getMistake(deps, actor, before.mistakeId);
  await deps.store.transaction(async (store) => {
    await store.actions.update(actor.workspaceId, next);
    await recordEvent({ ...deps, store }, actor, {
      type: 'action.cancelled',
      summary: `Action “${before.title}” of ${mistake.ref} cancelled: ${input.reason}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { actionId: id, reason: input.reason },
    });
    await refreshLearning(deps, store, actor, mistake.id, `action “${before.title}” cancelled`);
  });
  return present(deps, actor, next, mistake);
}

/**
 * Records the effectiveness check of a done preventive action. "Not effective" takes the mistake
 * back from verified (and closed), with why on the timeline; a new action can then be added.
 */
export async function recordEffectivenessCheck(
  deps: Deps,
  actor: Actor,
  id: string,
  input: EffectivenessCheckInput,
  evidence?: { repeatRef: string },
): Promise<Action> {
  requireRole(actor, 'member');
  const before = await loadAction(deps, actor, id);
  if (before.kind !== 'preventive') throw new DomainError('action_not_preventive');
  if (before.status !== 'done') throw new DomainError('action_not_done');
  const now = deps.clock.now().toISOString();
  const next: ActionRecord = {
    ...before,
    checkResult: input.result,
    checkNote: input.note,
    checkedBy: actor.name,
    checkedAt: now,
    nextReminderAt: null,
  };
  const mistake = await getMistake(deps, actor, before.mistakeId);
  const verdict = input.result === 'effective' ? 'effective' : 'not effective';
  await deps.store.transaction(async (store) => {
    await store.actions.update(actor.workspaceId, next);
    await recordEvent({ ...deps, store }, actor, {
      type: 'action.checked',
      summary: `Effectiveness check of “${before.title}” (${mistake.ref}): ${verdict}${input.note ? ` — ${input.note}` : ''}`,
      mistakeId: mistake.id,
      clientId: mistake.clientId,
      data: { actionId: id, result: input.result, ...(evidence && { repeatOf: evidence.repeatRef }) },
    });
    await refreshLearning(deps, store, actor, mistake.id, `the check of “${before.title}” says ${verdict}`);
  });
  return present(deps, actor, next, mistake);
}
