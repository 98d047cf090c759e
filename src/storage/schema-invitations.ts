import type { ColumnType } from 'kysely';

// Row types of the invitation and password-reset tables (see
// migrations/2026-12-03T19-10-00_invitations.ts); part of DB in schema.ts. Tokens are stored as
// their SHA-256 only.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;

/** An invitation to one workspace (a tenant row). */
export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by_id: string | null;
  invited_by_name: string;
  created_at: Timestamp;
  sent_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_at: NullableTimestamp;
}

/**
 * A password-reset request, keyed on the user. A request for an email nobody has is stored too,
 * with user_id null (it can never be used): both answers do the same work.
 */
export interface PasswordResetsTable {
  id: string;
  token_hash: string;
  user_id: string | null;
  email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** The raw token of a one-time link in a mail not yet sent (the body shows it hidden). */
export interface MessageSecretsTable {
  message_id: string;
  workspace_id: string;
  secret: string;
  created_at: Timestamp;
}

// A type alias (not an interface) so it fits Kysely's withTables<T>() constraint.
export type InvitationTables = {
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  message_secrets: MessageSecretsTable;
};
