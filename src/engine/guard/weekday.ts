// weekday_mismatch: a weekday written next to a date it does not fall on, in US and UK forms —
// "Monday, March 6, 2026", "Mon Mar 6th", "Wednesday 1 December 2026", "Wed 1st Dec",
// "Friday the 6th of March", "Tuesday 03/10/2026" (month first in en-US, day first in en-GB),
// "Tuesday 2026-03-10", "March 6 (Friday)". A date without a year is the next such date on or
// after `date` — unless it fell within the last 30 days and matches there (a recent reference).
import type { Finding } from '../types.ts';
import type { Token } from './tokenise.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_WORDS = new Map<string, { day: number; short: boolean }>();
WEEKDAYS.forEach((name, day) => WEEKDAY_WORDS.set(name.toLowerCase(), { day, short: false }));
for (const [w, day] of [
  ['sun', 0],
  ['mon', 1],
  ['tue', 2],
  ['tues', 2],
  ['wed', 3],
  ['weds', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['fri', 5],
  ['sat', 6],
] as const)
  WEEKDAY_WORDS.set(w, { day, short: true });

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_WORDS = new Map<string, number>();
MONTH_NAMES.forEach((name, m) => {
  MONTH_WORDS.set(name.toLowerCase(), m + 1);
  MONTH_WORDS.set(name.slice(0, 3).toLowerCase(), m + 1);
});
MONTH_WORDS.set('sept', 9);

/** Whether a word is a weekday name or abbreviation. */
export function isWeekdayWord(norm: string): boolean {
  return WEEKDAY_WORDS.has(norm);
}
/** Whether a word is a month name or abbreviation. */
export function isMonthWord(norm: string): boolean {
  return MONTH_WORDS.has(norm);
}

interface ParsedDate {
  year: number | null;
  month: number;
  day: number;
  /** Index of the date's last token. */
  last: number;
}

/** Day of month from "6", "6th", "21st". */
function dayOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'number') return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.norm);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}
function yearOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.norm)) return null;
  const y = Number(t.norm);
  return y >= 1900 && y <= 2200 ? y : null;
}
function monthOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'word') return null;
  return MONTH_WORDS.get(t.norm) ?? null;
}
function isPunct(t: Token | undefined, chars: string): boolean {
  return !!t && t.kind === 'punct' && chars.includes(t.text);
}

/** Skips an optional period after an abbreviation (Mar., Dec.) glued to token `j`. */
function afterAbbrevDot(tokens: readonly Token[], j: number): number {
  const t = tokens[j + 1];
  return t && t.text === '.' && t.start === tokens[j]!.end ? j + 1 : j;
}

/** Parses a date starting at token `j`, or null. */
function parseDateAt(tokens: readonly Token[], j: number, dayFirst: boolean): ParsedDate | null {
  const a = tokens[j];
  if (!a) return null;
  // Month Day[, Year]  (US)
  const month = monthOf(a);
  if (month !== null) {
    let k = afterAbbrevDot(tokens, j) + 1;
    const day = dayOf(tokens[k]);
    if (day === null || tokens[k]!.newlines > 0) return null;
    let last = k;
    k++;
    if (isPunct(tokens[k], ',')) k++;
    const year = yearOf(tokens[k]);
    if (year !== null && tokens[k]!.newlines === 0) last = k;
    return { year, month, day, last };
  }
  // 10.03.2026 (one number token)
  const dotted = a.kind === 'number' ? /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(a.norm) : null;
  if (dotted) {
    const x = Number(dotted[1]);
    const y = Number(dotted[2]);
    const year = dotted[3]!.length === 2 ? 2000 + Number(dotted[3]) : Number(dotted[3]);
    const [mm, dd] = dayFirst ? [y, x] : [x, y];
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
    return { year, month: mm, day: dd, last: j };
  }
  // Day [of] Month [Year]  (UK)
  const day = dayOf(a);
  if (day !== null) {
    let k = j + 1;
    if (tokens[k]?.norm === 'of') k++;
    const m = monthOf(tokens[k]);
    if (m !== null && tokens[k]!.newlines === 0) {
      let last = afterAbbrevDot(tokens, k);
      k = last + 1;
      if (isPunct(tokens[k], ',')) k++;
      const year = yearOf(tokens[k]);
      if (year !== null && tokens[k]!.newlines === 0) last = k;
      return { year, month: m, day, last };
    }
    // Numeric: 03/10/2026, 3/10, 10.03.2026
    const sep = tokens[j + 1];
    const b = tokens[j + 2];
    if (
      sep &&
      (sep.text === '/' || sep.text === '.') &&
      !sep.spaceBefore &&
      b &&
      b.kind === 'number' &&
      !b.spaceBefore &&
      /^\d{1,2}$/.test(b.norm) &&
      /^\d{1,2}$/.test(a.norm)
    ) {
      const x = Number(a.norm);
      const y = Number(b.norm);
      let year: number | null = null;
      let last = j + 2;
      const sep2 = tokens[j + 3];
      const c = tokens[j + 4];
      if (sep2 && sep2.text === sep.text && !sep2.spaceBefore && c && !c.spaceBefore && c.kind === 'number') {
        if (/^\d{4}$/.test(c.norm)) year = Number(c.norm);
        else if (/^\d{2}$/.test(c.norm)) year = 2000 + Number(c.norm);
        else return null;
        last = j + 4;
      } else if (sep.text === '.') return null;
      const [mm, dd] = dayFirst ? [y, x] : [x, y];
      if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
      return { year, month: mm, day: dd, last };
    }
  }
  // ISO: 2026-03-10
  const y = yearOf(a);
  if (y !== null) {
    const s1 = tokens[j + 1];
    const m = tokens[j + 2];
    const s2 = tokens[j + 3];
    const d = tokens[j + 4];
    if (
      s1?.text === '-' &&
      s2?.text === '-' &&
      m &&
      d &&
      !s1.spaceBefore &&
      !m.spaceBefore &&
      !s2.spaceBefore &&
      !d.spaceBefore &&
      /^\d{2}$/.test(m.norm) &&
      /^\d{2}$/.test(d.norm)
    ) {
      const mm = Number(m.norm);
      const dd = Number(d.norm);
      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) return { year: y, month: mm, day: dd, last: j + 4 };
    }
  }
  return null;
}

function weekdayOf(year: number, month: number, day: number): number | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getUTCDay();
}

/** Parses YYYY-MM-DD into a UTC day number, or null. */
function dayNumber(iso: string | undefined): { year: number; ms: number } | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : { year: Number(m[1]), ms };
}

const DAY_MS = 86_400_000;

/** The date a year-less day refers to: the next one on or after today, or a recent past match. */
function resolveYear(
  month: number,
  day: number,
  expected: number,
  today: { year: number; ms: number },
): { year: number; weekday: number } | null {
  for (let year = today.year; year <= today.year + 8; year++) {
    const ms = Date.UTC(year, month - 1, day);
    const wd = weekdayOf(year, month, day);
    if (wd === null) continue; // 29 February: try the next leap year
    if (ms < today.ms) {
      // In the last 30 days and matching: a reference to a recent date, not a mistake.
      if (today.ms - ms <= 30 * DAY_MS && wd === expected) return { year, weekday: wd };
      continue;
    }
    return { year, weekday: wd };
  }
  return null;
}

function formatDate(month: number, day: number, year: number, dayFirst: boolean): string {
  return dayFirst ? `${day} ${MONTH_NAMES[month - 1]} ${year}` : `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

/** Writes `weekday` the way `model` was written (Mon / MON / monday / Monday). */
function styleWeekday(model: string, weekday: number, short: boolean): string {
  let name = WEEKDAYS[weekday]!;
  if (short) name = name.slice(0, 3);
  if (model === model.toUpperCase()) return name.toUpperCase();
  if (model === model.toLowerCase()) return name.toLowerCase();
  return name;
}

/** The weekday finding for the weekday word at token `i`, or null. */
export function checkWeekday(
  tokens: readonly Token[],
  i: number,
  today: string | undefined,
  dayFirst: boolean,
): Finding | null {
  const w = tokens[i]!;
  const info = WEEKDAY_WORDS.get(w.norm);
  if (!info) return null;
  // Abbreviations that are also words (sat, sun, wed) only count capitalised.
  if (info.short && w.text.charAt(0) === w.text.charAt(0).toLowerCase()) return null;
  let date: ParsedDate | null = null;
  let j = i + 1;
  if (info.short) j = afterAbbrevDot(tokens, i) + 1;
  if (isPunct(tokens[j], ',')) j++;
  if (tokens[j]?.norm === 'the') j++;
  if (tokens[j] && tokens[j]!.newlines === 0) date = parseDateAt(tokens, j, dayFirst);
  if (!date && isPunct(tokens[i - 1], '(') && isPunct(tokens[i + 1], ')')) {
    // "March 6 (Friday)": the date ends just before the bracket.
    for (let s = i - 2; s >= Math.max(0, i - 7); s--) {
      const d = parseDateAt(tokens, s, dayFirst);
      if (d && d.last === i - 2) {
        date = d;
        break;
      }
    }
  }
  if (!date) return null;
  let year = date.year;
  let actual: number | null;
  if (year === null) {
    const t = dayNumber(today);
    if (!t) return null;
    const resolved = resolveYear(date.month, date.day, info.day, t);
    if (!resolved) return null;
    year = resolved.year;
    actual = resolved.weekday;
  } else actual = weekdayOf(year, date.month, date.day);
  if (actual === null || actual === info.day) return null;
  const right = styleWeekday(w.text, actual, info.short);
  const when = formatDate(date.month, date.day, year, dayFirst);
  return {
    rule: 'weekday_mismatch',
    severity: 'error',
    start: w.start,
    end: w.end,
    message: `${when} is a ${WEEKDAYS[actual]}, not a ${WEEKDAYS[info.day]}${date.year === null ? ` (taking the next ${MONTH_NAMES[date.month - 1]} ${date.day})` : ''}.`,
    suggestion: `Check the date; if it is right, the day is “${right}”.`,
    replacement: right,
  };
}
