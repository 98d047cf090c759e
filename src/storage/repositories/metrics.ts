import { sql, type Kysely } from 'kysely';
import { severities, type Severity } from '../../shared/contract/index.ts';
import { clientRankingRanges, type MetricsRows } from '../../domain/metrics/compute.ts';
import {
  contributions,
  keyText,
  metricFacts,
  ROLLUP_COLUMNS,
  rollupDelta,
  type Contribution,
  type MetricFacts,
  type MetricInput,
  type RollupColumn,
  type RollupValues,
} from '../../domain/metrics/facts.ts';
import type { MetricsRepositories } from '../../domain/metrics/ports.ts';
import { loadSettings } from '../../domain/settings/settings.ts';
import type { Store } from '../../domain/ports.ts';
import type { DialectCapabilities } from '../dialect.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';

// The metrics rollup (issue 11 D; tables in migrations/2026-12-04T10-20-00_metrics.ts). The
// store marks a mistake "dirty" whenever it is created or updated or an event about it is
// appended; before the transaction commits, `refresh` recomputes the mistake's facts, subtracts
// what it contributed before and adds the new contribution (domain/metrics/facts.ts), so the
// rollup always agrees with the facts it was computed from. A period's metrics then read a few
// rows per day (and per month for the by-client ranking) whatever the number of mistakes.
//
// Locking on PostgreSQL: a refresh takes the workspace row FOR SHARE before anything else, the
// (re)build takes it FOR UPDATE, so no refresh interleaves with a build; a mistake's facts row is
// taken FOR UPDATE, and rollup rows are upserted in one statement in key order.

/** The rollup tables have 50+ counter columns: written through the untyped handle. */
type AnyDb = Kysely<any>;

const PAGE = 5000;
const DAY = 86_400_000;

interface MistakeRow {
  id: string;
  client_id: string;
  found_at: unknown;
  category: string;
  severity: string;
  found_by: string;
  acknowledged_at: unknown;
  fixed_at: unknown;
  noticed_at: unknown;
  cause: string | null;
  is_repeat: unknown;
}

/** The recorded facts of some mistakes of one workspace (one query per table, no N+1). */
async function readInputs(db: AnyDb, workspaceId: string, rows: MistakeRow[]): Promise<Map<string, MetricInput>> {
  const out = new Map<string, MetricInput>();
  if (rows.length === 0) return out;
  for (const r of rows) {
    out.set(r.id, {
      clientId: r.client_id,
      foundAt: toIso(r.found_at),
      category: r.category,
      severity: r.severity as Severity,
      foundBy: r.found_by as MetricInput['foundBy'],
      acknowledgedAt: toIsoOrNull(r.acknowledged_at),
      fixedAt: toIsoOrNull(r.fixed_at),
      clientNoticedAt: toIsoOrNull(r.noticed_at),
      cause: r.cause,
      repeat: toInt(r.is_repeat) > 0,
      fixCommitments: [],
      remedies: [],
      satisfaction: [],
    });
  }
  const ids = rows.map((r) => r.id);
  const commitments = await db
    .selectFrom('commitments')
    .select(['mistake_id', 'due_at', 'status', 'completed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('mistake_id', 'in', ids)
    .where('is_fix', '=', 1)
    .execute();
  for (const c of commitments) {
    out.get(c.mistake_id as string)?.fixCommitments.push({
      dueAt: toIso(c.due_at),
      status: c.status as 'open' | 'done' | 'missed',
      completedAt: toIsoOrNull(c.completed_at),
    });
  }
  // Given remedies: those that need no approval or have one (a reversal needs none).
  const remedies = await db
    .selectFrom('remedies')
    .leftJoin('remedy_approvals', 'remedy_approvals.remedy_id', 'remedies.id')
    .select([
      'remedies.mistake_id',
      'remedies.kind',
      'remedies.currency',
      'remedies.amount_minor',
      'remedies.hours_centi',
    ])
    .where('remedies.workspace_id', '=', workspaceId)
    .where('remedies.mistake_id', 'in', ids)
    .where((eb) => eb.or([eb('remedies.requires_approval', '=', 0), eb('remedy_approvals.remedy_id', 'is not', null)]))
    .execute();
  for (const r of remedies) {
    out.get(r.mistake_id as string)?.remedies.push({
      kind: r.kind as string,
      currency: r.currency as string,
      amountMinor: toInt(r.amount_minor),
      hoursCenti: r.hours_centi === null ? null : toInt(r.hours_centi),
    });
  }
  const answers = await db
    .selectFrom('satisfaction_requests')
    .select(['mistake_id', 'answer'])
    .where('workspace_id', '=', workspaceId)
    .where('mistake_id', 'in', ids)
    .where('answer', 'is not', null)
    .execute();
  for (const a of answers) out.get(a.mistake_id as string)?.satisfaction.push(toInt(a.answer));
  return out;
}

/** Mistakes of a workspace with the one-row facts beside them (root cause, notice, repeat). */
function mistakeQuery(db: AnyDb, workspaceId: string) {
  return db
    .selectFrom('mistakes as m')
    .select([
      'm.id',
      'm.client_id',
      'm.found_at',
      'm.category',
      'm.severity',
      'm.found_by',
      'm.acknowledged_at',
      'm.fixed_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('client_notices as cn')
        .select('cn.noticed_at')
        .whereRef('cn.mistake_id', '=', 'm.id')
        .as('noticed_at'),
      eb.selectFrom('root_causes as rc').select('rc.category').whereRef('rc.mistake_id', '=', 'm.id').as('cause'),
      eb
        .selectFrom('mistake_repeats as r')
        .select((x) => x.fn.countAll().as('c'))
        .whereRef('r.mistake_id', '=', 'm.id')
        .as('is_repeat'),
    ])
    .where('m.workspace_id', '=', workspaceId);
}

const KEY_COLUMNS = ['workspace_id', 'scope', 'dim', 'grain', 'period', 'key', 'severity', 'currency'] as const;

/**
 * Adds `rows` (distinct keys) to the rollup: rows with the same counters go together in multi-row
 * upserts naming only those counters (a category row carries one, a day row a dozen).
 */
async function addToRollup(db: AnyDb, workspaceId: string, rows: Contribution[]): Promise<void> {
  const groups = new Map<string, { columns: RollupColumn[]; rows: Contribution[] }>();
  for (const r of rows) {
    const columns = ROLLUP_COLUMNS.filter((c) => r.values[c] !== undefined);
    if (columns.length === 0) continue;
    const signature = columns.join(',');
    const group = groups.get(signature) ?? { columns, rows: [] };
    group.rows.push(r);
    groups.set(signature, group);
  }
  for (const { columns, rows: list } of groups.values()) {
    // Stay under SQLite's bound on parameters per statement.
    const perStatement = Math.max(1, Math.floor(30_000 / (KEY_COLUMNS.length + columns.length)));
    for (let i = 0; i < list.length; i += perStatement) {
      const tuples = list
        .slice(i, i + perStatement)
        .map(
          (r) =>
            sql`(${sql.join([
              workspaceId,
              r.at.scope,
              r.at.dim,
              r.at.grain,
              r.at.period,
              r.at.key,
              r.at.severity,
              r.at.currency,
              ...columns.map((c) => r.values[c] ?? 0),
            ])})`,
        );
      const names = sql.join([...KEY_COLUMNS, ...columns].map((c) => sql.ref(c)));
      const updates = sql.join(
        columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(`metrics_rollup.${c}`)} + ${sql.ref(`excluded.${c}`)}`),
      );
      await sql`insert into metrics_rollup (${names}) values ${sql.join(tuples)}
        on conflict (${sql.join(KEY_COLUMNS.map((c) => sql.ref(c)))}) do update set ${updates}`.execute(db);
    }
  }
}

const sums = (columns: readonly RollupColumn[]) => columns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
const valuesOf = (row: Record<string, unknown>, columns: readonly RollupColumn[]): RollupValues =>
  Object.fromEntries(columns.map((c) => [c, row[c] === null || row[c] === undefined ? 0 : toInt(row[c])]));

const dayMs = (d: string) => Date.parse(`${d}T00:00:00.000Z`);

/** The metrics rollup repository, and the refresh the store runs before a commit. */
export function createMetricsRepositories(
  typed: Kysely<DB>,
  capabilities: DialectCapabilities,
  store: () => Store,
): MetricsRepositories & {
  /** Recomputes the given mistakes' shares of the rollup; run inside the transaction of the change. */
  refresh(workspaceId: string, mistakeIds: string[]): Promise<void>;
} {
  const db = typed as unknown as AnyDb;
  const pg = capabilities.name === 'postgres';

  async function isBuilt(workspaceId: string): Promise<boolean> {
    const row = await db
      .selectFrom('metrics_state')
      .select('workspace_id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async function refresh(workspaceId: string, mistakeIds: string[]): Promise<void> {
    if (mistakeIds.length === 0) return;
    // Why: waits for a build of this workspace to commit, and keeps one from starting meanwhile.
    if (pg) await sql`select id from workspaces where id = ${workspaceId} for share`.execute(db);
    if (!(await isBuilt(workspaceId))) return; // the build will count these mistakes
    const settings = await loadSettings(store(), workspaceId);
    let factsQuery = db
      .selectFrom('metrics_mistakes')
      .select(['mistake_id', 'facts'])
      .where('workspace_id', '=', workspaceId)
      .where('mistake_id', 'in', mistakeIds);
    if (pg) factsQuery = factsQuery.forUpdate();
    const stored = new Map(
      (await factsQuery.execute()).map((r) => [r.mistake_id as string, JSON.parse(r.facts as string) as MetricFacts]),
    );
    const rows = (await mistakeQuery(db, workspaceId).where('m.id', 'in', mistakeIds).execute()) as MistakeRow[];
    const inputs = await readInputs(db, workspaceId, rows);
    const deltas = new Map<string, Contribution>();
    for (const id of mistakeIds) {
      const input = inputs.get(id);
      const after = input ? metricFacts(input, settings) : null;
      const before = stored.get(id) ?? null;
      for (const d of rollupDelta(before, after)) deltas.set(keyText(d.at), d);
      if (after === null) {
        await db
          .deleteFrom('metrics_mistakes')
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', id)
          .execute();
      } else if (before === null) {
        await db
          .insertInto('metrics_mistakes')
          .values({ mistake_id: id, workspace_id: workspaceId, facts: JSON.stringify(after) })
          .execute();
      } else if (JSON.stringify(before) !== JSON.stringify(after)) {
        await db
          .updateTable('metrics_mistakes')
          .set({ facts: JSON.stringify(after) })
          .where('workspace_id', '=', workspaceId)
          .where('mistake_id', '=', id)
          .execute();
      }
    }
    const ordered = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
    await addToRollup(db, workspaceId, ordered);
  }

  /** Builds the rollup of a workspace from all its mistakes, in one transaction. */
  async function build(workspaceId: string, now: string): Promise<void> {
    await store().transaction(async () => {
      if (pg) await sql`select id from workspaces where id = ${workspaceId} for update`.execute(db);
      if (await isBuilt(workspaceId)) return; // another instance built it while we waited
      await db.deleteFrom('metrics_rollup').where('workspace_id', '=', workspaceId).execute();
      await db.deleteFrom('metrics_mistakes').where('workspace_id', '=', workspaceId).execute();
      const settings = await loadSettings(store(), workspaceId);
      const totals = new Map<string, Contribution>();
      let after = '';
      for (;;) {
        const page = (await mistakeQuery(db, workspaceId)
          .where('m.id', '>', after)
          .orderBy('m.id')
          .limit(PAGE)
          .execute()) as MistakeRow[];
        if (page.length === 0) break;
        after = page[page.length - 1]!.id;
        const inputs = await readInputs(db, workspaceId, page);
        const facts: { mistake_id: string; workspace_id: string; facts: string }[] = [];
        for (const [id, input] of inputs) {
          const f = metricFacts(input, settings);
          facts.push({ mistake_id: id, workspace_id: workspaceId, facts: JSON.stringify(f) });
          for (const c of contributions(f)) {
            const k = keyText(c.at);
            const row = totals.get(k) ?? { at: c.at, values: {} };
            for (const [col, x] of Object.entries(c.values) as [RollupColumn, number][]) {
              row.values[col] = (row.values[col] ?? 0) + x;
            }
            totals.set(k, row);
          }
        }
        for (let i = 0; i < facts.length; i += 500) {
          await db
            .insertInto('metrics_mistakes')
            .values(facts.slice(i, i + 500))
            .execute();
        }
      }
      await addToRollup(db, workspaceId, [...totals.values()]);
      await db.insertInto('metrics_state').values({ workspace_id: workspaceId, built_at: now }).execute();
    });
  }

  return {
    refresh,
    metrics: {
      async ensureBuilt(workspaceId) {
        if (await isBuilt(workspaceId)) return;
        await build(workspaceId, new Date().toISOString());
      },

      async read(workspaceId, { from, to, clientId }) {
        const scope = clientId ?? '*';
        const base = () =>
          db
            .selectFrom('metrics_rollup')
            .where('workspace_id', '=', workspaceId)
            .where('scope', '=', scope)
            .where('grain', '=', 'd')
            .where('period', '>=', from)
            .where('period', '<=', to);
        const [bySeverity, byDay, costs, categoryByDay, cause] = await Promise.all([
          base()
            .select('severity')
            .select(sums(ROLLUP_COLUMNS))
            .where('dim', '=', 'all')
            .where('currency', '=', '')
            .groupBy('severity')
            .execute(),
          base()
            .select('period')
            .select(sums(['n', 'told_first', 'repeat_n']))
            .where('dim', '=', 'all')
            .where('currency', '=', '')
            .groupBy('period')
            .execute(),
          base()
            .select('currency')
            .select(sums(['remedy_minor']))
            .where('dim', '=', 'all')
            .where('currency', '<>', '')
            .groupBy('currency')
            .execute(),
          base()
            .select(['key', 'period'])
            .select(sums(['n']))
            .where('dim', '=', 'category')
            .groupBy(['key', 'period'])
            .execute(),
          base()
            .select('key')
            .select(sums(['n']))
            .where('dim', '=', 'cause')
            .groupBy('key')
            .execute(),
        ]);
        const out: MetricsRows = {
          bySeverity: bySeverity
            .filter((r) => (severities as readonly string[]).includes(r.severity as string))
            .map((r) => ({ severity: r.severity as Severity, values: valuesOf(r, ROLLUP_COLUMNS) })),
          byDay: byDay.map((r) => ({ day: r.period as string, values: valuesOf(r, ['n', 'told_first', 'repeat_n']) })),
          costs: costs.map((r) => ({ currency: r.currency as string, amountMinor: toInt(r.remedy_minor ?? 0) })),
          categoryByDay: categoryByDay.map((r) => ({
            key: r.key as string,
            day: r.period as string,
            n: toInt(r.n ?? 0),
          })),
          cause: cause.map((r) => ({ key: r.key as string, n: toInt(r.n ?? 0) })),
          clients: [],
        };
        let ranking: { key: string; n: number }[];
        if (clientId) {
          const n = out.bySeverity.reduce((a, r) => a + (r.values.n ?? 0), 0);
          ranking = [{ key: clientId, n }];
        } else {
          const { months, days } = clientRankingRanges(from, to);
          const rows = await db
            .selectFrom('metrics_rollup')
            .select('key')
            .select(sums(['n']))
            .where('workspace_id', '=', workspaceId)
            .where('scope', '=', '*')
            .where('dim', '=', 'client')
            .where((eb) =>
              eb.or([
                ...(months.length > 0 ? [eb.and([eb('grain', '=', 'm'), eb('period', 'in', months)])] : []),
                ...days.map(([a, b]) => eb.and([eb('grain', '=', 'd'), eb('period', '>=', a), eb('period', '<=', b)])),
              ]),
            )
            .groupBy('key')
            .execute();
          ranking = rows.map((r) => ({ key: r.key as string, n: toInt(r.n ?? 0) })).filter((r) => r.n > 0);
        }
        const names = new Map<string, string>();
        for (let i = 0; i < ranking.length; i += PAGE) {
          const ids = ranking.slice(i, i + PAGE).map((r) => r.key);
          const rows = await typed
            .selectFrom('clients')
            .select(['id', 'name'])
            .where('workspace_id', '=', workspaceId)
            .where('id', 'in', ids)
            .execute();
          for (const r of rows) names.set(r.id, r.name);
        }
        out.clients = ranking.map((r) => ({ ...r, name: names.get(r.key) ?? r.key }));
        return out;
      },

      async lastMistakes(workspaceId, clientIds, from, to) {
        const start = `${from}T00:00:00.000Z`;
        const end = new Date(dayMs(to) + DAY).toISOString();
        const out = [];
        for (let i = 0; i < clientIds.length; i += PAGE) {
          const rows = await typed
            .selectFrom('clients as c')
            .select(['c.id', 'c.status'])
            .select((eb) =>
              eb
                .selectFrom('mistakes as m')
                .select('m.found_at')
                .where('m.workspace_id', '=', workspaceId)
                .whereRef('m.client_id', '=', 'c.id')
                .where('m.found_at', '>=', start)
                .where('m.found_at', '<', end)
                .orderBy('m.found_at', 'desc')
                .limit(1)
                .as('last_found_at'),
            )
            .where('c.workspace_id', '=', workspaceId)
            .where('c.id', 'in', clientIds.slice(i, i + PAGE))
            .execute();
          for (const r of rows) {
            if (r.last_found_at !== null) {
              out.push({ clientId: r.id, status: r.status, lastFoundAt: toIso(r.last_found_at) });
            }
          }
        }
        return out;
      },
    },
  };
}
