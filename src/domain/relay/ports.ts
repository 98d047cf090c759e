import type { FindingDto, RelayDecision, RelayStatus } from '../../shared/contract/index.ts';

// Relay repository and transport: part of the Store (src/domain/ports.ts). Every method takes
// workspaceId. The raw message travels as bytes and is never changed: what the member's mail client
// submitted is what the upstream receives.

/** A relayed message as stored, with its raw bytes. */
export interface RelayRecord {
  id: string;
  workspaceId: string;
  userId: string;
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Uint8Array;
  sizeBytes: number;
  subject: string;
  /** The text part the guard read. */
  text: string;
  attachments: number;
  clientId: string | null;
  findings: FindingDto[];
  decision: RelayDecision;
  status: RelayStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  relayedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** A relayed message as listed: without its bytes, with the names of its sender, client and resolver. */
export type RelayRow = Omit<RelayRecord, 'raw'> & {
  senderName: string;
  clientName: string | null;
  resolvedByName: string | null;
};

/** A claimed message on its way to the upstream: the envelope and the bytes. */
export interface ClaimedRelayMessage {
  id: string;
  userId: string;
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Uint8Array;
  subject: string;
  clientId: string | null;
  attempts: number;
}

export interface RelayRepository {
  create(record: RelayRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<RelayRow | null>;
  /** Newest first; `userId` limits the list to one sender's messages. */
  list(
    workspaceId: string,
    query: { status?: RelayStatus | undefined; userId?: string | undefined; limit: number },
  ): Promise<RelayRow[]>;
  /** Claims due queued messages (or `sending` with an expired claim) for `claimant`, leased on the database clock. */
  claimDue(
    workspaceId: string,
    now: string,
    claimant: string,
    leaseMs: number,
    limit: number,
  ): Promise<ClaimedRelayMessage[]>;
  /** sending → relayed for the claimant; false if the claim was lost. */
  markRelayed(workspaceId: string, id: string, claimant: string, attempts: number, at: string): Promise<boolean>;
  /** sending → queued for a later attempt, with the error. */
  reschedule(
    workspaceId: string,
    id: string,
    claimant: string,
    attempts: number,
    nextAttemptAt: string,
    error: string,
  ): Promise<boolean>;
  /** sending → failed with the last error. */
  markFailed(workspaceId: string, id: string, claimant: string, attempts: number, error: string): Promise<boolean>;
  /** Gives a claimed message back untouched. */
  releaseClaim(workspaceId: string, id: string, claimant: string): Promise<boolean>;
  /**
   * held → queued (released, due at `at`) or held → discarded, by `userId`; one conditional update,
   * so of two concurrent releases only one succeeds (false for the other).
   */
  resolveHeld(
    workspaceId: string,
    id: string,
    outcome: 'released' | 'discarded',
    userId: string,
    at: string,
  ): Promise<boolean>;
  /** Workspaces with queued or sending messages (the drain visits only these). */
  workspacesWithQueue(): Promise<string[]>;
}

export interface RelayRepositories {
  relay: RelayRepository;
}

/** Thrown by an upstream that refused the message for good (5xx): no retry. */
export class PermanentRelayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentRelayError';
  }
}

/** The workspace's real outgoing SMTP server, taking the message exactly as received. */
export interface RelayUpstream {
  readonly description: string;
  /** Sends the bytes unchanged with this envelope; throws (PermanentRelayError for 5xx) when it could not. */
  send(envelope: { from: string; to: string[] }, raw: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
