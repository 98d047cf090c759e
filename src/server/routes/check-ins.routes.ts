import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkInDraft,
  listCheckIns,
  listClientCheckIns,
  recordCheckIn,
  sendCheckIn,
  skipCheckIn,
} from '../../domain/check-ins/check-ins.ts';
import type { GuardCache } from '../../domain/guard/check-text.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  answerSatisfaction,
  listClientSatisfaction,
  listSatisfaction,
  previewSatisfaction,
  requestSatisfaction,
  type SatisfactionLinks,
} from '../../domain/satisfaction/satisfaction.ts';
import {
  checkInDraftQuerySchema,
  checkInDraftSchema,
  checkInListSchema,
  checkInRecordInputSchema,
  checkInSchema,
  checkInSendInputSchema,
  checkInSendResultSchema,
  checkInSkipInputSchema,
  idSchema,
  satisfactionAnswerInputSchema,
  satisfactionListSchema,
  satisfactionPublicSchema,
  satisfactionRequestInputSchema,
  satisfactionRequestSchema,
  satisfactionTokenSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const mistakeParams = z.object({ mistakeId: idSchema });
const clientParams = z.object({ clientId: idSchema });
const checkInParams = z.object({ checkInId: idSchema });
const tokenParams = z.object({ token: satisfactionTokenSchema });

/** Rebuild check-ins and the satisfaction check (issue 11 B and C), with the public answer page's API. */
export function checkInRoutes(
  deps: Deps,
  guards: GuardCache,
  options: { publicUrl?: string | undefined } = {},
): FastifyPluginAsyncZod {
  // Links in mail point at PUBLIC_URL; without it at this server on localhost, never at the
  // request's Host header (a client chooses it, and the link carries a token).
  const links = (request: FastifyRequest): SatisfactionLinks => ({
    linkBase: options.publicUrl ?? `http://localhost:${request.socket.localPort ?? 3000}`,
  });
  // The public page: a per-address limit on top of the 256-bit tokens.
  const tokenLimit = { max: 30, timeWindow: '15 minutes' };

  return async (app) => {
    app.get(
      '/mistakes/:mistakeId/check-ins',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'The rebuild check-ins of a mistake (scheduled when its fix is done), in due order',
          params: mistakeParams,
          response: { 200: checkInListSchema },
        },
      },
      async (request) => ({ items: await listCheckIns(deps, actorOf(request), request.params.mistakeId) }),
    );

    app.get(
      '/clients/:clientId/check-ins',
      {
        schema: {
          tags: ['check-ins'],
          summary: "The check-ins of a client's mistakes, in due order",
          params: clientParams,
          response: { 200: checkInListSchema },
        },
      },
      async (request) => ({ items: await listClientCheckIns(deps, actorOf(request), request.params.clientId) }),
    );

    app.get(
      '/check-ins/:checkInId/draft',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'A drafted check-in message to a contact of the client, from client-safe fields',
          params: checkInParams,
          querystring: checkInDraftQuerySchema,
          response: { 200: checkInDraftSchema },
        },
      },
      async (request) => checkInDraft(deps, actorOf(request), request.params.checkInId, request.query.contactId),
    );

    app.post(
      '/check-ins/:checkInId/send',
      {
        schema: {
          tags: ['check-ins'],
          summary:
            "Do a check-in by sending its message (checked by the client's guard: 422 blocking_findings unless overridden); 409 check_in_not_pending",
          params: checkInParams,
          body: checkInSendInputSchema,
          response: { 200: checkInSendResultSchema },
        },
      },
      async (request) =>
        sendCheckIn(deps, guards, actorOf(request), request.params.checkInId, request.body, links(request)),
    );

    app.post(
      '/check-ins/:checkInId/record',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'Do a check-in by a call or meeting (the note stays internal); 409 check_in_not_pending',
          params: checkInParams,
          body: checkInRecordInputSchema,
          response: { 200: checkInSchema },
        },
      },
      async (request) => recordCheckIn(deps, actorOf(request), request.params.checkInId, request.body, links(request)),
    );

    app.post(
      '/check-ins/:checkInId/skip',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'Skip a check-in with a reason (it lowers the client health); 409 check_in_not_pending',
          params: checkInParams,
          body: checkInSkipInputSchema,
          response: { 200: checkInSchema },
        },
      },
      async (request) => skipCheckIn(deps, actorOf(request), request.params.checkInId, request.body, links(request)),
    );

    app.get(
      '/mistakes/:mistakeId/satisfaction',
      {
        schema: {
          tags: ['satisfaction'],
          summary: 'Satisfaction requests and answers of a mistake (never their tokens), with the average',
          params: mistakeParams,
          response: { 200: satisfactionListSchema },
        },
      },
      async (request) => listSatisfaction(deps, actorOf(request), request.params.mistakeId),
    );

    app.post(
      '/mistakes/:mistakeId/satisfaction',
      {
        schema: {
          tags: ['satisfaction'],
          summary:
            'Mail a contact "How well did we put this right?" with the answers 1–5 as single-use links valid 30 days; 409 mistake_not_fixed before the fix',
          params: mistakeParams,
          body: satisfactionRequestInputSchema,
          response: { 201: satisfactionRequestSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await requestSatisfaction(deps, actorOf(request), request.params.mistakeId, request.body, links(request)),
          ),
    );

    app.get(
      '/clients/:clientId/satisfaction',
      {
        schema: {
          tags: ['satisfaction'],
          summary: "Satisfaction answers of a client's mistakes, with the average",
          params: clientParams,
          response: { 200: satisfactionListSchema },
        },
      },
      async (request) => listClientSatisfaction(deps, actorOf(request), request.params.clientId),
    );

    app.get(
      '/public/satisfaction/:token',
      {
        config: { public: true, rateLimit: tokenLimit },
        schema: {
          tags: ['satisfaction'],
          summary:
            'The question of a satisfaction link (public, by token; changes nothing); 404 unknown, 410 expired or already changed once',
          params: tokenParams,
          response: { 200: satisfactionPublicSchema },
        },
      },
      async (request) => previewSatisfaction(deps, request.params.token),
    );

    app.post(
      '/public/satisfaction/:token',
      {
        config: { public: true, rateLimit: tokenLimit },
        schema: {
          tags: ['satisfaction'],
          summary:
            'Answer (or change the answer once) with 1–5 and an optional comment (public, by token); 404 unknown, 410 expired or final',
          params: tokenParams,
          body: satisfactionAnswerInputSchema,
          response: { 200: satisfactionPublicSchema },
        },
      },
      async (request) => answerSatisfaction(deps, request.params.token, request.body),
    );
  };
}
