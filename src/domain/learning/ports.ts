import type {
  ActionKind,
  ActionStatus,
  CauseCategory,
  CheckResult,
  EscapeKind,
  RootCause,
} from '../../shared/contract/index.ts';

// Learning repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.

/** An action as stored; the domain adds the mistake ref, the owner's name and `overdue`. */
export interface ActionRecord {
  id: string;
  mistakeId: string;
  clientId: string;
  kind: ActionKind;
  title: string;
  ownerId: string | null;
  dueAt: string;
  status: ActionStatus;
  cancelReason: string | null;
  doneAt: string | null;
  checkDueAt: string | null;
  checkResult: CheckResult | null;
  checkNote: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
  /** The due-queue: when the scheduler next has a reminder for this action (null: none). */
  nextReminderAt: string | null;
  createdAt: string;
}

export interface ActionQuery {
  mistakeId?: string | undefined;
  ownerId?: string | undefined;
  statuses?: readonly ActionStatus[] | undefined;
  /** Only open actions whose due time is before this instant. */
  dueBefore?: string | undefined;
  limit?: number | undefined;
}

export interface RootCauseRepository {
  get(workspaceId: string, mistakeId: string): Promise<RootCause | null>;
  /** Inserts or replaces the mistake's one root cause. */
  put(workspaceId: string, rootCause: RootCause): Promise<void>;
  /** The cause category and escape kind of each of these mistakes that has a root cause (one query). */
  causesOf(
    workspaceId: string,
    mistakeIds: readonly string[],
  ): Promise<{ mistakeId: string; category: CauseCategory; escapeKind: EscapeKind | null }[]>;
}

export interface LearningDecisionRecord {
  noPreventionReason: string | null;
  noPlanReason: string | null;
}

export interface LearningDecisionRepository {
  get(workspaceId: string, mistakeId: string): Promise<LearningDecisionRecord | null>;
  put(workspaceId: string, mistakeId: string, decisions: LearningDecisionRecord, at: string): Promise<void>;
}

export interface ActionRepository {
  create(workspaceId: string, action: ActionRecord): Promise<void>;
  update(workspaceId: string, action: ActionRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<ActionRecord | null>;
  list(workspaceId: string, query: ActionQuery): Promise<ActionRecord[]>;
  /** Actions whose next reminder is due at `now`, oldest first, at most `limit` (an index walk, never a scan). */
  reminderDue(workspaceId: string, now: string, limit: number): Promise<ActionRecord[]>;
  /** Moves an action's next reminder (the due-queue); idempotent, so every instance may do it. */
  setNextReminder(workspaceId: string, id: string, at: string | null): Promise<void>;
  /** Claims one reminder slot of an action; true for exactly one claimant across instances. */
  claimReminder(workspaceId: string, actionId: string, slot: string, claimant: string, at: string): Promise<boolean>;
}

/** The checks a repeat overturned, as they were before, so unmarking the repeat restores them. */
export interface OverturnedCheck {
  actionId: string;
  checkResult: ActionRecord['checkResult'];
  checkNote: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
}

export interface RepeatRecord {
  mistakeId: string;
  repeatOfId: string;
  undo: OverturnedCheck[];
  markedBy: string | null;
  markedAt: string;
}

export interface RepeatRepository {
  /** The earlier mistake this one repeats, if marked. */
  get(workspaceId: string, mistakeId: string): Promise<RepeatRecord | null>;
  put(workspaceId: string, repeat: RepeatRecord): Promise<void>;
  delete(workspaceId: string, mistakeId: string): Promise<void>;
  /** The later mistakes marked as repeats of this one. */
  repeatsOf(workspaceId: string, mistakeId: string): Promise<RepeatRecord[]>;
}

/** The learning part of the Store. */
export interface LearningRepositories {
  rootCauses: RootCauseRepository;
  learningDecisions: LearningDecisionRepository;
  actions: ActionRepository;
  repeats: RepeatRepository;
}

export type { CauseCategory, EscapeKind };
