import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../domain/ports.ts';
import { addMember, changeMemberRole, listMembers, removeMember } from '../../domain/workspaces/members.ts';
import { DomainError } from '../../domain/errors.ts';
import { changePassword, setOwnTimeZone } from '../../domain/workspaces/account.ts';
import { throttledSignIn, type ThrottleCounters } from '../../domain/workspaces/sign-in-throttle.ts';
import { needsSetup, SESSION_DAYS, setupWorkspace, signOut } from '../../domain/workspaces/workspaces.ts';
import {
  accountTimeZoneInputSchema,
  accountTimeZoneSchema,
  addMemberInputSchema,
  changePasswordInputSchema,
  changeMemberRoleInputSchema,
  idSchema,
  memberListSchema,
  memberSchema,
  sessionSchema,
  setupInputSchema,
  setupStatusSchema,
  signInInputSchema,
} from '../../shared/contract/index.ts';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.ts';

/** First-run setup, sign-in and sign-out. */
export function authRoutes(
  deps: Deps,
  options: { secureCookies: boolean; throttle: ThrottleCounters },
): FastifyPluginAsyncZod {
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
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Whether first-run setup is needed', response: { 200: setupStatusSchema } },
      },
      async () => ({ needed: await needsSetup(deps) }),
    );

    app.post(
      '/setup',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Create the workspace and its owner, and sign in',
          body: setupInputSchema,
          response: { 201: sessionSchema },
        },
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
        // Throttled per address across accounts and per account across addresses, with a growing
        // delay, on counters in the database (src/domain/workspaces/sign-in-throttle.ts).
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Sign in', body: signInInputSchema, response: { 200: sessionSchema } },
      },
      async (request, reply) => {
        try {
          const { token, session } = await throttledSignIn(deps, options.throttle, request.body, request.ip);
          reply.setCookie(SESSION_COOKIE, token, cookie);
          return session;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'rate_limited') {
            const seconds = error.details?.['retryAfterSeconds'];
            reply.header('retry-after', String(typeof seconds === 'number' ? seconds : 60));
          }
          throw error;
        }
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

    app.post(
      '/account/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change your own password (any member); your other sessions are signed out, this one continues',
          body: changePasswordInputSchema,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        try {
          const { token, session } = await changePassword(deps, options.throttle, actorOf(request), request.body);
          // A fresh session for this browser (the old one ended with the others): new cookie and CSRF token.
          reply.setCookie(SESSION_COOKIE, token, cookie);
          return session;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'rate_limited') {
            const seconds = error.details?.['retryAfterSeconds'];
            reply.header('retry-after', String(typeof seconds === 'number' ? seconds : 60));
          }
          throw error;
        }
      },
    );

    app.put(
      '/account/timezone',
      {
        schema: {
          tags: ['auth'],
          summary: "Your own time zone (any member); null shows times in the workspace's zone again",
          body: accountTimeZoneInputSchema,
          response: { 200: accountTimeZoneSchema },
        },
      },
      async (request) => setOwnTimeZone(deps, actorOf(request), request.body),
    );

    app.get(
      '/members',
      { schema: { tags: ['auth'], summary: 'People in this workspace', response: { 200: memberListSchema } } },
      async (request) => ({ items: await listMembers(deps, actorOf(request)) }),
    );

    app.post(
      '/members',
      {
        schema: {
          tags: ['auth'],
          summary: 'Add a person with a temporary password you tell them (owners and admins)',
          body: addMemberInputSchema,
          response: { 201: memberSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await addMember(deps, actorOf(request), request.body)),
    );

    const memberParams = z.object({ userId: idSchema });

    app.patch(
      '/members/:userId',
      {
        schema: {
          tags: ['auth'],
          summary: "Change a member's role (owners and admins; not the owner)",
          params: memberParams,
          body: changeMemberRoleInputSchema,
          response: { 200: memberSchema },
        },
      },
      async (request) => changeMemberRole(deps, actorOf(request), request.params.userId, request.body.role),
    );

    app.delete(
      '/members/:userId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Remove a member and end their sessions (owners and admins; not the owner, not yourself)',
          params: memberParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeMember(deps, actorOf(request), request.params.userId);
        return reply.code(204).send(null);
      },
    );
  };
}
