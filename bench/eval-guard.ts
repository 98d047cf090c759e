// Evaluates the pre-send guard against its labelled set: per-rule precision and recall (a case
// counts once per rule: a true positive when an expected rule fires — over the expected words,
// when the case names them — a false positive when a rule fires that the case does not expect)
// and false alarms per 1,000 words of clean text. bench/eval.ts prints `report`.
import { loadSpeller } from '../src/bootstrap/spellers.ts';
import { buildGuard, GUARD_RULE_IDS, type Finding, type Guard, type GuardRuleId } from '../src/engine/index.ts';
import { guardSet, WORKSPACES, type GuardCase } from './data/guard-set.ts';

/** Precision and recall of one rule over the set. */
export interface RulePR {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** What evaluateGuard measures. */
export interface GuardMetrics {
  cases: number;
  rules: Record<GuardRuleId, RulePR>;
  /** All rules pooled. */
  micro: RulePR;
  cleanCases: number;
  cleanWords: number;
  /** Findings on clean texts (cases expecting nothing). */
  cleanFindings: number;
  falseAlarmsPer1000Words: number;
  /** Cases whose findings differ from the labels, with what differs. */
  misses: { id: string; diff: string }[];
}

function pr(tp: number, fp: number, fn: number): RulePR {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function overlaps(f: Finding, text: string, at: string): boolean {
  const start = text.indexOf(at);
  if (start === -1) return false;
  return f.start < start + at.length && start < f.end;
}

/** Runs the guard over the labelled set (or `set`) and returns metrics and a printable report. */
export async function evaluateGuard(
  set: readonly GuardCase[] = guardSet,
): Promise<{ report: string; metrics: GuardMetrics }> {
  const guards = new Map<string, Guard>();
  for (const [name, knowledge] of Object.entries(WORKSPACES)) {
    guards.set(name, buildGuard(knowledge, { speller: await loadSpeller(knowledge.locale) }));
  }
  const counts = Object.fromEntries(GUARD_RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<
    GuardRuleId,
    { tp: number; fp: number; fn: number }
  >;
  const misses: { id: string; diff: string }[] = [];
  let cleanCases = 0;
  let cleanWords = 0;
  let cleanFindings = 0;

  for (const c of set) {
    const guard = guards.get(c.workspace)!;
    const findings = guard.check(c.text, {
      clientId: c.clientId,
      ...(c.date && { date: c.date }),
      ...(c.attachments !== undefined && { attachments: c.attachments }),
    });
    const diffs: string[] = [];
    const expectedRules = new Set(c.expect.map((e) => (typeof e === 'string' ? e : e.rule)));
    for (const rule of GUARD_RULE_IDS) {
      const fired = findings.filter((f) => f.rule === rule);
      const wanted = c.expect.filter((e) => (typeof e === 'string' ? e : e.rule) === rule);
      if (wanted.length > 0) {
        // Every expected span must be covered; a finding elsewhere for the same rule is not a hit.
        const hit = wanted.every((e) =>
          typeof e === 'string' ? fired.length > 0 : fired.some((f) => overlaps(f, c.text, e.at)),
        );
        if (hit) counts[rule].tp++;
        else {
          counts[rule].fn++;
          diffs.push(`-${rule}`);
        }
      } else if (fired.length > 0) {
        counts[rule].fp++;
        diffs.push(`+${rule}(${fired.map((f) => c.text.slice(f.start, f.end)).join('|')})`);
      }
    }
    if (expectedRules.size === 0) {
      cleanCases++;
      cleanWords += c.text.split(/\s+/).filter(Boolean).length;
      cleanFindings += findings.length;
    }
    if (diffs.length > 0) misses.push({ id: c.id, diff: diffs.join(' ') });
  }

  const rules = {} as Record<GuardRuleId, RulePR>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of GUARD_RULE_IDS) {
    const k = counts[r];
    rules[r] = pr(k.tp, k.fp, k.fn);
    tp += k.tp;
    fp += k.fp;
    fn += k.fn;
  }
  const metrics: GuardMetrics = {
    cases: set.length,
    rules,
    micro: pr(tp, fp, fn),
    cleanCases,
    cleanWords,
    cleanFindings,
    falseAlarmsPer1000Words: cleanWords === 0 ? 0 : (cleanFindings / cleanWords) * 1000,
    misses,
  };

  const lines: string[] = [];
  lines.push(`Pre-send guard on ${set.length} labelled cases (${cleanCases} clean texts, ${cleanWords} words)`);
  lines.push('  rules                 precision  recall  (tp/fp/fn)');
  for (const r of GUARD_RULE_IDS) {
    const m = rules[r];
    lines.push(
      `    ${r.padEnd(20)} ${(m.tp + m.fp === 0 ? 'n/a' : pct(m.precision)).padStart(8)} ${(m.tp + m.fn === 0 ? 'n/a' : pct(m.recall)).padStart(8)}  (${m.tp}/${m.fp}/${m.fn})`,
    );
  }
  lines.push(
    `    ${'all rules (micro)'.padEnd(20)} ${pct(metrics.micro.precision).padStart(8)} ${pct(metrics.micro.recall).padStart(8)}`,
  );
  lines.push(
    `  false alarms on clean text: ${cleanFindings} findings in ${cleanWords} words = ${metrics.falseAlarmsPer1000Words.toFixed(2)} per 1,000 words`,
  );
  if (misses.length > 0) {
    lines.push(`  cases that differ from their labels (${misses.length}):`);
    for (const m of misses) lines.push(`    ${m.id}: ${m.diff}`);
  }
  return { report: lines.join('\n'), metrics };
}
