import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../domain/ports.ts';
import { needsSetup, SESSION_DAYS, setupWorkspace, signIn, signOut } from '../../domain/workspaces/workspaces.ts';
import { sessionSchema, setupInputSchema, setupStatusSchema, signInInputSchema } from '../../shared/contract/index.ts';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.ts';

/** First-run setup, sign-in and sign-out. */
export function authRoutes(deps: Deps, options: { secureCookies: boolean }): FastifyPluginAsyncZod {
  const cookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  };
  return async (app) => {
    app.get(
      '/setup',
      { config: { public: true }, schema: { tags: ['auth'], summary: 'Whether first-run setup is needed', response: { 200: setupStatusSchema } } },
      async () => ({ needed: await needsSetup(deps) }),
    );

    app.post(
      '/setup',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Create the workspace and its owner, and sign in', body: setupInputSchema, response: { 201: sessionSchema } },
      },
      async (request, reply) => {
        const { token, session } = await setupWorkspace(deps, request.body);
        reply.setCookie(SESSION_COOKIE, token, cookie);
        return reply.code(201).send(session);
      },
    );

    app.post(
      '/session',
      {
        config: {
          public: true,
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            // Per address and per account, so one attacker can't lock everyone out, nor guess one password fast.
            keyGenerator: (request) => {
              const body = request.body as { email?: unknown } | undefined;
              return `${request.ip}|${typeof body?.email === 'string' ? body.email.toLowerCase() : ''}`;
            },
          },
        },
        schema: { tags: ['auth'], summary: 'Sign in', body: signInInputSchema, response: { 200: sessionSchema } },
      },
      async (request, reply) => {
        const { token, session } = await signIn(deps, request.body);
        reply.setCookie(SESSION_COOKIE, token, cookie);
        return session;
      },
    );

    app.get(
      '/session',
      { schema: { tags: ['auth'], summary: 'The signed-in user and workspace', response: { 200: sessionSchema } } },
      async (request) => {
        actorOf(request);
        return request.session!;
      },
    );

    app.delete(
      '/session',
      { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await signOut(deps, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/members',
      {
        schema: {
          tags: ['auth'],
          summary: 'People in this workspace',
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })) }) },
        },
      },
      async (request) => ({ items: await deps.store.users.members(actorOf(request).workspaceId) }),
    );
  };
}
