import { sql, type Kysely } from 'kysely';
import type {
  HitState,
  LessonCheckRecord,
  LessonRecord,
  LessonRepositories,
  LessonRow,
  LessonStats,
} from '../../domain/lessons/ports.ts';
import type { CauseCategory, EffectivenessState, MistakeCategory } from '../../shared/contract/index.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import { fullTextIndex } from '../fulltext.ts';
import type { DB } from '../schema.ts';

function lessonColumns(l: LessonRecord) {
  return {
    mistake_id: l.mistakeId,
    client_id: l.clientId,
    scope: l.scope,
    title: l.title,
    learned: l.learned,
    created_by: l.createdBy,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
  };
}

/** Lessons, their checks and the checks' hits on drafts, over a Kysely handle (the database or a transaction). */
export function createLessonRepositories(db: Kysely<DB>, capabilities: DialectCapabilities): LessonRepositories {
  const search = fullTextIndex(db, capabilities, { index: 'lesson_search', base: 'lessons', idColumn: 'lesson_id' });

  // `byKey`: the caller looks rows up by id. The tenant filter is then written so that no planner
  // takes it for an index (without statistics SQLite would walk the workspace's lessons index
  // and test every row against the ids instead of looking each id up).
  const rows = (workspaceId: string, byKey = false) =>
    db
      .selectFrom('lessons as l')
      .innerJoin('mistakes as m', (j) =>
        j.onRef('m.id', '=', 'l.mistake_id').onRef('m.workspace_id', '=', 'l.workspace_id'),
      )
      .innerJoin('clients as c', (j) =>
        j.onRef('c.id', '=', 'l.client_id').onRef('c.workspace_id', '=', 'l.workspace_id'),
      )
      .leftJoin('root_causes as rc', (j) =>
        j.onRef('rc.mistake_id', '=', 'l.mistake_id').onRef('rc.workspace_id', '=', 'l.workspace_id'),
      )
      .where(byKey ? sql<string>`${sql.ref('l.workspace_id')} || ''` : sql.ref('l.workspace_id'), '=', workspaceId)
      .select([
        'l.id',
        'l.mistake_id',
        'l.client_id',
        'l.scope',
        'l.title',
        'l.learned',
        'l.created_by',
        'l.created_at',
        'l.updated_at',
        'm.number as mistake_number',
        'm.title as mistake_title',
        'm.category as mistake_category',
        'c.name as client_name',
        'rc.category as cause',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;
  const toRow = (r: Row): LessonRow => ({
    id: r.id,
    mistakeId: r.mistake_id,
    clientId: r.client_id,
    scope: r.scope as LessonRow['scope'],
    title: r.title,
    learned: r.learned,
    createdBy: r.created_by,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    mistakeNumber: toInt(r.mistake_number),
    mistakeTitle: r.mistake_title,
    mistakeCategory: r.mistake_category as MistakeCategory,
    clientName: r.client_name,
    cause: (r.cause ?? null) as CauseCategory | null,
  });
  const toCheck = (r: {
    id: string;
    lesson_id: string;
    kind: string;
    target_id: string;
    label: string;
    created_at: Date | string;
  }): LessonCheckRecord => ({
    id: r.id,
    lessonId: r.lesson_id,
    kind: r.kind as LessonCheckRecord['kind'],
    targetId: r.target_id,
    label: r.label,
    createdAt: toIso(r.created_at),
  });

  return {
    lessons: {
      async create(workspaceId, lesson) {
        await db
          .insertInto('lessons')
          .values({ id: lesson.id, workspace_id: workspaceId, ...lessonColumns(lesson) })
          .execute();
      },
      async update(workspaceId, lesson) {
        await db
          .updateTable('lessons')
          .set(lessonColumns(lesson))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', lesson.id)
          .execute();
      },
      async delete(workspaceId, id) {
        await search.remove(workspaceId, id);
        await db.deleteFrom('lessons').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      },
      async get(workspaceId, id) {
        const r = await rows(workspaceId).where('l.id', '=', id).executeTakeFirst();
        return r ? toRow(r) : null;
      },
      async list(workspaceId, q) {
        if (q.ids && q.ids.length === 0) return [];
        let query = rows(workspaceId, q.ids !== undefined);
        if (q.ids) query = query.where('l.id', 'in', [...q.ids]);
        if (q.mistakeId) query = query.where('l.mistake_id', '=', q.mistakeId);
        if (q.mistakeIds) {
          if (q.mistakeIds.length === 0) return [];
          query = query.where('l.mistake_id', 'in', [...q.mistakeIds]);
        }
        if (q.clientId) query = query.where('l.client_id', '=', q.clientId);
        if (q.category) query = query.where('m.category', '=', q.category);
        if (q.cause) query = query.where('rc.category', '=', q.cause);
        // With ids (a search's hits), look each up by key and keep their order; otherwise newest first.
        const ordered = q.ids ? query : query.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc');
        const found = (await ordered.limit(q.limit).execute()).map(toRow);
        if (!q.ids) return found;
        const order = new Map(q.ids.map((id, i) => [id, i]));
        return found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      },
      async stats(workspaceId, lessons) {
        if (lessons.length === 0) return [];
        const lessonIds = lessons.map((l) => l.id);
        const mistakeIds = [...new Set(lessons.map((l) => l.mistakeId))];
        const [caught, repeats, actions] = await Promise.all([
          db
            .selectFrom('lesson_hits')
            .where('workspace_id', '=', workspaceId)
            .where('lesson_id', 'in', lessonIds)
            .where('state', '=', 'caught')
            .groupBy('lesson_id')
            .select((eb) => ['lesson_id', eb.fn.countAll().as('n'), eb.fn.max('closed_at').as('last')])
            .execute(),
          db
            .selectFrom('mistake_repeats')
            .where('workspace_id', '=', workspaceId)
            .where('repeat_of_id', 'in', mistakeIds)
            .groupBy('repeat_of_id')
            .select((eb) => ['repeat_of_id', eb.fn.countAll().as('n')])
            .execute(),
          db
            .selectFrom('actions')
            .where('workspace_id', '=', workspaceId)
            .where('mistake_id', 'in', mistakeIds)
            .where('kind', '=', 'preventive')
            .where('status', '!=', 'cancelled')
            .select(['mistake_id', 'status', 'check_result'])
            .execute(),
        ]);
        const catches = new Map(caught.map((r) => [r.lesson_id, r]));
        const repeatCount = new Map(repeats.map((r) => [r.repeat_of_id, toInt(r.n)]));
        return lessons.map((l): LessonStats => {
          const c = catches.get(l.id);
          const mine = actions.filter((a) => a.mistake_id === l.mistakeId);
          const effectiveness: EffectivenessState =
            mine.length === 0
              ? 'none'
              : mine.some((a) => a.check_result === 'not_effective')
                ? 'not_effective'
                : mine.every((a) => a.status === 'done' && a.check_result === 'effective')
                  ? 'effective'
                  : 'unchecked';
          return {
            lessonId: l.id,
            catches: c ? toInt(c.n) : 0,
            lastCaughtAt: c ? toIsoOrNull(c.last) : null,
            repeats: repeatCount.get(l.mistakeId) ?? 0,
            effectiveness,
          };
        });
      },
      index: (workspaceId, id, doc) => search.put(workspaceId, id, doc),
      unindex: (workspaceId, id) => search.remove(workspaceId, id),
      search: (workspaceId, query, limit) => search.search(workspaceId, query, limit),
      async repeatCounts(workspaceId, from, to, clientId) {
        let q = db
          .selectFrom('mistakes as m')
          .leftJoin('mistake_repeats as r', (j) =>
            j.onRef('r.mistake_id', '=', 'm.id').onRef('r.workspace_id', '=', 'm.workspace_id'),
          )
          .where('m.workspace_id', '=', workspaceId)
          .where('m.found_at', '>=', from)
          .where('m.found_at', '<=', to);
        if (clientId) q = q.where('m.client_id', '=', clientId);
        const row = await q
          .select((eb) => [eb.fn.countAll().as('mistakes'), eb.fn.count('r.mistake_id').as('repeats')])
          .executeTakeFirstOrThrow();
        return { mistakes: toInt(row.mistakes), repeats: toInt(row.repeats) };
      },
    },
    lessonChecks: {
      async add(workspaceId, c) {
        await db
          .insertInto('lesson_checks')
          .values({
            id: c.id,
            workspace_id: workspaceId,
            lesson_id: c.lessonId,
            kind: c.kind,
            target_id: c.targetId,
            label: c.label,
            created_at: c.createdAt,
          })
          .execute();
      },
      async remove(workspaceId, id) {
        await db.deleteFrom('lesson_checks').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      },
      async listByLessons(workspaceId, lessonIds) {
        if (lessonIds.length === 0) return [];
        const found = await db
          .selectFrom('lesson_checks')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('lesson_id', 'in', [...lessonIds])
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return found.map(toCheck);
      },
      async listAll(workspaceId) {
        const found = await db
          .selectFrom('lesson_checks')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return found.map(toCheck);
      },
      async byTarget(workspaceId, kind, targetId) {
        const found = await db
          .selectFrom('lesson_checks')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', kind)
          .where('target_id', '=', targetId)
          .execute();
        return found.map(toCheck);
      },
    },
    lessonHits: {
      async forDraft(workspaceId, draftId) {
        const found = await db
          .selectFrom('lesson_hits')
          .select(['draft_id', 'check_id', 'lesson_id', 'state', 'seen_at'])
          .where('workspace_id', '=', workspaceId)
          .where('draft_id', '=', draftId)
          .execute();
        return found.map((r) => ({
          draftId: r.draft_id,
          checkId: r.check_id,
          lessonId: r.lesson_id,
          state: r.state as HitState,
          seenAt: toIso(r.seen_at),
        }));
      },
      async open(workspaceId, hit, at) {
        // Idempotent: a draft's check is recorded once, whatever it became since.
        await db
          .insertInto('lesson_hits')
          .values({
            workspace_id: workspaceId,
            draft_id: hit.draftId,
            check_id: hit.checkId,
            lesson_id: hit.lessonId,
            state: 'open',
            seen_at: at,
            closed_at: null,
          })
          .onConflict((oc) => oc.columns(['workspace_id', 'draft_id', 'check_id']).doNothing())
          .execute();
      },
      async close(workspaceId, draftId, checkId, state, at) {
        await db
          .updateTable('lesson_hits')
          .set({ state, closed_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('draft_id', '=', draftId)
          .where('check_id', '=', checkId)
          .where('state', '=', 'open')
          .execute();
      },
    },
  };
}
