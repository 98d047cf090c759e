import { stringify } from 'csv-stringify/sync';
import {
  METRICS_DEFAULT_DAYS,
  METRICS_MAX_DAYS,
  type Metrics,
  type MetricsQuery,
} from '../../shared/contract/index.ts';
import { getClient } from '../clients/clients.ts';
import { DomainError } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { clientsAfterMistake, computeMetrics } from './compute.ts';

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00.000Z`);
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of a query: `to` defaults to today (UTC), `from` to 90 days ending `to`. */
export function metricsPeriod(query: Pick<MetricsQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = query.to ?? dayText(now.getTime());
  const from = query.from ?? dayText(dayMs(to) - (METRICS_DEFAULT_DAYS - 1) * DAY);
  if (dayMs(from) > dayMs(to)) {
    throw new DomainError('validation_failed', 'from must not be after to.', {
      issues: [{ field: 'querystring.from', message: 'must not be after to' }],
    });
  }
  if ((dayMs(to) - dayMs(from)) / DAY + 1 > METRICS_MAX_DAYS) {
    throw new DomainError('validation_failed', `A period is at most ${METRICS_MAX_DAYS} days.`, {
      issues: [{ field: 'querystring.from', message: `at most ${METRICS_MAX_DAYS} days before to` }],
    });
  }
  return { from, to };
}

/** The metrics of a period, workspace-wide or for one client (another workspace's client: 404). */
export async function getMetrics(deps: Deps, actor: Actor, query: MetricsQuery): Promise<Metrics> {
  const client = query.clientId ? await getClient(deps, actor, query.clientId) : null;
  const now = deps.clock.now();
  const { from, to } = metricsPeriod(query, now);
  await deps.store.metrics.ensureBuilt(actor.workspaceId);
  const [settings, rows] = await Promise.all([
    loadSettings(deps.store, actor.workspaceId),
    deps.store.metrics.read(actor.workspaceId, { from, to, clientId: client?.id ?? null }),
  ]);
  const withMistakes = rows.clients.filter((c) => c.n > 0).map((c) => c.key);
  const last = await deps.store.metrics.lastMistakes(actor.workspaceId, withMistakes, from, to);
  return computeMetrics(
    { from, to, clientId: client?.id ?? null, clientName: client?.name ?? null },
    rows,
    settings,
    clientsAfterMistake(last, now),
  );
}

const pct = (x: number | null) => (x === null ? '' : String(Math.round(x * 1000) / 10));
const num = (x: number | null) => (x === null ? '' : String(x));

/** The metrics as CSV: one row per figure (metric, breakdown, value, unit, definition). */
export function metricsCsv(m: Metrics): string {
  const rows: string[][] = [['metric', 'breakdown', 'value', 'unit', 'definition']];
  const add = (metric: string, breakdown: string, value: string, unit: string, definition = '') =>
    rows.push([metric, breakdown, value, unit, definition]);
  add('period', m.clientName ?? 'workspace', `${m.from} to ${m.to}`, 'UTC days');
  add('mistakes', '', num(m.mistakes.value), 'mistakes', m.mistakes.definition);
  for (const [name, d] of [
    ['time to acknowledge', m.timeToAcknowledge],
    ['time to fix', m.timeToFix],
  ] as const) {
    add(`${name} median`, 'all', num(d.all.medianMinutes), 'minutes', d.definition);
    add(`${name} p90`, 'all', num(d.all.p90Minutes), 'minutes');
    add(`${name} within target`, 'all', pct(d.all.withinTargetRate), '%');
    for (const s of d.bySeverity) {
      add(`${name} median`, s.severity, num(s.medianMinutes), 'minutes');
      add(`${name} p90`, s.severity, num(s.p90Minutes), 'minutes');
      add(`${name} target`, s.severity, String(s.targetMinutes), 'minutes');
      add(`${name} within target`, s.severity, pct(s.withinTargetRate), '%');
    }
  }
  add(
    'fix promises kept',
    `${m.fixPromisesKept.kept} of ${m.fixPromisesKept.resolved}`,
    pct(m.fixPromisesKept.value),
    '%',
    m.fixPromisesKept.definition,
  );
  add(
    'told before they noticed',
    `${m.toldBeforeNoticed.told} of ${m.toldBeforeNoticed.mistakes}`,
    pct(m.toldBeforeNoticed.value),
    '%',
    m.toldBeforeNoticed.definition,
  );
  add(
    'repeat rate',
    `${m.repeatRate.repeats} of ${m.repeatRate.mistakes}`,
    pct(m.repeatRate.value),
    '%',
    m.repeatRate.definition,
  );
  for (const c of m.cost.remedies)
    add('remedies given', c.currency, String(c.amountMinor), 'minor units', m.cost.definition);
  add('unbilled rework', '', String(m.cost.reworkHours), 'hours');
  add(
    'satisfaction average',
    `${m.satisfaction.answers} answers`,
    num(m.satisfaction.value),
    '1-5',
    m.satisfaction.definition,
  );
  add(
    'clients kept after a mistake',
    '',
    String(m.clientsAfterMistake.kept),
    'clients',
    m.clientsAfterMistake.definition,
  );
  add('clients lost after a mistake', '', String(m.clientsAfterMistake.lost), 'clients');
  add('clients too early to tell', '', String(m.clientsAfterMistake.tooEarly), 'clients');
  for (const c of m.byCategory.items) add('mistakes by category', c.label, String(c.count), 'mistakes');
  for (const c of m.byCause.items) add('mistakes by cause', c.label, String(c.count), 'mistakes');
  for (const c of m.byClient.items) add('mistakes by client', c.label, String(c.count), 'mistakes');
  for (const b of m.trend.items) add(`mistakes per ${m.bucket}`, b.start, String(b.mistakes), 'mistakes');
  // A leading =, +, - or @ would run as a formula in a spreadsheet: client names are user text.
  const safe = rows.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell)));
  return stringify(safe);
}
