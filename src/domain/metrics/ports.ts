import type { MetricsRows } from './compute.ts';

// The metrics rollup: part of the Store (src/domain/ports.ts). Every method takes workspaceId.
// The rollup itself is kept by storage in the transaction of every timeline event of a mistake
// (see storage/repositories/metrics.ts); the domain only reads it.

/** A client's status and its last mistake found in a period. */
export interface ClientAfterMistake {
  clientId: string;
  status: string;
  lastFoundAt: string;
}

export interface MetricsRepository {
  /** Builds the workspace's rollup from its mistakes if it was never built (an older install, a restore). */
  ensureBuilt(workspaceId: string): Promise<void>;
  /** The rollup sums of the UTC days [from, to] (YYYY-MM-DD), workspace-wide or of one client. */
  read(workspaceId: string, period: { from: string; to: string; clientId: string | null }): Promise<MetricsRows>;
  /** For each client given: its status and the found time of its last mistake in [from, to]. */
  lastMistakes(workspaceId: string, clientIds: string[], from: string, to: string): Promise<ClientAfterMistake[]>;
}

/** The metrics part of the Store. */
export interface MetricsRepositories {
  metrics: MetricsRepository;
}
