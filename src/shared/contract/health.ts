import { z } from 'zod';
import { severities } from './mistakes.ts';

// Client health (issue 11 A): the score 0–100 with the lines that explain it, its history (every
// change with why it moved), and the cluster and threshold alerts. See domain/health/score.ts for
// the weights.

export const healthBands = ['healthy', 'watch', 'at_risk'] as const;
export type HealthBand = (typeof healthBands)[number];

export const healthLineKinds = [
  'mistake',
  'acknowledgment',
  'fix',
  'remedy',
  'repeat',
  'check_in',
  'satisfaction',
  'bound',
] as const;

/** One line of the score: signed points and what earned them; 100 + the lines = the score. */
export const healthLineSchema = z.object({
  key: z.string(),
  kind: z.enum(healthLineKinds),
  points: z.number().int(),
  reason: z.string(),
  mistakeRef: z.string().nullable(),
});
export type HealthLineDto = z.infer<typeof healthLineSchema>;

/** One line of "why it moved": what changed between two scores, by how many points. */
export const healthMoveSchema = z.object({
  key: z.string(),
  reason: z.string(),
  delta: z.number().int(),
  mistakeRef: z.string().nullable(),
});

/** One change of the score (a point of the chart). */
export const healthHistoryPointSchema = z.object({
  id: z.string(),
  score: z.number().int(),
  previousScore: z.number().int(),
  /** The moves add up to score − previousScore. */
  moves: z.array(healthMoveSchema),
  /** What was recorded that moved it ("MG-4 logged"). */
  reason: z.string(),
  recordedAt: z.string(),
});
export type HealthHistoryPoint = z.infer<typeof healthHistoryPointSchema>;

export const healthAlertKinds = ['cluster', 'threshold'] as const;
export const healthAlertStatuses = ['open', 'marked_at_risk', 'dismissed'] as const;
export type HealthAlertKind = (typeof healthAlertKinds)[number];
export type HealthAlertStatus = (typeof healthAlertStatuses)[number];

/** An at-risk alert: a cluster of mistakes, or the score falling below the threshold. */
export const healthAlertSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: z.enum(healthAlertKinds),
  mistakes: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      severity: z.enum(severities),
      foundAt: z.string(),
    }),
  ),
  /** The score when it was raised. */
  score: z.number().int(),
  /** The threshold crossed (threshold alerts). */
  threshold: z.number().int().nullable(),
  status: z.enum(healthAlertStatuses),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type HealthAlert = z.infer<typeof healthAlertSchema>;

/** What the clients list shows of each client's health. */
export const healthSummarySchema = z.object({
  score: z.number().int(),
  band: z.enum(healthBands),
  /** Change of the score over the last 30 days (from the history). */
  trend: z.number().int(),
  /** Mistakes of the client not fixed yet. */
  openMistakes: z.number().int(),
  computedAt: z.string().nullable(),
});
export type HealthSummary = z.infer<typeof healthSummarySchema>;

/** GET /api/clients/:id/health. */
export const clientHealthSchema = healthSummarySchema.extend({
  clientId: z.string(),
  /** Largest effect first. */
  lines: z.array(healthLineSchema),
  /** Oldest first, for the chart. */
  history: z.array(healthHistoryPointSchema),
  alerts: z.array(healthAlertSchema),
  /** The workspace's rule and threshold, for the card's wording. */
  rule: z.object({ count: z.number().int(), days: z.number().int(), threshold: z.number().int() }),
});
export type ClientHealth = z.infer<typeof clientHealthSchema>;

/** One client on the "at risk first" list (the dashboard). */
export const atRiskClientSchema = z.object({
  clientId: z.string(),
  clientName: z.string(),
  clientStatus: z.enum(['active', 'at_risk', 'lost']),
  score: z.number().int(),
  band: z.enum(healthBands),
  /** The lines that cost the most, largest first (at most 3). */
  why: z.array(healthLineSchema),
  openMistakes: z.number().int(),
  /** The open alert, if any. */
  openAlertId: z.string().nullable(),
  computedAt: z.string(),
});
export type AtRiskClient = z.infer<typeof atRiskClientSchema>;

export const clientListSortSchema = z.enum(['name', 'risk']);

/** POST /api/clients/:id/health/alerts/:alertId/resolve: mark the client at risk, or dismiss. */
export const healthAlertResolveSchema = z.strictObject({
  decision: z.enum(['mark_at_risk', 'dismiss']),
});
export type HealthAlertResolve = z.infer<typeof healthAlertResolveSchema>;
