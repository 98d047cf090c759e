import type {
  AtRiskClient,
  Finder,
  HealthAlertKind,
  HealthAlertStatus,
  HealthBand,
  Severity,
} from '../../shared/contract/index.ts';
import type { HealthLine, HealthMove } from './score.ts';

// Client-health repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.

/** A client's current score, as last computed. */
export interface ClientHealthRecord {
  clientId: string;
  score: number;
  band: HealthBand;
  lines: HealthLine[];
  openMistakes: number;
  computedAt: string;
}

/** One change of a client's score, with the moves that explain it. */
export interface HealthHistoryRecord {
  id: string;
  clientId: string;
  score: number;
  previousScore: number;
  moves: HealthMove[];
  reason: string;
  recordedAt: string;
}

/** A cluster or threshold alert, unique per (workspace, client, alertKey). */
export interface HealthAlertRecord {
  id: string;
  clientId: string;
  kind: HealthAlertKind;
  alertKey: string;
  mistakeIds: string[];
  lastFoundAt: string | null;
  score: number;
  threshold: number | null;
  status: HealthAlertStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the score is computed from, as stored (the domain judges targets and outcomes). */
export interface HealthFactRows {
  mistakes: {
    id: string;
    number: number;
    title: string;
    severity: Severity;
    foundBy: Finder;
    foundAt: string;
    acknowledgedAt: string | null;
    remediedAt: string | null;
    fixedAt: string | null;
  }[];
  /** Settled (done or missed) fix commitments of those mistakes. */
  fixCommitments: { mistakeId: string; status: 'done' | 'missed'; dueAt: string; completedAt: string | null }[];
  /** Which of those mistakes repeat an earlier one (its number). */
  repeats: { mistakeId: string; repeatOfNumber: number }[];
}

export interface HealthRepository {
  /**
   * Takes the client's health row for this transaction (inserting the starting score 100 when it
   * has none) and returns it: concurrent refreshes of one client queue here, so each reads what
   * the one before it committed. Call first in the refresh.
   */
  lock(workspaceId: string, clientId: string, at: string): Promise<ClientHealthRecord>;
  get(workspaceId: string, clientId: string): Promise<ClientHealthRecord | null>;
  put(workspaceId: string, record: ClientHealthRecord): Promise<void>;
  /** The client's mistakes found since `since`, with their fix commitments and repeat links (indexed reads). */
  facts(workspaceId: string, clientId: string, since: string): Promise<HealthFactRows>;
  addHistory(workspaceId: string, row: HealthHistoryRecord): Promise<void>;
  /** The client's history, oldest first, the newest `limit` rows. */
  history(workspaceId: string, clientId: string, limit: number): Promise<HealthHistoryRecord[]>;
  /** Every stored score of the workspace (the clients list). */
  listScores(workspaceId: string): Promise<ClientHealthRecord[]>;
  /** For each client whose score changed since `since`: its score at `since` (the first change's previous score). */
  scoresAt(workspaceId: string, since: string): Promise<Map<string, number>>;
  /** The lowest scores first (below 100), with the client's name and status and its open alert. */
  listAtRisk(workspaceId: string, limit: number): Promise<AtRiskClient[]>;
  /** Inserts an alert; false when one with its key exists already (another instance got there first). */
  insertAlert(workspaceId: string, alert: HealthAlertRecord): Promise<boolean>;
  getAlert(workspaceId: string, id: string): Promise<HealthAlertRecord | null>;
  getAlertByKey(workspaceId: string, clientId: string, alertKey: string): Promise<HealthAlertRecord | null>;
  /** The client's newest cluster alert (the one a new mistake may extend). */
  latestCluster(workspaceId: string, clientId: string): Promise<HealthAlertRecord | null>;
  /** Adds mistakes to a cluster alert. */
  extendAlert(workspaceId: string, id: string, mistakeIds: string[], lastFoundAt: string, at: string): Promise<void>;
  /** open → marked_at_risk / dismissed; false if it was no longer open. */
  resolveAlert(
    workspaceId: string,
    id: string,
    status: Exclude<HealthAlertStatus, 'open'>,
    by: string,
    at: string,
  ): Promise<boolean>;
  /** The client's alerts, newest first. */
  listAlerts(workspaceId: string, clientId: string, limit: number): Promise<HealthAlertRecord[]>;
}

export interface HealthRepositories {
  health: HealthRepository;
}
