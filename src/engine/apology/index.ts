// The apology analyser: components (Lewicki, Polin & Lount 2016), anti-pattern findings, a
// verdict and a score for any client-facing text. Pure and deterministic (the model is data
// shipped in an npm package, loaded once on first use; nothing is fetched).
//
// Layout: nlp.ts (wink-nlp: sentences, tokens, POS, lemmas, negation, with offsets into the text),
// clauses.ts (clauses and their features: subject person, verb lemmas, tense, voice with or
// without an agent, modality, negation, the linking word), spec.ts (a clause rule as data and its
// interpreter), rules.ts (the rules, each with an example it must match and one it must not),
// lexicon.ts (word lists), analyse.ts (from rule hits to components, findings and isApology),
// verdict.ts (decideVerdict), score.ts (the weights, documented there).
import type { Finding, Span } from '../types.ts';
import { COMPONENTS, judge, type ApologyComponent } from './analyse.ts';
import { computeScore } from './score.ts';
import { decideVerdict, type ApologyVerdict } from './verdict.ts';

export type { ApologyComponent, ApologyRule } from './analyse.ts';
export type { ApologyVerdict } from './verdict.ts';
export { decideVerdict } from './verdict.ts';
export { COMPONENT_WEIGHTS, RULE_PENALTIES, computeScore } from './score.ts';
export { RULE_IDS, RULE_SEVERITY, MAX_WORDS } from './analyse.ts';
export { COMPONENTS as APOLOGY_COMPONENTS } from './analyse.ts';
export { warmUp as warmUpApologyModel } from './nlp.ts';

export interface ApologyOptions {
  /** `acknowledgment`: a message to a client about a mistake (adds no_timeline, no_prevention). */
  kind?: 'acknowledgment' | 'general';
  /** The mistake being acknowledged: flags an acknowledgment that never says what went wrong. */
  mistake?: { title: string; description?: string };
}

export interface ApologyAnalysis {
  verdict: ApologyVerdict;
  score: number;
  components: Record<ApologyComponent, boolean>;
  evidence: Record<ApologyComponent, Span[]>;
  findings: Finding[];
  /**
   * Whether the text reads as an apology at all: apology words aimed at a wrong (even evasive
   * ones), an owned failure, or a request for forgiveness. A plain client email is not one, and
   * should get no checklist of missing components.
   */
  isApology: boolean;
}

function empty(): ApologyAnalysis {
  const components = Object.fromEntries(COMPONENTS.map((c) => [c, false])) as Record<ApologyComponent, boolean>;
  const evidence = Object.fromEntries(COMPONENTS.map((c) => [c, []])) as unknown as Record<ApologyComponent, Span[]>;
  return { verdict: 'mixed', score: 0, components, evidence, findings: [], isApology: false };
}

/** Analyses an apology: which components it has, what undermines it, a verdict and a 0–100 score. */
export function analyseApology(text: string, options: ApologyOptions = {}): ApologyAnalysis {
  const input = typeof text === 'string' ? text : '';
  let j;
  try {
    j = judge(input, { kind: options.kind ?? 'general', mistake: options.mistake });
  } catch {
    // The analyser never throws on any input; a parse failure reads as no apology.
    return empty();
  }
  const fired = new Set(j.findings.map((f) => f.rule));
  return {
    verdict: decideVerdict(j.components, fired, j.compensation),
    score: computeScore(j.components, fired),
    components: j.components,
    evidence: j.evidence,
    findings: j.findings,
    isApology: j.isApology,
  };
}
