import { describe, expect, it } from 'vitest';
import { guardSet, WORKSPACES } from '../../../bench/data/guard-set.ts';
import { evaluateGuard, evaluateRealMail } from '../../../bench/eval-guard.ts';
import { GUARD_RULE_IDS } from './index.ts';

// Floors on the guard's labelled set: a regression fails here. `npm run eval` prints the figures.
describe('pre-send guard on the labelled set', () => {
  it('has at least 200 cases with unique ids, known workspaces, positives for every rule and clean texts', () => {
    expect(guardSet.length).toBeGreaterThanOrEqual(200);
    expect(new Set(guardSet.map((c) => c.id)).size).toBe(guardSet.length);
    for (const c of guardSet) expect(Object.keys(WORKSPACES)).toContain(c.workspace);
    const expected = new Set(guardSet.flatMap((c) => c.expect.map((e) => (typeof e === 'string' ? e : e.rule))));
    for (const r of GUARD_RULE_IDS) expect(expected).toContain(r);
    expect(guardSet.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(60);
  });

  it('names a piece of the text that exists for every located expectation', () => {
    for (const c of guardSet)
      for (const e of c.expect)
        if (typeof e !== 'string')
          expect({ id: c.id, found: c.text.includes(e.at) }).toEqual({ id: c.id, found: true });
  });

  it('meets the precision, recall and false-alarm floors', async () => {
    const { metrics } = await evaluateGuard();
    expect(metrics.micro.precision).toBeGreaterThanOrEqual(0.9);
    expect(metrics.micro.recall).toBeGreaterThanOrEqual(0.9);
    for (const r of GUARD_RULE_IDS) {
      expect({ rule: r, precision: metrics.rules[r].precision >= 0.8 }).toEqual({ rule: r, precision: true });
      expect({ rule: r, recall: metrics.rules[r].recall >= 0.8 }).toEqual({ rule: r, recall: true });
    }
    expect(metrics.cleanWords).toBeGreaterThanOrEqual(2000);
    expect(metrics.falseAlarmsPer1000Words).toBeLessThanOrEqual(2);
  });
});

// The guard on real client mail nobody here wrote (bench/data/real-mail): the false-alarm target.
describe('pre-send guard on real client mail', () => {
  it('raises no error and at most 0.25 warnings per 1,000 words, and still flags the real typos', async () => {
    const { metrics } = await evaluateRealMail();
    expect(metrics.words).toBeGreaterThanOrEqual(20_000);
    expect(metrics.errors).toBe(0);
    expect(metrics.warningsPer1000Words).toBeLessThanOrEqual(0.25);
    expect(metrics.knownErrorsFlagged).toBeGreaterThanOrEqual(Math.ceil(metrics.knownErrors * 0.8));
  });
});
