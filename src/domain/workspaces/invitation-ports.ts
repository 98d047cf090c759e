import type { AssignableRole } from '../../shared/contract/index.ts';

// Invitation and password-reset repositories: part of the Store (src/domain/ports.ts).

/** An invitation as stored (its token only as a SHA-256). */
export interface InvitationRecord {
  id: string;
  workspaceId: string;
  email: string;
  role: AssignableRole;
  tokenHash: string;
  invitedBy: { id: string | null; name: string };
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedUserId: string | null;
  revokedAt: string | null;
}

export interface InvitationRepository {
  /** Adds an invitation; throws on a second open invitation for the same email and workspace. */
  create(invitation: InvitationRecord): Promise<void>;
  get(workspaceId: string, id: string): Promise<InvitationRecord | null>;
  /** Any invitation by its token's hash, in whichever workspace (the link is the credential). */
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** The open (not accepted, not revoked) invitation for an email in a workspace, if any. */
  findOpen(workspaceId: string, email: string): Promise<InvitationRecord | null>;
  /** Open invitations of a workspace, newest first. */
  listOpen(workspaceId: string): Promise<InvitationRecord[]>;
  /** A new link for an open invitation (the old hash stops matching); false unless it was open. */
  renew(workspaceId: string, id: string, tokenHash: string, sentAt: string, expiresAt: string): Promise<boolean>;
  /** Marks an open invitation revoked; false unless it was open. */
  revoke(workspaceId: string, id: string, at: string): Promise<boolean>;
  /**
   * Marks the invitation with this hash accepted, only if it is still open and unexpired at `at`:
   * exactly one of two concurrent accepts gets true.
   */
  markAccepted(workspaceId: string, id: string, tokenHash: string, userId: string, at: string): Promise<boolean>;
}

/** A password-reset request as stored; userId null for an email nobody has (never usable). */
export interface PasswordResetRecord {
  id: string;
  tokenHash: string;
  userId: string | null;
  email: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface PasswordResetRepository {
  create(reset: PasswordResetRecord): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<PasswordResetRecord | null>;
  /** Uses the request with this id, only if unused and unexpired at `at`; false otherwise. */
  markUsed(id: string, at: string): Promise<boolean>;
  /** Ends every unused request of a user (a new link or a new password makes the older ones void). */
  voidForUser(userId: string, at: string): Promise<number>;
  /** Forgets requests that expired before `before` (keeps the table small). */
  deleteExpired(before: string): Promise<number>;
}

/**
 * The raw token of a one-time link in an outbox mail, kept apart from the message body (which
 * shows the link with the token hidden) until the mail is sent: only the mailer puts it back.
 */
export interface MessageSecretRepository {
  put(workspaceId: string, messageId: string, secret: string, createdAt: string): Promise<void>;
  get(workspaceId: string, messageId: string): Promise<string | null>;
  delete(workspaceId: string, messageId: string): Promise<void>;
}

export interface InvitationRepositories {
  invitations: InvitationRepository;
  passwordResets: PasswordResetRepository;
  messageSecrets: MessageSecretRepository;
}
