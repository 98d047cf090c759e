import { describe, expect, it } from 'vitest';
import { findCalendarConflicts } from '../../engine/index.ts';
import { findConflicts, type ClientMatcher } from './conflicts.ts';
import { IcsError, parseIcs, type CalendarOccurrence } from './ics.ts';

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');
const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') };
const starts = (occurrences: CalendarOccurrence[]) => occurrences.map((o) => o.start);

describe('reading an iCalendar file', () => {
  it('expands a weekly recurrence, leaving out an EXDATE and moving an instance by RECURRENCE-ID', () => {
    const source = ics(
      event([
        'UID:standup@test',
        'SUMMARY:Stand-up',
        'DTSTART:20260302T090000Z',
        'DTEND:20260302T091500Z',
        'RRULE:FREQ=WEEKLY;COUNT=4',
        'EXDATE:20260309T090000Z',
      ]),
      event([
        'UID:standup@test',
        'RECURRENCE-ID:20260316T090000Z',
        'SUMMARY:Stand-up (moved)',
        'DTSTART:20260316T110000Z',
        'DTEND:20260316T111500Z',
      ]),
    );
    const occurrences = parseIcs(source, window, 'UTC');
    expect(starts(occurrences)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-16T11:00:00.000Z',
      '2026-03-23T09:00:00.000Z',
    ]);
    expect(occurrences[1]!.title).toBe('Stand-up (moved)');
    // The moved instance keeps its original start in its key: the same occurrence across fetches.
    expect(occurrences[1]!.key).toBe('standup@test|2026-03-16T09:00:00.000Z');
    expect(occurrences[0]!.end).toBe('2026-03-02T09:15:00.000Z');
  });

  it("keeps 09:00 London at 09:00 local across the DST change, from the file's VTIMEZONE or from the IANA name alone", () => {
    const rule = ['SUMMARY:Weekly review', 'RRULE:FREQ=WEEKLY;COUNT=3', 'DTEND;TZID=Europe/London:20260323T100000'];
    const withZone = ics(
      LONDON_VTIMEZONE,
      event(['UID:a@test', 'DTSTART;TZID=Europe/London:20260323T090000', ...rule]),
    );
    const ianaOnly = ics(event(['UID:b@test', 'DTSTART;TZID=Europe/London:20260323T090000', ...rule]));
    for (const source of [withZone, ianaOnly]) {
      expect(starts(parseIcs(source, window, 'UTC'))).toEqual([
        '2026-03-23T09:00:00.000Z', // GMT
        '2026-03-30T08:00:00.000Z', // BST from 29 March
        '2026-04-06T08:00:00.000Z',
      ]);
    }
  });

  it("reads an all-day event as the member's whole local day, and a floating time in the member's zone", () => {
    const source = ics(
      event(['UID:holiday@test', 'SUMMARY:Offsite', 'DTSTART;VALUE=DATE:20260310', 'DTEND;VALUE=DATE:20260311']),
      event(['UID:floating@test', 'SUMMARY:Call', 'DTSTART:20260310T150000', 'DTEND:20260310T153000']),
    );
    const [allDay, floating] = parseIcs(source, window, 'America/New_York');
    expect(allDay).toMatchObject({ allDay: true, start: '2026-03-10T04:00:00.000Z', end: '2026-03-11T04:00:00.000Z' });
    expect(floating).toMatchObject({ allDay: false, start: '2026-03-10T19:00:00.000Z' });
  });

  it('reads attendees and the organizer as addresses, drops cancelled events and marks free ones', () => {
    const source = ics(
      event([
        'UID:kickoff@test',
        'SUMMARY:Kick-off',
        'DTSTART:20260305T140000Z',
        'DTEND:20260305T150000Z',
        'ORGANIZER;CN=Dana Reyes:mailto:dana@northwind.example',
        'ATTENDEE;CN=Lynn Carter;PARTSTAT=ACCEPTED:MAILTO:Lynn@Serenity.example',
      ]),
      event([
        'UID:gone@test',
        'SUMMARY:Gone',
        'STATUS:CANCELLED',
        'DTSTART:20260305T140000Z',
        'DTEND:20260305T150000Z',
      ]),
      event([
        'UID:free@test',
        'SUMMARY:Focus',
        'TRANSP:TRANSPARENT',
        'DTSTART:20260305T140000Z',
        'DTEND:20260305T150000Z',
      ]),
    );
    const occurrences = parseIcs(source, window, 'UTC');
    expect(occurrences.map((o) => [o.uid, o.busy])).toEqual([
      ['free@test', false],
      ['kickoff@test', true],
    ]);
    expect(occurrences[1]!.attendees.sort()).toEqual(['dana@northwind.example', 'lynn@serenity.example']);
  });

  it('refuses a file that is not iCalendar', () => {
    expect(() => parseIcs('hello', window, 'UTC')).toThrow(IcsError);
    expect(() => parseIcs('BEGIN:VCARD\r\nEND:VCARD', window, 'UTC')).toThrow(IcsError);
  });
});

const serenity: ClientMatcher = {
  id: 'c1',
  name: 'Serenity Day Spas',
  aliases: ['Serenity'],
  emails: ['lynn@serenity.example'],
};
const at = (key: string, start: string, end: string, extra: Partial<CalendarOccurrence> = {}): CalendarOccurrence => ({
  key,
  uid: key,
  title: key,
  details: '',
  start,
  end,
  allDay: false,
  busy: true,
  attendees: [],
  ...extra,
});

describe('double and triple bookings', () => {
  it('finds a triple booking with a client by attendee, and names its depth', () => {
    const conflicts = findConflicts(
      [
        at('review', '2026-03-05T14:00:00Z', '2026-03-05T15:00:00Z', { attendees: ['lynn@serenity.example'] }),
        at('dentist', '2026-03-05T14:30:00Z', '2026-03-05T15:30:00Z'),
        at('call', '2026-03-05T14:45:00Z', '2026-03-05T15:15:00Z'),
        at('later', '2026-03-05T16:00:00Z', '2026-03-05T17:00:00Z'),
      ],
      [serenity],
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ depth: 3, clientIds: ['c1'], start: '2026-03-05T14:00:00Z' });
    expect(conflicts[0]!.occurrences.map((o) => o.key)).toEqual(['review', 'dentist', 'call']);
  });

  it("finds a double booking by the client's name in the title, and ignores back-to-back, all-day, free and client-less overlaps", () => {
    const conflicts = findConflicts(
      [
        at('Serenity proofs', '2026-03-06T10:00:00Z', '2026-03-06T11:00:00Z'),
        at('Team sync', '2026-03-06T10:30:00Z', '2026-03-06T11:30:00Z'),
        at('Serenity wrap-up', '2026-03-07T10:00:00Z', '2026-03-07T11:00:00Z'),
        at('Next', '2026-03-07T11:00:00Z', '2026-03-07T12:00:00Z'),
        at('Serenity offsite', '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z', { allDay: true }),
        at('Lunch', '2026-03-08T12:00:00Z', '2026-03-08T13:00:00Z'),
        at('Serenity focus', '2026-03-09T12:00:00Z', '2026-03-09T13:00:00Z', { busy: false }),
        at('Gym', '2026-03-09T12:00:00Z', '2026-03-09T13:00:00Z'),
        at('Dentist', '2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z'),
        at('Gym again', '2026-03-10T12:30:00Z', '2026-03-10T13:00:00Z'),
      ],
      [serenity],
    );
    expect(conflicts.map((c) => [c.occurrences.map((o) => o.key), c.depth])).toEqual([
      [['Serenity proofs', 'Team sync'], 2],
    ]);
  });
});

describe('calendar_conflict in outgoing text', () => {
  const busy = [
    { start: '2026-03-03T14:00:00Z', end: '2026-03-03T15:00:00Z', title: 'Design review with Serenity' },
    { start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z', title: 'Stand-up' },
    // After the change to BST: 10:00 local is 09:00 UTC.
    { start: '2026-03-31T09:00:00Z', end: '2026-03-31T10:00:00Z', title: 'Dentist' },
  ];
  const context = { busy, timeZone: 'Europe/London', now: new Date('2026-03-01T12:00:00Z'), locale: 'en-GB' as const };

  it('warns on a proposed time in busy time, naming the clashing event', () => {
    const text = 'Tuesday 3 March at 2pm works for me.';
    const [finding, ...rest] = findCalendarConflicts(text, context);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'calendar_conflict', severity: 'warning' });
    expect(text.slice(finding!.start, finding!.end)).toBe('Tuesday 3 March at 2pm');
    expect(finding!.message).toContain('Design review with Serenity');
    expect(finding!.message).toContain('14:00–15:00');
  });

  it('reads "10:30 tomorrow" from the moment of the check, and a time after the DST change in local time', () => {
    expect(findCalendarConflicts('how about 10:30 tomorrow?', context).map((f) => f.message)).toEqual([
      expect.stringContaining('Stand-up'),
    ]);
    expect(findCalendarConflicts('Could we do 31 March at 10am?', context)[0]!.message).toContain('Dentist');
    // 10am UTC on 31 March is 11am BST: free.
    expect(findCalendarConflicts('Could we do 31 March at 11am?', context)).toEqual([]);
  });

  it('says nothing of free times, days without a clock time, past times or an empty calendar', () => {
    expect(findCalendarConflicts('Tuesday 3 March at 4pm works for me.', context)).toEqual([]);
    expect(findCalendarConflicts('I will send it by Tuesday 3 March.', context)).toEqual([]);
    expect(
      findCalendarConflicts('We met on 1 March at 9am.', { ...context, now: new Date('2026-03-01T12:00:00Z') }),
    ).toEqual([]);
    expect(findCalendarConflicts('Tuesday 3 March at 2pm works for me.', { ...context, busy: [] })).toEqual([]);
  });
});
