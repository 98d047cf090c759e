import type { Commitment, Message, MessageKind, MessageStatus, Notification } from '../../shared/contract/index.ts';

// Messaging repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.

export interface MessageQuery {
  clientId?: string | undefined;
  mistakeId?: string | undefined;
  status?: MessageStatus | undefined;
  kind?: MessageKind | undefined;
  limit?: number | undefined;
}

export interface MessageRepository {
  /** Adds a message to the outbox (status `queued`, or `draft`). */
  create(workspaceId: string, message: Message): Promise<void>;
  get(workspaceId: string, id: string): Promise<Message | null>;
  /** Newest first. */
  list(workspaceId: string, query: MessageQuery): Promise<Message[]>;
  /**
   * Claims up to `limit` messages that are due at `now` (queued, or `sending` with an expired
   * claim) for `claimant`, leased for `leaseMs`, and returns them with status `sending`. Two
   * claimants never get the same message (one UPDATE; FOR UPDATE SKIP LOCKED on PostgreSQL). The
   * lease is set and checked on the database's clock, not the caller's: instances whose clocks
   * disagree still agree on whether a claim has expired.
   */
  claimDue(workspaceId: string, now: string, claimant: string, leaseMs: number, limit: number): Promise<Message[]>;
  /** Marks a message this claimant holds as sent; false if the claim was lost. */
  markSent(workspaceId: string, id: string, claimant: string, attempts: number, sentAt: string): Promise<boolean>;
  /** Puts a message this claimant holds back in the queue for a later attempt, with the error. */
  reschedule(
    workspaceId: string,
    id: string,
    claimant: string,
    attempts: number,
    nextAttemptAt: string,
    error: string,
  ): Promise<boolean>;
  /** Gives up on a message this claimant holds: status `failed`, with the last error. */
  markFailed(workspaceId: string, id: string, claimant: string, attempts: number, error: string): Promise<boolean>;
  /** Gives a claimed message back to the queue untouched (no attempt counted). */
  release(workspaceId: string, id: string, claimant: string): Promise<boolean>;
  /** A failed message goes back to the queue (attempts reset, due now); false unless it was failed. */
  requeue(workspaceId: string, id: string, now: string): Promise<boolean>;
}

/** A notification as stored: it belongs to one user. */
export interface NotificationRecord extends Notification {
  userId: string;
}

export interface NotificationRepository {
  create(workspaceId: string, notification: NotificationRecord): Promise<void>;
  /** A user's notifications, newest first. */
  list(
    workspaceId: string,
    userId: string,
    query: { unread?: boolean | undefined; limit: number },
  ): Promise<Notification[]>;
  countUnread(workspaceId: string, userId: string): Promise<number>;
  get(workspaceId: string, userId: string, id: string): Promise<Notification | null>;
  /** Marks a user's notification read (first time only); false if there is no such notification. */
  markRead(workspaceId: string, userId: string, id: string, at: string): Promise<boolean>;
}

/** One (commitment, offset) reminder, recorded once: sent, or skipped because a later one was due. */
export interface ReminderRecord {
  commitmentId: string;
  offsetMinutes: number;
  outcome: 'sent' | 'skipped';
  fireAt: string;
  notificationId: string | null;
  createdAt: string;
}

/** What scheduled work reads and claims; every claim is exactly once across app instances. */
export interface SchedulingRepository {
  /** Open commitments due at or before `before`, earliest first, after the keyset `after` if given. */
  openCommitmentsDueBefore(
    workspaceId: string,
    before: string,
    limit: number,
    after?: { dueAt: string; id: string } | null,
  ): Promise<Commitment[]>;
  /** The reminder offsets already recorded for these commitments. */
  remindersOf(workspaceId: string, commitmentIds: string[]): Promise<Map<string, Set<number>>>;
  /** Records a reminder; false if another instance (or an earlier tick) already did. */
  claimReminder(workspaceId: string, reminder: ReminderRecord): Promise<boolean>;
  /** open → missed; false if the commitment was no longer open (someone else got there first). */
  markCommitmentMissed(workspaceId: string, commitmentId: string): Promise<boolean>;
  /** Links a missed commitment to the mistake it logged. */
  recordMissed(
    workspaceId: string,
    missed: { commitmentId: string; mistakeId: string; originalMistakeId: string | null; missedAt: string },
  ): Promise<void>;
  /** The mistake a missed commitment logged, if any. */
  missedMistakeOf(workspaceId: string, commitmentId: string): Promise<string | null>;
  /** Records that a progress update for `mistakeId` fell due at `dueAt`; false if already flagged. */
  claimUpdateDue(workspaceId: string, mistakeId: string, dueAt: string, createdAt: string): Promise<boolean>;
  /**
   * The update-due queue: mistakes owed an update whose clock started at or before `cutoff`
   * (anchor = found, acknowledged or the last update), earliest first, after the keyset `after`.
   * Reads only due rows, through an index; never every mistake.
   */
  mistakesUpdateDue(
    workspaceId: string,
    cutoff: string,
    after: { anchorAt: string; id: string } | null,
    limit: number,
  ): Promise<{ id: string; anchorAt: string }[]>;
  /** Takes a flagged mistake off the queue, unless its clock moved past `anchorAt` meanwhile. */
  clearUpdateAnchor(workspaceId: string, mistakeId: string, anchorAt: string): Promise<void>;
}

export interface MessagingRepositories {
  messages: MessageRepository;
  notifications: NotificationRepository;
  scheduling: SchedulingRepository;
}

/** A transport that delivers one outbox message (a file or SMTP); throws when it could not. */
export interface Mailer {
  /** What it is, for logs: 'file:/path' or 'smtp://host'. */
  readonly description: string;
  send(message: Message, sentAt: Date): Promise<void>;
  close(): Promise<void>;
}
