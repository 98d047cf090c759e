import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../../domain/ports.ts';
import { createApiToken, getApiToken, listApiTokens, revokeApiToken } from '../../domain/workspaces/api-tokens.ts';
import {
  apiTokenInputSchema,
  apiTokenListSchema,
  createdApiTokenSchema,
  currentApiTokenSchema,
  idSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** Personal API tokens: create (shown once), list, revoke, and who the current bearer token is. */
export function apiTokenRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tokens',
      {
        schema: {
          tags: ['api tokens'],
          summary: 'Your API tokens (owners and admins: every token of the workspace), newest first',
          response: { 200: apiTokenListSchema },
        },
      },
      async (request) => ({ items: await listApiTokens(deps, actorOf(request)) }),
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags: ['api tokens'],
          summary: 'Create an API token for yourself; the token is in this answer only (signed in, not with a token)',
          body: apiTokenInputSchema,
          response: { 201: createdApiTokenSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createApiToken(deps, actorOf(request), request.body, { viaToken: request.apiToken !== null })),
    );

    app.get(
      '/tokens/current',
      {
        schema: {
          tags: ['api tokens'],
          summary: 'The API token this request is made with, its workspace and your role (bearer requests only)',
          response: { 200: currentApiTokenSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!request.apiToken)
          throw new DomainError('api_token_not_found', 'This request was not made with an API token.');
        return {
          apiToken: await getApiToken(deps, actor, request.apiToken.id),
          workspace: { id: actor.workspaceId, name: request.session?.workspace.name ?? '' },
          role: actor.role,
        };
      },
    );

    app.delete(
      '/tokens/:tokenId',
      {
        schema: {
          tags: ['api tokens'],
          summary: 'Revoke an API token (yours; owners and admins: any in the workspace); it stops working at once',
          params: z.object({ tokenId: idSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await revokeApiToken(deps, actorOf(request), request.params.tokenId);
        return reply.code(204).send(null);
      },
    );
  };
}
