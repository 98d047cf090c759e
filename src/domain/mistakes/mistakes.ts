import type {
  Acknowledgment,
  AcknowledgmentInput,
  Mistake,
  MistakeFilter,
  MistakeInput,
  MistakePage,
  MistakePatch,
  TimelineEvent,
} from '../../shared/contract/index.ts';
import { requireMember, requireRole } from '../access.ts';
import { getClient } from '../clients/clients.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps, MistakeRecord, Store } from '../ports.ts';
import { releaseHeldAccountingNotices } from '../remedies/accounting-notice.ts';
import { cursorInstant, decodeCursor, encodeCursor } from '../timeline/cursor.ts';
import { reindexLessons } from '../lessons/search-index.ts';
import { refreshClientHealth } from '../health/refresh.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { mistakeRef, stageOf } from './stage.ts';

/** Loads a mistake of the actor's workspace or throws mistake_not_found. */
export async function getMistake(deps: Deps, actor: Actor, id: string): Promise<Mistake> {
  const mistake = await deps.store.mistakes.get(actor.workspaceId, id);
  if (!mistake) throw notFound('mistake_not_found');
  return mistake;
}

/** Finds a mistake by its reference (MG-7 or 7). */
export async function getMistakeByRef(deps: Deps, actor: Actor, ref: string): Promise<Mistake> {
  const match = /^(?:MG-)?(\d{1,9})$/i.exec(ref.trim());
  if (!match) throw notFound('mistake_not_found');
  const mistake = await deps.store.mistakes.getByNumber(actor.workspaceId, Number(match[1]));
  if (!mistake) throw notFound('mistake_not_found');
  return mistake;
}

/**
 * Lists and filters the workspace's mistakes, newest found first, one keyset page at a time: the
 * page's `nextCursor` continues after its last row. The first page counts the matches up to a
 * bound ("1,000+") unless an exact count is asked for; later pages do not count.
 */
export async function listMistakes(deps: Deps, actor: Actor, filter: MistakeFilter): Promise<MistakePage> {
  const { cursor, count, ...filters } = filter;
  let after: { foundAt: string; number: number } | undefined;
  if (cursor) {
    const [foundAt, number] = decodeCursor(cursor, ['string', 'number'] as const);
    after = { foundAt: cursorInstant(foundAt), number };
  }
  // One row more than the page tells whether there is a next page.
  const page = await deps.store.mistakes.list(actor.workspaceId, {
    ...filters,
    limit: filter.limit + 1,
    after,
    count: count ?? (cursor ? 'none' : 'bounded'),
  });
  const items = page.items.slice(0, filter.limit);
  const last = items.at(-1);
  return {
    items,
    total: page.total,
    totalExact: page.totalExact,
    nextCursor: page.items.length > filter.limit && last ? encodeCursor([last.foundAt, last.number]) : null,
  };
}

/** Logs a mistake: takes the next MG number, starts at "found" and records it on both timelines. */
export async function logMistake(deps: Deps, actor: Actor, input: MistakeInput): Promise<Mistake> {
  requireRole(actor, 'member');
  const client = await getClient(deps, actor, input.clientId);
  await requireMember(deps, actor, input.ownerId);
  const now = deps.clock.now().toISOString();
  const foundAt = input.foundAt ?? now;
  if (input.happenedAt && input.happenedAt > foundAt) {
    throw new DomainError('validation_failed', 'happenedAt must not be after foundAt.', { field: 'happenedAt' });
  }
  const id = deps.ids.id();
  const eventId = deps.ids.id();
  const reached = { acknowledged: null, remedied: null, fixed: null, learned: null, verified: null, closed: null };
  // Atomic: the number, the row and its event. The per-workspace number is taken first of the
  // three (the row needs it) and holds its counter row's lock until commit, so nothing else runs
  // in this transaction: every read happens before it, and the answer is read after it.
  await deps.store.transaction(async (store) => {
    const number = await store.workspaces.nextMistakeNumber(actor.workspaceId);
    const record: MistakeRecord = {
      id,
      number,
      regressed: false,
      clientId: client.id,
      title: input.title,
      description: input.description,
      category: input.category,
      severity: input.severity,
      impact: input.impact ?? { amountMinor: 0, currency: client.value.currency },
      foundBy: input.foundBy,
      happenedAt: input.happenedAt,
      foundAt,
      stage: stageOf(reached),
      reached,
      ownerId: input.ownerId ?? actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await store.mistakes.create(actor.workspaceId, record);
    await recordEvent({ ...deps, store, ids: { id: () => eventId } }, actor, {
      type: 'mistake.logged',
      summary: `${mistakeRef(number)} logged: ${input.title} (${input.severity}, found by ${input.foundBy.replace('_', ' ')})`,
      mistakeId: id,
      clientId: client.id,
      data: { number, severity: input.severity, category: input.category },
    });
    // The client's health and its cluster alert, in the same transaction (after the counter: the
    // refresh reads the client's recent mistakes and takes only the client's health row).
    await refreshClientHealth({ ...deps, store }, actor.workspaceId, client.id, `${mistakeRef(number)} logged`);
  });
  const created = await deps.store.mistakes.get(actor.workspaceId, id);
  if (!created) throw new Error('mistake vanished right after it was logged');
  return created;
}

/** Edits a mistake's descriptive fields (never its stage). */
export async function updateMistake(deps: Deps, actor: Actor, id: string, patch: MistakePatch): Promise<Mistake> {
  requireRole(actor, 'member');
  const before = await getMistake(deps, actor, id);
  await requireMember(deps, actor, patch.ownerId);
  const changed = (Object.keys(patch) as (keyof MistakePatch)[]).filter(
    (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
  );
  if (changed.length === 0) return before;
  const next: MistakeRecord = { ...toRecord(before), ...patch, updatedAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.mistakes.update(actor.workspaceId, next);
    if (changed.includes('title') || changed.includes('description'))
      await reindexLessons(store, actor.workspaceId, id);
    await recordEvent({ ...deps, store }, actor, {
      type: 'mistake.updated',
      summary: `${before.ref} updated: ${changed.join(', ')}`,
      mistakeId: id,
      clientId: before.clientId,
      data: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])) },
    });
    if (changed.includes('severity'))
      await refreshClientHealth(
        { ...deps, store },
        actor.workspaceId,
        before.clientId,
        `${before.ref} is now ${next.severity}`,
      );
  });
  return getMistake(deps, actor, id);
}

function toRecord(mistake: Mistake): MistakeRecord {
  const { ref: _ref, clientName: _clientName, ...record } = mistake;
  return record;
}

/** Records that a recovery fact was reached at `at` (first time only) and recomputes the stage. */
export async function markReached(
  store: Store,
  workspaceId: string,
  mistake: Mistake,
  fact: keyof Mistake['reached'],
  at: string,
  now: string,
): Promise<Mistake> {
  if (mistake.reached[fact]) return mistake;
  const reached = { ...mistake.reached, [fact]: at };
  const next: MistakeRecord = { ...toRecord(mistake), reached, stage: stageOf(reached), updatedAt: now };
  await store.mistakes.update(workspaceId, next);
  return { ...mistake, reached, stage: next.stage, updatedAt: now };
}

/**
 * Replaces the learning facts' times (learned, verified, closed), which unlike the others can be
 * lost again (a check that says "not effective"); recomputes the stage. No write when unchanged.
 */
export async function setLearningReached(
  store: Store,
  workspaceId: string,
  mistake: Mistake,
  learning: Pick<Mistake['reached'], 'learned' | 'verified' | 'closed'>,
  now: string,
  regressed: boolean = mistake.regressed,
): Promise<Mistake> {
  const r = mistake.reached;
  if (
    r.learned === learning.learned &&
    r.verified === learning.verified &&
    r.closed === learning.closed &&
    regressed === mistake.regressed
  )
    return mistake;
  const reached = { ...r, ...learning };
  const next: MistakeRecord = { ...toRecord(mistake), reached, stage: stageOf(reached), regressed, updatedAt: now };
  await store.mistakes.update(workspaceId, next);
  return { ...mistake, reached, stage: next.stage, regressed, updatedAt: now };
}

/** Records that the client was told (when, how, to whom); the first one reaches "acknowledged". */
export async function recordAcknowledgment(
  deps: Deps,
  actor: Actor,
  mistakeId: string,
  input: AcknowledgmentInput,
): Promise<Acknowledgment> {
  requireRole(actor, 'member');
  const mistake = await getMistake(deps, actor, mistakeId);
  let recipient = input.recipient;
  if (input.contactId) {
    const contact = await deps.store.contacts.get(actor.workspaceId, input.contactId);
    if (!contact || contact.clientId !== mistake.clientId) {
      throw new DomainError('contact_not_found', 'No such contact for this client.', { field: 'contactId' });
    }
    recipient ??= contact.fullName;
  }
  const now = deps.clock.now().toISOString();
  const at = input.at ?? now;
  if (at < mistake.foundAt) {
    throw new DomainError('validation_failed', 'An acknowledgment cannot come before the mistake was found.', {
      field: 'at',
    });
  }
  const acknowledgment: Acknowledgment = {
    id: deps.ids.id(),
    mistakeId,
    at,
    channel: input.channel,
    contactId: input.contactId,
    recipient: recipient ?? '',
    note: input.note,
    messageId: null,
    createdAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.acknowledgments.create(actor.workspaceId, acknowledgment);
    await markReached(store, actor.workspaceId, mistake, 'acknowledged', at, now);
    await recordEvent({ ...deps, store }, actor, {
      type: 'mistake.acknowledged',
      summary: `${mistake.ref} acknowledged to ${acknowledgment.recipient} by ${input.channel}`,
      mistakeId,
      clientId: mistake.clientId,
      data: { acknowledgmentId: acknowledgment.id, channel: input.channel, at },
    });
    // Told by phone or in a meeting: a held accounting notice can go out now.
    await releaseHeldAccountingNotices({ ...deps, store }, actor, mistakeId);
    await refreshClientHealth({ ...deps, store }, actor.workspaceId, mistake.clientId, `${mistake.ref} acknowledged`);
  });
  return acknowledgment;
}

/** Lists the acknowledgments recorded for a mistake. */
export async function listAcknowledgments(deps: Deps, actor: Actor, mistakeId: string): Promise<Acknowledgment[]> {
  await getMistake(deps, actor, mistakeId);
  return deps.store.acknowledgments.listByMistake(actor.workspaceId, mistakeId);
}

/** The mistake's timeline, oldest first. */
export async function mistakeTimeline(deps: Deps, actor: Actor, mistakeId: string): Promise<TimelineEvent[]> {
  await getMistake(deps, actor, mistakeId);
  return deps.store.events.listForMistake(actor.workspaceId, mistakeId);
}
