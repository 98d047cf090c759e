import { describe, expect, it } from 'vitest';
import { describeWallClock, formatDateTime, inputToIso, isoToInput, parseWallClock, zoneLabel } from './dates.ts';
import { isTimeZone } from '../../shared/contract/index.ts';

describe('times in the workspace zone', () => {
  it('reads a wall-clock input in the workspace zone as a UTC instant', () => {
    expect(inputToIso('2026-03-01T14:30', 'UTC')).toBe('2026-03-01T14:30:00.000Z');
    expect(inputToIso('2026-03-01T14:30', 'America/New_York')).toBe('2026-03-01T19:30:00.000Z');
    // Summer time: New York is UTC-4 in July.
    expect(inputToIso('2026-07-01T14:30', 'America/New_York')).toBe('2026-07-01T18:30:00.000Z');
    expect(inputToIso('2026-03-01', 'Europe/Berlin')).toBe('2026-02-28T23:00:00.000Z');
  });

  it('refuses text that is not a date', () => {
    expect(inputToIso('', 'UTC')).toBeNull();
    expect(inputToIso('yesterday', 'UTC')).toBeNull();
  });

  it('shows an instant as wall-clock input text in the zone, the inverse of reading it', () => {
    expect(isoToInput('2026-07-01T18:30:00.000Z', 'America/New_York')).toBe('2026-07-01T14:30');
    expect(inputToIso(isoToInput('2026-11-01T05:15:00.000Z', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(
      '2026-11-01T05:15:00.000Z',
    );
  });

  it('formats instants in the workspace zone', () => {
    expect(formatDateTime('2026-03-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('2 Mar 2026, 08:30');
    expect(formatDateTime(null, 'UTC')).toBe('—');
  });
});

describe('daylight-saving edges', () => {
  it('reads a time on either side of the change in London with the offset of that moment', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026, back at 01:00 UTC on 25 October 2026.
    expect(inputToIso('2026-03-29T00:59', 'Europe/London')).toBe('2026-03-29T00:59:00.000Z');
    expect(inputToIso('2026-03-29T03:00', 'Europe/London')).toBe('2026-03-29T02:00:00.000Z');
    expect(inputToIso('2026-10-25T00:30', 'Europe/London')).toBe('2026-10-24T23:30:00.000Z');
    expect(inputToIso('2026-10-25T02:30', 'Europe/London')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('moves a time that never happens (the clocks jump over it) forward by the gap', () => {
    expect(inputToIso('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(isoToInput('2026-03-29T01:30:00.000Z', 'Europe/London')).toBe('2026-03-29T02:30');
    expect(inputToIso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(isoToInput('2026-03-08T07:30:00.000Z', 'America/New_York')).toBe('2026-03-08T03:30');
  });

  it('takes the earlier of a time that happens twice (the clocks go back)', () => {
    expect(inputToIso('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(inputToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    // Southern hemisphere: Sydney goes back at 03:00 local on 5 April 2026.
    expect(inputToIso('2026-04-05T02:30', 'Australia/Sydney')).toBe('2026-04-04T15:30:00.000Z');
  });

  it('round-trips every half hour across both London changes', () => {
    for (const day of ['2026-03-28T12:00:00Z', '2026-10-24T12:00:00Z']) {
      for (let step = 0; step < 96; step++) {
        const iso = new Date(Date.parse(day) + step * 30 * 60_000).toISOString();
        const wall = isoToInput(iso, 'Europe/London');
        const back = inputToIso(wall, 'Europe/London')!;
        // The repeated hour reads back as its first occurrence, an hour earlier; every other time exactly.
        expect([iso, new Date(Date.parse(iso) - 3_600_000).toISOString()]).toContain(back);
        expect(isoToInput(back, 'Europe/London')).toBe(wall);
      }
    }
  });

  it('refuses a day that does not exist', () => {
    expect(inputToIso('2026-02-31T10:00', 'UTC')).toBeNull();
    expect(inputToIso('2026-13-01', 'UTC')).toBeNull();
  });
});

describe('typing a date and time naturally', () => {
  const now = new Date('2026-03-02T10:15:00Z'); // a Monday

  it('reads the forms people type, in the zone', () => {
    expect(parseWallClock('2026-03-03 17:00', 'Europe/London', now)).toBe('2026-03-03T17:00');
    expect(parseWallClock('2026-03-03T17:00', 'Europe/London', now)).toBe('2026-03-03T17:00');
    expect(parseWallClock('3 Mar 2026 5pm', 'Europe/London', now)).toBe('2026-03-03T17:00');
    expect(parseWallClock('March 3, 2026 at 5:30 pm', 'Europe/London', now)).toBe('2026-03-03T17:30');
    expect(parseWallClock('tomorrow 9:30', 'Europe/London', now)).toBe('2026-03-03T09:30');
  });

  it('counts "tomorrow" from the zone\'s date, not the browser\'s', () => {
    // 23:30 UTC on 2 March is already 3 March in Tokyo.
    const late = new Date('2026-03-02T23:30:00Z');
    expect(parseWallClock('tomorrow 9am', 'Asia/Tokyo', late)).toBe('2026-03-04T09:00');
    expect(parseWallClock('tomorrow 9am', 'UTC', late)).toBe('2026-03-03T09:00');
  });

  it('gives a date without a time 09:00', () => {
    expect(parseWallClock('4 March 2026', 'UTC', now)).toBe('2026-03-04T09:00');
  });

  it('refuses text that is not a date and time, or only starts with one', () => {
    expect(parseWallClock('', 'UTC', now)).toBeNull();
    expect(parseWallClock('soonish', 'UTC', now)).toBeNull();
    expect(parseWallClock('call at 5 about the logo', 'UTC', now)).toBeNull();
    expect(parseWallClock('2026-02-31 10:00', 'UTC', now)).toBeNull();
    expect(parseWallClock('2026-03-03 25:00', 'UTC', now)).toBeNull();
  });

  it('reads back with the offset in force at that time', () => {
    expect(describeWallClock('2026-03-03T17:00', 'Europe/London')).toBe('Tue, 3 Mar 2026, 17:00 GMT (Europe/London)');
    expect(describeWallClock('2026-07-03T17:00', 'Europe/London')).toBe('Fri, 3 Jul 2026, 17:00 BST (Europe/London)');
    expect(describeWallClock('nonsense', 'Europe/London')).toBeNull();
    expect(zoneLabel('Asia/Kolkata', now)).toBe('Asia/Kolkata (GMT+5:30)');
  });
});

describe('time zone names', () => {
  it('accepts IANA zones and refuses offsets, abbreviations and made-up names', () => {
    for (const zone of ['UTC', 'Europe/London', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'Europe/Kiev']) {
      expect({ zone, ok: isTimeZone(zone) }).toEqual({ zone, ok: true });
    }
    for (const zone of ['+01:00', 'Mars/Olympus', 'London', '', 'Europe/London ', 'Europe/../etc']) {
      expect({ zone, ok: isTimeZone(zone) }).toEqual({ zone, ok: false });
    }
  });
});
