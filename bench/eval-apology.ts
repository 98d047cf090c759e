// Evaluates the apology analyser against the labelled set: verdict accuracy, per-component
// precision/recall/F1 and per-rule precision/recall. bench/eval.ts prints `report`.
import { APOLOGY_COMPONENTS, RULE_IDS, analyseApology, type ApologyComponent } from '../src/engine/apology/index.ts';
import { apologyHoldout, apologySet, type ApologyCase } from './data/apology-set.ts';
import { labelledRules, loadRealApologies, type RealApologyCase } from './data/real-apologies/index.ts';

/** Counts of one binary label over the set. */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What evaluateApology measures. */
export interface ApologyMetrics {
  cases: number;
  verdictAccuracy: number;
  verdictConfusion: Record<string, Record<string, number>>;
  components: Record<ApologyComponent, PRF>;
  componentMacroF1: number;
  rules: Record<string, PRF>;
  /** Micro-averaged over every rule: all rule decisions pooled. */
  rulesMicro: PRF;
  /** Cases whose verdict, components or rules differ from the labels (ids with what differs). */
  misses: { id: string; diff: string }[];
  /** Real corpus only: whether the analyser's isApology agrees with the label. */
  isApologyAccuracy?: number;
  /** Real corpus only: verdict accuracy on the texts labelled as apologies (the rubric scores verdicts there). */
  verdictAccuracyOnApologies?: number;
  /** The same measures on the held-out texts (never used to tune the rules), when evaluating the default set. */
  holdout?: ApologyMetrics;
}

function prf(tp: number, fp: number, fn: number): PRF {
  // With no positives at all (labelled or predicted) the detector made no mistake: score 1.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * Runs the analyser over a labelled set and returns metrics and a printable report. Without an
 * argument: the labelled set, with the held-out texts as `metrics.holdout` and a second section.
 */
export function evaluateApology(set?: readonly ApologyCase[]): { report: string; metrics: ApologyMetrics } {
  if (set) return evaluateSet(set, 'labelled texts');
  const main = evaluateSet(apologySet, 'labelled texts');
  const holdout = evaluateSet(apologyHoldout, 'held-out texts (written last, never used to tune the rules)');
  return {
    report: `${main.report}

${holdout.report}`,
    metrics: { ...main.metrics, holdout: holdout.metrics },
  };
}

/** A real-corpus case in the labelled-set shape (its anti-pattern names mapped to rule ids). */
function fromReal(c: RealApologyCase): ApologyCase {
  const { labels } = c;
  return {
    id: c.id,
    text: c.text,
    kind: c.kind,
    verdict: labels.verdict,
    components: {
      regret: labels.regret,
      explanation: labels.explanation,
      responsibility: labels.responsibility,
      repentance: labels.repentance,
      repair: labels.repair,
      forgiveness: labels.forgiveness,
    },
    rules: labelledRules(labels) as ApologyCase['rules'],
    compensation: labels.compensation,
  };
}

/**
 * The real-world corpus (bench/data/real-apologies): the development part (tune on it) and the
 * test part (score only; never print its misses). Only the rubric's anti-patterns are labelled
 * there, so only those rules are scored.
 */
export function evaluateRealApology(part: 'dev' | 'test'): { report: string; metrics: ApologyMetrics } {
  const real = loadRealApologies()[part];
  const cases = real.map(fromReal);
  const title = part === 'dev' ? 'real texts, development part' : 'real texts, TEST part (scored only, never tuned on)';
  // The rubric folds "sorry you feel" into `conditional`: the analyser's feelings_deflection counts as it.
  const result = evaluateSet(cases, title, REAL_RULES, { feelingsAsConditional: true });
  let apologyRight = 0;
  let apologies = 0;
  let verdictRight = 0;
  for (const c of real) {
    const a = analyseApology(c.text, { kind: c.kind });
    if (a.isApology === c.labels.isApology) apologyRight++;
    if (c.labels.isApology) {
      apologies++;
      if (a.verdict === c.labels.verdict) verdictRight++;
    }
  }
  const metrics = {
    ...result.metrics,
    isApologyAccuracy: real.length === 0 ? 1 : apologyRight / real.length,
    verdictAccuracyOnApologies: apologies === 0 ? 1 : verdictRight / apologies,
  };
  const lines = result.report.split('\n');
  lines.splice(
    2,
    0,
    `  verdict accuracy on the ${apologies} texts labelled as apologies: ${pct(metrics.verdictAccuracyOnApologies)}`,
    `  isApology (does it read as an apology at all): ${pct(metrics.isApologyAccuracy)} agree with the labels`,
  );
  return { report: lines.join('\n'), metrics };
}

/** The analyser's rules that the real corpus labels (its seven anti-patterns). */
const REAL_RULES = [
  'conditional_apology',
  'passive_evasion',
  'blame_shifting',
  'excuse',
  'vagueness',
  'minimization',
  'self_focus',
] as const;

function evaluateSet(
  set: readonly ApologyCase[],
  title: string,
  scoredRules: readonly string[] = RULE_IDS,
  options: { feelingsAsConditional?: boolean } = {},
): { report: string; metrics: ApologyMetrics } {
  const comp: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const c of APOLOGY_COMPONENTS) comp[c] = { tp: 0, fp: 0, fn: 0 };
  const rules: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const r of scoredRules) rules[r] = { tp: 0, fp: 0, fn: 0 };
  const confusion: Record<string, Record<string, number>> = {};
  const misses: { id: string; diff: string }[] = [];
  let correct = 0;

  for (const item of set) {
    const result = analyseApology(item.text, { kind: item.kind, ...(item.mistake && { mistake: item.mistake }) });
    const diffs: string[] = [];
    if (result.verdict === item.verdict) correct++;
    else diffs.push(`verdict ${result.verdict}≠${item.verdict}`);
    const row = (confusion[item.verdict] ??= {});
    row[result.verdict] = (row[result.verdict] ?? 0) + 1;

    for (const c of APOLOGY_COMPONENTS) {
      const got = result.components[c];
      const want = item.components[c];
      const cell = comp[c]!;
      if (got && want) cell.tp++;
      else if (got) {
        cell.fp++;
        diffs.push(`+${c}`);
      } else if (want) {
        cell.fn++;
        diffs.push(`-${c}`);
      }
    }
    const fired = new Set(result.findings.map((f) => f.rule));
    if (options.feelingsAsConditional && fired.has('feelings_deflection')) fired.add('conditional_apology');
    const expected = new Set<string>(item.rules);
    for (const r of scoredRules) {
      const cell = rules[r]!;
      const got = fired.has(r);
      const want = expected.has(r);
      if (got && want) cell.tp++;
      else if (got) {
        cell.fp++;
        diffs.push(`+${r}`);
      } else if (want) {
        cell.fn++;
        diffs.push(`-${r}`);
      }
    }
    if (diffs.length > 0) misses.push({ id: item.id, diff: diffs.join(' ') });
  }

  const components = {} as Record<ApologyComponent, PRF>;
  for (const c of APOLOGY_COMPONENTS) components[c] = prf(comp[c]!.tp, comp[c]!.fp, comp[c]!.fn);
  const ruleMetrics: Record<string, PRF> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of scoredRules) {
    ruleMetrics[r] = prf(rules[r]!.tp, rules[r]!.fp, rules[r]!.fn);
    tp += rules[r]!.tp;
    fp += rules[r]!.fp;
    fn += rules[r]!.fn;
  }
  const metrics: ApologyMetrics = {
    cases: set.length,
    verdictAccuracy: set.length === 0 ? 1 : correct / set.length,
    verdictConfusion: confusion,
    components,
    componentMacroF1: APOLOGY_COMPONENTS.reduce((sum, c) => sum + components[c].f1, 0) / APOLOGY_COMPONENTS.length,
    rules: ruleMetrics,
    rulesMicro: prf(tp, fp, fn),
    misses,
  };

  const lines: string[] = [];
  lines.push(`Apology analyser on ${set.length} ${title}`);
  lines.push(`  verdict accuracy: ${pct(metrics.verdictAccuracy)}`);
  const verdicts = ['good', 'mixed', 'non_apology'];
  lines.push(`  verdict confusion (rows = label, columns = analyser): ${verdicts.join(' / ')}`);
  for (const v of verdicts)
    lines.push(`    ${v.padEnd(12)} ${verdicts.map((w) => String(confusion[v]?.[w] ?? 0).padStart(4)).join(' ')}`);
  lines.push('  components            precision  recall     F1');
  for (const c of APOLOGY_COMPONENTS) {
    const m = components[c];
    lines.push(
      `    ${c.padEnd(20)} ${pct(m.precision).padStart(8)} ${pct(m.recall).padStart(8)} ${pct(m.f1).padStart(7)}`,
    );
  }
  lines.push(
    `    ${'macro F1'.padEnd(20)} ${''.padStart(8)} ${''.padStart(8)} ${pct(metrics.componentMacroF1).padStart(7)}`,
  );
  lines.push('  rules                 precision  recall  (tp/fp/fn)');
  for (const r of scoredRules) {
    const m = ruleMetrics[r]!;
    // A rule with no labelled or predicted case has nothing to measure: say so instead of 100%.
    const empty = m.tp + m.fp + m.fn === 0;
    const p = empty ? 'n/a' : m.tp + m.fp === 0 ? 'n/a' : pct(m.precision);
    const rc = empty ? 'n/a' : m.tp + m.fn === 0 ? 'n/a' : pct(m.recall);
    lines.push(`    ${r.padEnd(20)} ${p.padStart(8)} ${rc.padStart(8)}  (${m.tp}/${m.fp}/${m.fn})`);
  }
  lines.push(
    `    ${'all rules (micro)'.padEnd(20)} ${pct(metrics.rulesMicro.precision).padStart(8)} ${pct(metrics.rulesMicro.recall).padStart(8)}`,
  );
  return { report: lines.join('\n'), metrics };
}
