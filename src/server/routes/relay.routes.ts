import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../domain/ports.ts';
import {
  discardRelayMessage,
  getRelayMessage,
  listRelayMessages,
  releaseRelayMessage,
} from '../../domain/relay/relay.ts';
import {
  idSchema,
  relayFilterSchema,
  relayMessageDetailSchema,
  relayMessageListSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** Mail submitted through the SMTP relay: the list, one message with its findings, release and discard. */
export function relayRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const params = z.object({ relayMessageId: idSchema });

    app.get(
      '/relay/messages',
      {
        schema: {
          tags: ['relay'],
          summary: "Mail submitted through the SMTP relay (yours; owners and admins see everyone's), newest first",
          querystring: relayFilterSchema,
          response: { 200: relayMessageListSchema },
        },
      },
      async (request) => ({ items: await listRelayMessages(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/relay/messages/:relayMessageId',
      {
        schema: {
          tags: ['relay'],
          summary: 'One relayed message with its findings and the text they point into',
          params,
          response: { 200: relayMessageDetailSchema },
        },
      },
      async (request) => getRelayMessage(deps, actorOf(request), request.params.relayMessageId),
    );

    app.post(
      '/relay/messages/:relayMessageId/release',
      {
        schema: {
          tags: ['relay'],
          summary: 'Release a held message as it is (sent once; the override goes on the timeline)',
          params,
          response: { 200: relayMessageDetailSchema },
        },
      },
      async (request) => releaseRelayMessage(deps, actorOf(request), request.params.relayMessageId),
    );

    app.post(
      '/relay/messages/:relayMessageId/discard',
      {
        schema: {
          tags: ['relay'],
          summary: 'Discard a held message (never sent; send a corrected one from your mail client)',
          params,
          response: { 200: relayMessageDetailSchema },
        },
      },
      async (request) => discardRelayMessage(deps, actorOf(request), request.params.relayMessageId),
    );
  };
}
