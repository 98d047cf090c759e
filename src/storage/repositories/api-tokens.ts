import type { Kysely } from 'kysely';
import type { ApiTokenRepository, ApiTokenRow, ResolvedApiToken } from '../../domain/workspaces/api-token-ports.ts';
import type { ApiTokenScope, Role } from '../../shared/contract/index.ts';
import { toIso, toIsoOrNull } from '../dialect.ts';
import type { ApiTokenTables } from '../schema-api-tokens.ts';
import type { DB } from '../schema.ts';
import { compiledQuery } from './compiled.ts';
import { invalidate, type SessionInvalidation } from './sessions.ts';

// API tokens (table api_tokens). Resolved tokens share the session cache (keys `pat:<hash>`), so
// member removal, role and name changes drop them with the member's sessions, and a revocation
// drops its entry on this instance at once (again after commit).

type TokenDb = Kysely<DB & ApiTokenTables>;

const cacheKey = (tokenHash: string): string => `pat:${tokenHash}`;

// One query: the unique token_hash index, then users.id, workspaces.id and memberships(workspace_id, user_id).
const tokenByHash = compiledQuery((kdb: Kysely<DB>, tokenHash: string) =>
  (kdb as unknown as TokenDb)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'api_tokens.workspace_id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'api_tokens.workspace_id')
        .onRef('memberships.user_id', '=', 'api_tokens.user_id'),
    )
    .select([
      'api_tokens.id',
      'api_tokens.scope',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'api_tokens.user_id',
      'api_tokens.workspace_id',
      'users.name as user_name',
      'users.email as user_email',
      'workspaces.name as workspace_name',
      'workspaces.timezone as workspace_timezone',
      'memberships.timezone as member_timezone',
      'memberships.role',
    ])
    .where('api_tokens.token_hash', '=', tokenHash),
);

export function createApiTokenRepository(kdb: Kysely<DB>, ctx: SessionInvalidation): ApiTokenRepository {
  // A type-only view: `kdb` is the store's transaction-aware handle, which must stay the one used.
  const db = kdb as unknown as TokenDb;

  function listed() {
    return db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([
        'api_tokens.id',
        'api_tokens.workspace_id',
        'api_tokens.user_id',
        'api_tokens.name',
        'api_tokens.scope',
        'api_tokens.created_at',
        'api_tokens.expires_at',
        'api_tokens.last_used_at',
        'users.name as user_name',
      ]);
  }
  type Listed = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];
  const toRow = (r: Listed): ApiTokenRow => ({
    id: r.id,
    workspaceId: r.workspace_id,
    userId: r.user_id,
    userName: r.user_name,
    name: r.name,
    scope: r.scope as ApiTokenScope,
    createdAt: toIso(r.created_at),
    expiresAt: toIsoOrNull(r.expires_at),
    lastUsedAt: toIsoOrNull(r.last_used_at),
  });

  return {
    async create(t) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          workspace_id: t.workspaceId,
          user_id: t.userId,
          name: t.name,
          scope: t.scope,
          token_hash: t.tokenHash,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: t.lastUsedAt,
        })
        .execute();
    },
    async list(workspaceId, userId) {
      let q = listed().where('api_tokens.workspace_id', '=', workspaceId);
      if (userId !== null) q = q.where('api_tokens.user_id', '=', userId);
      const rows = await q.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute();
      return rows.map(toRow);
    },
    async get(workspaceId, id) {
      const row = await listed()
        .where('api_tokens.workspace_id', '=', workspaceId)
        .where('api_tokens.id', '=', id)
        .executeTakeFirst();
      return row ? toRow(row) : null;
    },
    async countForUser(workspaceId, userId) {
      const row = await db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async delete(workspaceId, id) {
      const rows = await db
        .deleteFrom('api_tokens')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning('token_hash')
        .execute();
      for (const { token_hash } of rows) invalidate(ctx, (cache) => cache.delete(cacheKey(token_hash)));
      return rows.length > 0;
    },
    async deleteForUser(workspaceId, userId) {
      const result = await db
        .deleteFrom('api_tokens')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      invalidate(ctx, (cache) => cache.deleteUser(workspaceId, userId));
      return Number(result.numDeletedRows);
    },
    async resolve(tokenHash, now) {
      const nowMs = now.getTime();
      const cached = ctx.cache.get(cacheKey(tokenHash), nowMs);
      if (cached && 'tokenId' in cached) return cached;
      const [row] = await tokenByHash(kdb, tokenHash);
      if (!row) return null;
      const resolved: ResolvedApiToken = {
        tokenId: row.id,
        scope: row.scope as ApiTokenScope,
        expiresAt: toIsoOrNull(row.expires_at),
        lastUsedAt: toIsoOrNull(row.last_used_at),
        userId: row.user_id,
        workspaceId: row.workspace_id,
        userName: row.user_name,
        userEmail: row.user_email,
        workspaceName: row.workspace_name,
        workspaceTimezone: row.workspace_timezone,
        memberTimezone: row.member_timezone ?? null,
        role: row.role as Role,
      };
      ctx.cache.set(cacheKey(tokenHash), resolved, nowMs);
      return resolved;
    },
    async touch(tokenHash, at, staleBefore) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: at })
        .where('token_hash', '=', tokenHash)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
        .execute();
      // The cached entry learns the new time too, so the next requests within the TTL do not write.
      const cached = ctx.cache.get(cacheKey(tokenHash), Date.parse(at));
      if (cached && 'tokenId' in cached) cached.lastUsedAt = at;
    },
  };
}
