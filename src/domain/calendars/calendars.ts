import type { CalendarDto, ConnectCalendarInput } from '../../shared/contract/index.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { notifyMember } from '../scheduler/recipients.ts';
import { findConflicts, type CalendarConflict, type ClientMatcher } from './conflicts.ts';
import { IcsError, parseIcs, type CalendarOccurrence } from './ics.ts';
import type { CalendarRecord, IcsFetcher } from './ports.ts';

// A member's calendars: connect (a subscription URL, fetched now and then every hour, or an
// uploaded .ics), refresh, remove; the occurrences of the window are kept for the guard's
// calendar_conflict check, and double or triple bookings with a client are told to the member
// once each, before the day.

/** How often a subscription is fetched again (and retried after a failure). */
export const SYNC_INTERVAL_MS = 60 * 60 * 1000;
/** The window kept: from a day back (a meeting under way) to 120 days ahead. */
const WINDOW_BACK_MS = 86_400_000;
const WINDOW_AHEAD_MS = 120 * 86_400_000;

function windowAt(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - WINDOW_BACK_MS), to: new Date(now.getTime() + WINDOW_AHEAD_MS) };
}

function memberOf(actor: Actor): string {
  if (!actor.userId) throw new DomainError('calendar_needs_member');
  return actor.userId;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', `${field}: ${message}`, { issues: [{ field, message }] });
}

/** The host and the first path segment of a feed URL, the rest elided (private feed URLs carry a secret). */
export function urlHint(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const first = parsed.pathname.split('/').filter(Boolean)[0];
    return `${parsed.host}${first ? `/${first}/…` : '/…'}`;
  } catch {
    return null;
  }
}

/** A calendar as the API shows it. */
export function presentCalendar(c: CalendarRecord): CalendarDto {
  return {
    id: c.id,
    name: c.name,
    source: c.source,
    urlHint: urlHint(c.url),
    lastSyncedAt: c.lastSyncedAt,
    lastError: c.lastError,
    nextSyncAt: c.nextSyncAt,
    eventCount: c.eventCount,
    createdAt: c.createdAt,
  };
}

async function zoneOf(store: Store, workspaceId: string): Promise<string> {
  return (await store.workspaces.get(workspaceId))?.timezone ?? 'UTC';
}

function read(source: string, now: Date, zone: string, field: string): CalendarOccurrence[] {
  try {
    return parseIcs(source, windowAt(now), zone);
  } catch (error) {
    if (error instanceof IcsError) throw invalid(field, error.message);
    throw error;
  }
}

/** Connects a calendar for the acting member; a URL is checked (SSRF rules) and fetched at once. */
export async function connectCalendar(
  deps: Deps,
  fetcher: IcsFetcher,
  actor: Actor,
  input: ConnectCalendarInput,
): Promise<CalendarRecord> {
  const userId = memberOf(actor);
  const now = deps.clock.now();
  const zone = await zoneOf(deps.store, actor.workspaceId);
  let source: string;
  if (input.url !== undefined) {
    await fetcher.checkUrl(input.url);
    const fetched = await fetcher.fetch(input.url);
    if (!fetched.ok) throw invalid('url', `could not be fetched: ${fetched.error}`);
    source = fetched.text;
  } else source = input.ics ?? '';
  const occurrences = read(source, now, zone, input.url !== undefined ? 'url' : 'ics');
  const record: CalendarRecord = {
    id: deps.ids.id(),
    userId,
    name: input.name,
    source: input.url !== undefined ? 'url' : 'file',
    url: input.url ?? null,
    lastSyncedAt: null,
    lastError: null,
    nextSyncAt: null,
    eventCount: 0,
    createdAt: now.toISOString(),
  };
  const nextSyncAt = record.source === 'url' ? new Date(now.getTime() + SYNC_INTERVAL_MS).toISOString() : null;
  await deps.store.transaction(async (store) => {
    await store.calendars.create(actor.workspaceId, record);
    await store.calendars.replaceEvents(actor.workspaceId, record.id, occurrences, {
      at: now.toISOString(),
      nextSyncAt,
    });
  });
  await notifyConflicts(deps, actor.workspaceId, userId);
  return (await deps.store.calendars.get(actor.workspaceId, userId, record.id))!;
}

/** The acting member's calendars. */
export async function listCalendars(deps: Deps, actor: Actor): Promise<CalendarRecord[]> {
  return deps.store.calendars.list(actor.workspaceId, memberOf(actor));
}

/** Removes one of the acting member's calendars with its events. */
export async function removeCalendar(deps: Deps, actor: Actor, id: string): Promise<void> {
  const removed = await deps.store.transaction((store) =>
    store.calendars.delete(actor.workspaceId, memberOf(actor), id),
  );
  if (!removed) throw notFound('calendar_not_found');
}

/** Fetches one subscription again (a failure is recorded on the calendar, its events kept). */
async function sync(deps: Deps, fetcher: IcsFetcher, workspaceId: string, calendar: { id: string; url: string }) {
  const now = deps.clock.now();
  const next = new Date(now.getTime() + SYNC_INTERVAL_MS).toISOString();
  const fetched = await fetcher.fetch(calendar.url);
  if (!fetched.ok) {
    await deps.store.calendars.markFailed(workspaceId, calendar.id, fetched.error, next);
    return;
  }
  let occurrences: CalendarOccurrence[];
  try {
    occurrences = parseIcs(fetched.text, windowAt(now), await zoneOf(deps.store, workspaceId));
  } catch (error) {
    await deps.store.calendars.markFailed(workspaceId, calendar.id, String((error as Error).message ?? error), next);
    return;
  }
  await deps.store.transaction((store) =>
    store.calendars.replaceEvents(workspaceId, calendar.id, occurrences, { at: now.toISOString(), nextSyncAt: next }),
  );
}

/** Fetches the acting member's subscription now (a file has nothing to fetch) and checks for conflicts. */
export async function refreshCalendar(
  deps: Deps,
  fetcher: IcsFetcher,
  actor: Actor,
  id: string,
): Promise<CalendarRecord> {
  const userId = memberOf(actor);
  const calendar = await deps.store.calendars.get(actor.workspaceId, userId, id);
  if (!calendar) throw notFound('calendar_not_found');
  if (calendar.url) await sync(deps, fetcher, actor.workspaceId, { id, url: calendar.url });
  await notifyConflicts(deps, actor.workspaceId, userId);
  return (await deps.store.calendars.get(actor.workspaceId, userId, id))!;
}

/** The scheduler's part: fetches due subscriptions (a few per run) and tells their members of new conflicts. */
export async function syncDueCalendars(deps: Deps, fetcher: IcsFetcher, limit = 10): Promise<number> {
  const due = await deps.store.calendars.due(deps.clock.now().toISOString(), limit);
  for (const calendar of due) {
    await sync(deps, fetcher, calendar.workspaceId, calendar);
    await notifyConflicts(deps, calendar.workspaceId, calendar.userId);
  }
  return due.length;
}

async function matchers(store: Store, workspaceId: string): Promise<ClientMatcher[]> {
  const [clients, contacts] = await Promise.all([
    store.clients.list(workspaceId, {}),
    store.contacts.listAll(workspaceId),
  ]);
  const emails = new Map<string, string[]>();
  for (const contact of contacts) {
    if (!contact.email) continue;
    emails.set(contact.clientId, [...(emails.get(contact.clientId) ?? []), contact.email.trim().toLowerCase()]);
  }
  return clients.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, emails: emails.get(c.id) ?? [] }));
}

function describe(conflict: CalendarConflict, zone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return conflict.occurrences.map((o) => `• ${o.title} (${format.format(new Date(o.start))})`).join('\n');
}

/**
 * Tells the member of each double or triple booking with a client that starts after now, once per
 * conflict (the notice's key is claimed first, so two instances never both tell). Returns how many
 * were told.
 */
export async function notifyConflicts(deps: Deps, workspaceId: string, userId: string): Promise<number> {
  const now = deps.clock.now();
  const window = windowAt(now);
  const occurrences = await deps.store.calendars.occurrences(
    workspaceId,
    userId,
    now.toISOString(),
    window.to.toISOString(),
  );
  const conflicts = findConflicts(occurrences, await matchers(deps.store, workspaceId)).filter(
    (c) => Date.parse(c.start) > now.getTime(),
  );
  if (conflicts.length === 0) return 0;
  const member = (await deps.store.users.members(workspaceId)).find((m) => m.id === userId);
  if (!member) return 0;
  const zone = await zoneOf(deps.store, workspaceId);
  const clients = new Map((await deps.store.clients.list(workspaceId, {})).map((c) => [c.id, c.name]));
  let told = 0;
  for (const conflict of conflicts) {
    const claimed = await deps.store.calendars.claimConflictNotice(
      workspaceId,
      userId,
      deps.crypto.sha256(conflict.key),
      now.toISOString(),
    );
    if (!claimed) continue;
    const names = conflict.clientIds.map((id) => clients.get(id) ?? 'a client').join(', ');
    const booked = conflict.depth >= 3 ? 'Triple-booked' : 'Double-booked';
    await notifyMember(
      deps,
      deps.store,
      workspaceId,
      member,
      {
        id: deps.ids.id(),
        kind: 'calendar_conflict',
        title: `${booked} with ${names}`,
        body: `These events in your calendar overlap:\n${describe(conflict, zone)}\nMove one before the day, so ${names} is not kept waiting.`,
        clientId: conflict.clientIds[0] ?? null,
        mistakeId: null,
        commitmentId: null,
      },
      null,
    );
    told++;
  }
  return told;
}
