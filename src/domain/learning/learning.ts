import type {
  Action,
  Learning,
  LearningDecisions,
  Mistake,
  RootCause,
  RootCauseInput,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import type { Actor, Deps, Member, Store } from '../ports.ts';
import { getMistake, setLearningReached } from '../mistakes/mistakes.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { reindexLessons } from '../lessons/search-index.ts';
import { blameAdvisories } from './blameless.ts';
import type { ActionRecord } from './ports.ts';
import { learningReached, learningStatus, type LearningFacts } from './stages.ts';

const stageWords = { learned: 'learned', verified: 'verified', closed: 'closed' } as const;

/** The facts of one mistake that the learning stages are earned by, read in the caller's store. */
export async function learningFacts(store: Store, workspaceId: string, mistakeId: string): Promise<LearningFacts> {
  const [rootCause, actions, decisions, plans, repeats] = await Promise.all([
    store.rootCauses.get(workspaceId, mistakeId),
    store.actions.list(workspaceId, { mistakeId }),
    store.learningDecisions.get(workspaceId, mistakeId),
    store.messages.list(workspaceId, { mistakeId, kind: 'improvement_plan', limit: 50 }),
    store.repeats.repeatsOf(workspaceId, mistakeId),
  ]);
  const plan = plans.find((m) => m.status !== 'failed' && m.status !== 'draft');
  return {
    rootCause,
    actions,
    noPreventionReason: decisions?.noPreventionReason ?? null,
    noPlanReason: decisions?.noPlanReason ?? null,
    planSentAt: plan ? (plan.sentAt ?? plan.createdAt) : null,
    // A repeat since the last time it was verified means what we changed did not hold.
    regressed: repeats.some((r) => !mistakeVerifiedAfter(r.markedAt, actions)),
  };
}

/** Whether a preventive action was checked effective after a repeat was marked at `at`. */
function mistakeVerifiedAfter(at: string, actions: readonly ActionRecord[]): boolean {
  return actions.some(
    (a) =>
      a.kind === 'preventive' &&
      a.status !== 'cancelled' &&
      a.checkResult === 'effective' &&
      a.checkedAt !== null &&
      a.checkedAt > at,
  );
}

/**
 * Recomputes learned / verified / closed from the recorded facts after a change, in the caller's
 * transaction, and puts every stage gained or lost on the timeline (with why, when it is lost).
 */
export async function refreshLearning(
  deps: Deps,
  store: Store,
  actor: Actor,
  mistakeId: string,
  why: string,
): Promise<Mistake> {
  const mistake = await store.mistakes.get(actor.workspaceId, mistakeId);
  if (!mistake) throw new Error('mistake vanished inside its own transaction');
  const now = deps.clock.now().toISOString();
  const facts = await learningFacts(store, actor.workspaceId, mistakeId);
  const next = learningReached(mistake.reached, facts, now);
  const after = await setLearningReached(store, actor.workspaceId, mistake, next, now, facts.regressed ?? false);
  for (const stage of ['learned', 'verified', 'closed'] as const) {
    const was = mistake.reached[stage];
    const is = next[stage];
    if (!was && is) {
      await recordEvent({ ...deps, store }, actor, {
        type: `mistake.${stage}`,
        summary: `${mistake.ref} ${stageWords[stage]}: ${why}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { stage },
      });
    } else if (was && !is) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'mistake.stage_lost',
        summary: `${mistake.ref} is no longer ${stageWords[stage]}: ${why}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { stage },
      });
    }
  }
  // The lessons library searches the root cause and the actions too.
  await reindexLessons(store, actor.workspaceId, mistakeId);
  return after;
}

/** People whose names a blameless root cause should not name as the cause: members and the client's contacts. */
export async function peopleOf(deps: Deps, workspaceId: string, clientId: string): Promise<string[]> {
  const [members, contacts] = await Promise.all([
    deps.store.users.members(workspaceId),
    deps.store.contacts.listByClient(workspaceId, clientId),
  ]);
  return [
    ...members.map((m: Member) => m.name),
    ...contacts.flatMap((c) => [c.fullName, ...(c.preferredName ? [c.preferredName] : [])]),
  ];
}

/** The mistake's action with its ref, owner name and whether it is overdue now. */
export function presentAction(
  a: ActionRecord,
  mistake: Pick<Mistake, 'ref'>,
  members: ReadonlyMap<string, Member>,
  now: Date,
): Action {
  const { nextReminderAt: _queue, ...rest } = a;
  return {
    ...rest,
    mistakeRef: mistake.ref,
    ownerName: a.ownerId ? (members.get(a.ownerId)?.name ?? null) : null,
    overdue: a.status === 'open' && Date.parse(a.dueAt) < now.getTime(),
  };
}

/** Everything the learning step of a mistake shows: root cause, advisories, actions, what is missing. */
export async function getLearning(deps: Deps, actor: Actor, mistakeId: string): Promise<Learning> {
  const mistake = await getMistake(deps, actor, mistakeId);
  const facts = await learningFacts(deps.store, actor.workspaceId, mistakeId);
  const [members, people, plans, repeatOf, repeats] = await Promise.all([
    deps.store.users.members(actor.workspaceId),
    peopleOf(deps, actor.workspaceId, mistake.clientId),
    deps.store.messages.list(actor.workspaceId, { mistakeId, kind: 'improvement_plan', limit: 50 }),
    deps.store.repeats.get(actor.workspaceId, mistakeId),
    deps.store.repeats.repeatsOf(actor.workspaceId, mistakeId),
  ]);
  const refOf = async (id: string) => ({ id, ref: (await deps.store.mistakes.get(actor.workspaceId, id))?.ref ?? '' });
  const byId = new Map(members.map((m) => [m.id, m]));
  const now = deps.clock.now();
  const status = learningStatus(facts);
  return {
    mistakeId,
    stage: mistake.stage,
    rootCause: facts.rootCause,
    advisories: facts.rootCause ? blameAdvisories(rootCauseFields(facts.rootCause), people) : [],
    actions: facts.actions.map((a) => presentAction(a, mistake, byId, now)),
    noPreventionReason: facts.noPreventionReason,
    noPlanReason: facts.noPlanReason,
    planMessageId: plans.find((m) => m.status !== 'failed' && m.status !== 'draft')?.id ?? null,
    repeatOf: repeatOf ? await refOf(repeatOf.repeatOfId) : null,
    repeats: await Promise.all(repeats.map((r) => refOf(r.mistakeId))),
    regressed: facts.regressed ?? false,
    missing: status.missing,
  };
}

function rootCauseFields(r: Pick<RootCause, 'whySteps' | 'summary'>): { field: string; text: string }[] {
  return [
    ...r.whySteps.map((text, i) => ({ field: `whySteps.${i}`, text })),
    ...(r.summary ? [{ field: 'summary', text: r.summary }] : []),
  ];
}

/** Records (or replaces) the root cause of a mistake; every edit is on the timeline. */
export async function recordRootCause(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: RootCauseInput,
): Promise<Learning> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const now = deps.clock.now().toISOString();
  const before = await deps.store.rootCauses.get(actor.workspaceId, mistakeId);
  const rootCause: RootCause = {
    mistakeId,
    whySteps: input.whySteps,
    category: input.category,
    otherCategories: [...new Set(input.otherCategories.filter((c) => c !== input.category))],
    escapePoint: input.escapePoint,
    summary: input.summary,
    updatedAt: now,
    updatedBy: actor.name,
  };
  await deps.store.transaction(async (store) => {
    await store.rootCauses.put(actor.workspaceId, rootCause);
    // The why-steps are internal: the timeline says that the root cause changed, not what it says.
    await recordEvent({ ...deps, store }, actor, {
      type: before ? 'root_cause.updated' : 'root_cause.recorded',
      summary: `${mistake.ref} root cause ${before ? 'updated' : 'recorded'}: ${input.category.replace('_', ' ')}${input.escapePoint ? `, escaped at ${input.escapePoint.where}` : ''}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { category: input.category, steps: input.whySteps.length, escapeKind: input.escapePoint?.kind ?? null },
    });
    await refreshLearning(deps, store, actor, mistakeId, 'the root cause is recorded');
  });
  return getLearning(deps, actor, mistakeId);
}

/** Records (or clears, with null) a reason that stands in for a fact: no preventive action, no plan. */
export async function recordLearningDecisions(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: LearningDecisions,
): Promise<Learning> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const now = deps.clock.now().toISOString();
  const current = (await deps.store.learningDecisions.get(actor.workspaceId, mistakeId)) ?? {
    noPreventionReason: null,
    noPlanReason: null,
  };
  const next = {
    noPreventionReason: input.noPreventionReason === undefined ? current.noPreventionReason : input.noPreventionReason,
    noPlanReason: input.noPlanReason === undefined ? current.noPlanReason : input.noPlanReason,
  };
  await deps.store.transaction(async (store) => {
    await store.learningDecisions.put(actor.workspaceId, mistakeId, next, now);
    const said: string[] = [];
    if (next.noPreventionReason !== current.noPreventionReason) {
      said.push(
        next.noPreventionReason
          ? `no preventive action needed: ${next.noPreventionReason}`
          : 'a preventive action is needed after all',
      );
    }
    if (next.noPlanReason !== current.noPlanReason) {
      said.push(
        next.noPlanReason
          ? `no improvement plan to send: ${next.noPlanReason}`
          : 'the improvement plan is to be sent after all',
      );
    }
    if (said.length > 0) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'learning.decided',
        summary: `${mistake.ref}: ${said.join('; ')}`,
        mistakeId,
        clientId: mistake.clientId,
        data: { ...next },
      });
    }
    await refreshLearning(deps, store, actor, mistakeId, said.join('; ') || 'decision recorded');
  });
  return getLearning(deps, actor, mistakeId);
}
