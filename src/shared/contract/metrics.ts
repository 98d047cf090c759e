import { z } from 'zod';
import { idSchema } from './common.ts';
import { severities } from './mistakes.ts';

// Metrics for a period (issue 11 D): workspace-wide or for one client, each figure with its
// definition. Days are UTC calendar days; a period is [from, to], both days included.

/** The longest period one request may ask for (days). */
export const METRICS_MAX_DAYS = 3660;
/** Without `from`, the period is this many days ending `to` (today by default). */
export const METRICS_DEFAULT_DAYS = 90;

export const metricsQuerySchema = z.strictObject({
  /** First day of the period (YYYY-MM-DD, UTC). */
  from: z.iso.date().optional(),
  /** Last day of the period, included (YYYY-MM-DD, UTC). */
  to: z.iso.date().optional(),
  clientId: idSchema.optional(),
  /** `csv` answers the CSV export instead of JSON (same as /api/metrics.csv). */
  format: z.enum(['json', 'csv']).optional(),
});
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

/** A figure and what it means. `value` null: no data in the period (never shown as zero). */
const figure = z.object({ value: z.number().nullable(), definition: z.string() });

/** Time to acknowledge or to fix for one severity, against its target. */
export const durationStatsSchema = z.object({
  severity: z.enum(severities),
  /** Mistakes found in the period with this stage reached. */
  count: z.number().int(),
  /** Estimated from the time buckets (see the definition); null without data. */
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  targetMinutes: z.number().int(),
  /** Reached within the target in force when it was recorded. */
  withinTarget: z.number().int(),
  /** withinTarget ÷ count; null without data. */
  withinTargetRate: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

const durationMetric = z.object({
  definition: z.string(),
  /** All severities together (targets differ, so only counts and rate; the median is of all). */
  all: z.object({
    count: z.number().int(),
    medianMinutes: z.number().nullable(),
    p90Minutes: z.number().nullable(),
    withinTarget: z.number().int(),
    withinTargetRate: z.number().nullable(),
  }),
  bySeverity: z.array(durationStatsSchema),
});

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const metricsSchema = z.object({
  from: z.string(),
  to: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  /** The unit of `trend`: day (≤ 31 days), week (≤ 26 weeks) or month. */
  bucket: z.enum(['day', 'week', 'month']),
  mistakes: figure,
  timeToAcknowledge: durationMetric,
  timeToFix: durationMetric,
  fixPromisesKept: figure.extend({ kept: z.number().int(), resolved: z.number().int() }),
  toldBeforeNoticed: figure.extend({ told: z.number().int(), mistakes: z.number().int() }),
  repeatRate: figure.extend({ repeats: z.number().int(), mistakes: z.number().int() }),
  cost: z.object({
    definition: z.string(),
    /** Net remedies given (credits, discounts, refunds, rework, gifts, other; reversals subtracted). */
    remedies: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })),
    /** Unbilled rework hours recorded as remedies (net of reversals). */
    reworkHours: z.number(),
  }),
  satisfaction: figure.extend({ answers: z.number().int() }),
  clientsAfterMistake: z.object({
    definition: z.string(),
    kept: z.number().int(),
    lost: z.number().int(),
    tooEarly: z.number().int(),
  }),
  byCategory: z.object({ definition: z.string(), items: z.array(countRow) }),
  byCause: z.object({ definition: z.string(), items: z.array(countRow) }),
  byClient: z.object({ definition: z.string(), items: z.array(countRow) }),
  trend: z.object({
    definition: z.string(),
    items: z.array(
      z.object({
        /** First day of the bucket (YYYY-MM-DD). */
        start: z.string(),
        mistakes: z.number().int(),
        toldBeforeNoticed: z.number().int(),
        repeats: z.number().int(),
        /** Mistakes by category in this bucket (categories with none are left out). */
        byCategory: z.record(z.string(), z.number().int()),
      }),
    ),
  }),
});
export type Metrics = z.infer<typeof metricsSchema>;
