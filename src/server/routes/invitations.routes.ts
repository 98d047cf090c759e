import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../domain/ports.ts';
import {
  acceptInvitation,
  inviteMember,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
  type LinkBase,
} from '../../domain/workspaces/invitations.ts';
import {
  confirmPasswordReset,
  previewPasswordReset,
  requestPasswordReset,
} from '../../domain/workspaces/password-reset.ts';
import type { ThrottleCounters } from '../../domain/workspaces/sign-in-throttle.ts';
import { SESSION_DAYS } from '../../domain/workspaces/workspaces.ts';
import {
  acceptInvitationInputSchema,
  idSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationSchema,
  inviteInputSchema,
  linkTokenSchema,
  passwordResetAcceptedSchema,
  passwordResetConfirmSchema,
  passwordResetPreviewSchema,
  passwordResetRequestSchema,
  sessionSchema,
} from '../../shared/contract/index.ts';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.ts';

/** Invitations by email and password reset by email (issue 14 B). */
export function invitationRoutes(
  deps: Deps,
  options: { secureCookies: boolean; throttle: ThrottleCounters; publicUrl?: string | undefined },
): FastifyPluginAsyncZod {
  const cookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  };
  // Links in mail point at PUBLIC_URL. Without it, at this server on localhost: never at the
  // request's Host header, which a client chooses (a reset link to an attacker's host would leak
  // the token).
  const links = (request: FastifyRequest): LinkBase => ({
    linkBase: options.publicUrl ?? `http://localhost:${request.socket.localPort ?? 3000}`,
  });
  // Public token routes: a per-address limit on top of the 256-bit tokens.
  const tokenLimit = { max: 30, timeWindow: '15 minutes' };
  const idParams = z.object({ invitationId: idSchema });
  const tokenParams = z.object({ token: linkTokenSchema });

  return async (app) => {
    app.get(
      '/invitations',
      {
        schema: {
          tags: ['auth'],
          summary: 'Pending invitations of this workspace (accepted and revoked ones drop off)',
          response: { 200: invitationListSchema },
        },
      },
      async (request) => ({ items: await listInvitations(deps, actorOf(request)) }),
    );

    app.post(
      '/invitations',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Invite an email with a role (owners and admins): mails a single-use link valid 7 days. 409 already_member for a member, 409 invitation_pending when one is open (resend that one)',
          body: inviteInputSchema,
          response: { 201: invitationSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await inviteMember(deps, actorOf(request), request.body, links(request))),
    );

    app.post(
      '/invitations/:invitationId/resend',
      {
        schema: {
          tags: ['auth'],
          summary: 'Mail a pending invitation again with a new link; the old link stops working (owners and admins)',
          params: idParams,
          response: { 200: invitationSchema },
        },
      },
      async (request) => resendInvitation(deps, actorOf(request), request.params.invitationId, links(request)),
    );

    app.delete(
      '/invitations/:invitationId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke a pending invitation; its link stops working (owners and admins)',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await revokeInvitation(deps, actorOf(request), request.params.invitationId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/invitations/accept/:token',
      {
        config: { public: true, rateLimit: tokenLimit },
        schema: {
          tags: ['auth'],
          summary:
            'Who invited this link to which workspace (public, by token); 404/410 for an unknown, used, revoked or expired link',
          params: tokenParams,
          response: { 200: invitationPreviewSchema },
        },
      },
      async (request) => previewInvitation(deps, request.params.token),
    );

    app.post(
      '/invitations/accept',
      {
        config: { public: true, rateLimit: tokenLimit },
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation with your own name and password, and sign in (public, by token)',
          body: acceptInvitationInputSchema,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const { token, session } = await acceptInvitation(deps, request.body);
        reply.setCookie(SESSION_COOKIE, token, cookie);
        return session;
      },
    );

    app.post(
      '/auth/password-reset',
      {
        // Per address here (429); per email the domain stops mailing after 3 an hour but answers alike.
        config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
        schema: {
          tags: ['auth'],
          summary: 'Mail a password-reset link (1 hour) to a member; the same 202 answer for every email',
          body: passwordResetRequestSchema,
          response: { 202: passwordResetAcceptedSchema },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await requestPasswordReset(deps, options.throttle, request.body, links(request))),
    );

    app.get(
      '/auth/password-reset/:token',
      {
        config: { public: true, rateLimit: tokenLimit },
        schema: {
          tags: ['auth'],
          summary: 'Whether a reset link still works (public, by token)',
          params: tokenParams,
          response: { 200: passwordResetPreviewSchema },
        },
      },
      async (request) => previewPasswordReset(deps, request.params.token),
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: { public: true, rateLimit: tokenLimit },
        schema: {
          tags: ['auth'],
          summary:
            'Set a new password with a reset link: every session of the member ends and this browser is signed in',
          body: passwordResetConfirmSchema,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const { token, session } = await confirmPasswordReset(deps, options.throttle, request.body, request.ip);
        reply.setCookie(SESSION_COOKIE, token, cookie);
        return session;
      },
    );
  };
}
