import type { Learning, Mistake, RepeatInput, SimilarMistake, SimilarQuery } from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { getClient } from '../clients/clients.ts';
import { DomainError } from '../errors.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { getLearning, refreshLearning } from './learning.ts';
import type { OverturnedCheck } from './ports.ts';
import { isLikelyRepeat, rankSimilar } from './similarity.ts';
import { refreshClientHealth } from '../health/refresh.ts';
import { livePreventive } from './stages.ts';

/** How many of the workspace's most recent mistakes are compared (newest first). */
const CANDIDATES = 1_000;
const PAGE = 200;

/**
 * The past mistakes most like one being logged: text similarity of title and description, the
 * same client and the same category; each with whether its preventive actions proved effective.
 */
export async function findSimilarMistakes(deps: Deps, actor: Actor, query: SimilarQuery): Promise<SimilarMistake[]> {
  if (query.clientId) await getClient(deps, actor, query.clientId);
  const candidates: Mistake[] = [];
  let after: { foundAt: string; number: number } | undefined;
  while (candidates.length < CANDIDATES) {
    const page = await deps.store.mistakes.list(actor.workspaceId, { limit: PAGE, after });
    candidates.push(...page.items);
    const last = page.items.at(-1);
    if (!last || page.items.length < PAGE) break;
    after = { foundAt: last.foundAt, number: last.number };
  }
  // The same cause category or escape point as the mistake being edited (once its root cause is
  // known) counts too: the candidates' causes come in one query.
  const own = query.excludeId ? await deps.store.rootCauses.get(actor.workspaceId, query.excludeId) : null;
  const causes = own
    ? new Map(
        (
          await deps.store.rootCauses.causesOf(
            actor.workspaceId,
            candidates.map((m) => m.id),
          )
        ).map((c) => [c.mistakeId, c]),
      )
    : new Map<string, { category: string; escapeKind: string | null }>();
  const ranked = rankSimilar(
    {
      title: query.title,
      text: `${query.title} ${query.description ?? ''}`,
      clientId: query.clientId,
      category: query.category,
      causeCategory: own?.category,
      escapeKind: own?.escapePoint?.kind,
    },
    candidates
      .filter((m) => m.id !== query.excludeId)
      .map((m) => ({
        item: m,
        title: m.title,
        text: `${m.title} ${m.description ?? ''}`,
        clientId: m.clientId,
        category: m.category,
        causeCategory: causes.get(m.id)?.category,
        escapeKind: causes.get(m.id)?.escapeKind,
      })),
  ).slice(0, query.limit);
  const mine = await deps.store.lessons.list(actor.workspaceId, {
    mistakeIds: ranked.map((b) => b.item.id),
    limit: 200,
  });
  const stats = await deps.store.lessons.stats(actor.workspaceId, mine);
  const out: SimilarMistake[] = [];
  for (const s of ranked) {
    const preventive = livePreventive(await deps.store.actions.list(actor.workspaceId, { mistakeId: s.item.id }));
    const reasons = [
      `${Math.round(s.text * 100)}% similar wording`,
      ...(s.sameClient ? ['same client'] : []),
      ...(s.sameCategory ? ['same category'] : []),
      ...(s.sameCause ? ['same cause'] : []),
      ...(s.sameEscape ? ['escaped the same way'] : []),
    ];
    out.push({
      mistake: s.item,
      score: s.score,
      likelyRepeat: isLikelyRepeat(s),
      reasons,
      preventive: {
        total: preventive.length,
        effective: preventive.filter((a) => a.checkResult === 'effective').length,
        notEffective: preventive.filter((a) => a.checkResult === 'not_effective').length,
      },
      lessons: mine
        .filter((l) => l.mistakeId === s.item.id)
        .map((l) => ({ id: l.id, title: l.title, catches: stats.find((x) => x.lessonId === l.id)?.catches ?? 0 })),
    });
  }
  return out;
}

/**
 * Marks a mistake as a repeat of an earlier one: both timelines say so; the earlier mistake is
 * regressed (no longer verified or closed); and the effectiveness checks of its done preventive
 * actions become "not effective", with the repeat as the evidence. Returns the earlier mistake's learning.
 */
export async function markRepeat(deps: Deps, actor: Actor, mistakeId: string, input: RepeatInput): Promise<Learning> {
  requireRole(actor, 'member');
  const later = await getMistake(deps, actor, mistakeId);
  if (input.mistakeId === mistakeId) {
    throw new DomainError('validation_failed', 'A mistake cannot repeat itself.', { field: 'mistakeId' });
  }
  const earlier = await getMistake(deps, actor, input.mistakeId);
  if (earlier.number > later.number) {
    throw new DomainError(
      'validation_failed',
      `${earlier.ref} was logged after ${later.ref}; mark the later one as the repeat.`,
      {
        field: 'mistakeId',
      },
    );
  }
  if (await deps.store.repeats.get(actor.workspaceId, mistakeId)) throw new DomainError('repeat_already_marked');
  const now = deps.clock.now().toISOString();
  const actions = livePreventive(await deps.store.actions.list(actor.workspaceId, { mistakeId: earlier.id }));
  const overturned = actions.filter((a) => a.status === 'done' && a.checkResult !== 'not_effective');
  await deps.store.transaction(async (store) => {
    const undo: OverturnedCheck[] = overturned.map((a) => ({
      actionId: a.id,
      checkResult: a.checkResult,
      checkNote: a.checkNote,
      checkedBy: a.checkedBy,
      checkedAt: a.checkedAt,
    }));
    await store.repeats.put(actor.workspaceId, {
      mistakeId,
      repeatOfId: earlier.id,
      undo,
      markedBy: actor.name,
      markedAt: now,
    });
    for (const a of overturned) {
      await store.actions.update(actor.workspaceId, {
        ...a,
        checkResult: 'not_effective',
        checkNote: `It happened again: ${later.ref} (${later.title}).`,
        checkedBy: actor.name,
        checkedAt: now,
        nextReminderAt: null,
      });
    }
    await recordEvent({ ...deps, store }, actor, {
      type: 'mistake.repeat_marked',
      summary: `${later.ref} marked as a repeat of ${earlier.ref} (${earlier.title})`,
      mistakeId,
      clientId: later.clientId,
      data: { repeatOf: earlier.id },
    });
    await recordEvent({ ...deps, store }, actor, {
      type: 'mistake.regressed',
      summary: `${earlier.ref} regressed: it happened again as ${later.ref}${overturned.length > 0 ? `; ${overturned.map((a) => `“${a.title}”`).join(', ')} not effective` : ''}`,
      mistakeId: earlier.id,
      clientId: earlier.clientId,
      data: { repeat: mistakeId, overturned: overturned.map((a) => a.id) },
    });
    await refreshLearning(deps, store, actor, earlier.id, `it happened again as ${later.ref}`);
    await refreshClientHealth(
      { ...deps, store },
      actor.workspaceId,
      later.clientId,
      `${later.ref} repeats ${earlier.ref}`,
    );
  });
  return getLearning(deps, actor, earlier.id);
}

/** Undoes a repeat mark: the link goes, the checks it overturned are restored, the stages recomputed. */
export async function unmarkRepeat(deps: Deps, actor: Actor, mistakeId: string): Promise<Learning> {
  requireRole(actor, 'member');
  const later = await getMistake(deps, actor, mistakeId);
  const link = await deps.store.repeats.get(actor.workspaceId, mistakeId);
  if (!link) throw new DomainError('repeat_not_marked');
  const earlier = await getMistake(deps, actor, link.repeatOfId);
  await deps.store.transaction(async (store) => {
    await store.repeats.delete(actor.workspaceId, mistakeId);
    for (const previous of link.undo) {
      const a = await store.actions.get(actor.workspaceId, previous.actionId);
      if (!a || a.checkedAt !== link.markedAt) continue;
      await store.actions.update(actor.workspaceId, { ...a, ...previous });
    }
    for (const [id, ref, summary] of [
      [mistakeId, later.ref, `${later.ref} is no longer marked as a repeat of ${earlier.ref}`],
      [
        earlier.id,
        earlier.ref,
        `${earlier.ref}: ${later.ref} is no longer counted as a repeat; its checks are restored`,
      ],
    ] as const) {
      await recordEvent({ ...deps, store }, actor, {
        type: 'mistake.repeat_unmarked',
        summary,
        mistakeId: id,
        clientId: later.clientId,
        data: { ref },
      });
    }
    await refreshLearning(deps, store, actor, earlier.id, `${later.ref} is no longer a repeat`);
    await refreshClientHealth(
      { ...deps, store },
      actor.workspaceId,
      later.clientId,
      `${later.ref} is no longer a repeat`,
    );
  });
  return getLearning(deps, actor, earlier.id);
}
