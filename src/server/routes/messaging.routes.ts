import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as messages from '../../domain/messages/messages.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  idSchema,
  messageFilterSchema,
  messageListSchema,
  messageSchema,
  notificationFilterSchema,
  notificationListSchema,
  notificationSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const messageParams = z.object({ messageId: idSchema });
const notificationParams = z.object({ notificationId: idSchema });

/** Messaging over HTTP: the outbox (queued, sent, failed messages), retries and in-app reminders. */
export function messagingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/messages',
      {
        schema: {
          tags: ['messages'],
          summary: 'The outbox: messages to clients and reminders, newest first, by mistake, client, status or kind',
          querystring: messageFilterSchema,
          response: { 200: messageListSchema },
        },
      },
      async (request) => ({ items: await messages.listMessages(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/messages/:messageId',
      {
        schema: {
          tags: ['messages'],
          summary: 'One message, with its status, attempts and last error',
          params: messageParams,
          response: { 200: messageSchema },
        },
      },
      async (request) => messages.getMessage(deps, actorOf(request), request.params.messageId),
    );

    app.post(
      '/messages/:messageId/retry',
      {
        schema: {
          tags: ['messages'],
          summary: 'Queue a failed message again (409 unless it failed)',
          params: messageParams,
          response: { 200: messageSchema },
        },
      },
      async (request) => messages.retryMessage(deps, actorOf(request), request.params.messageId),
    );

    app.get(
      '/notifications',
      {
        schema: {
          tags: ['messages'],
          summary:
            "The signed-in user's in-app notifications (reminders, missed commitments, updates due), newest first",
          querystring: notificationFilterSchema,
          response: { 200: notificationListSchema },
        },
      },
      async (request) => messages.listNotifications(deps, actorOf(request), request.query),
    );

    app.post(
      '/notifications/:notificationId/read',
      {
        schema: {
          tags: ['messages'],
          summary: 'Mark one of your notifications read',
          params: notificationParams,
          response: { 200: notificationSchema },
        },
      },
      async (request) => messages.markNotificationRead(deps, actorOf(request), request.params.notificationId),
    );
  };
}
