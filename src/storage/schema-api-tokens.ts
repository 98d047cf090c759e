import type { ColumnType } from 'kysely';

// Personal API tokens (see migrations/2026-12-03T19-00-00_api-tokens.ts). Only the sha-256 of a
// token is stored, never the token itself.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  /** `read` or `read_write`. */
  scope: string;
  /** sha-256 (hex) of the token; unique, the lookup key of every bearer request. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

// A type alias (not an interface) so it fits Kysely's withTables<T>() constraint.
export type ApiTokenTables = {
  api_tokens: ApiTokensTable;
};
