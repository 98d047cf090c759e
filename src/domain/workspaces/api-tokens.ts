import {
  API_TOKEN_PREFIX,
  apiTokenPattern,
  MAX_API_TOKENS_PER_MEMBER,
  type ApiTokenDto,
  type ApiTokenInput,
  type CreatedApiToken,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { ApiTokenRow, ResolvedApiToken } from './api-token-ports.ts';

// Personal API tokens: a member's bearer credential for scripts and CI. The token is returned once
// at creation; only its sha-256 is stored (like sessions). Requests made with it act as the member,
// with the member's current role, limited further by the token's scope.

/** A token's last-used time is written at most this often (one conditional update, not one per request). */
export const LAST_USED_EVERY_MS = 60_000;

function toDto(row: ApiTokenRow, now: Date): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    user: { id: row.userId, name: row.userName },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    expired: row.expiresAt !== null && row.expiresAt <= now.toISOString(),
  };
}

/**
 * Creates a token for the signed-in member. Not with a token (`viaToken`): a token that could mint
 * tokens would outlive its own expiry and revocation. The event is written in the same transaction.
 */
export async function createApiToken(
  deps: Deps,
  actor: Actor,
  input: ApiTokenInput,
  options: { viaToken: boolean },
): Promise<CreatedApiToken> {
  if (options.viaToken || !actor.userId) throw new DomainError('api_token_not_allowed');
  const now = deps.clock.now();
  if (input.expiresAt !== null && input.expiresAt <= now.toISOString()) {
    throw new DomainError('validation_failed', 'expiresAt: must be in the future', {
      field: 'body.expiresAt',
      issues: [{ field: 'body.expiresAt', message: 'must be in the future' }],
    });
  }
  if ((await deps.store.apiTokens.countForUser(actor.workspaceId, actor.userId)) >= MAX_API_TOKENS_PER_MEMBER) {
    throw new DomainError('api_token_limit_reached', undefined, { limit: MAX_API_TOKENS_PER_MEMBER });
  }
  const token = `${API_TOKEN_PREFIX}${deps.crypto.randomToken()}`;
  const row: ApiTokenRow = {
    id: deps.ids.id(),
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    userName: actor.name,
    name: input.name,
    scope: input.scope,
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt,
    lastUsedAt: null,
  };
  const { userName: _userName, ...record } = row;
  await deps.store.transaction(async (store) => {
    await store.apiTokens.create({ ...record, tokenHash: deps.crypto.sha256(token) });
    await recordEvent({ ...deps, store }, actor, {
      type: 'api_token.created',
      summary: `API token "${input.name}" created (${input.scope === 'read' ? 'read' : 'read and write'})`,
      data: { tokenId: row.id, scope: input.scope, expiresAt: input.expiresAt },
    });
  });
  return { token, apiToken: toDto(row, now) };
}

/** The actor's own tokens; owners and admins see every token of the workspace. Newest first. */
export async function listApiTokens(deps: Deps, actor: Actor): Promise<ApiTokenDto[]> {
  const everyone = actor.role === 'owner' || actor.role === 'admin';
  const rows = await deps.store.apiTokens.list(actor.workspaceId, everyone ? null : (actor.userId ?? ''));
  const now = deps.clock.now();
  return rows.map((r) => toDto(r, now));
}

/** One token of the workspace as listed (the current bearer token, for `makegood login`). */
export async function getApiToken(deps: Deps, actor: Actor, id: string): Promise<ApiTokenDto> {
  const row = await deps.store.apiTokens.get(actor.workspaceId, id);
  if (!row) throw notFound('api_token_not_found');
  return toDto(row, deps.clock.now());
}

/**
 * Revokes a token: its member may revoke their own, owners and admins any in the workspace. It
 * stops working at once on this instance (the cached entry is dropped) and within the session
 * cache's few seconds on others. Another workspace's token is unknown here (404).
 */
export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  const row = await deps.store.apiTokens.get(actor.workspaceId, id);
  if (!row) throw notFound('api_token_not_found');
  if (row.userId !== actor.userId) requireRole(actor, 'admin');
  await deps.store.transaction(async (store) => {
    if (!(await store.apiTokens.delete(actor.workspaceId, id))) throw notFound('api_token_not_found');
    await recordEvent({ ...deps, store }, actor, {
      type: 'api_token.revoked',
      summary:
        row.userId === actor.userId
          ? `API token "${row.name}" revoked`
          : `API token "${row.name}" of ${row.userName} revoked`,
      data: { tokenId: row.id, userId: row.userId },
    });
  });
}

/**
 * Looks a bearer token up: null when malformed (no database query), unknown, revoked, expired (at
 * the clock's now, checked on every request, cached or not) or no longer a member's. Writes its
 * last-used time when that is older than LAST_USED_EVERY_MS.
 */
export async function resolveApiToken(deps: Deps, token: string): Promise<ResolvedApiToken | null> {
  if (!apiTokenPattern.test(token)) return null;
  const hash = deps.crypto.sha256(token);
  const now = deps.clock.now();
  const resolved = await deps.store.apiTokens.resolve(hash, now);
  if (!resolved) return null;
  const nowIso = now.toISOString();
  if (resolved.expiresAt !== null && resolved.expiresAt <= nowIso) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString();
  if (resolved.lastUsedAt === null || resolved.lastUsedAt <= staleBefore) {
    await deps.store.apiTokens.touch(hash, nowIso, staleBefore);
  }
  return resolved;
}
