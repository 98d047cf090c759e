import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  connectCalendar,
  listCalendars,
  presentCalendar,
  refreshCalendar,
  removeCalendar,
} from '../../domain/calendars/calendars.ts';
import type { IcsFetcher } from '../../domain/calendars/ports.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  calendarListSchema,
  calendarSchema,
  connectCalendarInputSchema,
  idSchema,
  MAX_ICS_SIZE,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** A member's calendars over HTTP: connect (subscription URL or .ics), list, refresh, remove. */
export function calendarRoutes(deps: Deps, fetcher: IcsFetcher): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendars',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Your connected calendars (only your own)',
          response: { 200: calendarListSchema },
        },
      },
      async (request) => ({ items: (await listCalendars(deps, actorOf(request))).map(presentCalendar) }),
    );

    app.post(
      '/calendars',
      {
        // An uploaded .ics can be larger than the default 1 MiB body.
        bodyLimit: MAX_ICS_SIZE * 2 + 10_000,
        schema: {
          tags: ['calendars'],
          summary:
            'Connect a calendar: an ICS subscription URL (fetched now, then every hour) or the text of an .ics file',
          body: connectCalendarInputSchema,
          response: { 201: calendarSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(presentCalendar(await connectCalendar(deps, fetcher, actorOf(request), request.body))),
    );

    app.post(
      '/calendars/:calendarId/refresh',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Fetch a subscription again now and check for double bookings (a failed fetch sets lastError)',
          params: z.object({ calendarId: idSchema }),
          response: { 200: calendarSchema },
        },
      },
      async (request) =>
        presentCalendar(await refreshCalendar(deps, fetcher, actorOf(request), request.params.calendarId)),
    );

    app.delete(
      '/calendars/:calendarId',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Remove a calendar and its events',
          params: z.object({ calendarId: idSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeCalendar(deps, actorOf(request), request.params.calendarId);
        return reply.code(204).send(null);
      },
    );
  };
}
