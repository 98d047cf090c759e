import {
  causeCategories,
  mistakeCategories,
  severities,
  type DurationStats,
  type Metrics,
  type Severity,
  type WorkspaceSettings,
} from '../../shared/contract/index.ts';
import { repeatRateDefinition } from '../lessons/repeat-rate.ts';
import { DURATION_BOUNDS_MINUTES, DURATION_BUCKETS, NO_CAUSE, type RollupColumn, type RollupValues } from './facts.ts';

// From summed rollup rows to the metrics of a period, each with its definition (pure).

const BUCKETS_TEXT =
  '5, 10, 15, 30 and 45 minutes, 1, 1.5, 2, 3, 4, 6, 8, 12 and 18 hours, 1, 1.5, 2, 3, 5, 7, 14 and 30 days';

/** The definitions, as the API returns them and the dashboard shows them. */
export const METRIC_DEFINITIONS = {
  mistakes:
    'Mistakes found in the period (by the UTC day they were found). Every metric below is about these mistakes.',
  timeToAcknowledge: `From when the mistake was found to the first acknowledgment to the client, for the mistakes that have one, per severity against the workspace target. Median and 90th percentile are estimated from time buckets (${BUCKETS_TEXT}) by interpolating inside the bucket. "Within target" counts the mistakes acknowledged within the target for their severity that was in force when it was recorded.`,
  timeToFix: `From when the mistake was found to when its fix was delivered (the "fixed" stage), for the mistakes fixed so far, per severity against the workspace's time-to-fix target. Median and 90th percentile are estimated from the same time buckets as time to acknowledge.`,
  fixPromisesKept:
    'Fix commitments of these mistakes that are resolved: kept = done by their due time; broken = missed or done late. Kept ÷ resolved; open commitments are not counted.',
  toldBeforeNoticed:
    'Mistakes we found ourselves and acknowledged to the client before the client noticed (or the client never reported them), divided by all mistakes found in the period.',
  repeatRate: repeatRateDefinition,
  cost: 'Remedies recorded for these mistakes, net of reversals, per currency: credits, discounts, refunds, unbilled rework at its rate, gifts and other. Rework hours: the unbilled hours recorded with rework remedies.',
  satisfaction:
    'Average answer (1 to 5) to "How well did we put this right?" from the satisfaction checks of these mistakes; each answer counts once, with its latest value.',
  clientsAfterMistake:
    'Clients with a mistake found in the period. Kept: not marked lost and at least 90 days have passed since their last mistake in the period. Lost: marked lost. Too early: not lost, and fewer than 90 days have passed.',
  byCategory: 'Mistakes found in the period by category.',
  byCause: 'Mistakes found in the period by root-cause category; "No root cause yet" where none is recorded.',
  byClient: 'Mistakes found in the period by client, most first (the ten with most).',
  trend:
    'Per day (periods up to 31 days), week (Monday first, up to 26 weeks) or month: mistakes found, how many of them we told the client about before they noticed, repeats, and mistakes by category.',
} as const;

const CATEGORY_LABELS: Record<string, string> = {
  communication: 'Communication',
  deliverable_quality: 'Deliverable quality',
  deadline: 'Deadline or schedule',
  billing: 'Billing',
  requirements: 'Requirements',
  wrong_fact: 'Wrong fact',
  other: 'Other',
};
const CAUSE_LABELS: Record<string, string> = {
  training: 'Training',
  process: 'Process',
  tooling: 'Tooling',
  staffing: 'Staffing or capacity',
  communication: 'Communication',
  client_input: 'Client input',
  other: 'Other',
  [NO_CAUSE]: 'No root cause yet',
};

/** Estimated p-quantile (0–1) in minutes of a duration histogram; null when it is empty. */
export function quantileMinutes(counts: number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = p * total;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    if (c > 0 && before + c >= rank) {
      const lower = i === 0 ? 0 : DURATION_BOUNDS_MINUTES[i - 1]!;
      const upper = DURATION_BOUNDS_MINUTES[i];
      // The open last bucket: report its lower bound ("more than 30 days").
      if (upper === undefined) return lower;
      return Math.round(lower + ((upper - lower) * (rank - before)) / c);
    }
    before += c;
  }
  return DURATION_BOUNDS_MINUTES[DURATION_BOUNDS_MINUTES.length - 1]!;
}

/** Rollup sums by severity, by day and by dimension for one period (what storage reads). */
export interface MetricsRows {
  bySeverity: { severity: Severity; values: RollupValues }[];
  byDay: { day: string; values: RollupValues }[];
  costs: { currency: string; amountMinor: number }[];
  categoryByDay: { key: string; day: string; n: number }[];
  cause: { key: string; n: number }[];
  clients: { key: string; name: string; n: number }[];
}

export interface PeriodInput {
  from: string;
  to: string;
  clientId: string | null;
  clientName: string | null;
}

const v = (values: RollupValues | undefined, col: RollupColumn) => values?.[col] ?? 0;
const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function sum(rows: RollupValues[]): RollupValues {
  const out: RollupValues = {};
  for (const r of rows) for (const [k, x] of Object.entries(r) as [RollupColumn, number][]) out[k] = (out[k] ?? 0) + x;
  return out;
}

function duration(
  prefix: 'ack' | 'fix',
  rows: MetricsRows['bySeverity'],
  target: (s: Severity) => number,
): Omit<Metrics['timeToAcknowledge'], 'definition'> {
  const hist = (values: RollupValues) =>
    Array.from({ length: DURATION_BUCKETS }, (_, i) => v(values, `${prefix}_h${i}` as RollupColumn));
  const bySeverity: DurationStats[] = severities.map((severity) => {
    const values = rows.find((r) => r.severity === severity)?.values ?? {};
    const count = v(values, `${prefix}_n`);
    const within = v(values, `${prefix}_in`);
    return {
      severity,
      count,
      medianMinutes: quantileMinutes(hist(values), 0.5),
      p90Minutes: quantileMinutes(hist(values), 0.9),
      targetMinutes: target(severity),
      withinTarget: within,
      withinTargetRate: rate(within, count),
    };
  });
  const all = sum(rows.map((r) => r.values));
  const count = v(all, `${prefix}_n`);
  const within = v(all, `${prefix}_in`);
  return {
    all: {
      count,
      medianMinutes: quantileMinutes(hist(all), 0.5),
      p90Minutes: quantileMinutes(hist(all), 0.9),
      withinTarget: within,
      withinTargetRate: rate(within, count),
    },
    bySeverity,
  };
}

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00.000Z`);
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The trend's unit for a period. */
export function bucketFor(from: string, to: string): Metrics['bucket'] {
  const days = (dayMs(to) - dayMs(from)) / DAY + 1;
  return days <= 31 ? 'day' : days <= 26 * 7 ? 'week' : 'month';
}

/** The first day of the bucket that holds `day`. */
export function bucketStart(day: string, bucket: Metrics['bucket']): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const ms = dayMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  return dayText(ms - weekday * DAY);
}

/** Every bucket start of the period, in order (empty buckets included, so a chart has no gaps). */
export function bucketStarts(from: string, to: string, bucket: Metrics['bucket']): string[] {
  const out: string[] = [];
  for (let ms = dayMs(from); ms <= dayMs(to); ms += DAY) {
    const start = bucketStart(dayText(ms), bucket);
    if (out[out.length - 1] !== start) out.push(start);
  }
  return out;
}

/**
 * The by-client ranking's rows for [from, to]: whole months from the month rows, the days of
 * partly covered months from the day rows (at most ~60 days × clients, whatever the mistakes).
 */
export function clientRankingRanges(from: string, to: string): { months: string[]; days: [string, string][] } {
  const months: string[] = [];
  const days: [string, string][] = [];
  let start = dayMs(`${from.slice(0, 7)}-01`);
  while (start <= dayMs(to)) {
    const d = new Date(start);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const first = dayText(start);
    const last = dayText(next - DAY);
    if (first >= from && last <= to) months.push(first.slice(0, 7));
    else days.push([first < from ? from : first, last > to ? to : last]);
    start = next;
  }
  return { months, days };
}

/** Kept, lost and too early, from each client's status and last mistake in the period. */
export function clientsAfterMistake(
  clients: { status: string; lastFoundAt: string }[],
  now: Date,
): Omit<Metrics['clientsAfterMistake'], 'definition'> {
  const out = { kept: 0, lost: 0, tooEarly: 0 };
  for (const c of clients) {
    if (c.status === 'lost') out.lost++;
    else if (now.getTime() - Date.parse(c.lastFoundAt) >= 90 * DAY) out.kept++;
    else out.tooEarly++;
  }
  return out;
}

/** The metrics of a period from its rollup sums. */
export function computeMetrics(
  period: PeriodInput,
  rows: MetricsRows,
  settings: WorkspaceSettings,
  after: Omit<Metrics['clientsAfterMistake'], 'definition'>,
): Metrics {
  const all = sum(rows.bySeverity.map((r) => r.values));
  const mistakes = v(all, 'n');
  const bucket = bucketFor(period.from, period.to);
  type Bucket = Metrics['trend']['items'][number];
  const trend = new Map<string, Bucket>(
    bucketStarts(period.from, period.to, bucket).map((start) => [
      start,
      { start, mistakes: 0, toldBeforeNoticed: 0, repeats: 0, byCategory: {} },
    ]),
  );
  for (const d of rows.byDay) {
    const b = trend.get(bucketStart(d.day, bucket));
    if (!b) continue;
    b.mistakes += v(d.values, 'n');
    b.toldBeforeNoticed += v(d.values, 'told_first');
    b.repeats += v(d.values, 'repeat_n');
  }
  const categoryTotals = new Map<string, number>();
  for (const c of rows.categoryByDay) {
    categoryTotals.set(c.key, (categoryTotals.get(c.key) ?? 0) + c.n);
    const b = trend.get(bucketStart(c.day, bucket));
    if (b && c.n !== 0) b.byCategory[c.key] = (b.byCategory[c.key] ?? 0) + c.n;
  }
  const satN = v(all, 'sat_n');
  const promises = v(all, 'promise_n');
  return {
    from: period.from,
    to: period.to,
    clientId: period.clientId,
    clientName: period.clientName,
    bucket,
    mistakes: { value: mistakes, definition: METRIC_DEFINITIONS.mistakes },
    timeToAcknowledge: {
      definition: METRIC_DEFINITIONS.timeToAcknowledge,
      ...duration('ack', rows.bySeverity, (s) => settings.targets[s].acknowledgeMinutes),
    },
    timeToFix: {
      definition: METRIC_DEFINITIONS.timeToFix,
      ...duration('fix', rows.bySeverity, (s) => settings.targets[s].fixHours * 60),
    },
    fixPromisesKept: {
      value: rate(v(all, 'promise_kept'), promises),
      kept: v(all, 'promise_kept'),
      resolved: promises,
      definition: METRIC_DEFINITIONS.fixPromisesKept,
    },
    toldBeforeNoticed: {
      value: rate(v(all, 'told_first'), mistakes),
      told: v(all, 'told_first'),
      mistakes,
      definition: METRIC_DEFINITIONS.toldBeforeNoticed,
    },
    repeatRate: {
      value: rate(v(all, 'repeat_n'), mistakes),
      repeats: v(all, 'repeat_n'),
      mistakes,
      definition: METRIC_DEFINITIONS.repeatRate,
    },
    cost: {
      definition: METRIC_DEFINITIONS.cost,
      remedies: rows.costs.filter((c) => c.amountMinor !== 0).sort((a, b) => a.currency.localeCompare(b.currency)),
      reworkHours: v(all, 'rework_centi') / 100,
    },
    satisfaction: {
      value: satN === 0 ? null : Math.round((v(all, 'sat_sum') / satN) * 100) / 100,
      answers: satN,
      definition: METRIC_DEFINITIONS.satisfaction,
    },
    clientsAfterMistake: { definition: METRIC_DEFINITIONS.clientsAfterMistake, ...after },
    byCategory: {
      definition: METRIC_DEFINITIONS.byCategory,
      items: mistakeCategories
        .map((key) => ({ key, label: CATEGORY_LABELS[key] ?? key, count: categoryTotals.get(key) ?? 0 }))
        .filter((c) => c.count > 0)
        .sort((a, b) => b.count - a.count),
    },
    byCause: {
      definition: METRIC_DEFINITIONS.byCause,
      items: [...causeCategories, NO_CAUSE]
        .map((key) => ({ key, label: CAUSE_LABELS[key] ?? key, count: rows.cause.find((c) => c.key === key)?.n ?? 0 }))
        .filter((c) => c.count > 0)
        .sort((a, b) => b.count - a.count),
    },
    byClient: {
      definition: METRIC_DEFINITIONS.byClient,
      items: rows.clients
        .filter((c) => c.n > 0)
        .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
        .slice(0, 10)
        .map((c) => ({ key: c.key, label: c.name, count: c.n })),
    },
    trend: { definition: METRIC_DEFINITIONS.trend, items: [...trend.values()] },
  };
}
