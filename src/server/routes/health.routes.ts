import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as health from '../../domain/health/health.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  atRiskClientSchema,
  clientHealthSchema,
  healthAlertResolveSchema,
  idSchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

const clientParams = z.object({ clientId: idSchema });
const alertParams = z.object({ clientId: idSchema, alertId: idSchema });

/** Client health: one client's score with why and its history, deciding an alert, and the at-risk list. */
export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:clientId/health',
      {
        schema: {
          tags: ['health'],
          summary: "A client's health: score, lines, history and alerts",
          params: clientParams,
          response: { 200: clientHealthSchema },
        },
      },
      async (request) => health.getClientHealth(deps, actorOf(request), request.params.clientId),
    );

    app.post(
      '/clients/:clientId/health/alerts/:alertId/resolve',
      {
        schema: {
          tags: ['health'],
          summary: 'Decide a health alert: mark the client at risk, or dismiss it',
          params: alertParams,
          body: healthAlertResolveSchema,
          response: { 200: clientHealthSchema },
        },
      },
      async (request) =>
        health.resolveHealthAlert(
          deps,
          actorOf(request),
          request.params.clientId,
          request.params.alertId,
          request.body,
        ),
    );

    app.get(
      '/health/at-risk',
      {
        schema: {
          tags: ['health'],
          summary: 'Clients with the lowest health first, with why',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
          response: { 200: z.object({ items: z.array(atRiskClientSchema) }) },
        },
      },
      async (request) => ({
        items: await health.listClientsAtRisk(deps, actorOf(request), request.query.limit),
      }),
    );
  };
}
