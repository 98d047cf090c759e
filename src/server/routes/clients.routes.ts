import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as clients from '../../domain/clients/clients.ts';
import * as commitments from '../../domain/commitments/commitments.ts';
import { listClientsWithHealth } from '../../domain/health/health.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  clientInputSchema,
  clientListSortSchema,
  clientPatchSchema,
  clientSchema,
  clientStatuses,
  commitmentInputSchema,
  commitmentSchema,
  commitmentStatuses,
  contactInputSchema,
  contactPatchSchema,
  contactSchema,
  factInputSchema,
  factSchema,
  healthSummarySchema,
  idSchema,
  timelinePageQuerySchema,
  timelinePageSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const clientParams = z.object({ clientId: idSchema });
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** Clients with their contacts, facts, commitments and timeline; workspace-wide facts; commitments. */
export function clientRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients',
      {
        schema: {
          tags: ['clients'],
          summary: 'List clients, each with its health (score, band, 30-day trend, open mistakes)',
          querystring: z.object({
            q: z.string().trim().max(200).optional(),
            status: z.enum(clientStatuses).optional(),
            /** risk: the lowest health first. */
            sort: clientListSortSchema.optional(),
          }),
          response: { 200: items(clientSchema.extend({ health: healthSummarySchema })) },
        },
      },
      async (request) => ({ items: await listClientsWithHealth(deps, actorOf(request), request.query) }),
    );

    app.post(
      '/clients',
      {
        schema: {
          tags: ['clients'],
          summary: 'Add a client',
          body: clientInputSchema,
          response: { 201: clientSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await clients.createClient(deps, actorOf(request), request.body)),
    );

    app.get(
      '/clients/:clientId',
      { schema: { tags: ['clients'], summary: 'One client', params: clientParams, response: { 200: clientSchema } } },
      async (request) => clients.getClient(deps, actorOf(request), request.params.clientId),
    );

    app.patch(
      '/clients/:clientId',
      {
        schema: {
          tags: ['clients'],
          summary: 'Edit a client',
          params: clientParams,
          body: clientPatchSchema,
          response: { 200: clientSchema },
        },
      },
      async (request) => clients.updateClient(deps, actorOf(request), request.params.clientId, request.body),
    );

    app.get(
      '/clients/:clientId/timeline',
      {
        schema: {
          tags: ['clients'],
          summary: "A client's timeline, newest first, paged (pass nextCursor as cursor)",
          params: clientParams,
          querystring: timelinePageQuerySchema,
          response: { 200: timelinePageSchema },
        },
      },
      async (request) => clients.clientTimeline(deps, actorOf(request), request.params.clientId, request.query),
    );

    app.get(
      '/clients/:clientId/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: "A client's contacts",
          params: clientParams,
          response: { 200: items(contactSchema) },
        },
      },
      async (request) => ({ items: await clients.listContacts(deps, actorOf(request), request.params.clientId) }),
    );

    app.post(
      '/clients/:clientId/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Add a contact',
          params: clientParams,
          body: contactInputSchema,
          response: { 201: contactSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await clients.addContact(deps, actorOf(request), request.params.clientId, request.body)),
    );

    const contactParams = clientParams.extend({ contactId: idSchema });
    app.patch(
      '/clients/:clientId/contacts/:contactId',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Edit a contact',
          params: contactParams,
          body: contactPatchSchema,
          response: { 200: contactSchema },
        },
      },
      async (request) =>
        clients.updateContact(deps, actorOf(request), request.params.clientId, request.params.contactId, request.body),
    );

    app.delete(
      '/clients/:clientId/contacts/:contactId',
      {
        schema: { tags: ['contacts'], summary: 'Remove a contact', params: contactParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await clients.removeContact(deps, actorOf(request), request.params.clientId, request.params.contactId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/clients/:clientId/facts',
      {
        schema: {
          tags: ['facts'],
          summary: "A client's facts",
          params: clientParams,
          response: { 200: items(factSchema) },
        },
      },
      async (request) => ({ items: await clients.listFacts(deps, actorOf(request), request.params.clientId) }),
    );

    app.post(
      '/clients/:clientId/facts',
      {
        schema: {
          tags: ['facts'],
          summary: 'Record a client fact',
          params: clientParams,
          body: factInputSchema,
          response: { 201: factSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await clients.addFact(deps, actorOf(request), request.params.clientId, request.body)),
    );

    app.delete(
      '/clients/:clientId/facts/:factId',
      {
        schema: {
          tags: ['facts'],
          summary: 'Remove a client fact',
          params: clientParams.extend({ factId: idSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await clients.removeFact(deps, actorOf(request), request.params.clientId, request.params.factId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/facts',
      { schema: { tags: ['facts'], summary: 'Workspace-wide facts', response: { 200: items(factSchema) } } },
      async (request) => ({ items: await clients.listFacts(deps, actorOf(request), null) }),
    );

    app.post(
      '/facts',
      {
        schema: {
          tags: ['facts'],
          summary: 'Record a workspace-wide fact',
          body: factInputSchema,
          response: { 201: factSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await clients.addFact(deps, actorOf(request), null, request.body)),
    );

    app.delete(
      '/facts/:factId',
      {
        schema: {
          tags: ['facts'],
          summary: 'Remove a workspace-wide fact',
          params: z.object({ factId: idSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await clients.removeFact(deps, actorOf(request), null, request.params.factId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/clients/:clientId/commitments',
      {
        schema: {
          tags: ['commitments'],
          summary: "A client's commitments",
          params: clientParams,
          response: { 200: items(commitmentSchema) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await clients.getClient(deps, actor, request.params.clientId);
        return { items: await commitments.listCommitments(deps, actor, { clientId: request.params.clientId }) };
      },
    );

    app.post(
      '/clients/:clientId/commitments',
      {
        schema: {
          tags: ['commitments'],
          summary: 'Record something promised to the client',
          params: clientParams,
          body: commitmentInputSchema,
          response: { 201: commitmentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await commitments.addCommitment(deps, actorOf(request), request.params.clientId, request.body)),
    );

    app.get(
      '/commitments',
      {
        schema: {
          tags: ['commitments'],
          summary: 'List commitments',
          querystring: z.object({
            status: z.enum(commitmentStatuses).optional(),
            clientId: idSchema.optional(),
            mistakeId: idSchema.optional(),
          }),
          response: { 200: items(commitmentSchema) },
        },
      },
      async (request) => ({ items: await commitments.listCommitments(deps, actorOf(request), request.query) }),
    );

    app.post(
      '/commitments/:commitmentId/complete',
      {
        schema: {
          tags: ['commitments'],
          summary: 'Mark a commitment done (a fix commitment reaches "fixed")',
          params: z.object({ commitmentId: idSchema }),
          response: { 200: commitmentSchema },
        },
      },
      async (request) => commitments.completeCommitment(deps, actorOf(request), request.params.commitmentId),
    );
  };
}
