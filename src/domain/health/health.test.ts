import { describe, expect, it } from 'vitest';
import { checkInOutcome, checkInSchedule } from './check-ins.ts';
import { clusterDecision } from './cluster.ts';
import {
  HALF_LIFE_DAYS,
  HEALTH_WEIGHTS,
  decayed,
  healthBand,
  scoreClient,
  whyItMoved,
  type HealthFacts,
  type HealthMistake,
} from './score.ts';

const now = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

function mistake(over: Partial<HealthMistake> = {}): HealthMistake {
  return {
    id: 'm1',
    ref: 'MG-1',
    severity: 'minor',
    foundBy: 'us',
    foundAt: daysAgo(0),
    acknowledged: null,
    fix: null,
    remedyAt: null,
    repeatOf: null,
    ...over,
  };
}
const facts = (over: Partial<HealthFacts> = {}): HealthFacts => ({ mistakes: [], checkIns: [], answers: [], ...over });
const sumOf = (s: { lines: { points: number }[] }) => 100 + s.lines.reduce((t, l) => t + l.points, 0);

describe('client health score', () => {
  it('is 100 with nothing recorded, with no lines', () => {
    expect(scoreClient(facts(), now)).toEqual({ score: 100, lines: [] });
  });

  it('costs a mistake by severity, half as much again when the client found it', () => {
    const s = (over: Partial<HealthMistake>) => scoreClient(facts({ mistakes: [mistake(over)] }), now);
    expect(s({ severity: 'minor' }).score).toBe(94);
    expect(s({ severity: 'major' }).score).toBe(88);
    expect(s({ severity: 'critical' }).score).toBe(80);
    const found = s({ severity: 'critical', foundBy: 'client', ref: 'MG-14' });
    expect(found.score).toBe(70);
    expect(found.lines).toEqual([
      {
        key: 'mistake:m1',
        kind: 'mistake',
        points: -30,
        reason: 'MG-14 critical, found by the client',
        mistakeRef: 'MG-14',
      },
    ]);
  });

  it('earns part of it back for each step of a good recovery, and costs more for a bad one', () => {
    const good = scoreClient(
      facts({
        mistakes: [
          mistake({
            severity: 'major',
            acknowledged: { at: daysAgo(0), withinTarget: true },
            fix: { outcome: 'kept', at: daysAgo(0) },
            remedyAt: daysAgo(0),
          }),
        ],
      }),
      now,
    );
    expect(good.score).toBe(100 - 12 + 3 + 6 + 3);
    expect(good.lines.map((l) => l.reason)).toContain('MG-1 fix delivered on time');
    const bad = scoreClient(
      facts({
        mistakes: [
          mistake({
            severity: 'major',
            acknowledged: { at: daysAgo(0), withinTarget: false },
            fix: { outcome: 'broken', at: daysAgo(0) },
            repeatOf: 'MG-0',
          }),
        ],
      }),
      now,
    );
    expect(bad.score).toBe(100 - 12 - 3 - 8 - 10);
    expect(bad.lines.map((l) => l.reason)).toEqual(
      expect.arrayContaining(['MG-1 repeats MG-0', 'MG-1 fix promise broken', 'MG-1 acknowledged late']),
    );
  });

  it('lets a mistake count half after the half-life and not at all after a year', () => {
    expect(decayed(-20, daysAgo(HALF_LIFE_DAYS), now)).toBe(-10);
    expect(decayed(-20, daysAgo(2 * HALF_LIFE_DAYS), now)).toBe(-5);
    expect(decayed(-20, daysAgo(366), now)).toBe(0);
    expect(scoreClient(facts({ mistakes: [mistake({ severity: 'critical', foundAt: daysAgo(400) })] }), now)).toEqual({
      score: 100,
      lines: [],
    });
  });

  it('counts check-ins and satisfaction answers', () => {
    const s = scoreClient(
      facts({
        checkIns: [
          { mistakeRef: 'MG-1', outcome: 'on_time', at: daysAgo(0) },
          { mistakeRef: 'MG-1', outcome: 'skipped', at: daysAgo(0) },
          { mistakeRef: 'MG-1', outcome: 'overdue', at: daysAgo(0) },
        ],
        answers: [{ mistakeRef: 'MG-1', answer: 4, answeredAt: daysAgo(0) }],
      }),
      now,
    );
    const w = HEALTH_WEIGHTS;
    expect(s.score).toBe(
      Math.min(100, 100 + w.checkIn.on_time + w.checkIn.skipped + w.checkIn.overdue + w.satisfactionStep),
    );
    expect(s.lines.find((l) => l.kind === 'satisfaction')?.reason).toBe('MG-1 the client rated the recovery 4 of 5');
  });

  it('always has lines that add up to the score, holding it at 0 and 100 with a line of its own', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      mistake({ id: `m${i}`, ref: `MG-${i}`, severity: 'critical', foundBy: 'client' }),
    );
    const low = scoreClient(facts({ mistakes: many }), now);
    expect(low.score).toBe(0);
    expect(low.lines.map((l) => l.reason)).toContain('held at 0');
    expect(sumOf(low)).toBe(0);
    const high = scoreClient(facts({ answers: [{ mistakeRef: 'MG-1', answer: 5, answeredAt: daysAgo(0) }] }), now);
    expect(high.score).toBe(100);
    expect(sumOf(high)).toBe(100);
    expect(high.lines.map((l) => l.reason)).toContain('held at 100');
    for (let i = 0; i < 50; i++) {
      const some = many.slice(0, i % 8).map((m, j) => ({
        ...m,
        severity: (['minor', 'major', 'critical'] as const)[j % 3]!,
        foundAt: daysAgo(i * 7 + j),
      }));
      const s = scoreClient(facts({ mistakes: some }), now);
      expect(sumOf(s)).toBe(s.score);
    }
  });

  it('explains why it moved, line by line, adding up to the change', () => {
    const before = scoreClient(facts({ mistakes: [mistake({ severity: 'major' })] }), now);
    const after = scoreClient(
      facts({
        mistakes: [
          mistake({ severity: 'major', fix: { outcome: 'kept', at: daysAgo(0) } }),
          mistake({ id: 'm2', ref: 'MG-2', severity: 'critical', foundBy: 'client' }),
        ],
      }),
      now,
    );
    const moved = whyItMoved(before, after);
    expect(moved.delta).toBe(after.score - before.score);
    expect(moved.moves.reduce((t, m) => t + m.delta, 0)).toBe(moved.delta);
    expect(moved.moves.map((m) => `${m.delta > 0 ? '+' : ''}${m.delta} ${m.reason}`)).toEqual([
      '-30 MG-2 critical, found by the client',
      '+6 MG-1 fix delivered on time',
    ]);
    const gone = whyItMoved(after, scoreClient(facts(), now));
    expect(gone.moves.every((m) => m.reason.endsWith('(no longer counts)'))).toBe(true);
    expect(gone.moves.reduce((t, m) => t + m.delta, 0)).toBe(gone.delta);
  });

  it('bands the score', () => {
    expect([100, 80, 79, 60, 59, 0].map(healthBand)).toEqual([
      'healthy',
      'healthy',
      'watch',
      'watch',
      'at_risk',
      'at_risk',
    ]);
  });
});

describe('cluster alert', () => {
  const m = (id: string, d: number) => ({ id, foundAt: daysAgo(d) });

  it('raises once three mistakes fall within 30 days, listing them', () => {
    const earlier = [m('a', 20), m('b', 10)];
    expect(clusterDecision([m('a', 20)], m('b', 10), null)).toEqual({ kind: 'none' });
    expect(clusterDecision(earlier, m('c', 0), null)).toEqual({ kind: 'raise', mistakeIds: ['a', 'b', 'c'] });
  });

  it('does not count mistakes outside the window', () => {
    expect(clusterDecision([m('a', 40), m('b', 10)], m('c', 0), null)).toEqual({ kind: 'none' });
  });

  it('extends the alerted cluster instead of raising a second alert, and a quiet window ends it', () => {
    const alerted = { mistakeIds: ['a', 'b', 'c'], lastFoundAt: daysAgo(5) };
    expect(clusterDecision([m('a', 25), m('b', 15), m('c', 5)], m('d', 0), alerted)).toEqual({
      kind: 'extend',
      mistakeIds: ['a', 'b', 'c', 'd'],
    });
    expect(clusterDecision([m('c', 5)], m('c', 5), alerted)).toEqual({ kind: 'none' });
    const old = { mistakeIds: ['a', 'b', 'c'], lastFoundAt: daysAgo(100) };
    expect(clusterDecision([m('x', 20), m('y', 10)], m('z', 0), old)).toEqual({
      kind: 'raise',
      mistakeIds: ['x', 'y', 'z'],
    });
  });

  it('follows the workspace rule', () => {
    expect(clusterDecision([m('a', 5)], m('b', 0), null, { count: 2, windowDays: 7 })).toEqual({
      kind: 'raise',
      mistakeIds: ['a', 'b'],
    });
    expect(clusterDecision([m('a', 8)], m('b', 0), null, { count: 2, windowDays: 7 })).toEqual({ kind: 'none' });
  });
});

describe('check-in schedule', () => {
  it('schedules a week, a month and three months after the fix', () => {
    expect(checkInSchedule('2026-01-01T09:00:00.000Z')).toEqual([
      '2026-01-08T09:00:00.000Z',
      '2026-01-31T09:00:00.000Z',
      '2026-04-01T09:00:00.000Z',
    ]);
  });

  it('takes the workspace offsets, sorted, without repeats or nonsense', () => {
    expect(checkInSchedule('2026-01-01T00:00:00.000Z', [30, 7, 7, 0, -1, 1.5])).toEqual([
      '2026-01-08T00:00:00.000Z',
      '2026-01-31T00:00:00.000Z',
    ]);
    expect(() => checkInSchedule('not a date')).toThrow('fixedAt');
  });

  it('counts a check-in on time within the grace days, late after, overdue when nothing happened', () => {
    const due = '2026-05-20T12:00:00.000Z';
    expect(checkInOutcome(due, { kind: 'done', at: '2026-05-22T12:00:00.000Z' }, now)).toBe('on_time');
    expect(checkInOutcome(due, { kind: 'done', at: '2026-05-25T12:00:00.000Z' }, now)).toBe('late');
    expect(checkInOutcome(due, { kind: 'skipped', at: '2026-05-21T12:00:00.000Z' }, now)).toBe('skipped');
    expect(checkInOutcome(due, null, now)).toBe('overdue');
    expect(checkInOutcome('2026-05-31T12:00:00.000Z', null, now)).toBe('pending');
  });
});
