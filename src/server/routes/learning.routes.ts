import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GuardCache } from '../../domain/guard/check-text.ts';
import * as actions from '../../domain/learning/actions.ts';
import { improvementPlanDraft, sendImprovementPlan } from '../../domain/learning/improvement-plan.ts';
import { getLearning, recordLearningDecisions, recordRootCause } from '../../domain/learning/learning.ts';
import type { Deps } from '../../domain/ports.ts';
import { findSimilarMistakes, markRepeat, unmarkRepeat } from '../../domain/learning/recurrence.ts';
import {
  actionCancelSchema,
  actionInputSchema,
  actionListQuerySchema,
  actionPatchSchema,
  actionSchema,
  effectivenessCheckInputSchema,
  idSchema,
  improvementPlanDraftQuerySchema,
  improvementPlanDraftSchema,
  improvementPlanInputSchema,
  improvementPlanResultSchema,
  learningDecisionsSchema,
  learningSchema,
  repeatInputSchema,
  rootCauseInputSchema,
  similarMistakeSchema,
  similarQuerySchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const mistakeParams = z.object({ mistakeId: idSchema });
const actionParams = z.object({ actionId: idSchema });

/** Learn, correct, don't repeat: root cause, actions and their checks, the improvement plan. */
export function learningRoutes(deps: Deps, guards: GuardCache): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/mistakes/similar',
      {
        schema: {
          tags: ['learning'],
          summary:
            'Past mistakes most like one being logged (wording, client, category), with whether their actions worked',
          body: similarQuerySchema,
          response: { 200: z.object({ items: z.array(similarMistakeSchema) }) },
        },
      },
      async (request) => ({ items: await findSimilarMistakes(deps, actorOf(request), request.body) }),
    );

    app.post(
      '/mistakes/:mistakeId/repeat-of',
      {
        schema: {
          tags: ['learning'],
          summary: 'Mark this mistake as a repeat of an earlier one (the earlier regresses)',
          params: mistakeParams,
          body: repeatInputSchema,
          response: { 200: learningSchema },
        },
      },
      async (request) => markRepeat(deps, actorOf(request), request.params.mistakeId, request.body),
    );

    app.delete(
      '/mistakes/:mistakeId/repeat-of',
      {
        schema: {
          tags: ['learning'],
          summary: 'Undo a repeat mark (restores the checks it overturned)',
          params: mistakeParams,
          response: { 200: learningSchema },
        },
      },
      async (request) => unmarkRepeat(deps, actorOf(request), request.params.mistakeId),
    );

    app.get(
      '/mistakes/:mistakeId/learning',
      {
        schema: {
          tags: ['learning'],
          summary: 'Root cause, actions and what is missing for learned, verified, closed',
          params: mistakeParams,
          response: { 200: learningSchema },
        },
      },
      async (request) => getLearning(deps, actorOf(request), request.params.mistakeId),
    );

    app.put(
      '/mistakes/:mistakeId/root-cause',
      {
        schema: {
          tags: ['learning'],
          summary: 'Record or replace the root cause (five whys, category, escape point, summary)',
          params: mistakeParams,
          body: rootCauseInputSchema,
          response: { 200: learningSchema },
        },
      },
      async (request) => recordRootCause(deps, actorOf(request), request.params.mistakeId, request.body),
    );

    app.patch(
      '/mistakes/:mistakeId/learning',
      {
        schema: {
          tags: ['learning'],
          summary: 'Record why no preventive action or no improvement plan is needed (null clears)',
          params: mistakeParams,
          body: learningDecisionsSchema,
          response: { 200: learningSchema },
        },
      },
      async (request) => recordLearningDecisions(deps, actorOf(request), request.params.mistakeId, request.body),
    );

    app.post(
      '/mistakes/:mistakeId/actions',
      {
        schema: {
          tags: ['learning'],
          summary: 'Add a corrective or preventive action',
          params: mistakeParams,
          body: actionInputSchema,
          response: { 201: actionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await actions.addAction(deps, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.get(
      '/actions',
      {
        schema: {
          tags: ['learning'],
          summary: "The team's improvement to-do list: open, overdue, done, cancelled or all",
          querystring: actionListQuerySchema,
          response: { 200: z.object({ items: z.array(actionSchema) }) },
        },
      },
      async (request) => ({ items: await actions.listActions(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/actions/:actionId',
      { schema: { tags: ['learning'], summary: 'One action', params: actionParams, response: { 200: actionSchema } } },
      async (request) => actions.getAction(deps, actorOf(request), request.params.actionId),
    );

    app.patch(
      '/actions/:actionId',
      {
        schema: {
          tags: ['learning'],
          summary: "Edit an open action's title, owner or due date",
          params: actionParams,
          body: actionPatchSchema,
          response: { 200: actionSchema },
        },
      },
      async (request) => actions.updateAction(deps, actorOf(request), request.params.actionId, request.body),
    );

    app.post(
      '/actions/:actionId/done',
      {
        schema: {
          tags: ['learning'],
          summary: 'Mark an action done (a preventive one gets its check date)',
          params: actionParams,
          response: { 200: actionSchema },
        },
      },
      async (request) => actions.completeAction(deps, actorOf(request), request.params.actionId),
    );

    app.post(
      '/actions/:actionId/cancel',
      {
        schema: {
          tags: ['learning'],
          summary: 'Cancel an open action, with a reason',
          params: actionParams,
          body: actionCancelSchema,
          response: { 200: actionSchema },
        },
      },
      async (request) => actions.cancelAction(deps, actorOf(request), request.params.actionId, request.body),
    );

    app.post(
      '/actions/:actionId/check',
      {
        schema: {
          tags: ['learning'],
          summary: 'Record the effectiveness check of a done preventive action',
          params: actionParams,
          body: effectivenessCheckInputSchema,
          response: { 200: actionSchema },
        },
      },
      async (request) =>
        actions.recordEffectivenessCheck(deps, actorOf(request), request.params.actionId, request.body),
    );

    app.get(
      '/mistakes/:mistakeId/improvement-plan/draft',
      {
        schema: {
          tags: ['learning'],
          summary: 'Draft the improvement plan to a contact',
          params: mistakeParams,
          querystring: improvementPlanDraftQuerySchema,
          response: { 200: improvementPlanDraftSchema },
        },
      },
      async (request) =>
        improvementPlanDraft(deps, actorOf(request), request.params.mistakeId, request.query.contactId),
    );

    app.post(
      '/mistakes/:mistakeId/improvement-plan',
      {
        schema: {
          tags: ['learning'],
          summary: 'Send the improvement plan (guard errors block unless overridden)',
          params: mistakeParams,
          body: improvementPlanInputSchema,
          response: { 201: improvementPlanResultSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await sendImprovementPlan(deps, guards, actorOf(request), request.params.mistakeId, request.body)),
    );
  };
}
