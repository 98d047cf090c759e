import type { Severity, WorkspaceSettings } from '../../shared/contract/index.ts';
import { acknowledgmentTiming } from '../recovery/timing.ts';

// What one mistake adds to the metrics rollup (issue 11 D). Storage gathers a mistake's recorded
// facts (MetricInput), `metricFacts` reduces them to what the metrics count, and `contributions`
// turns that into rollup rows: per UTC day of `found_at`, per severity, workspace-wide ('*') and
// for the mistake's client. When anything about a mistake changes, storage subtracts its previous
// contributions and adds the new ones (in the transaction of the change), so a period's metrics
// are a sum over at most a few rows per day, never a scan of the mistakes.

/**
 * Upper bounds (minutes) of the duration buckets: 5, 10, 15, 30, 45 min, 1, 1.5, 2, 3, 4, 6, 8,
 * 12, 18 h, 1, 1.5, 2, 3, 5, 7, 14, 30 days; one more bucket holds everything longer.
 * Frozen: the rollup's histogram columns (ack_h0…ack_h22, fix_h0…fix_h22) are these buckets.
 */
export const DURATION_BOUNDS_MINUTES = [
  5, 10, 15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 7200, 10080, 20160, 43200,
] as const;
export const DURATION_BUCKETS = DURATION_BOUNDS_MINUTES.length + 1;

const histogram = (prefix: 'ack' | 'fix') =>
  Array.from({ length: DURATION_BUCKETS }, (_, i) => `${prefix}_h${i}` as const);
/** The additive columns of a rollup row (all integers). */
export const ROLLUP_COLUMNS = [
  'n',
  'ack_n',
  'ack_in',
  ...histogram('ack'),
  'fix_n',
  'fix_in',
  ...histogram('fix'),
  'promise_n',
  'promise_kept',
  'told_first',
  'repeat_n',
  'rework_centi',
  'remedy_minor',
  'sat_n',
  'sat_sum',
] as const;
export type RollupColumn = (typeof ROLLUP_COLUMNS)[number];
export type RollupValues = Partial<Record<RollupColumn, number>>;

/** The bucket index of a duration in minutes. */
export function bucketOf(minutes: number): number {
  const i = DURATION_BOUNDS_MINUTES.findIndex((bound) => minutes <= bound);
  return i === -1 ? DURATION_BOUNDS_MINUTES.length : i;
}

/** A mistake's recorded facts, as storage reads them. */
export interface MetricInput {
  clientId: string;
  foundAt: string;
  category: string;
  severity: Severity;
  foundBy: 'us' | 'client' | 'third_party';
  acknowledgedAt: string | null;
  fixedAt: string | null;
  clientNoticedAt: string | null;
  /** The root cause's category, if one is recorded. */
  cause: string | null;
  repeat: boolean;
  fixCommitments: { dueAt: string; status: 'open' | 'done' | 'missed'; completedAt: string | null }[];
  remedies: { kind: string; currency: string; amountMinor: number; hoursCenti: number | null }[];
  /** Satisfaction answers (1–5) given for this mistake. */
  satisfaction: number[];
}

/** What the metrics count of one mistake (kept with the rollup, to subtract it again on a change). */
export interface MetricFacts {
  clientId: string;
  day: string;
  category: string;
  severity: Severity;
  cause: string;
  ackMinutes: number | null;
  ackInTarget: boolean;
  fixMinutes: number | null;
  fixInTarget: boolean;
  promisesResolved: number;
  promisesKept: number;
  toldFirst: boolean;
  repeat: boolean;
  reworkCenti: number;
  /** Net remedy amount per currency (minor units). */
  remedies: Record<string, number>;
  satisfactionCount: number;
  satisfactionSum: number;
}

/** The cause key of a mistake without a root cause. */
export const NO_CAUSE = 'none';

const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000));

/** Reduces a mistake's facts to what the metrics count; targets are today's settings. */
export function metricFacts(input: MetricInput, settings: WorkspaceSettings): MetricFacts {
  const target = settings.targets[input.severity];
  const ackMinutes = input.acknowledgedAt ? minutesBetween(input.foundAt, input.acknowledgedAt) : null;
  const fixMinutes = input.fixedAt ? minutesBetween(input.foundAt, input.fixedAt) : null;
  const resolved = input.fixCommitments.filter((c) => c.status !== 'open');
  const kept = resolved.filter(
    (c) => c.status === 'done' && c.completedAt !== null && Date.parse(c.completedAt) <= Date.parse(c.dueAt),
  );
  const remedies: Record<string, number> = {};
  let reworkCenti = 0;
  for (const r of input.remedies) {
    remedies[r.currency] = (remedies[r.currency] ?? 0) + r.amountMinor;
    // A reversal carries a negative amount; its hours (if any) are subtracted the same way.
    if (r.kind === 'rework' && r.hoursCenti !== null) reworkCenti += Math.sign(r.amountMinor) * Math.abs(r.hoursCenti);
  }
  for (const [currency, amount] of Object.entries(remedies)) if (amount === 0) delete remedies[currency];
  return {
    clientId: input.clientId,
    day: input.foundAt.slice(0, 10),
    category: input.category,
    severity: input.severity,
    cause: input.cause ?? NO_CAUSE,
    ackMinutes,
    ackInTarget: ackMinutes !== null && ackMinutes <= target.acknowledgeMinutes,
    fixMinutes,
    fixInTarget: fixMinutes !== null && fixMinutes <= target.fixHours * 60,
    promisesResolved: resolved.length,
    promisesKept: kept.length,
    toldFirst:
      input.acknowledgedAt !== null &&
      acknowledgmentTiming(input, input.acknowledgedAt, input.clientNoticedAt, settings).toldBeforeNoticed,
    repeat: input.repeat,
    reworkCenti,
    remedies,
    satisfactionCount: input.satisfaction.length,
    satisfactionSum: input.satisfaction.reduce((a, b) => a + b, 0),
  };
}

/** Where a rollup row sits: scope '*' is the workspace, else a client id. */
export interface RollupKey {
  scope: string;
  dim: 'all' | 'category' | 'cause' | 'client';
  key: string;
  /** d: period is a day (YYYY-MM-DD); m: a month (YYYY-MM), kept for the by-client ranking only. */
  grain: 'd' | 'm';
  period: string;
  severity: Severity;
  /** '' for counts; an ISO code for the remedy total in that currency. */
  currency: string;
}

/** One row's share of a mistake. */
export interface Contribution {
  at: RollupKey;
  values: RollupValues;
}

/** The rollup rows one mistake adds to. */
export function contributions(f: MetricFacts): Contribution[] {
  const base: RollupValues = {
    n: 1,
    told_first: f.toldFirst ? 1 : 0,
    repeat_n: f.repeat ? 1 : 0,
    promise_n: f.promisesResolved,
    promise_kept: f.promisesKept,
    rework_centi: f.reworkCenti,
    sat_n: f.satisfactionCount,
    sat_sum: f.satisfactionSum,
  };
  if (f.ackMinutes !== null) {
    base.ack_n = 1;
    base.ack_in = f.ackInTarget ? 1 : 0;
    base[`ack_h${bucketOf(f.ackMinutes)}` as RollupColumn] = 1;
  }
  if (f.fixMinutes !== null) {
    base.fix_n = 1;
    base.fix_in = f.fixInTarget ? 1 : 0;
    base[`fix_h${bucketOf(f.fixMinutes)}` as RollupColumn] = 1;
  }
  const day = { grain: 'd' as const, period: f.day, severity: f.severity, currency: '' };
  const out: Contribution[] = [];
  for (const scope of ['*', f.clientId]) {
    out.push({ at: { scope, dim: 'all', key: '', ...day }, values: base });
    out.push({ at: { scope, dim: 'category', key: f.category, ...day }, values: { n: 1 } });
    out.push({ at: { scope, dim: 'cause', key: f.cause, ...day }, values: { n: 1 } });
    for (const [currency, amount] of Object.entries(f.remedies)) {
      out.push({ at: { scope, dim: 'all', key: '', ...day, currency }, values: { remedy_minor: amount } });
    }
  }
  out.push({ at: { scope: '*', dim: 'client', key: f.clientId, ...day }, values: { n: 1 } });
  out.push({
    at: { scope: '*', dim: 'client', key: f.clientId, ...day, grain: 'm', period: f.day.slice(0, 7) },
    values: { n: 1 },
  });
  return out;
}

/** A stable text form of a rollup key (for maps and a deadlock-free update order). */
export function keyText(k: RollupKey): string {
  return [k.scope, k.dim, k.key, k.grain, k.period, k.severity, k.currency].join('\u0001');
}

/**
 * The changes that turn `before`'s contributions into `after`'s: per row, the non-zero deltas,
 * sorted by key (so concurrent transactions lock rows in the same order).
 */
export function rollupDelta(before: MetricFacts | null, after: MetricFacts | null): Contribution[] {
  const rows = new Map<string, Contribution>();
  const add = (list: Contribution[], sign: 1 | -1) => {
    for (const c of list) {
      const k = keyText(c.at);
      const row = rows.get(k) ?? { at: c.at, values: {} };
      for (const [col, v] of Object.entries(c.values) as [RollupColumn, number][]) {
        row.values[col] = (row.values[col] ?? 0) + sign * v;
      }
      rows.set(k, row);
    }
  };
  if (before) add(contributions(before), -1);
  if (after) add(contributions(after), 1);
  const out: Contribution[] = [];
  for (const [k, row] of [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const values = Object.fromEntries(Object.entries(row.values).filter(([, v]) => v !== 0)) as RollupValues;
    if (Object.keys(values).length > 0) out.push({ at: rows.get(k)!.at, values });
  }
  return out;
}
