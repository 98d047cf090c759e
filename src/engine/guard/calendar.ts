import * as chrono from 'chrono-node';
import type { Finding } from '../types.ts';

// calendar_conflict: a time proposed in outgoing text ("Tuesday 3 March at 2pm works for me", "how
// about 10:30 tomorrow?") that falls in the sender's busy time. Pure: the busy intervals come in as
// data; dates are read by chrono-node in the sender's time zone.

/** A stretch of the sender's calendar that is taken (UTC ISO instants, end exclusive). */
export interface BusyInterval {
  start: string;
  end: string;
  /** The event's title, to name the clash. */
  title: string;
  allDay?: boolean;
}

/** What the calendar check needs besides the text. */
export interface CalendarCheckContext {
  busy: readonly BusyInterval[];
  /** IANA zone the text's times are meant in (the sender's, else the workspace's). */
  timeZone: string;
  /** The moment of the check: "tomorrow" and weekdays are read from here; past times are not proposals. */
  now: Date;
  /** en-GB reads 3/4 as 3 April; en-US as March 4. */
  locale?: 'en-US' | 'en-GB';
}

/** How long a proposed time is taken to last when the text gives no end ("2pm" → 2:00–2:30). */
export const PROPOSED_MINUTES = 30;

/** The zone's offset from UTC in minutes at an instant (Intl; unknown zones count as UTC). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(at);
  } catch {
    return 0;
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** chrono read the wall clock with the offset of `now`; across a DST change the offset of the proposed day applies. */
function inZone(date: Date, timeZone: string, assumedOffset: number): Date {
  const actual = zoneOffsetMinutes(timeZone, date);
  if (actual === assumedOffset) return date;
  const shifted = new Date(date.getTime() - (actual - assumedOffset) * 60_000);
  // The shift can cross the change itself (a time in the skipped hour): keep the first reading then.
  return zoneOffsetMinutes(timeZone, shifted) === actual ? shifted : date;
}

function describe(interval: BusyInterval, timeZone: string, locale: string): string {
  const start = new Date(interval.start);
  const end = new Date(interval.end);
  const zone = (() => {
    try {
      new Intl.DateTimeFormat(locale, { timeZone });
      return timeZone;
    } catch {
      return 'UTC';
    }
  })();
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
  if (interval.allDay) return `${day.format(start)}, all day`;
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
}

/**
 * Warnings for each proposed time (a date or day with a clock time) that overlaps a busy
 * interval, naming the clashing event. Times in the past and mentions without a clock time ("by
 * Friday") are not proposals and say nothing.
 */
export function findCalendarConflicts(text: string, context: CalendarCheckContext): Finding[] {
  if (context.busy.length === 0 || text.trim() === '') return [];
  const offset = zoneOffsetMinutes(context.timeZone, context.now);
  const parser = context.locale === 'en-GB' ? chrono.en.GB : chrono.en.casual;
  const results = parser.parse(text, { instant: context.now, timezone: offset }, { forwardDate: true });
  const busy = context.busy.map((b) => ({ ...b, from: Date.parse(b.start), to: Date.parse(b.end) }));
  const locale = context.locale ?? 'en-US';
  const findings: Finding[] = [];
  for (const result of results) {
    if (!result.start.isCertain('hour')) continue;
    const start = inZone(result.start.date(), context.timeZone, offset).getTime();
    const end = result.end
      ? inZone(result.end.date(), context.timeZone, offset).getTime()
      : start + PROPOSED_MINUTES * 60_000;
    if (start < context.now.getTime()) continue;
    const clashes = busy.filter((b) => b.from < Math.max(end, start + 60_000) && start < b.to);
    if (clashes.length === 0) continue;
    const named = clashes
      .slice(0, 3)
      .map((c) => `“${c.title}” (${describe(c, context.timeZone, locale)})`)
      .join(', ');
    findings.push({
      rule: 'calendar_conflict',
      severity: 'warning',
      start: result.index,
      end: result.index + result.text.length,
      message: `“${result.text}” clashes with ${named} in your calendar.`,
      suggestion: 'Propose a time you are free, or move the clashing event first.',
    });
  }
  return findings;
}
