import { describe, expect, it } from 'vitest';
import { apologyHoldout, apologySet } from '../../../bench/data/apology-set.ts';
import { evaluateApology, evaluateRealApology } from '../../../bench/eval-apology.ts';
import { decideVerdict } from './verdict.ts';
import { RULE_IDS } from './analyse.ts';

// Floors on the labelled set: a regression in the analyser fails here. The figures themselves are
// printed by `npm run eval`.
describe('apology analyser on the labelled set', () => {
  it('has at least 150 labelled texts, with unique ids, covering every rule', () => {
    expect(apologySet.length).toBeGreaterThanOrEqual(150);
    expect(new Set(apologySet.map((c) => c.id)).size).toBe(apologySet.length);
    const rules = new Set(apologySet.flatMap((c) => c.rules));
    for (const r of RULE_IDS) {
      expect(rules).toContain(r);
    }
  });

  it('labels verdicts consistently with the mechanical verdict rule', () => {
    for (const c of [...apologySet, ...apologyHoldout]) {
      expect({ id: c.id, verdict: decideVerdict(c.components, c.rules, c.compensation === true) }).toEqual({
        id: c.id,
        verdict: c.verdict,
      });
    }
  });

  // Floors sit just below what the clause-rule analyser (issue 10) measures, so a regression fails.
  // The rebuild traded figures on this set (96.9 % verdicts with the old regexes fitted to it) for
  // figures on real text; these floors say so rather than hide it.
  it('meets the accuracy floors', () => {
    const { metrics } = evaluateApology();
    expect(metrics.verdictAccuracy).toBeGreaterThanOrEqual(0.74);
    expect(metrics.componentMacroF1).toBeGreaterThanOrEqual(0.82);
    expect(metrics.rules.passive_evasion!.precision).toBeGreaterThanOrEqual(0.7);
    expect(metrics.rules.passive_evasion!.recall).toBeGreaterThanOrEqual(0.5);
    expect(metrics.rulesMicro.precision).toBeGreaterThanOrEqual(0.75);
    expect(metrics.rulesMicro.recall).toBeGreaterThanOrEqual(0.6);
  });

  // The held-out texts come in two batches (the second written at the very end and scored once);
  // fresh text scores well below the tuned set, and these floors say so rather than hide it.
  it('meets lower floors on the held-out texts (written after the rules, never tuned on)', () => {
    const { metrics } = evaluateApology(apologyHoldout);
    expect(metrics.cases).toBeGreaterThanOrEqual(50);
    expect(metrics.verdictAccuracy).toBeGreaterThanOrEqual(0.54);
    expect(metrics.components.responsibility.f1).toBeGreaterThanOrEqual(0.78);
    expect(metrics.components.repair.f1).toBeGreaterThanOrEqual(0.75);
    expect(metrics.components.regret.f1).toBeGreaterThanOrEqual(0.92);
    expect(metrics.rulesMicro.precision).toBeGreaterThanOrEqual(0.82);
    expect(metrics.rulesMicro.recall).toBeGreaterThanOrEqual(0.56);
  });

  // The real-world corpus's test part (bench/data/real-apologies, never tuned on), scored once at
  // the end of the rebuild. Floors are those figures rounded down — below the targets
  // (verdict 0.85, every component F1 0.80); they stop a regression, they do not claim the bar is met.
  it('meets the floors on the real corpus test part', () => {
    const { metrics } = evaluateRealApology('test');
    expect(metrics.cases).toBeGreaterThanOrEqual(100);
    expect(metrics.verdictAccuracy).toBeGreaterThanOrEqual(0.73);
    expect(metrics.componentMacroF1).toBeGreaterThanOrEqual(0.63);
    expect(metrics.components.regret.f1).toBeGreaterThanOrEqual(0.93);
    expect(metrics.components.responsibility.f1).toBeGreaterThanOrEqual(0.72);
    expect(metrics.components.repair.f1).toBeGreaterThanOrEqual(0.58);
    expect(metrics.isApologyAccuracy).toBeGreaterThanOrEqual(0.91);
  });
});
