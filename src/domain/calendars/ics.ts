import ICAL from 'ical.js';
import { zoneOffsetMinutes } from '../../engine/index.ts';

// An iCalendar file (RFC 5545) read with ical.js into the occurrences of a window: recurring
// events expanded (RRULE, RDATE, EXDATE, and moved or cancelled instances by RECURRENCE-ID), times
// resolved through the file's VTIMEZONEs, else an IANA TZID, else the member's zone (floating
// times and all-day dates), and stored as UTC instants.

/** One occurrence of an event in the window. */
export interface CalendarOccurrence {
  /** The event's UID and the occurrence's original start: stable across fetches. */
  key: string;
  uid: string;
  title: string;
  /** Description and location, for finding a client's name (cut to 2,000 characters). */
  details: string;
  start: string;
  end: string;
  allDay: boolean;
  /** TRANSP:TRANSPARENT ("free") events are not busy time; STATUS:CANCELLED ones are dropped. */
  busy: boolean;
  /** Attendee and organizer addresses, lower-cased, without "mailto:". */
  attendees: string[];
}

/** Most occurrences read from one calendar (a daily event with no end would otherwise run on). */
export const MAX_OCCURRENCES = 5_000;

/** Why a file is not an iCalendar file we can read. */
export class IcsError extends Error {}

function validZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock time in an IANA zone as a UTC instant (the zone's offset on that day, DST included). */
export function wallClockToUtc(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  let instant = naive - zoneOffsetMinutes(timeZone, new Date(naive)) * 60_000;
  // Once more with the offset at the found instant (the guess can sit on the other side of a change).
  instant = naive - zoneOffsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The TZID a time was read with (ical.js keeps it on the time, untyped). */
function tzidOf(time: ICAL.Time): string | undefined {
  const tzid = (time as unknown as { timezone?: unknown }).timezone;
  return typeof tzid === 'string' ? tzid : undefined;
}

function toUtc(time: ICAL.Time, fallbackZone: string): Date {
  const zone = time.zone;
  const known = zone && zone.tzid !== 'floating' && zone !== ICAL.Timezone.localTimezone;
  if (!time.isDate && known) return time.toJSDate();
  const own = tzidOf(time);
  const tzid = validZone(own) ? own : fallbackZone;
  return wallClockToUtc(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.isDate ? 0 : time.hour,
      minute: time.isDate ? 0 : time.minute,
      second: time.isDate ? 0 : time.second,
    },
    tzid,
  );
}

function addresses(component: ICAL.Component): string[] {
  const found = new Set<string>();
  for (const name of ['attendee', 'organizer']) {
    for (const property of component.getAllProperties(name)) {
      const value = property.getFirstValue();
      if (typeof value !== 'string') continue;
      const email = value
        .replace(/^mailto:/i, '')
        .trim()
        .toLowerCase();
      if (email.includes('@')) found.add(email);
    }
  }
  return [...found];
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

/**
 * The occurrences of a calendar's events that overlap [from, to). `fallbackZone` is the zone of
 * floating times and all-day dates (the member's). Throws IcsError on a file that is not iCalendar.
 */
export function parseIcs(source: string, window: { from: Date; to: Date }, fallbackZone: string): CalendarOccurrence[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(source));
  } catch (error) {
    throw new IcsError(`not an iCalendar file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (root.name !== 'vcalendar') throw new IcsError('not an iCalendar file: no VCALENDAR');
  // The file's own zones, registered only while it is read (the service is process-wide).
  const added: string[] = [];
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const tzid = text(vtimezone, 'tzid');
    if (tzid && !ICAL.TimezoneService.has(tzid)) {
      ICAL.TimezoneService.register(vtimezone);
      added.push(tzid);
    }
  }
  try {
    return expand(root, window, validZone(fallbackZone) ? fallbackZone : 'UTC');
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
}

function expand(root: ICAL.Component, window: { from: Date; to: Date }, zone: string): CalendarOccurrence[] {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (!event.uid || !event.startDate) continue;
    if (event.isRecurrenceException()) exceptions.push(event);
    else if (!masters.has(event.uid)) masters.set(event.uid, event);
  }
  for (const exception of exceptions) masters.get(exception.uid)?.relateException(exception);

  const out: CalendarOccurrence[] = [];
  const pushIn = (
    zone: string,
    uid: string,
    item: ICAL.Event,
    originalStart: ICAL.Time,
    startTime: ICAL.Time,
    endTime: ICAL.Time | null,
  ) => {
    const status = text(item.component, 'status').toUpperCase();
    if (status === 'CANCELLED') return;
    const allDay = startTime.isDate;
    const start = toUtc(startTime, zone);
    let end = endTime ? toUtc(endTime, zone) : null;
    // RFC 5545: no DTEND/DURATION is one day for a date, an instant for a date-time.
    if (!end || end.getTime() <= start.getTime()) end = new Date(start.getTime() + (allDay ? 86_400_000 : 0));
    if (end.getTime() <= from || start.getTime() >= to) return;
    const details = [text(item.component, 'description'), text(item.component, 'location')].join('\n').slice(0, 2000);
    out.push({
      key: `${uid}|${toUtc(originalStart, zone).toISOString()}`,
      uid,
      title: item.summary || '(no title)',
      details,
      start: start.toISOString(),
      end: end.toISOString(),
      allDay,
      busy: text(item.component, 'transp').toUpperCase() !== 'TRANSPARENT',
      attendees: addresses(item.component),
    });
  };

  for (const [uid, event] of masters) {
    // Expanded instances lose the TZID of an unregistered (IANA-only) zone: the event's applies.
    const declared = tzidOf(event.startDate);
    const eventZone = validZone(declared) ? declared : zone;
    const push = (item: ICAL.Event, originalStart: ICAL.Time, startTime: ICAL.Time, endTime: ICAL.Time | null) =>
      pushIn(eventZone, uid, item, originalStart, startTime, endTime);
    if (!event.isRecurring()) {
      push(event, event.startDate, event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (out.length >= MAX_OCCURRENCES) break;
      const occurrence = event.getOccurrenceDetails(next);
      // Past the window by its original start (an exception may move one earlier: rare, kept simple).
      if (toUtc(next, eventZone).getTime() >= to) break;
      push(occurrence.item, occurrence.recurrenceId, occurrence.startDate, occurrence.endDate);
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key)).slice(0, MAX_OCCURRENCES);
}
