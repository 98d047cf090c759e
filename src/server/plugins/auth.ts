import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, Deps } from '../../domain/ports.ts';
import { resolveSession } from '../../domain/workspaces/workspaces.ts';
import type { SessionInfo } from '../../shared/contract/index.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'mg_session';
/** The header a cookie-authenticated change must carry (double-submit of the session's CSRF token). */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the session cookie on every /api request; refuses protected routes without one. */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  // onRequest: an anonymous or forged request is refused before its body is even read.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
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
