import type { Kysely, Selectable } from 'kysely';
import type { CheckInRecord, CheckInRepository } from '../../domain/check-ins/ports.ts';
import { checkInOutcome } from '../../domain/health/check-ins.ts';
import type { HealthCheckIn } from '../../domain/health/score.ts';
import { mistakeRef } from '../../domain/mistakes/stage.ts';
import type { CheckInMethod, CheckInStatus } from '../../shared/contract/index.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { CheckInsTable } from '../schema-check-ins.ts';

function toCheckIn(r: Selectable<CheckInsTable>): CheckInRecord {
  return {
    id: r.id,
    mistakeId: r.mistake_id,
    clientId: r.client_id,
    commitmentId: r.commitment_id,
    sequence: toInt(r.sequence),
    offsetDays: toInt(r.offset_days),
    dueAt: toIso(r.due_at),
    status: r.status as CheckInStatus,
    method: r.method as CheckInMethod | null,
    note: r.note,
    skipReason: r.skip_reason,
    messageId: r.message_id,
    settledAt: toIsoOrNull(r.settled_at),
    settledBy: r.settled_by_name === null ? null : { id: r.settled_by_id, name: r.settled_by_name },
    remindedAt: toIsoOrNull(r.reminder_claimed_at),
    overdueAt: toIsoOrNull(r.overdue_at),
    createdAt: toIso(r.created_at),
  };
}

/** Check-ins (tenant rows: every query filters by workspace). */
export function createCheckInRepository(db: Kysely<DB>): CheckInRepository {
  return {
    async createMany(workspaceId, checkIns) {
      if (checkIns.length === 0) return;
      await db
        .insertInto('check_ins')
        .values(
          checkIns.map((c) => ({
            id: c.id,
            workspace_id: workspaceId,
            mistake_id: c.mistakeId,
            client_id: c.clientId,
            commitment_id: c.commitmentId,
            sequence: c.sequence,
            offset_days: c.offsetDays,
            due_at: c.dueAt,
            status: c.status,
            method: c.method,
            note: c.note,
            skip_reason: c.skipReason,
            message_id: c.messageId,
            settled_at: c.settledAt,
            settled_by_id: c.settledBy?.id ?? null,
            settled_by_name: c.settledBy?.name ?? null,
            reminder_claimed_by: null,
            reminder_claimed_at: c.remindedAt,
            overdue_claimed_by: null,
            overdue_at: c.overdueAt,
            created_at: c.createdAt,
          })),
        )
        .execute();
    },
    async get(workspaceId, id) {
      const row = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCheckIn(row) : null;
    },
    async listForMistake(workspaceId, mistakeId) {
      const rows = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('mistake_id', '=', mistakeId)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map(toCheckIn);
    },
    async listForClient(workspaceId, clientId) {
      const rows = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('client_id', '=', clientId)
        .orderBy('due_at')
        .orderBy('id')
        .limit(500)
        .execute();
      return rows.map(toCheckIn);
    },
    async listForHealth(workspaceId, clientId) {
      const rows = await db
        .selectFrom('check_ins')
        .innerJoin('mistakes', 'mistakes.id', 'check_ins.mistake_id')
        .select([
          'mistakes.number',
          'check_ins.due_at',
          'check_ins.status',
          'check_ins.settled_at',
          'check_ins.overdue_at',
        ])
        .where('check_ins.workspace_id', '=', workspaceId)
        .where('check_ins.client_id', '=', clientId)
        .orderBy('check_ins.due_at')
        .orderBy('check_ins.id')
        .execute();
      const out: HealthCheckIn[] = [];
      for (const r of rows) {
        const ref = mistakeRef(toInt(r.number));
        const dueAt = toIso(r.due_at);
        const settledAt = toIsoOrNull(r.settled_at);
        if ((r.status === 'done' || r.status === 'skipped') && settledAt) {
          const outcome = checkInOutcome(dueAt, { kind: r.status, at: settledAt }, new Date(settledAt));
          if (outcome !== 'pending') out.push({ mistakeRef: ref, outcome, at: settledAt });
        } else if (r.overdue_at !== null) {
          // Overdue is what the scheduler recorded (overdue_at), so the score never depends on when it is read.
          out.push({ mistakeRef: ref, outcome: 'overdue', at: toIso(r.overdue_at) });
        }
      }
      return out;
    },
    async settle(workspaceId, id, s) {
      const result = await db
        .updateTable('check_ins')
        .set({
          status: s.status,
          method: s.method,
          note: s.note,
          skip_reason: s.skipReason,
          message_id: s.messageId,
          settled_at: s.settledAt,
          settled_by_id: s.settledBy.id,
          settled_by_name: s.settledBy.name,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async reminderDue(workspaceId, now, limit) {
      const rows = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('reminder_claimed_at', 'is', null)
        .where('due_at', '<=', now)
        .where('status', '=', 'pending')
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map(toCheckIn);
    },
    async claimReminder(workspaceId, id, claimant, at) {
      // One conditional UPDATE: on PostgreSQL a second instance waits for the first's row lock,
      // re-checks reminder_claimed_at and updates nothing.
      const result = await db
        .updateTable('check_ins')
        .set({ reminder_claimed_by: claimant, reminder_claimed_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('reminder_claimed_at', 'is', null)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async overdueDue(workspaceId, dueBefore, limit) {
      const rows = await db
        .selectFrom('check_ins')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('overdue_at', 'is', null)
        .where('due_at', '<', dueBefore)
        .where('status', '=', 'pending')
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map(toCheckIn);
    },
    async claimOverdue(workspaceId, id, claimant, at) {
      const result = await db
        .updateTable('check_ins')
        .set({ overdue_claimed_by: claimant, overdue_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('overdue_at', 'is', null)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
