import { z } from 'zod';

// Contract for the calendar check: a member's calendars, connected as an ICS subscription URL
// (fetched every hour under the webhook SSRF rules) or an uploaded .ics file. Only the member sees
// their own calendars; another member's or workspace's id → 404 calendar_not_found.
//
//   GET    /api/calendars                         → 200 calendarListSchema
//   POST   /api/calendars                         body connectCalendarInputSchema → 201 calendarSchema
//                                                 → 400 validation_failed (url refused or not fetched; not iCalendar)
//   POST   /api/calendars/:calendarId/refresh     → 200 calendarSchema (a failed fetch: lastError set)
//   DELETE /api/calendars/:calendarId             → 204

/** Largest uploaded .ics (characters), and largest fetched one (bytes). */
export const MAX_ICS_SIZE = 900_000;

export const calendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(['url', 'file']),
  /** The subscription's host and the start of its path: a private feed URL is a secret, never shown whole. */
  urlHint: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextSyncAt: z.string().nullable(),
  /** Occurrences stored for the window (yesterday to 120 days ahead), recurrences expanded. */
  eventCount: z.number().int(),
  createdAt: z.string(),
});
export type CalendarDto = z.infer<typeof calendarSchema>;

export const calendarListSchema = z.object({ items: z.array(calendarSchema) });

export const connectCalendarInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    ics: z.string().min(1).max(MAX_ICS_SIZE).optional(),
  })
  .refine((c) => (c.url === undefined) !== (c.ics === undefined), {
    message: 'give either a subscription url or the ics file, not both',
    path: ['url'],
  });
export type ConnectCalendarInput = z.infer<typeof connectCalendarInputSchema>;
