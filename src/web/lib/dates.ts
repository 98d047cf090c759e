import * as chrono from 'chrono-node';

// Times cross the API as UTC ISO strings and are shown in the workspace's time zone. Date inputs
// hold wall-clock text ("2026-03-01T14:30") that is read in that same zone.

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const partFormats = new Map<string, Intl.DateTimeFormat>();

function zoneParts(date: Date, timeZone: string): Record<string, number> {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** How far a zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = zoneParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Wall-clock input text ("2026-03-01T14:30" or "2026-03-01") in a zone → UTC ISO; null if invalid. */
export function inputToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(wall)) return null;
  const date = new Date(wall);
  // A day or month out of range ("2026-02-31") is not a date, not the 3rd of March.
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return new Date(wallToInstant(wall, timeZone)).toISOString();
}

/**
 * The instant a zone's wall-clock time (given as if it were UTC) names. Around a daylight-saving
 * change the zone's offsets a day before and a day after are both tried: a time that happens twice
 * (the clocks go back) is the earlier one, a time that never happens (the clocks go forward) moves
 * forward by the gap, as Temporal's "compatible" disambiguation does.
 */
function wallToInstant(wall: number, timeZone: string): number {
  const before = wall - zoneOffsetMs(wall - 86_400_000, timeZone);
  const after = wall - zoneOffsetMs(wall + 86_400_000, timeZone);
  const names = (instant: number) => {
    const p = zoneParts(new Date(instant), timeZone);
    return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute) === Math.floor(wall / 60_000) * 60_000;
  };
  const valid = [before, after].filter(names).sort((x, y) => x - y);
  return valid[0] ?? before;
}

/** A UTC ISO instant → wall-clock input text for a datetime-local field in a zone. */
export function isoToInput(iso: string, timeZone: string): string {
  const p = zoneParts(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
}

/** A UTC ISO instant → date input text ("2026-03-01") in a zone. */
export function isoToDateInput(iso: string, timeZone: string): string {
  return isoToInput(iso, timeZone).slice(0, 10);
}

/** "1 Mar 2026, 14:30" in the zone. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "1 Mar 2026" in the zone. */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** "in 3 hours", "2 days ago" relative to now. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms || unit === 'minute') return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
}

/**
 * Text a person typed ("3 Mar 2026 5pm", "tomorrow 9:30", "2026-03-03 17:00", "Friday noon") read
 * as a wall-clock time in a zone → input text "2026-03-03T17:00"; null when it is not a date and
 * time. Relative words count from `now` in that zone; a date without a time means 09:00.
 */
export function parseWallClock(text: string, timeZone: string, now: Date = new Date()): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const exact = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})$/u.exec(trimmed);
  if (exact) {
    const [, y, mo, d, h, mi] = exact;
    const canonical = `${y}-${mo}-${d}T${pad(Number(h))}:${mi}`;
    return Number(h) < 24 && Number(mi) < 60 && inputToIso(canonical, 'UTC') ? canonical : null;
  }
  if (/^\d{4}-\d{2}-\d{2}$/u.test(trimmed)) return inputToIso(trimmed, 'UTC') ? `${trimmed}T09:00` : null;
  // Half-typed ISO text ("2026-11-3", "2026-11-30T0") is not a date yet: no need to ask chrono.
  if (/^[\d\-T:]+$/u.test(trimmed)) return null;
  // chrono reads in the browser's own zone; give it "now" as the zone's wall clock in local fields.
  const p = zoneParts(now, timeZone);
  const reference = new Date(p.year!, p.month! - 1, p.day, p.hour, p.minute);
  const [result] = chrono.parse(trimmed, reference, { forwardDate: false });
  // The whole text must be the date ("call at 5 about the logo" is not one).
  if (!result || result.index !== 0 || result.text.length < trimmed.replace(/[.\s]+$/u, '').length) return null;
  const start = result.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  const timed = start.isCertain('hour');
  const hour = timed ? (start.get('hour') ?? 9) : 9;
  const minute = timed ? (start.get('minute') ?? 0) : 0;
  const canonical = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
  return inputToIso(canonical, 'UTC') ? canonical : null;
}

/** How a wall-clock input reads back, with the zone's name and its offset then: "Tue, 3 Mar 2026, 17:00 GMT (Europe/London)". */
export function describeWallClock(value: string, timeZone: string): string | null {
  const iso = inputToIso(value, timeZone);
  if (!iso) return null;
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
  return timeZone === 'UTC' ? text : `${text} (${timeZone})`;
}

/** A zone's name with its offset now, for pickers: "Europe/London (GMT+1)". */
export function zoneLabel(timeZone: string, now: Date = new Date()): string {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(now)
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** Options for a zone picker (value, "Europe/London (GMT+1)"), built once: 400-odd labels cost to make. */
let zoneOptions: { value: string; label: string }[] | undefined;
export function timeZoneOptions(): { value: string; label: string }[] {
  zoneOptions ??= timeZoneNames().map((zone) => ({ value: zone, label: zoneLabel(zone) }));
  return zoneOptions;
}

/** Every IANA zone this browser knows, UTC first. */
export function timeZoneNames(): string[] {
  const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...names.filter((name) => name !== 'UTC')];
}

/** The browser's own zone (the first-run guess), or UTC. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The current wall-clock time in a zone, as datetime-local input text. */
export function nowInput(timeZone: string, now: Date = new Date()): string {
  return isoToInput(now.toISOString(), timeZone);
}
