import type {
  CheckAccept,
  CheckProposal,
  Lesson,
  LessonHit,
  LessonInput,
  LessonPatch,
  LessonQuery,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { addFact, updateContact } from '../clients/clients.ts';
import { DomainError, notFound } from '../errors.ts';
import { addGuardRule, removeGuardRule } from '../guard/guard-rules.ts';
import { blameAdvisories } from '../learning/blameless.ts';
import { peopleOf } from '../learning/learning.ts';
import { getMistake } from '../mistakes/mistakes.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { LessonCheckRecord, LessonRow } from './ports.ts';
import { proposeChecks } from './proposals.ts';
import { reindexLessons } from './search-index.ts';

// Lessons: what a mistake taught, blameless, for its client or the whole workspace; the checks it
// became; what those checks caught; and the lessons library over a full-text index.

const blamelessFields = (l: Pick<LessonRow, 'title' | 'learned'>) => [
  { field: 'title', text: l.title },
  { field: 'learned', text: l.learned },
];

/** Lessons as the API shows them: checks, catches, repeats, effectiveness and blameless advice. */
async function present(deps: Deps, workspaceId: string, rows: readonly LessonRow[]): Promise<Lesson[]> {
  const [checks, stats] = await Promise.all([
    deps.store.lessonChecks.listByLessons(
      workspaceId,
      rows.map((r) => r.id),
    ),
    deps.store.lessons.stats(workspaceId, rows),
  ]);
  const people = new Map<string, string[]>();
  for (const clientId of new Set(rows.map((r) => r.clientId))) {
    people.set(clientId, await peopleOf(deps, workspaceId, clientId));
  }
  return rows.map((r) => {
    const mine = checks.filter((c) => c.lessonId === r.id);
    const s = stats.find((x) => x.lessonId === r.id);
    return {
      id: r.id,
      mistakeId: r.mistakeId,
      mistakeRef: mistakeRef(r.mistakeNumber),
      mistakeTitle: r.mistakeTitle,
      clientId: r.clientId,
      clientName: r.clientName,
      scope: r.scope,
      title: r.title,
      learned: r.learned,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      checks: mine.map(({ lessonId: _lessonId, ...c }) => c),
      catches: s?.catches ?? 0,
      catchingSince: mine[0]?.createdAt ?? null,
      lastCaughtAt: s?.lastCaughtAt ?? null,
      repeats: s?.repeats ?? 0,
      effectiveness: s?.effectiveness ?? 'none',
      advisories: blameAdvisories(blamelessFields(r), people.get(r.clientId) ?? []),
    };
  });
}

async function lessonRow(deps: Deps, actor: Actor, id: string): Promise<LessonRow> {
  const row = await deps.store.lessons.get(actor.workspaceId, id);
  if (!row) throw notFound('lesson_not_found');
  return row;
}

export async function getLesson(deps: Deps, actor: Actor, id: string): Promise<Lesson> {
  const [lesson] = await present(deps, actor.workspaceId, [await lessonRow(deps, actor, id)]);
  return lesson!;
}

export async function listMistakeLessons(deps: Deps, actor: Actor, mistakeId: string): Promise<Lesson[]> {
  await getMistake(deps, actor, mistakeId);
  const rows = await deps.store.lessons.list(actor.workspaceId, { mistakeId, limit: 200 });
  return present(deps, actor.workspaceId, rows.reverse());
}

/** Writes a lesson from a mistake. */
export async function createLesson(deps: Deps, actor: Actor, mistakeId: string, input: LessonInput): Promise<Lesson> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  const now = deps.clock.now().toISOString();
  const id = deps.ids.id();
  await deps.store.transaction(async (store) => {
    await store.lessons.create(actor.workspaceId, {
      id,
      mistakeId,
      clientId: mistake.clientId,
      scope: input.scope,
      title: input.title,
      learned: input.learned,
      createdBy: actor.name,
      createdAt: now,
      updatedAt: now,
    });
    await reindexLessons(store, actor.workspaceId, mistakeId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'lesson.written',
      summary: `Lesson from ${mistake.ref}: ${input.title}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { lessonId: id, scope: input.scope },
    });
  });
  return getLesson(deps, actor, id);
}

export async function updateLesson(deps: Deps, actor: Actor, id: string, patch: LessonPatch): Promise<Lesson> {
  requireRole(actor, 'member');
  const before = await lessonRow(deps, actor, id);
  const after = { ...before, ...patch, updatedAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.lessons.update(actor.workspaceId, after);
    await reindexLessons(store, actor.workspaceId, before.mistakeId);
    // The scope decides which client's messages the lesson's rules apply to.
    if (patch.scope && patch.scope !== before.scope) await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'lesson.changed',
      summary: `Lesson from ${mistakeRef(before.mistakeNumber)} changed: ${after.title}`,
      mistakeId: before.mistakeId,
      clientId: before.clientId,
      data: { lessonId: id, changed: Object.keys(patch) },
    });
  });
  return getLesson(deps, actor, id);
}

/** Deletes a lesson; the guard rules it became go with it, facts and contacts stay on their cards. */
export async function deleteLesson(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'member');
  const lesson = await lessonRow(deps, actor, id);
  const checks = await deps.store.lessonChecks.listByLessons(actor.workspaceId, [id]);
  for (const c of checks.filter((x) => x.kind === 'guard_rule')) {
    if (await deps.store.guardRules.get(actor.workspaceId, c.targetId)) await removeGuardRule(deps, actor, c.targetId);
  }
  await deps.store.transaction(async (store) => {
    await store.lessons.delete(actor.workspaceId, id);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'lesson.deleted',
      summary: `Lesson from ${mistakeRef(lesson.mistakeNumber)} deleted: ${lesson.title}`,
      mistakeId: lesson.mistakeId,
      clientId: lesson.clientId,
      data: { lesson: { title: lesson.title, learned: lesson.learned, scope: lesson.scope } },
    });
  });
}

/** The checks proposed from what went wrong in the lesson's mistake. */
export async function lessonProposals(deps: Deps, actor: Actor, id: string): Promise<CheckProposal[]> {
  const lesson = await lessonRow(deps, actor, id);
  const mistake = await getMistake(deps, actor, lesson.mistakeId);
  const [clientFacts, workspaceFacts, contacts, existing] = await Promise.all([
    deps.store.facts.list(actor.workspaceId, lesson.clientId),
    deps.store.facts.list(actor.workspaceId, null),
    deps.store.contacts.listByClient(actor.workspaceId, lesson.clientId),
    deps.store.lessonChecks.listByLessons(actor.workspaceId, [id]),
  ]);
  const proposals = proposeChecks({
    mistake: { title: mistake.title, description: mistake.description, category: mistake.category },
    lessonTitle: lesson.title,
    facts: [...clientFacts, ...workspaceFacts],
    contacts,
  });
  // Drop what this lesson already checks.
  const linked = new Set(existing.map((c) => `${c.kind}:${c.targetId}`));
  const rules = await Promise.all(
    existing
      .filter((c) => c.kind === 'guard_rule')
      .map((c) => deps.store.guardRules.get(actor.workspaceId, c.targetId)),
  );
  const ruleKeys = new Set(rules.flatMap((r) => (r ? [`${r.kind}:${r.phrase ?? r.pattern ?? ''}`] : [])));
  return proposals.filter(
    (p) =>
      !(p.kind === 'contact' && linked.has(`contact:${p.contactId}`)) &&
      !(p.kind === 'fact' && p.existingFactId && linked.has(`fact:${p.existingFactId}`)) &&
      !((p.kind === 'forbidden' || p.kind === 'required') && ruleKeys.has(`${p.kind}:${p.phrase}`)) &&
      !(p.kind === 'pattern' && p.pattern !== '' && ruleKeys.has(`pattern:${p.pattern}`)),
  );
}

/** Accepts a proposed check (as the user edited it): the rule, fact or contact is recorded and linked to the lesson. */
export async function acceptCheck(deps: Deps, actor: Actor, id: string, input: CheckAccept): Promise<Lesson> {
  requireRole(actor, 'member');
  const lesson = await lessonRow(deps, actor, id);
  const ref = mistakeRef(lesson.mistakeNumber);
  const clientId = lesson.scope === 'client' ? lesson.clientId : null;
  let target: { kind: LessonCheckRecord['kind']; id: string; label: string };
  if (input.kind === 'fact') {
    const facts = await deps.store.facts.list(actor.workspaceId, clientId);
    const same = facts.find((f) => f.kind === input.factKind && f.value === input.value);
    const fact =
      same ?? (await addFact(deps, actor, clientId, { kind: input.factKind, value: input.value, label: input.label }));
    target = { kind: 'fact', id: fact.id, label: `${fact.label ?? fact.kind.replace('_', ' ')} is ${fact.value}` };
  } else if (input.kind === 'contact') {
    const contact = await deps.store.contacts.get(actor.workspaceId, input.contactId);
    if (!contact || contact.clientId !== lesson.clientId) {
      throw new DomainError('contact_not_found', "No such contact for this lesson's client.", { field: 'contactId' });
    }
    const updated = await updateContact(deps, actor, lesson.clientId, contact.id, {
      fullName: input.fullName,
      honorific: input.honorific,
    });
    target = {
      kind: 'contact',
      id: updated.id,
      label: `${updated.honorific === 'none' ? '' : `${updated.honorific} `}${updated.fullName}, spelled and addressed so`,
    };
  } else {
    const rule = await addGuardRule(deps, actor, {
      kind: input.kind,
      clientId,
      mistakeId: lesson.mistakeId,
      phrase: input.kind === 'pattern' ? null : input.phrase,
      pattern: input.kind === 'pattern' ? input.pattern : null,
      when: input.kind === 'pattern' ? null : input.when,
      message: input.message,
    });
    target = {
      kind: 'guard_rule',
      id: rule.id,
      label:
        rule.kind === 'forbidden'
          ? `never “${rule.phrase}”${rule.when ? ` when “${rule.when}”` : ''}`
          : rule.kind === 'required'
            ? `“${rule.phrase}” ${rule.when ? `whenever “${rule.when}” appears` : 'in every message'}`
            : `nothing matching /${rule.pattern}/`,
    };
  }
  const check: LessonCheckRecord = {
    id: deps.ids.id(),
    lessonId: id,
    kind: target.kind,
    targetId: target.id,
    label: target.label,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (store) => {
    await store.lessonChecks.add(actor.workspaceId, check);
    // Findings of the linked rule, fact or contact now name the lesson.
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'lesson.check_added',
      summary: `Lesson from ${ref} became a check: ${target.label}`,
      mistakeId: lesson.mistakeId,
      clientId: lesson.clientId,
      data: { lessonId: id, checkId: check.id, kind: target.kind, targetId: target.id },
    });
  });
  return getLesson(deps, actor, id);
}

/** Unlinks a check from its lesson; a guard rule made for it is removed, a fact or contact stays. */
export async function removeCheck(deps: Deps, actor: Actor, id: string, checkId: string): Promise<Lesson> {
  requireRole(actor, 'member');
  const lesson = await lessonRow(deps, actor, id);
  const check = (await deps.store.lessonChecks.listByLessons(actor.workspaceId, [id])).find((c) => c.id === checkId);
  if (!check) throw notFound('lesson_check_not_found');
  if (check.kind === 'guard_rule' && (await deps.store.guardRules.get(actor.workspaceId, check.targetId))) {
    await removeGuardRule(deps, actor, check.targetId);
  }
  await deps.store.transaction(async (store) => {
    await store.lessonChecks.remove(actor.workspaceId, checkId);
    await store.workspaces.bumpGuardVersion(actor.workspaceId);
    await recordEvent({ ...deps, store }, actor, {
      type: 'lesson.check_removed',
      summary: `Lesson from ${mistakeRef(lesson.mistakeNumber)}: check removed (${check.label})`,
      mistakeId: lesson.mistakeId,
      clientId: lesson.clientId,
      data: { lessonId: id, checkId, kind: check.kind, targetId: check.targetId },
    });
  });
  return getLesson(deps, actor, id);
}

/** How many full-text hits are filtered and ranked (the library shows the best `limit` of them). */
const SEARCH_DEPTH = 500;

/** The lessons library: full-text search over every lesson and its mistake, root cause and actions, with filters. */
export async function searchLessons(deps: Deps, actor: Actor, query: LessonQuery): Promise<LessonHit[]> {
  const q = query.q?.trim() ?? '';
  const filtered = Boolean(query.clientId || query.category || query.cause || query.effective);
  // Filters are applied to the best SEARCH_DEPTH hits; without filters the page is the best hits.
  const ranked = q
    ? await deps.store.lessons.search(actor.workspaceId, q, filtered ? SEARCH_DEPTH : query.limit)
    : null;
  // With an effectiveness filter, look deeper: it is known only once the stats are in.
  const depth = query.effective ? SEARCH_DEPTH : query.limit;
  let rows = await deps.store.lessons.list(actor.workspaceId, {
    clientId: query.clientId,
    category: query.category,
    cause: query.cause,
    ...(ranked && { ids: ranked.map((r) => r.id) }),
    limit: ranked ? SEARCH_DEPTH : depth,
  });
  if (query.effective) {
    const stats = await deps.store.lessons.stats(actor.workspaceId, rows);
    const keep = new Set(stats.filter((x) => x.effectiveness === query.effective).map((x) => x.lessonId));
    rows = rows.filter((r) => keep.has(r.id));
  }
  // Only the page is presented (checks, catches, advice): rows are already in rank order.
  const page = rows.slice(0, query.limit);
  const lessons = await present(deps, actor.workspaceId, page);
  const rank = new Map(ranked?.map((r) => [r.id, r.rank]));
  return lessons.map((l, i) => ({
    ...l,
    mistakeCategory: page[i]!.mistakeCategory,
    cause: page[i]!.cause,
    rank: ranked ? (rank.get(l.id) ?? 0) : null,
  }));
}
