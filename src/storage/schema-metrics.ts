import type { ColumnType } from 'kysely';

// Row types of the metrics tables (see migrations/2026-12-04T10-20-00_metrics.ts); part of DB in
// schema.ts. metrics_rollup (50+ counter columns) is written through an untyped handle in
// repositories/metrics.ts and is not listed here.

type Timestamp = ColumnType<Date | string, string, string>;

/** What one mistake contributes to the rollup (JSON of MetricFacts). */
export interface MetricsMistakesTable {
  mistake_id: string;
  workspace_id: string;
  facts: string;
}

/** A workspace whose rollup is built. */
export interface MetricsStateTable {
  workspace_id: string;
  built_at: Timestamp;
}

export interface MetricsTables {
  metrics_mistakes: MetricsMistakesTable;
  metrics_state: MetricsStateTable;
}
