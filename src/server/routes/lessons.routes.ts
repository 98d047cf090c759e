import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptCheck,
  createLesson,
  deleteLesson,
  getLesson,
  lessonProposals,
  listMistakeLessons,
  removeCheck,
  searchLessons,
  updateLesson,
} from '../../domain/lessons/lessons.ts';
import { repeatRate } from '../../domain/lessons/repeat-rate.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  checkAcceptSchema,
  checkProposalSchema,
  idSchema,
  lessonHitSchema,
  lessonInputSchema,
  lessonPatchSchema,
  lessonQuerySchema,
  lessonSchema,
  repeatRateQuerySchema,
  repeatRateSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const mistakeParams = z.object({ mistakeId: idSchema });
const lessonParams = z.object({ lessonId: idSchema });
const checkParams = z.object({ lessonId: idSchema, checkId: idSchema });

/** Never twice: lessons, the checks they become, the lessons library and the repeat rate. */
export function lessonRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/mistakes/:mistakeId/lessons',
      {
        schema: {
          tags: ['lessons'],
          summary: 'Write a lesson from a mistake (blameless; for its client or the whole workspace)',
          params: mistakeParams,
          body: lessonInputSchema,
          response: { 201: lessonSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createLesson(deps, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.get(
      '/mistakes/:mistakeId/lessons',
      {
        schema: {
          tags: ['lessons'],
          summary: "A mistake's lessons, oldest first, with their checks and catches",
          params: mistakeParams,
          response: { 200: z.object({ items: z.array(lessonSchema) }) },
        },
      },
      async (request) => ({ items: await listMistakeLessons(deps, actorOf(request), request.params.mistakeId) }),
    );

    app.get(
      '/lessons',
      {
        schema: {
          tags: ['lessons'],
          summary:
            'The lessons library: full-text search (ranked, prefix, stemmed) over lessons, their mistakes, root causes and actions, with filters',
          querystring: lessonQuerySchema,
          response: { 200: z.object({ items: z.array(lessonHitSchema) }) },
        },
      },
      async (request) => ({ items: await searchLessons(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/lessons/:lessonId',
      {
        schema: { tags: ['lessons'], summary: 'One lesson', params: lessonParams, response: { 200: lessonSchema } },
      },
      async (request) => getLesson(deps, actorOf(request), request.params.lessonId),
    );

    app.patch(
      '/lessons/:lessonId',
      {
        schema: {
          tags: ['lessons'],
          summary: "Edit a lesson's title, what was learned or its scope",
          params: lessonParams,
          body: lessonPatchSchema,
          response: { 200: lessonSchema },
        },
      },
      async (request) => updateLesson(deps, actorOf(request), request.params.lessonId, request.body),
    );

    app.delete(
      '/lessons/:lessonId',
      {
        schema: {
          tags: ['lessons'],
          summary: 'Delete a lesson (its guard rules go with it; facts and contacts stay)',
          params: lessonParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteLesson(deps, actorOf(request), request.params.lessonId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/lessons/:lessonId/proposals',
      {
        schema: {
          tags: ['lessons'],
          summary: 'Turn it into a check: the guard rules proposed from what went wrong',
          params: lessonParams,
          response: { 200: z.object({ items: z.array(checkProposalSchema) }) },
        },
      },
      async (request) => ({ items: await lessonProposals(deps, actorOf(request), request.params.lessonId) }),
    );

    app.post(
      '/lessons/:lessonId/checks',
      {
        schema: {
          tags: ['lessons'],
          summary: 'Accept a proposed check (as edited): records the rule, fact or contact and links it to the lesson',
          params: lessonParams,
          body: checkAcceptSchema,
          response: { 201: lessonSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await acceptCheck(deps, actorOf(request), request.params.lessonId, request.body)),
    );

    app.delete(
      '/lessons/:lessonId/checks/:checkId',
      {
        schema: {
          tags: ['lessons'],
          summary: 'Remove a check from a lesson (a guard rule made for it is removed; facts and contacts stay)',
          params: checkParams,
          response: { 200: lessonSchema },
        },
      },
      async (request) => removeCheck(deps, actorOf(request), request.params.lessonId, request.params.checkId),
    );

    app.get(
      '/metrics/repeat-rate',
      {
        schema: {
          tags: ['lessons'],
          summary: 'Repeat rate (repeats ÷ mistakes found in the period), per workspace or per client',
          querystring: repeatRateQuerySchema,
          response: { 200: repeatRateSchema },
        },
      },
      async (request) => repeatRate(deps, actorOf(request), request.query),
    );
  };
}
