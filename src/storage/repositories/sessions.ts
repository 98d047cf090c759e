import type { Kysely } from 'kysely';
import type { Role } from '../../shared/contract/index.ts';
import type { ResolvedSession, SessionRepository } from '../../domain/ports.ts';
import type { ResolvedApiToken } from '../../domain/workspaces/api-token-ports.ts';
import { toIso } from '../dialect.ts';
import type { DB } from '../schema.ts';
import { compiledQuery } from './compiled.ts';

/** How long a resolved session is reused before the database is asked again (cross-instance bound). */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** What the cache holds: resolved sessions, and resolved API tokens (keyed `pat:<hash>`, see api-tokens.ts). */
export type CachedCredential = ResolvedSession | ResolvedApiToken;

interface Entry {
  value: CachedCredential;
  /** Epoch milliseconds (of the caller's clock) after which the entry is asked again. */
  freshUntil: number;
}

/**
 * Resolved sessions of this process (one per Store, i.e. per app instance), for a few seconds.
 * This instance drops an entry as soon as the session is deleted (sign-out) or its user's
 * membership changes (removal, role change, new name), so those take effect here at once; another
 * instance sharing the database sees them once its entry is older than SESSION_CACHE_TTL_MS (the
 * short TTL is the cross-instance guarantee; see docs/ARCHITECTURE.md).
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  constructor(readonly ttlMs = SESSION_CACHE_TTL_MS) {}

  get(id: string, nowMs: number): CachedCredential | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.freshUntil <= nowMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  set(id: string, value: CachedCredential, nowMs: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { value, freshUntil: nowMs + this.ttlMs });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Drops every cached session of one user (in one workspace, or in all when workspaceId is null). */
  deleteUser(workspaceId: string | null, userId: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.value.userId === userId && (workspaceId === null || entry.value.workspaceId === workspaceId)) {
        this.entries.delete(id);
      }
    }
  }

  /** Drops every cached credential of one workspace (its name or time zone changed). */
  deleteWorkspace(workspaceId: string): void {
    for (const [id, entry] of this.entries) if (entry.value.workspaceId === workspaceId) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Invalidations made inside a transaction are applied at once and again after commit: a request
 * that resolved the session between the change and the commit (reading the old row) cannot leave
 * a stale entry behind.
 */
export interface SessionInvalidation {
  cache: SessionCache;
  /** Set while a transaction is open: collects invalidations to repeat after commit. */
  readonly afterCommit?: (() => void)[] | undefined;
}

export function invalidate(ctx: SessionInvalidation, run: (cache: SessionCache) => void): void {
  run(ctx.cache);
  ctx.afterCommit?.push(() => run(ctx.cache));
}

// One query over four primary keys: sessions.id, users.id, workspaces.id, memberships(workspace_id, user_id).
const sessionById = compiledQuery((db: Kysely<DB>, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'sessions.workspace_id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'sessions.workspace_id')
        .onRef('memberships.user_id', '=', 'sessions.user_id'),
    )
    .select([
      'sessions.user_id',
      'sessions.workspace_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.name as user_name',
      'users.email as user_email',
      'workspaces.name as workspace_name',
      'workspaces.timezone as workspace_timezone',
      'memberships.timezone as member_timezone',
      'memberships.role',
    ])
    .where('sessions.id', '=', id),
);

export function createSessionRepository(db: Kysely<DB>, ctx: SessionInvalidation): SessionRepository {
  return {
    async create(s) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          workspace_id: s.workspaceId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row
        ? {
            id: row.id,
            userId: row.user_id,
            workspaceId: row.workspace_id,
            csrfToken: row.csrf_token,
            createdAt: toIso(row.created_at),
            expiresAt: toIso(row.expires_at),
          }
        : null;
    },
    async resolve(id, now) {
      const nowMs = now.getTime();
      const cached = ctx.cache.get(id, nowMs);
      // Token entries live under their own `pat:` keys; a session never reads one.
      let resolved = cached && !('tokenId' in cached) ? cached : undefined;
      if (!resolved) {
        const [row] = await sessionById(db, id);
        if (!row) return null;
        resolved = {
          userId: row.user_id,
          workspaceId: row.workspace_id,
          csrfToken: row.csrf_token,
          expiresAt: toIso(row.expires_at),
          userName: row.user_name,
          userEmail: row.user_email,
          workspaceName: row.workspace_name,
          workspaceTimezone: row.workspace_timezone,
          memberTimezone: row.member_timezone ?? null,
          role: row.role as Role,
        };
        ctx.cache.set(id, resolved, nowMs);
      }
      return resolved.expiresAt <= now.toISOString() ? null : resolved;
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
      invalidate(ctx, (cache) => cache.delete(id));
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteForUser(workspaceId, userId) {
      const result = await db
        .deleteFrom('sessions')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      invalidate(ctx, (cache) => cache.deleteUser(workspaceId, userId));
      return Number(result.numDeletedRows);
    },
  };
}
