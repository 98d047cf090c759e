import type { Clock, Ids } from '../src/domain/ports.ts';

/** A clock that stands still until advanced. */
export interface FakeClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

/** A fixed clock starting at `start` (UTC). */
export function fakeClock(start = '2026-03-02T09:00:00.000Z'): FakeClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Predictable, sortable ids: id-000001, id-000002, … with a per-run prefix so databases never collide. */
export function sequentialIds(prefix = 'id'): Ids {
  let n = 0;
  return { id: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}
