import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, Deps } from '../../domain/ports.ts';
import { resolveApiToken } from '../../domain/workspaces/api-tokens.ts';
import { resolveSession } from '../../domain/workspaces/workspaces.ts';
import type { ApiTokenScope, SessionInfo } from '../../shared/contract/index.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'mg_session';
/** The header a cookie-authenticated change must carry (double-submit of the session's CSRF token). */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
    /** The API token this request was made with (null for a cookie session). */
    apiToken: { id: string; scope: ApiTokenScope } | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in. */
    public?: boolean;
    /** A POST that changes nothing (the analyser, the pre-send check): a `read` token may call it. */
    readOnly?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `Bearer <token>` (the scheme is case-insensitive, RFC 7235). */
const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Resolves the credential of every /api request — an `Authorization: Bearer` API token, else the
 * session cookie — and refuses protected routes without a valid one. A request carrying both uses
 * the bearer token. Bearer requests need no CSRF header (a cross-site page cannot make the browser
 * send one), but a `read` token may only read.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('apiToken', null);
  // onRequest: an anonymous or forged request is refused before its body is even read.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = BEARER.exec(authorization)?.[1];
      const resolved = bearer ? await resolveApiToken(deps, bearer) : null;
      if (resolved) {
        request.apiToken = { id: resolved.tokenId, scope: resolved.scope };
        // No CSRF token: nothing here is a browser session.
        request.session = {
          user: {
            id: resolved.userId,
            name: resolved.userName,
            email: resolved.userEmail,
            timezone: resolved.memberTimezone,
          },
          workspace: { id: resolved.workspaceId, name: resolved.workspaceName, timezone: resolved.workspaceTimezone },
          role: resolved.role,
          csrfToken: '',
        };
        request.actor = {
          workspaceId: resolved.workspaceId,
          userId: resolved.userId,
          name: resolved.userName,
          role: resolved.role,
        };
      }
      if (request.routeOptions.config.public) return;
      if (!resolved) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        throw new DomainError(
          'invalid_api_token',
          bearer
            ? 'The API token is malformed, unknown, revoked or expired.'
            : 'The Authorization header must be "Bearer <API token>".',
        );
      }
      if (resolved.scope === 'read' && !SAFE_METHODS.has(request.method) && !request.routeOptions.config.readOnly) {
        throw new DomainError('api_token_read_only');
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(deps, token);
      if (session) {
        request.session = session;
        request.actor = {
          workspaceId: session.workspace.id,
          userId: session.user.id,
          name: session.user.name,
          role: session.role,
        };
      }
    }
    if (request.routeOptions.config.public) return;
    if (!request.actor || !request.session) throw new DomainError('unauthenticated', 'Sign in first.');
    // Cookies ride along on cross-site requests; a change must also prove it came from our page.
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
      throw new DomainError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header.`);
    }
  });
}

/** The signed-in actor of a protected route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in first.');
  return request.actor;
}
