import { describe, expect, it } from 'vitest';
import { formatDateTime, inputToIso, isoToInput } from './dates.ts';

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
