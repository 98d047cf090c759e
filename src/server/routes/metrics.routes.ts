import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMetrics, metricsCsv } from '../../domain/metrics/metrics.ts';
import type { Deps } from '../../domain/ports.ts';
import { metricsQuerySchema, metricsSchema, type Metrics } from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** The file name of a CSV export: the period, and the client's id when there is one. */
const csvName = (m: Metrics) => `makegood-metrics-${m.from}-to-${m.to}${m.clientId ? `-${m.clientId}` : ''}.csv`;

/** Metrics for a period, workspace-wide or for one client (issue 11 D), as JSON or CSV. */
export function metricsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/metrics',
      {
        schema: {
          tags: ['metrics'],
          summary:
            'Metrics of a period (UTC days from–to, default the last 90), workspace-wide or for one client, each with its definition; format=csv answers the CSV export',
          querystring: metricsQuerySchema,
          response: { 200: metricsSchema },
        },
      },
      async (request, reply) => {
        const metrics = await getMetrics(deps, actorOf(request), request.query);
        if (request.query.format !== 'csv') return metrics;
        // A string body skips the JSON response serializer; its type is the JSON schema's only here.
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csvName(metrics)}"`)
          .send(metricsCsv(metrics) as unknown as Metrics);
      },
    );

    app.get(
      '/metrics.csv',
      {
        schema: {
          tags: ['metrics'],
          summary: 'The metrics of a period as CSV: one row per figure, with its definition',
          querystring: metricsQuerySchema.omit({ format: true }),
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const metrics = await getMetrics(deps, actorOf(request), request.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csvName(metrics)}"`)
          .send(metricsCsv(metrics));
      },
    );
  };
}
