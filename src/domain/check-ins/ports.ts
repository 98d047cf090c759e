import type { CheckInMethod, CheckInStatus } from '../../shared/contract/index.ts';
import type { HealthAnswer, HealthCheckIn } from '../health/score.ts';

// Check-in and satisfaction repositories: part of the Store (src/domain/ports.ts). Every method
// takes workspaceId, except the satisfaction lookup by token hash (the token says which workspace).

/** A check-in as stored; the domain adds the mistake ref and the state. */
export interface CheckInRecord {
  id: string;
  mistakeId: string;
  clientId: string;
  /** The fix commitment whose completion scheduled it. */
  commitmentId: string | null;
  sequence: number;
  offsetDays: number;
  dueAt: string;
  status: CheckInStatus;
  method: CheckInMethod | null;
  note: string | null;
  skipReason: string | null;
  messageId: string | null;
  settledAt: string | null;
  settledBy: { id: string | null; name: string } | null;
  remindedAt: string | null;
  overdueAt: string | null;
  createdAt: string;
}

/** How a pending check-in is settled. */
export interface CheckInSettlement {
  status: 'done' | 'skipped';
  method: CheckInMethod | null;
  note: string | null;
  skipReason: string | null;
  messageId: string | null;
  settledAt: string;
  settledBy: { id: string | null; name: string };
}

export interface CheckInRepository {
  createMany(workspaceId: string, checkIns: readonly CheckInRecord[]): Promise<void>;
  get(workspaceId: string, id: string): Promise<CheckInRecord | null>;
  /** Due order. */
  listForMistake(workspaceId: string, mistakeId: string): Promise<CheckInRecord[]>;
  /** Due order, at most 500. */
  listForClient(workspaceId: string, clientId: string): Promise<CheckInRecord[]>;
  /** The client's settled or overdue check-ins as the health score reads them (pending ones count nothing). */
  listForHealth(workspaceId: string, clientId: string): Promise<HealthCheckIn[]>;
  /** Settles a pending check-in; false when it was no longer pending (one conditional UPDATE). */
  settle(workspaceId: string, id: string, settlement: CheckInSettlement): Promise<boolean>;
  /** Pending check-ins due at `now` whose reminder is not claimed yet, oldest first (an index walk). */
  reminderDue(workspaceId: string, now: string, limit: number): Promise<CheckInRecord[]>;
  /** Claims a check-in's one reminder; true for exactly one claimant across instances. */
  claimReminder(workspaceId: string, id: string, claimant: string, at: string): Promise<boolean>;
  /** Pending check-ins due before `dueBefore` (now minus the grace) not yet marked overdue. */
  overdueDue(workspaceId: string, dueBefore: string, limit: number): Promise<CheckInRecord[]>;
  /** Marks a pending check-in overdue; true for exactly one claimant across instances. */
  claimOverdue(workspaceId: string, id: string, claimant: string, at: string): Promise<boolean>;
}

/** A satisfaction request as stored (its token only as a SHA-256). */
export interface SatisfactionRequestRecord {
  id: string;
  workspaceId: string;
  mistakeId: string;
  clientId: string;
  contactId: string | null;
  contactName: string;
  tokenHash: string;
  messageId: string | null;
  requestedBy: { id: string | null; name: string };
  createdAt: string;
  expiresAt: string;
  answer: number | null;
  comment: string | null;
  answeredAt: string | null;
  /** 0 unanswered, 1 answered, 2 changed once (final). */
  answerCount: number;
  changedAt: string | null;
}

export interface SatisfactionRepository {
  create(workspaceId: string, request: SatisfactionRequestRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<SatisfactionRequestRecord | null>;
  /** The one lookup across workspaces: the token's hash says which request (and workspace). */
  findByTokenHash(tokenHash: string): Promise<SatisfactionRequestRecord | null>;
  /**
   * Records an answer when the request still has `answerCount` answers and has not expired at `at`
   * (one conditional UPDATE: of two answers at once, one wins).
   */
  answer(
    workspaceId: string,
    id: string,
    answerCount: number,
    answer: { answer: number; comment: string | null; at: string },
  ): Promise<boolean>;
  /** Newest first. */
  listForMistake(workspaceId: string, mistakeId: string): Promise<SatisfactionRequestRecord[]>;
  /** Newest first, at most 500. */
  listForClient(workspaceId: string, clientId: string): Promise<SatisfactionRequestRecord[]>;
  /** The client's answered requests as the health score reads them. */
  listForHealth(workspaceId: string, clientId: string): Promise<HealthAnswer[]>;
}

/** The check-in and satisfaction part of the Store. */
export interface CheckInRepositories {
  checkIns: CheckInRepository;
  satisfaction: SatisfactionRepository;
}
