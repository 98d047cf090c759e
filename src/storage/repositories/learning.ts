import type { Kysely, Selectable } from 'kysely';
import type { ActionRecord, LearningRepositories, OverturnedCheck, RepeatRecord } from '../../domain/learning/ports.ts';
import type { CauseCategory, EscapeKind, RootCause } from '../../shared/contract/index.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { ActionsTable, MistakeRepeatsTable } from '../schema-learning.ts';
import { parseJson } from './rows.ts';

function toAction(row: Selectable<ActionsTable>): ActionRecord {
  return {
    id: row.id,
    mistakeId: row.mistake_id,
    clientId: row.client_id,
    kind: row.kind as ActionRecord['kind'],
    title: row.title,
    ownerId: row.owner_id,
    dueAt: toIso(row.due_at),
    status: row.status as ActionRecord['status'],
    cancelReason: row.cancel_reason,
    doneAt: toIsoOrNull(row.done_at),
    checkDueAt: toIsoOrNull(row.check_due_at),
    checkResult: row.check_result as ActionRecord['checkResult'],
    checkNote: row.check_note,
    checkedBy: row.checked_by,
    checkedAt: toIsoOrNull(row.checked_at),
    nextReminderAt: toIsoOrNull(row.next_reminder_at),
    createdAt: toIso(row.created_at),
  };
}

function actionColumns(a: ActionRecord) {
  return {
    kind: a.kind,
    title: a.title,
    owner_id: a.ownerId,
    due_at: a.dueAt,
    status: a.status,
    cancel_reason: a.cancelReason,
    done_at: a.doneAt,
    check_due_at: a.checkDueAt,
    check_result: a.checkResult,
    check_note: a.checkNote,
    checked_by: a.checkedBy,
    checked_at: a.checkedAt,
    next_reminder_at: a.nextReminderAt,
  };
}

function toRepeat(row: Selectable<MistakeRepeatsTable>): RepeatRecord {
  return {
    mistakeId: row.mistake_id,
    repeatOfId: row.repeat_of_id,
    undo: parseJson<OverturnedCheck[]>(row.undo, []),
    markedBy: row.marked_by,
    markedAt: toIso(row.marked_at),
  };
}

/** Root causes, learning decisions and actions over a Kysely handle (the database or a transaction). */
export function createLearningRepositories(db: Kysely<DB>, _capabilities: DialectCapabilities): LearningRepositories {
  return {
    rootCauses: {
      async causesOf(workspaceId, mistakeIds) {
        if (mistakeIds.length === 0) return [];
        const rows = await db
          .selectFrom('root_causes')
          .select(['mistake_id', 'category', 'escape_kind'])
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', 'in', [...mistakeIds])
          .execute();
        return rows.map((r) => ({
          mistakeId: r.mistake_id,
          category: r.category as CauseCategory,
          escapeKind: (r.escape_kind ?? null) as EscapeKind | null,
        }));
      },
      async get(workspaceId, mistakeId) {
        const row = await db
          .selectFrom('root_causes')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .executeTakeFirst();
        if (!row) return null;
        const rootCause: RootCause = {
          mistakeId: row.mistake_id,
          whySteps: parseJson<string[]>(row.why_steps, []),
          category: row.category as CauseCategory,
          otherCategories: parseJson<CauseCategory[]>(row.other_categories, []),
          escapePoint: row.escape_kind ? { kind: row.escape_kind as EscapeKind, where: row.escape_where ?? '' } : null,
          summary: row.summary,
          updatedAt: toIso(row.updated_at),
          updatedBy: row.updated_by,
        };
        return rootCause;
      },
      async put(workspaceId, r) {
        const values = {
          why_steps: JSON.stringify(r.whySteps),
          category: r.category,
          other_categories: JSON.stringify(r.otherCategories),
          escape_kind: r.escapePoint?.kind ?? null,
          escape_where: r.escapePoint?.where ?? null,
          summary: r.summary,
          updated_by: r.updatedBy,
          updated_at: r.updatedAt,
        };
        await db
          .insertInto('root_causes')
          .values({ mistake_id: r.mistakeId, workspace_id: workspaceId, ...values })
          // The mistake id is the key; its workspace never changes, so the update needs no tenant check.
          .onConflict((oc) => oc.column('mistake_id').doUpdateSet(values))
          .execute();
      },
    },
    learningDecisions: {
      async get(workspaceId, mistakeId) {
        const row = await db
          .selectFrom('learning_decisions')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .executeTakeFirst();
        return row ? { noPreventionReason: row.no_prevention_reason, noPlanReason: row.no_plan_reason } : null;
      },
      async put(workspaceId, mistakeId, d, at) {
        const values = { no_prevention_reason: d.noPreventionReason, no_plan_reason: d.noPlanReason, updated_at: at };
        await db
          .insertInto('learning_decisions')
          .values({ mistake_id: mistakeId, workspace_id: workspaceId, ...values })
          .onConflict((oc) => oc.column('mistake_id').doUpdateSet(values))
          .execute();
      },
    },
    actions: {
      async create(workspaceId, a) {
        await db
          .insertInto('actions')
          .values({
            id: a.id,
            workspace_id: workspaceId,
            mistake_id: a.mistakeId,
            client_id: a.clientId,
            created_at: a.createdAt,
            ...actionColumns(a),
          })
          .execute();
      },
      async update(workspaceId, a) {
        await db
          .updateTable('actions')
          .set(actionColumns(a))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', a.id)
          .execute();
      },
      async get(workspaceId, id) {
        const row = await db
          .selectFrom('actions')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toAction(row) : null;
      },
      async list(workspaceId, query) {
        let q = db.selectFrom('actions').selectAll().where('workspace_id', '=', workspaceId);
        if (query.mistakeId) q = q.where('mistake_id', '=', query.mistakeId);
        if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
        if (query.statuses && query.statuses.length > 0) q = q.where('status', 'in', [...query.statuses]);
        if (query.dueBefore) q = q.where('due_at', '<', query.dueBefore);
        const rows = await q
          .orderBy('due_at')
          .orderBy('id')
          .limit(query.limit ?? 500)
          .execute();
        return rows.map(toAction);
      },
      async reminderDue(workspaceId, now, limit) {
        const rows = await db
          .selectFrom('actions')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('next_reminder_at', 'is not', null)
          .where('next_reminder_at', '<=', now)
          .orderBy('next_reminder_at')
          .orderBy('id')
          .limit(limit)
          .execute();
        return rows.map(toAction);
      },
      async setNextReminder(workspaceId, id, at) {
        await db
          .updateTable('actions')
          .set({ next_reminder_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async claimReminder(workspaceId, actionId, slot, claimant, at) {
        // The (action_id, slot) primary key decides; on PostgreSQL a concurrent insert of the same
        // key waits for the first transaction, then does nothing.
        const rows = await db
          .insertInto('action_reminders')
          .values({ workspace_id: workspaceId, action_id: actionId, slot, claimed_by: claimant, at })
          .onConflict((oc) => oc.columns(['action_id', 'slot']).doNothing())
          .returning('action_id')
          .execute();
        return rows.length > 0;
      },
    },
    repeats: {
      async get(workspaceId, mistakeId) {
        const row = await db
          .selectFrom('mistake_repeats')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .executeTakeFirst();
        return row ? toRepeat(row) : null;
      },
      async put(workspaceId, r) {
        await db
          .insertInto('mistake_repeats')
          .values({
            mistake_id: r.mistakeId,
            workspace_id: workspaceId,
            repeat_of_id: r.repeatOfId,
            undo: JSON.stringify(r.undo),
            marked_by: r.markedBy,
            marked_at: r.markedAt,
          })
          .execute();
      },
      async delete(workspaceId, mistakeId) {
        await db
          .deleteFrom('mistake_repeats')
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .execute();
      },
      async repeatsOf(workspaceId, mistakeId) {
        const rows = await db
          .selectFrom('mistake_repeats')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('repeat_of_id', '=', mistakeId)
          .orderBy('marked_at')
          .execute();
        return rows.map(toRepeat);
      },
    },
  };
}
