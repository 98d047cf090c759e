import type { Kysely, Selectable } from 'kysely';
import type {
  ClientHealthRecord,
  HealthAlertRecord,
  HealthHistoryRecord,
  HealthRepositories,
} from '../../domain/health/ports.ts';
import type { HealthLine, HealthMove } from '../../domain/health/score.ts';
import type {
  ClientStatus,
  Finder,
  HealthAlertKind,
  HealthAlertStatus,
  HealthBand,
  Severity,
} from '../../shared/contract/index.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { ClientHealthHistoryTable, ClientHealthTable, HealthAlertsTable } from '../schema-health.ts';
import { parseJson } from './rows.ts';

// Client health (issue 11 A): the current score per client, its history and the at-risk alerts.
// Every query is filtered by workspace_id and walks an index of the client or the workspace.

function toHealth(row: Selectable<ClientHealthTable>): ClientHealthRecord {
  return {
    clientId: row.client_id,
    score: toInt(row.score),
    band: row.band as HealthBand,
    lines: parseJson<HealthLine[]>(row.lines, []),
    openMistakes: toInt(row.open_mistakes),
    computedAt: toIso(row.computed_at),
  };
}

function toHistory(row: Selectable<ClientHealthHistoryTable>): HealthHistoryRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    score: toInt(row.score),
    previousScore: toInt(row.previous_score),
    moves: parseJson<HealthMove[]>(row.moves, []),
    reason: row.reason,
    recordedAt: toIso(row.recorded_at),
  };
}

function toAlert(row: Selectable<HealthAlertsTable>): HealthAlertRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as HealthAlertKind,
    alertKey: row.alert_key,
    mistakeIds: parseJson<string[]>(row.mistake_ids, []),
    lastFoundAt: toIsoOrNull(row.last_found_at),
    score: toInt(row.score),
    threshold: row.threshold === null ? null : toInt(row.threshold),
    status: row.status as HealthAlertStatus,
    resolvedBy: row.resolved_by,
    resolvedAt: toIsoOrNull(row.resolved_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** How many of a client's newest mistakes the score reads. */
export const MAX_HEALTH_MISTAKES = 100;

/** The health repositories over `db` (the store's contextual handle). */
export function createHealthRepositories(db: Kysely<DB>): HealthRepositories {
  return {
    health: {
      async lock(workspaceId, clientId, at) {
        // An upsert that rewrites nothing still takes the row lock (PostgreSQL) until commit; on
        // SQLite the write transaction is already exclusive. Statements after it see what the
        // refresh before it committed (read committed).
        const row = await db
          .insertInto('client_health')
          .values({
            workspace_id: workspaceId,
            client_id: clientId,
            score: 100,
            band: 'healthy',
            lines: '[]',
            open_mistakes: 0,
            computed_at: at,
          })
          .onConflict((oc) =>
            oc.columns(['workspace_id', 'client_id']).doUpdateSet((eb) => ({ score: eb.ref('client_health.score') })),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        return toHealth(row);
      },
      async get(workspaceId, clientId) {
        const row = await db
          .selectFrom('client_health')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .executeTakeFirst();
        return row ? toHealth(row) : null;
      },
      async put(workspaceId, r) {
        await db
          .updateTable('client_health')
          .set({
            score: r.score,
            band: r.band,
            lines: JSON.stringify(r.lines),
            open_mistakes: r.openMistakes,
            computed_at: r.computedAt,
          })
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', r.clientId)
          .execute();
      },
      async facts(workspaceId, clientId, since) {
        // mistakes_client_list (workspace_id, client_id, found_at, number).
        const mistakes = await db
          .selectFrom('mistakes')
          .select(['id', 'number', 'title', 'severity', 'found_by', 'found_at', 'acknowledged_at', 'fixed_at'])
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .where('found_at', '>=', since)
          // The newest MAX_HEALTH_MISTAKES only: far past the point where the score is held at 0,
          // and it keeps one refresh bounded for a client with thousands of mistakes a year.
          .orderBy('found_at', 'desc')
          .orderBy('number', 'desc')
          .limit(MAX_HEALTH_MISTAKES)
          .execute()
          .then((rows) => rows.reverse());
        if (mistakes.length === 0) return { mistakes: [], fixCommitments: [], repeats: [] };
        const ids = mistakes.map((m) => m.id);
        // commitments_client (workspace_id, client_id); only settled fix commitments count.
        const fixes = await db
          .selectFrom('commitments')
          .select(['mistake_id', 'status', 'due_at', 'completed_at'])
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .where('is_fix', '=', 1)
          .where('status', 'in', ['done', 'missed'])
          .where('mistake_id', 'in', ids)
          .execute();
        const repeats = await db
          .selectFrom('mistake_repeats')
          .innerJoin('mistakes as earlier', (join) =>
            join
              .onRef('earlier.id', '=', 'mistake_repeats.repeat_of_id')
              .onRef('earlier.workspace_id', '=', 'mistake_repeats.workspace_id'),
          )
          .select(['mistake_repeats.mistake_id', 'earlier.number'])
          .where('mistake_repeats.workspace_id', '=', workspaceId)
          .where('mistake_repeats.mistake_id', 'in', ids)
          .execute();
        // The first remedy actually given (issued, or approved when it needed approval); a
        // decision to give none reaches "remedied" too, so mistakes.remedied_at would not do.
        const remedies = await db
          .selectFrom('remedies')
          .leftJoin('remedy_approvals', (join) =>
            join
              .onRef('remedy_approvals.remedy_id', '=', 'remedies.id')
              .onRef('remedy_approvals.workspace_id', '=', 'remedies.workspace_id'),
          )
          .select([
            'remedies.mistake_id',
            'remedies.created_at',
            'remedies.requires_approval',
            'remedy_approvals.approved_at',
          ])
          .where('remedies.workspace_id', '=', workspaceId)
          .where('remedies.client_id', '=', clientId)
          .where('remedies.reverses_id', 'is', null)
          .where('remedies.mistake_id', 'in', ids)
          .execute();
        const given = new Map<string, string>();
        for (const r of remedies) {
          const at = toInt(r.requires_approval) === 1 ? toIsoOrNull(r.approved_at) : toIso(r.created_at);
          if (!at) continue;
          const was = given.get(r.mistake_id);
          if (!was || at < was) given.set(r.mistake_id, at);
        }
        return {
          mistakes: mistakes.map((m) => ({
            id: m.id,
            number: toInt(m.number),
            title: m.title,
            severity: m.severity as Severity,
            foundBy: m.found_by as Finder,
            foundAt: toIso(m.found_at),
            acknowledgedAt: toIsoOrNull(m.acknowledged_at),
            remediedAt: given.get(m.id) ?? null,
            fixedAt: toIsoOrNull(m.fixed_at),
          })),
          fixCommitments: fixes.flatMap((c) =>
            c.mistake_id
              ? [
                  {
                    mistakeId: c.mistake_id,
                    status: c.status as 'done' | 'missed',
                    dueAt: toIso(c.due_at),
                    completedAt: toIsoOrNull(c.completed_at),
                  },
                ]
              : [],
          ),
          repeats: repeats.map((r) => ({ mistakeId: r.mistake_id, repeatOfNumber: toInt(r.number) })),
        };
      },
      async addHistory(workspaceId, h) {
        await db
          .insertInto('client_health_history')
          .values({
            id: h.id,
            workspace_id: workspaceId,
            client_id: h.clientId,
            score: h.score,
            previous_score: h.previousScore,
            moves: JSON.stringify(h.moves),
            reason: h.reason,
            recorded_at: h.recordedAt,
          })
          .execute();
      },
      async history(workspaceId, clientId, limit) {
        const rows = await db
          .selectFrom('client_health_history')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .orderBy('recorded_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
        return rows.map(toHistory).reverse();
      },
      async listScores(workspaceId) {
        const rows = await db.selectFrom('client_health').selectAll().where('workspace_id', '=', workspaceId).execute();
        return rows.map(toHealth);
      },
      async scoresAt(workspaceId, since) {
        // client_health_history_recent (workspace_id, recorded_at): only the window is read.
        const rows = await db
          .selectFrom('client_health_history')
          .select(['client_id', 'previous_score', 'recorded_at', 'id'])
          .where('workspace_id', '=', workspaceId)
          .where('recorded_at', '>', since)
          .orderBy('recorded_at')
          .orderBy('id')
          .execute();
        const first = new Map<string, number>();
        for (const r of rows) if (!first.has(r.client_id)) first.set(r.client_id, toInt(r.previous_score));
        return first;
      },
      async listAtRisk(workspaceId, limit) {
        // client_health_by_score (workspace_id, score): the lowest first, `limit` rows.
        const rows = await db
          .selectFrom('client_health')
          .innerJoin('clients', (join) =>
            join
              .onRef('clients.id', '=', 'client_health.client_id')
              .onRef('clients.workspace_id', '=', 'client_health.workspace_id'),
          )
          .selectAll('client_health')
          .select(['clients.name as client_name', 'clients.status as client_status'])
          .where('client_health.workspace_id', '=', workspaceId)
          .where('client_health.score', '<', 100)
          .orderBy('client_health.score')
          .orderBy('clients.name')
          .limit(limit)
          .execute();
        if (rows.length === 0) return [];
        const alerts = await db
          .selectFrom('health_alerts')
          .select(['id', 'client_id'])
          .where('workspace_id', '=', workspaceId)
          .where('status', '=', 'open')
          .where(
            'client_id',
            'in',
            rows.map((r) => r.client_id),
          )
          .orderBy('created_at', 'desc')
          .execute();
        const open = new Map<string, string>();
        for (const a of alerts) if (!open.has(a.client_id)) open.set(a.client_id, a.id);
        return rows.map((r) => {
          const health = toHealth(r);
          return {
            clientId: r.client_id,
            clientName: r.client_name,
            clientStatus: r.client_status as ClientStatus,
            score: health.score,
            band: health.band,
            why: health.lines.filter((l) => l.points < 0).slice(0, 3),
            openMistakes: health.openMistakes,
            openAlertId: open.get(r.client_id) ?? null,
            computedAt: health.computedAt,
          };
        });
      },
      async insertAlert(workspaceId, a) {
        const rows = await db
          .insertInto('health_alerts')
          .values({
            id: a.id,
            workspace_id: workspaceId,
            client_id: a.clientId,
            kind: a.kind,
            alert_key: a.alertKey,
            mistake_ids: JSON.stringify(a.mistakeIds),
            last_found_at: a.lastFoundAt,
            score: a.score,
            threshold: a.threshold,
            status: a.status,
            resolved_by: a.resolvedBy,
            resolved_at: a.resolvedAt,
            created_at: a.createdAt,
            updated_at: a.updatedAt,
          })
          // The unique key is the claim: across instances exactly one insert of a key succeeds.
          .onConflict((oc) => oc.columns(['workspace_id', 'client_id', 'alert_key']).doNothing())
          .returning('id')
          .execute();
        return rows.length === 1;
      },
      async getAlert(workspaceId, id) {
        const row = await db
          .selectFrom('health_alerts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toAlert(row) : null;
      },
      async getAlertByKey(workspaceId, clientId, alertKey) {
        const row = await db
          .selectFrom('health_alerts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .where('alert_key', '=', alertKey)
          .executeTakeFirst();
        return row ? toAlert(row) : null;
      },
      async latestCluster(workspaceId, clientId) {
        const row = await db
          .selectFrom('health_alerts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .where('kind', '=', 'cluster')
          .orderBy('last_found_at', 'desc')
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        return row ? toAlert(row) : null;
      },
      async extendAlert(workspaceId, id, mistakeIds, lastFoundAt, at) {
        await db
          .updateTable('health_alerts')
          .set({ mistake_ids: JSON.stringify(mistakeIds), last_found_at: lastFoundAt, updated_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      },
      async resolveAlert(workspaceId, id, status, by, at) {
        const result = await db
          .updateTable('health_alerts')
          .set({ status, resolved_by: by, resolved_at: at, updated_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('status', '=', 'open')
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      },
      async listAlerts(workspaceId, clientId, limit) {
        const rows = await db
          .selectFrom('health_alerts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('client_id', '=', clientId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
        return rows.map(toAlert);
      },
    },
  };
}
