import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as commitments from '../../domain/commitments/commitments.ts';
import * as mistakes from '../../domain/mistakes/mistakes.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  acknowledgmentInputSchema,
  acknowledgmentSchema,
  commitmentInputSchema,
  commitmentSchema,
  eventSchema,
  idSchema,
  mistakeFilterSchema,
  mistakeInputSchema,
  mistakePageSchema,
  mistakePatchSchema,
  mistakeSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const params = z.object({ mistakeId: idSchema });

/** Mistakes: log, list and filter, read, edit, acknowledge, promise the fix, timeline. No route sets a stage. */
export function mistakeRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/mistakes',
      {
        schema: {
          tags: ['mistakes'],
          summary:
            'List and filter mistakes, newest found first, paged by cursor (count: bounded by default, exact when asked)',
          querystring: mistakeFilterSchema,
          response: { 200: mistakePageSchema },
        },
      },
      async (request) => mistakes.listMistakes(deps, actorOf(request), request.query),
    );

    app.post(
      '/mistakes',
      {
        schema: {
          tags: ['mistakes'],
          summary: 'Log a mistake',
          body: mistakeInputSchema,
          response: { 201: mistakeSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await mistakes.logMistake(deps, actorOf(request), request.body)),
    );

    app.get(
      '/mistakes/:mistakeId',
      { schema: { tags: ['mistakes'], summary: 'One mistake', params, response: { 200: mistakeSchema } } },
      async (request) => mistakes.getMistake(deps, actorOf(request), request.params.mistakeId),
    );

    app.patch(
      '/mistakes/:mistakeId',
      {
        schema: {
          tags: ['mistakes'],
          summary: "Edit a mistake's description (never its stage)",
          params,
          body: mistakePatchSchema,
          response: { 200: mistakeSchema },
        },
      },
      async (request) => mistakes.updateMistake(deps, actorOf(request), request.params.mistakeId, request.body),
    );

    app.get(
      '/mistakes/:mistakeId/timeline',
      {
        schema: {
          tags: ['mistakes'],
          summary: "A mistake's timeline",
          params,
          response: { 200: z.object({ items: z.array(eventSchema) }) },
        },
      },
      async (request) => ({ items: await mistakes.mistakeTimeline(deps, actorOf(request), request.params.mistakeId) }),
    );

    app.get(
      '/mistakes/:mistakeId/acknowledgments',
      {
        schema: {
          tags: ['mistakes'],
          summary: 'Acknowledgments recorded',
          params,
          response: { 200: z.object({ items: z.array(acknowledgmentSchema) }) },
        },
      },
      async (request) => ({
        items: await mistakes.listAcknowledgments(deps, actorOf(request), request.params.mistakeId),
      }),
    );

    app.post(
      '/mistakes/:mistakeId/acknowledgments',
      {
        schema: {
          tags: ['mistakes'],
          summary: 'Record that the client was told (reaches "acknowledged")',
          params,
          body: acknowledgmentInputSchema,
          response: { 201: acknowledgmentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await mistakes.recordAcknowledgment(deps, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.post(
      '/mistakes/:mistakeId/fix-commitment',
      {
        schema: {
          tags: ['mistakes'],
          summary: 'Promise the fix by a due time (completing it reaches "fixed")',
          params,
          body: commitmentInputSchema,
          response: { 201: commitmentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await commitments.addFixCommitment(deps, actorOf(request), request.params.mistakeId, request.body)),
    );
  };
}
