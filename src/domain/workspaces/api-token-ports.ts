import type { ApiTokenScope, Role } from '../../shared/contract/index.ts';

// API token repository: part of the Store (src/domain/ports.ts). Every tenant method takes
// workspaceId; `resolve` is the one lookup by the token's hash that every bearer request makes.

/** A token as stored: its sha-256, never the token. */
export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  scope: ApiTokenScope;
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** A token as listed: without its hash, with its member's name. */
export type ApiTokenRow = Omit<ApiTokenRecord, 'tokenHash'> & { userName: string };

/** A token joined with its user, workspace and membership (what a bearer request needs). */
export interface ResolvedApiToken {
  tokenId: string;
  scope: ApiTokenScope;
  expiresAt: string | null;
  lastUsedAt: string | null;
  userId: string;
  workspaceId: string;
  userName: string;
  userEmail: string;
  workspaceName: string;
  workspaceTimezone: string;
  /** The member's own time zone; null = the workspace's. */
  memberTimezone: string | null;
  role: Role;
}

export interface ApiTokenRepository {
  create(token: ApiTokenRecord): Promise<void>;
  /** Newest first: one member's tokens, or (userId null) every token of the workspace. */
  list(workspaceId: string, userId: string | null): Promise<ApiTokenRow[]>;
  get(workspaceId: string, id: string): Promise<ApiTokenRow | null>;
  countForUser(workspaceId: string, userId: string): Promise<number>;
  /** Deletes the token and drops it from this instance's cache at once; false when there was none. */
  delete(workspaceId: string, id: string): Promise<boolean>;
  /** Deletes every token of one member of one workspace (on removal, so a re-added member gets none back). */
  deleteForUser(workspaceId: string, userId: string): Promise<number>;
  /**
   * The token by its hash with user, workspace and role in one indexed query; null when unknown or
   * its user is no longer a member. Not checked for expiry (the caller does, on every request).
   * Cached per instance like sessions (SESSION_CACHE_TTL_MS); membership changes drop the entry.
   */
  resolve(tokenHash: string, now: Date): Promise<ResolvedApiToken | null>;
  /** Sets last_used_at to `at` unless it is already after `staleBefore` (one conditional update). */
  touch(tokenHash: string, at: string, staleBefore: string): Promise<void>;
}
