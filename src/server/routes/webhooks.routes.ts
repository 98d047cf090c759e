import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../domain/ports.ts';
import type { WebhookRuntime } from '../../domain/webhooks/ports.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  resendWebhookDelivery,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
} from '../../domain/webhooks/webhooks.ts';
import {
  webhookCreatedSchema,
  webhookDeliveryParamsSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookInputSchema,
  webhookParamsSchema,
  webhookPatchSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** Webhook endpoints of the workspace and their delivery log (owner or admin). */
export function webhookRoutes(deps: Deps, runtime: WebhookRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary: "The workspace's webhook endpoints (never their secrets)",
          response: { 200: z.object({ items: z.array(webhookEndpointSchema) }) },
        },
      },
      async (request) => ({ items: await listWebhooks(deps, actorOf(request)) }),
    );

    app.post(
      '/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary:
            'Register a webhook endpoint (https; refused if it resolves to a private, loopback, link-local or metadata address); answers its signing secret once',
          body: webhookInputSchema,
          response: { 201: webhookCreatedSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createWebhook(deps, runtime, actorOf(request), request.body)),
    );

    app.get(
      '/webhooks/:id',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'One webhook endpoint',
          params: webhookParamsSchema,
          response: { 200: webhookEndpointSchema },
        },
      },
      async (request) => getWebhook(deps, actorOf(request), request.params.id),
    );

    app.patch(
      '/webhooks/:id',
      {
        schema: {
          tags: ['webhooks'],
          summary: "Change an endpoint's URL, description, events or whether it is enabled",
          params: webhookParamsSchema,
          body: webhookPatchSchema,
          response: { 200: webhookEndpointSchema },
        },
      },
      async (request) => updateWebhook(deps, runtime, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/webhooks/:id',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Delete an endpoint and its delivery log',
          params: webhookParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteWebhook(deps, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/webhooks/:id/rotate-secret',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'A new signing secret, answered once; the old one stops signing at once',
          params: webhookParamsSchema,
          response: { 200: webhookCreatedSchema },
        },
      },
      async (request) => rotateWebhookSecret(deps, runtime, actorOf(request), request.params.id),
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags: ['webhooks'],
          summary: "An endpoint's delivery log, newest first: status, attempts, response code, last error, duration",
          params: webhookParamsSchema,
          querystring: webhookDeliveryQuerySchema,
          response: { 200: z.object({ items: z.array(webhookDeliverySchema) }) },
        },
      },
      async (request) => ({
        items: await listWebhookDeliveries(deps, actorOf(request), request.params.id, request.query),
      }),
    );

    app.post(
      '/webhooks/:id/deliveries/:deliveryId/resend',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Queue a delivered or failed delivery again, with the same id and body',
          params: webhookDeliveryParamsSchema,
          response: { 200: webhookDeliverySchema },
        },
      },
      async (request) => resendWebhookDelivery(deps, actorOf(request), request.params.id, request.params.deliveryId),
    );

    app.post(
      '/webhooks/:id/test',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Queue a `ping` delivery to this endpoint',
          params: webhookParamsSchema,
          response: { 201: webhookDeliverySchema },
        },
      },
      async (request, reply) => reply.code(201).send(await testWebhook(deps, actorOf(request), request.params.id)),
    );
  };
}
