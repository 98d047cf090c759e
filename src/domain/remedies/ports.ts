import type { ApprovalReason, RemedyKind, SweepItem } from '../../shared/contract/index.ts';

// Recovery repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.

/** Who did something, as stored beside a record (null: the system). */
export interface StoredActor {
  id: string;
  name: string;
}

/** A new ledger entry. Entries are insert-only: nothing here can change one afterwards. */
export interface RemedyRecord {
  id: string;
  clientId: string;
  mistakeId: string;
  kind: RemedyKind;
  /** Signed minor units: positive for a remedy, negative for a reversing entry. */
  amountMinor: number;
  currency: string;
  /** Rework hours in hundredths (150 = 1.5 h). */
  hoursCenti: number | null;
  rateMinor: number | null;
  note: string | null;
  reversesId: string | null;
  requiresApproval: boolean;
  approvalReasons: ApprovalReason[];
  idempotencyKey: string;
  /** A digest of the request that made the entry: a retry with the same key must match it. */
  requestHash: string;
  createdBy: StoredActor | null;
  createdAt: string;
}

/** A ledger entry as read back, with what other rows say about it. */
export interface StoredRemedy extends RemedyRecord {
  mistakeNumber: number;
  approval: { by: StoredActor | null; at: string; note: string | null } | null;
  reversedById: string | null;
  notice: { messageId: string | null; skippedReason: string | null } | null;
}

/** Filters of the ledger. */
export interface RemedyQuery {
  clientId?: string | undefined;
  mistakeId?: string | undefined;
}

/** The append-only remedy ledger: no method changes or removes an entry. */
export interface RemedyRepository {
  /**
   * Inserts the entry unless its idempotency key is taken in the workspace (or, for a reversing
   * entry, the original is already reversed); true if inserted. A concurrent insert with the same
   * key waits for the other to finish, then inserts nothing.
   */
  insert(workspaceId: string, entry: RemedyRecord): Promise<boolean>;
  get(workspaceId: string, id: string): Promise<StoredRemedy | null>;
  getByIdempotencyKey(workspaceId: string, key: string): Promise<StoredRemedy | null>;
  /** Oldest first. */
  list(workspaceId: string, query: RemedyQuery): Promise<StoredRemedy[]>;
  /** Records the approval; false if the remedy was already approved. */
  approve(
    workspaceId: string,
    approval: { remedyId: string; by: StoredActor | null; note: string | null; at: string },
  ): Promise<boolean>;
  /** Records the accounting notice of an issued remedy (or why none was queued); false if already recorded. */
  recordNotice(
    workspaceId: string,
    notice: { remedyId: string; messageId: string | null; skippedReason: string | null; at: string },
  ): Promise<boolean>;
}

/** A decision to give no money for a mistake. */
export interface RemedyDeclineRecord {
  id: string;
  mistakeId: string;
  reason: string;
  by: StoredActor | null;
  at: string;
}

/** Declined remedies of a mistake. */
export interface RemedyDeclineRepository {
  create(workspaceId: string, decline: RemedyDeclineRecord): Promise<void>;
  /** Oldest first. */
  listByMistake(workspaceId: string, mistakeId: string): Promise<RemedyDeclineRecord[]>;
}

/** An account sweep as stored. */
export interface SweepRecord {
  id: string;
  mistakeId: string;
  clientId: string;
  checked: SweepItem[];
  unchecked: SweepItem[];
  note: string | null;
  by: StoredActor | null;
  at: string;
}

/** Account sweeps of a mistake. */
export interface SweepRepository {
  create(workspaceId: string, sweep: SweepRecord): Promise<void>;
  latest(workspaceId: string, mistakeId: string): Promise<SweepRecord | null>;
}

/** When a client noticed a mistake themselves (once per mistake). */
export interface ClientNoticeRepository {
  /** Records when the client noticed the mistake; false (and no change) if already recorded. */
  record(workspaceId: string, mistakeId: string, noticedAt: string, createdAt: string): Promise<boolean>;
  get(workspaceId: string, mistakeId: string): Promise<string | null>;
}

/** The recovery part of the Store. */
export interface RecoveryRepositories {
  remedies: RemedyRepository;
  remedyDeclines: RemedyDeclineRepository;
  sweeps: SweepRepository;
  clientNotices: ClientNoticeRepository;
}
