import { describe, expect, it } from 'vitest';
import { workspaceSettingsSchema } from '../../shared/contract/index.ts';
import {
  bucketStart,
  bucketStarts,
  bucketFor,
  clientRankingRanges,
  clientsAfterMistake,
  computeMetrics,
  quantileMinutes,
} from './compute.ts';
import { bucketOf, contributions, DURATION_BUCKETS, metricFacts, rollupDelta, type MetricInput } from './facts.ts';
import { metricsCsv, metricsPeriod } from './metrics.ts';

const settings = workspaceSettingsSchema.parse({});
const input = (over: Partial<MetricInput> = {}): MetricInput => ({
  clientId: 'c1',
  foundAt: '2026-03-02T09:00:00.000Z',
  category: 'wrong_fact',
  severity: 'major',
  foundBy: 'us',
  acknowledgedAt: null,
  fixedAt: null,
  clientNoticedAt: null,
  cause: null,
  repeat: false,
  fixCommitments: [],
  remedies: [],
  satisfaction: [],
  ...over,
});

describe('metric facts of a mistake', () => {
  it('measures acknowledgment and fix against the severity targets and tells who told first', () => {
    const f = metricFacts(
      input({ acknowledgedAt: '2026-03-02T13:30:00.000Z', fixedAt: '2026-03-05T10:00:00.000Z' }),
      settings,
    );
    // Major: acknowledge within 240 minutes (took 270), fix within 72 hours (took 73).
    expect(f).toMatchObject({
      ackMinutes: 270,
      ackInTarget: false,
      fixMinutes: 73 * 60,
      fixInTarget: false,
      toldFirst: true,
    });
    const noticed = metricFacts(
      input({ acknowledgedAt: '2026-03-02T10:00:00.000Z', clientNoticedAt: '2026-03-02T09:30:00.000Z' }),
      settings,
    );
    expect(noticed).toMatchObject({ ackMinutes: 60, ackInTarget: true, toldFirst: false });
    expect(
      metricFacts(input({ foundBy: 'client', acknowledgedAt: '2026-03-02T09:05:00.000Z' }), settings).toldFirst,
    ).toBe(false);
  });

  it('counts fix promises kept by their due time, remedies net of reversals and rework hours', () => {
    const f = metricFacts(
      input({
        fixCommitments: [
          { dueAt: '2026-03-04T00:00:00.000Z', status: 'done', completedAt: '2026-03-03T00:00:00.000Z' },
          { dueAt: '2026-03-04T00:00:00.000Z', status: 'done', completedAt: '2026-03-05T00:00:00.000Z' },
          { dueAt: '2026-03-04T00:00:00.000Z', status: 'missed', completedAt: null },
          { dueAt: '2026-03-09T00:00:00.000Z', status: 'open', completedAt: null },
        ],
        remedies: [
          { kind: 'credit', currency: 'USD', amountMinor: 5_000, hoursCenti: null },
          { kind: 'credit', currency: 'USD', amountMinor: -5_000, hoursCenti: null },
          { kind: 'rework', currency: 'EUR', amountMinor: 30_000, hoursCenti: 250 },
        ],
        satisfaction: [4, 5],
      }),
      settings,
    );
    expect(f).toMatchObject({
      promisesResolved: 3,
      promisesKept: 1,
      remedies: { EUR: 30_000 },
      reworkCenti: 250,
      satisfactionCount: 2,
      satisfactionSum: 9,
      cause: 'none',
    });
  });

  it('adds to the workspace and the client rows, and a change moves only what changed', () => {
    const before = metricFacts(input({ acknowledgedAt: '2026-03-02T09:20:00.000Z' }), settings);
    const rows = contributions(before);
    expect(rows.filter((r) => r.at.dim === 'all').map((r) => r.at.scope)).toEqual(['*', 'c1']);
    expect(rows.find((r) => r.at.dim === 'client' && r.at.grain === 'm')?.at.period).toBe('2026-03');
    const after = metricFacts(input({ acknowledgedAt: '2026-03-02T09:20:00.000Z', category: 'billing' }), settings);
    const delta = rollupDelta(before, after);
    expect(delta.map((d) => [d.at.scope, d.at.dim, d.at.key, d.values])).toEqual([
      ['*', 'category', 'billing', { n: 1 }],
      ['*', 'category', 'wrong_fact', { n: -1 }],
      ['c1', 'category', 'billing', { n: 1 }],
      ['c1', 'category', 'wrong_fact', { n: -1 }],
    ]);
    expect(rollupDelta(before, before)).toEqual([]);
    // Removing and adding back sums to nothing.
    const removed = rollupDelta(before, null);
    expect(removed.every((d) => Object.values(d.values).every((x) => (x ?? 0) < 0))).toBe(true);
  });

  it('puts durations in their buckets, the last one open', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(5)).toBe(0);
    expect(bucketOf(6)).toBe(1);
    expect(bucketOf(43_200)).toBe(DURATION_BUCKETS - 2);
    expect(bucketOf(100_000)).toBe(DURATION_BUCKETS - 1);
  });
});

describe('metrics of a period', () => {
  it('estimates median and p90 inside the buckets, and none without data', () => {
    const counts = Array.from({ length: DURATION_BUCKETS }, () => 0);
    expect(quantileMinutes(counts, 0.5)).toBeNull();
    counts[bucketOf(25)] = 10; // ten in (15, 30]
    expect(quantileMinutes(counts, 0.5)).toBe(23);
    expect(quantileMinutes(counts, 0.9)).toBe(29);
    counts[DURATION_BUCKETS - 1] = 90; // ninety over 30 days
    expect(quantileMinutes(counts, 0.9)).toBe(43_200);
  });

  it('buckets the trend by day, week (Mondays) or month', () => {
    expect(bucketFor('2026-03-01', '2026-03-31')).toBe('day');
    expect(bucketFor('2026-03-01', '2026-05-31')).toBe('week');
    expect(bucketFor('2026-01-01', '2026-12-31')).toBe('month');
    expect(bucketStart('2026-03-04', 'week')).toBe('2026-03-02');
    expect(bucketStarts('2026-03-01', '2026-03-10', 'week')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
  });

  it('ranks clients from whole months and the days of partly covered ones', () => {
    expect(clientRankingRanges('2026-03-05', '2026-06-10')).toEqual({
      months: ['2026-04', '2026-05'],
      days: [
        ['2026-03-05', '2026-03-31'],
        ['2026-06-01', '2026-06-10'],
      ],
    });
    expect(clientRankingRanges('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02'], days: [] });
    expect(clientRankingRanges('2026-02-03', '2026-02-04')).toEqual({
      months: [],
      days: [['2026-02-03', '2026-02-04']],
    });
  });

  it('counts clients kept only once 90 days have passed', () => {
    const now = new Date('2026-06-10T00:00:00.000Z');
    expect(
      clientsAfterMistake(
        [
          { status: 'active', lastFoundAt: '2026-03-01T00:00:00.000Z' },
          { status: 'at_risk', lastFoundAt: '2026-05-01T00:00:00.000Z' },
          { status: 'lost', lastFoundAt: '2026-05-01T00:00:00.000Z' },
        ],
        now,
      ),
    ).toEqual({ kept: 1, lost: 1, tooEarly: 1 });
  });

  it('defaults to the 90 days ending today and refuses a reversed or too long period', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    expect(metricsPeriod({}, now)).toEqual({ from: '2025-12-03', to: '2026-03-02' });
    expect(() => metricsPeriod({ from: '2026-03-03', to: '2026-03-02' }, now)).toThrow(/after/);
    expect(() => metricsPeriod({ from: '2010-01-01', to: '2026-03-02' }, now)).toThrow(/at most/);
  });

  it('writes CSV cells that a spreadsheet will not run as formulas', () => {
    const m = computeMetrics(
      { from: '2026-03-01', to: '2026-03-01', clientId: null, clientName: null },
      {
        bySeverity: [{ severity: 'minor', values: { n: 1 } }],
        byDay: [],
        costs: [],
        categoryByDay: [],
        cause: [],
        clients: [{ key: 'c1', name: '=HYPERLINK("x")', n: 1 }],
      },
      settings,
      { kept: 0, lost: 0, tooEarly: 1 },
    );
    expect(metricsCsv(m)).toContain(`mistakes by client,"'=HYPERLINK(""x"")",1,mistakes,`);
  });
});
