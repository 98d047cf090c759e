import type { Kysely, Selectable } from 'kysely';
import type {
  RecoveryRepositories,
  RemedyDeclineRecord,
  StoredActor,
  StoredRemedy,
  SweepRecord,
} from '../../domain/remedies/ports.ts';
import type { ApprovalReason, RemedyKind, SweepItem } from '../../shared/contract/index.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toBool, toInt, toIso } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { RemediesTable, RemedyDeclinesTable, SweepsTable } from '../schema-recovery.ts';
import { parseJson } from './rows.ts';

function actorOf(id: string | null, name: string | null): StoredActor | null {
  return id ? { id, name: name ?? '' } : null;
}

type RemedyRow = Selectable<RemediesTable> & {
  mistake_number: number | string;
  approved_by_id: string | null;
  approved_by_name: string | null;
  approval_note: string | null;
  approved_at: Date | string | null;
  reversed_by_id: string | null;
  notice_remedy_id: string | null;
  notice_message_id: string | null;
  notice_skipped_reason: string | null;
};

function toRemedy(row: RemedyRow): StoredRemedy {
  return {
    id: row.id,
    clientId: row.client_id,
    mistakeId: row.mistake_id,
    mistakeNumber: toInt(row.mistake_number),
    kind: row.kind as RemedyKind,
    amountMinor: toInt(row.amount_minor),
    currency: row.currency,
    hoursCenti: row.hours_centi === null ? null : toInt(row.hours_centi),
    rateMinor: row.rate_minor === null ? null : toInt(row.rate_minor),
    note: row.note,
    reversesId: row.reverses_id,
    requiresApproval: toBool(row.requires_approval),
    approvalReasons: parseJson<ApprovalReason[]>(row.approval_reasons, []),
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    createdBy: actorOf(row.created_by_id, row.created_by_name),
    createdAt: toIso(row.created_at),
    approval: row.approved_at
      ? { by: actorOf(row.approved_by_id, row.approved_by_name), at: toIso(row.approved_at), note: row.approval_note }
      : null,
    reversedById: row.reversed_by_id,
    notice: row.notice_remedy_id
      ? { messageId: row.notice_message_id, skippedReason: row.notice_skipped_reason }
      : null,
  };
}

function toDecline(row: Selectable<RemedyDeclinesTable>): RemedyDeclineRecord {
  return {
    id: row.id,
    mistakeId: row.mistake_id,
    reason: row.reason,
    by: actorOf(row.by_id, row.by_name),
    at: toIso(row.at),
  };
}

function toSweep(row: Selectable<SweepsTable>): SweepRecord {
  return {
    id: row.id,
    mistakeId: row.mistake_id,
    clientId: row.client_id,
    checked: parseJson<SweepItem[]>(row.checked, []),
    unchecked: parseJson<SweepItem[]>(row.unchecked, []),
    note: row.note,
    by: actorOf(row.by_id, row.by_name),
    at: toIso(row.at),
  };
}

/**
 * The recovery repositories over a Kysely handle (the database or one open transaction). The
 * ledger has no update or delete method on purpose (and the database refuses both).
 */
export function createRecoveryRepositories(db: Kysely<DB>, _capabilities: DialectCapabilities): RecoveryRepositories {
  function remediesWithFacts(workspaceId: string) {
    return db
      .selectFrom('remedies')
      .innerJoin('mistakes', (join) =>
        join
          .onRef('mistakes.id', '=', 'remedies.mistake_id')
          .onRef('mistakes.workspace_id', '=', 'remedies.workspace_id'),
      )
      .leftJoin('remedy_approvals', (join) =>
        join
          .onRef('remedy_approvals.remedy_id', '=', 'remedies.id')
          .onRef('remedy_approvals.workspace_id', '=', 'remedies.workspace_id'),
      )
      .leftJoin('remedies as reversal', (join) =>
        join
          .onRef('reversal.reverses_id', '=', 'remedies.id')
          .onRef('reversal.workspace_id', '=', 'remedies.workspace_id'),
      )
      .leftJoin('remedy_notices', (join) =>
        join
          .onRef('remedy_notices.remedy_id', '=', 'remedies.id')
          .onRef('remedy_notices.workspace_id', '=', 'remedies.workspace_id'),
      )
      .selectAll('remedies')
      .select([
        'mistakes.number as mistake_number',
        'remedy_approvals.approved_by_id',
        'remedy_approvals.approved_by_name',
        'remedy_approvals.note as approval_note',
        'remedy_approvals.approved_at',
        'reversal.id as reversed_by_id',
        'remedy_notices.remedy_id as notice_remedy_id',
        'remedy_notices.message_id as notice_message_id',
        'remedy_notices.skipped_reason as notice_skipped_reason',
      ])
      .where('remedies.workspace_id', '=', workspaceId);
  }

  return {
    remedies: {
      async insert(workspaceId, e) {
        // ON CONFLICT DO NOTHING (any unique constraint: the (workspace, key) pair, or reverses_id
        // for a second reversal): of concurrent requests with one key exactly one inserts; on
        // PostgreSQL the others wait for it to commit, then insert nothing and raise nothing.
        const rows = await db
          .insertInto('remedies')
          .values({
            id: e.id,
            workspace_id: workspaceId,
            client_id: e.clientId,
            mistake_id: e.mistakeId,
            kind: e.kind,
            amount_minor: e.amountMinor,
            currency: e.currency,
            hours_centi: e.hoursCenti,
            rate_minor: e.rateMinor,
            note: e.note,
            reverses_id: e.reversesId,
            requires_approval: e.requiresApproval ? 1 : 0,
            approval_reasons: JSON.stringify(e.approvalReasons),
            idempotency_key: e.idempotencyKey,
            request_hash: e.requestHash,
            created_by_id: e.createdBy?.id ?? null,
            created_by_name: e.createdBy?.name ?? null,
            created_at: e.createdAt,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        return rows.length > 0;
      },
      async get(workspaceId, id) {
        const row = await remediesWithFacts(workspaceId).where('remedies.id', '=', id).executeTakeFirst();
        return row ? toRemedy(row) : null;
      },
      async getByIdempotencyKey(workspaceId, key) {
        const row = await remediesWithFacts(workspaceId).where('remedies.idempotency_key', '=', key).executeTakeFirst();
        return row ? toRemedy(row) : null;
      },
      async list(workspaceId, query) {
        let q = remediesWithFacts(workspaceId);
        if (query.clientId) q = q.where('remedies.client_id', '=', query.clientId);
        if (query.mistakeId) q = q.where('remedies.mistake_id', '=', query.mistakeId);
        const rows = await q.orderBy('remedies.created_at').orderBy('remedies.id').execute();
        return rows.map(toRemedy);
      },
      async approve(workspaceId, a) {
        const rows = await db
          .insertInto('remedy_approvals')
          .values({
            remedy_id: a.remedyId,
            workspace_id: workspaceId,
            approved_by_id: a.by?.id ?? null,
            approved_by_name: a.by?.name ?? null,
            note: a.note,
            approved_at: a.at,
          })
          .onConflict((oc) => oc.column('remedy_id').doNothing())
          .returning('remedy_id')
          .execute();
        return rows.length > 0;
      },
      async recordNotice(workspaceId, n) {
        const rows = await db
          .insertInto('remedy_notices')
          .values({
            remedy_id: n.remedyId,
            workspace_id: workspaceId,
            message_id: n.messageId,
            skipped_reason: n.skippedReason,
            created_at: n.at,
          })
          .onConflict((oc) => oc.column('remedy_id').doNothing())
          .returning('remedy_id')
          .execute();
        return rows.length > 0;
      },
    },

    remedyDeclines: {
      async create(workspaceId, d) {
        await db
          .insertInto('remedy_declines')
          .values({
            id: d.id,
            workspace_id: workspaceId,
            mistake_id: d.mistakeId,
            reason: d.reason,
            by_id: d.by?.id ?? null,
            by_name: d.by?.name ?? null,
            at: d.at,
          })
          .execute();
      },
      async listByMistake(workspaceId, mistakeId) {
        const rows = await db
          .selectFrom('remedy_declines')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .orderBy('at')
          .orderBy('id')
          .execute();
        return rows.map(toDecline);
      },
    },

    sweeps: {
      async create(workspaceId, s) {
        await db
          .insertInto('sweeps')
          .values({
            id: s.id,
            workspace_id: workspaceId,
            mistake_id: s.mistakeId,
            client_id: s.clientId,
            checked: JSON.stringify(s.checked),
            unchecked: JSON.stringify(s.unchecked),
            note: s.note,
            by_id: s.by?.id ?? null,
            by_name: s.by?.name ?? null,
            at: s.at,
          })
          .execute();
      },
      async latest(workspaceId, mistakeId) {
        const row = await db
          .selectFrom('sweeps')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirst();
        return row ? toSweep(row) : null;
      },
    },

    clientNotices: {
      async record(workspaceId, mistakeId, noticedAt, createdAt) {
        const rows = await db
          .insertInto('client_notices')
          .values({ mistake_id: mistakeId, workspace_id: workspaceId, noticed_at: noticedAt, created_at: createdAt })
          .onConflict((oc) => oc.column('mistake_id').doNothing())
          .returning('mistake_id')
          .execute();
        return rows.length > 0;
      },
      async get(workspaceId, mistakeId) {
        const row = await db
          .selectFrom('client_notices')
          .select('noticed_at')
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', mistakeId)
          .executeTakeFirst();
        return row ? toIso(row.noticed_at) : null;
      },
    },
  };
}
