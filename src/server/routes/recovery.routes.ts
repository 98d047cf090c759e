import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GuardCache } from '../../domain/guard/check-text.ts';
import type { Deps } from '../../domain/ports.ts';
import { acknowledgmentDraft } from '../../domain/recovery/compose.ts';
import { completeFix, fixedNoticeDraft } from '../../domain/recovery/fix-done.ts';
import { sendAcknowledgment, sendProgressUpdate } from '../../domain/recovery/send.ts';
import { recordClientNoticed, recoverySummary } from '../../domain/recovery/summary.ts';
import { getSweep, recordSweep } from '../../domain/recovery/sweep.ts';
import {
  accountingNoticeDraft,
  approveRemedy,
  declineRemedy,
  getRemedy,
  issueRemedy,
  listRemedies,
  remedyProposal,
  reverseRemedy,
  totalRemedies,
} from '../../domain/remedies/ledger.ts';
import {
  accountingNoticeDraftQuerySchema,
  accountingNoticeDraftSchema,
  acknowledgmentDraftQuerySchema,
  acknowledgmentDraftSchema,
  clientNoticedInputSchema,
  clientNoticedSchema,
  completeFixInputSchema,
  completeFixResultSchema,
  fixedNoticeDraftQuerySchema,
  fixedNoticeDraftSchema,
  idSchema,
  progressUpdateInputSchema,
  progressUpdateResultSchema,
  recoverySummarySchema,
  remedyApproveInputSchema,
  remedyDeclineInputSchema,
  remedyDeclineSchema,
  remedyEntrySchema,
  remedyFilterSchema,
  remedyInputSchema,
  remedyListSchema,
  remedyProposalQuerySchema,
  remedyProposalSchema,
  remedyResultSchema,
  remedyReverseInputSchema,
  remedyTotalsSchema,
  sendAcknowledgmentInputSchema,
  sendAcknowledgmentResultSchema,
  sweepInputSchema,
  sweepListSchema,
  sweepSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const mistakeParams = z.object({ mistakeId: idSchema });
const remedyParams = z.object({ remedyId: idSchema });

/**
 * Recovery over HTTP: acknowledgment drafts and sending, the account sweep, remedies and the
 * ledger, progress updates and the recovery summary. Without a shared guard cache it keeps its own
 * (guards are versioned per workspace, so two caches never disagree for long).
 */
export function recoveryRoutes(deps: Deps, guards: GuardCache): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/mistakes/:mistakeId/acknowledgment-draft',
      {
        schema: {
          tags: ['recovery'],
          summary: "Draft an acknowledgment from the mistake's facts, addressed to one contact",
          params: mistakeParams,
          querystring: acknowledgmentDraftQuerySchema,
          response: { 200: acknowledgmentDraftSchema },
        },
      },
      async (request) => acknowledgmentDraft(deps, actorOf(request), request.params.mistakeId, request.query.contactId),
    );

    app.post(
      '/mistakes/:mistakeId/acknowledgment/send',
      {
        schema: {
          tags: ['recovery'],
          summary:
            'Check and send an acknowledgment by email (error findings block unless overridden; reaches "acknowledged")',
          params: mistakeParams,
          body: sendAcknowledgmentInputSchema,
          response: { 201: sendAcknowledgmentResultSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await sendAcknowledgment(deps, guards, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.post(
      '/mistakes/:mistakeId/client-noticed',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Record when the client noticed the mistake themselves (first time only)',
          params: mistakeParams,
          body: clientNoticedInputSchema,
          response: { 200: clientNoticedSchema },
        },
      },
      async (request) => recordClientNoticed(deps, actorOf(request), request.params.mistakeId, request.body),
    );

    app.get(
      '/mistakes/:mistakeId/sweep',
      {
        schema: {
          tags: ['recovery'],
          summary:
            "Everything open on the client's account: commitments, mistakes, unsent messages, remedies awaiting approval",
          params: mistakeParams,
          response: { 200: sweepListSchema },
        },
      },
      async (request) => getSweep(deps, actorOf(request), request.params.mistakeId),
    );

    app.post(
      '/mistakes/:mistakeId/sweep',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Record the account sweep: which open items were checked',
          params: mistakeParams,
          body: sweepInputSchema,
          response: { 201: sweepSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordSweep(deps, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.get(
      '/mistakes/:mistakeId/remedy-proposal',
      {
        schema: {
          tags: ['remedies'],
          summary: 'The remedy policy applied to the mistake (impact × multiplier), and whether it needs approval',
          params: mistakeParams,
          querystring: remedyProposalQuerySchema,
          response: { 200: remedyProposalSchema },
        },
      },
      async (request) => remedyProposal(deps, actorOf(request), request.params.mistakeId, request.query),
    );

    app.get(
      '/mistakes/:mistakeId/accounting-notice-draft',
      {
        schema: {
          tags: ['remedies'],
          summary:
            'The accounting notice a remedy would send to the billing contact, with the pre-send guard findings, for review',
          params: mistakeParams,
          querystring: accountingNoticeDraftQuerySchema,
          response: { 200: accountingNoticeDraftSchema },
        },
      },
      async (request) => accountingNoticeDraft(deps, actorOf(request), request.params.mistakeId, request.query),
    );

    app.post(
      '/mistakes/:mistakeId/remedies',
      {
        schema: {
          tags: ['remedies'],
          summary: 'Record a remedy in the ledger (issued, or pending approval); idempotent by idempotencyKey',
          params: mistakeParams,
          body: remedyInputSchema,
          response: { 200: remedyResultSchema, 201: remedyResultSchema },
        },
      },
      async (request, reply) => {
        const outcome = await issueRemedy(deps, actorOf(request), request.params.mistakeId, request.body);
        return reply.code(outcome.created ? 201 : 200).send(outcome.result);
      },
    );

    app.post(
      '/mistakes/:mistakeId/remedies/decline',
      {
        schema: {
          tags: ['remedies'],
          summary: 'Decide on no money for this mistake, with the reason (reaches "remedied")',
          params: mistakeParams,
          body: remedyDeclineInputSchema,
          response: { 201: remedyDeclineSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await declineRemedy(deps, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.get(
      '/remedies',
      {
        schema: {
          tags: ['remedies'],
          summary: 'The remedy ledger of the workspace, a client or a mistake (oldest first)',
          querystring: remedyFilterSchema,
          response: { 200: remedyListSchema },
        },
      },
      async (request) => ({ items: await listRemedies(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/remedies/totals',
      {
        schema: {
          tags: ['remedies'],
          summary: 'Remedy totals per currency: issued, reversed, net, pending',
          querystring: remedyFilterSchema,
          response: { 200: remedyTotalsSchema },
        },
      },
      async (request) => ({ items: await totalRemedies(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/remedies/:remedyId',
      {
        schema: {
          tags: ['remedies'],
          summary: 'One ledger entry',
          params: remedyParams,
          response: { 200: remedyEntrySchema },
        },
      },
      async (request) => getRemedy(deps, actorOf(request), request.params.remedyId),
    );

    app.post(
      '/remedies/:remedyId/approve',
      {
        schema: {
          tags: ['remedies'],
          summary: 'Approve a remedy awaiting approval (owners and admins): issues it and queues the accounting notice',
          params: remedyParams,
          // The body is optional: Fastify hands an absent body over as null.
          body: remedyApproveInputSchema.nullish(),
          response: { 200: remedyResultSchema },
        },
      },
      async (request) => approveRemedy(deps, actorOf(request), request.params.remedyId, request.body?.note ?? null),
    );

    app.post(
      '/remedies/:remedyId/reverse',
      {
        schema: {
          tags: ['remedies'],
          summary: 'Reverse an entry with a new negative entry linked to it (the original never changes)',
          params: remedyParams,
          body: remedyReverseInputSchema,
          response: { 200: remedyResultSchema, 201: remedyResultSchema },
        },
      },
      async (request, reply) => {
        const outcome = await reverseRemedy(deps, actorOf(request), request.params.remedyId, request.body);
        return reply.code(outcome.created ? 201 : 200).send(outcome.result);
      },
    );

    app.post(
      '/mistakes/:mistakeId/updates',
      {
        schema: {
          tags: ['recovery'],
          summary: "Send a progress update to a contact (checked by the client's guard); moves the next update due",
          params: mistakeParams,
          body: progressUpdateInputSchema,
          response: { 201: progressUpdateResultSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await sendProgressUpdate(deps, guards, actorOf(request), request.params.mistakeId, request.body)),
    );

    app.get(
      '/mistakes/:mistakeId/fixed-notice-draft',
      {
        schema: {
          tags: ['recovery'],
          summary: 'Draft the "it\'s fixed" message to one contact, from client-safe fields only',
          params: mistakeParams,
          querystring: fixedNoticeDraftQuerySchema,
          response: { 200: fixedNoticeDraftSchema },
        },
      },
      async (request) => fixedNoticeDraft(deps, actorOf(request), request.params.mistakeId, request.query.contactId),
    );

    app.post(
      '/mistakes/:mistakeId/fix/complete',
      {
        schema: {
          tags: ['recovery'],
          summary:
            'Mark the open fix commitment done (reaches "fixed") with an internal note and, optionally, a checked "it\'s fixed" message to the client',
          params: mistakeParams,
          body: completeFixInputSchema,
          response: { 200: completeFixResultSchema },
        },
      },
      async (request) => completeFix(deps, guards, actorOf(request), request.params.mistakeId, request.body),
    );

    app.get(
      '/mistakes/:mistakeId/recovery',
      {
        schema: {
          tags: ['recovery'],
          summary:
            'Where the recovery stands: stage, acknowledgment timing, fix, remedies, totals, next update, messages',
          params: mistakeParams,
          response: { 200: recoverySummarySchema },
        },
      },
      async (request) => recoverySummary(deps, actorOf(request), request.params.mistakeId),
    );
  };
}
