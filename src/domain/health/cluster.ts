// The cluster alert (seed 000: a client lost to "a cluster of mistakes", each small, none fatal
// alone, and nobody saw the pattern). Pure: the caller passes the client's recent mistakes, the
// alert already raised for an ongoing cluster (if any) and the workspace's rule.

/** Several mistakes for one client within a window raise one at-risk alert. */
export interface ClusterRule {
  /** How many mistakes make a cluster. */
  count: number;
  /** Within how many days of each other (found dates). */
  windowDays: number;
}

/** Defaults: 3 mistakes within 30 days, any severity. */
export const DEFAULT_CLUSTER_RULE: ClusterRule = { count: 3, windowDays: 30 };

export interface ClusterMistake {
  id: string;
  foundAt: string;
}

/** The alert raised for a cluster: its mistakes, and when the last of them was found. */
export interface ClusterAlertRecord {
  mistakeIds: string[];
  lastFoundAt: string;
}

export type ClusterDecision =
  /** A new cluster: raise the alert, listing these mistakes. */
  | { kind: 'raise'; mistakeIds: string[] }
  /** The mistake joins the cluster already alerted: add it to that alert, raise nothing new. */
  | { kind: 'extend'; mistakeIds: string[] }
  | { kind: 'none' };

const DAY_MS = 86_400_000;

/**
 * What logging `latest` means for the client's cluster alert. The mistakes found within the
 * window before `latest` (inclusive) form the candidate cluster. A cluster is alerted once: while
 * each new mistake comes within the window of the alerted cluster's last one, it extends that
 * alert instead of raising another; a quiet window ends the cluster, and the next one is new.
 */
export function clusterDecision(
  mistakes: readonly ClusterMistake[],
  latest: ClusterMistake,
  alerted: ClusterAlertRecord | null,
  rule: ClusterRule = DEFAULT_CLUSTER_RULE,
): ClusterDecision {
  const at = Date.parse(latest.foundAt);
  const windowMs = rule.windowDays * DAY_MS;
  const inWindow = [...mistakes.filter((m) => m.id !== latest.id), latest]
    .filter((m) => {
      const t = Date.parse(m.foundAt);
      return t <= at && at - t <= windowMs;
    })
    .sort((a, b) => a.foundAt.localeCompare(b.foundAt) || a.id.localeCompare(b.id));
  if (alerted && alerted.mistakeIds.includes(latest.id)) return { kind: 'none' };
  if (alerted && Math.abs(at - Date.parse(alerted.lastFoundAt)) <= windowMs) {
    return { kind: 'extend', mistakeIds: [...alerted.mistakeIds, latest.id] };
  }
  if (inWindow.length >= rule.count) return { kind: 'raise', mistakeIds: inWindow.map((m) => m.id) };
  return { kind: 'none' };
}
