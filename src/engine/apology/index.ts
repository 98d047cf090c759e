// The apology analyser: components (Lewicki, Polin & Lount 2016), anti-pattern findings, a
// verdict and a score for any client-facing text. Pure, deterministic, no I/O.
//
// Layout: text.ts (one normalisation + tokenisation pass, sentences, clause helpers, and the
// matcher that tries each pattern only at words that can start it and in sentences holding a
// word it must contain — derived from the pattern itself in triggers.ts), lexicon.ts (verb and
// noun lists), components.ts (the six components and the facts the rules need), rules.ts (the
// findings), verdict.ts (decideVerdict), score.ts (the weights, documented there).
import type { Finding, Span } from '../types.ts';
import { COMPONENTS, detectComponents, type ApologyComponent } from './components.ts';
import { runRules } from './rules.ts';
import { computeScore } from './score.ts';
import { makeDoc, uniqueSpans } from './text.ts';
import { decideVerdict, type ApologyVerdict } from './verdict.ts';

export type { ApologyComponent } from './components.ts';
export type { ApologyVerdict } from './verdict.ts';
export type { ApologyRule } from './rules.ts';
export { decideVerdict } from './verdict.ts';
export { COMPONENT_WEIGHTS, RULE_PENALTIES, computeScore } from './score.ts';
export { RULE_IDS, RULE_SEVERITY, MAX_WORDS } from './rules.ts';
export { COMPONENTS as APOLOGY_COMPONENTS } from './components.ts';

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
   * Whether the text reads as an apology at all: it expresses regret, owns a failure or asks to be
   * forgiven. A plain client email is not one, and should get no checklist of missing components.
   * (On the real corpus's development part this agrees with the labels on 90.2% of texts.)
   */
  isApology: boolean;
}

/** Analyses an apology: which components it has, what undermines it, a verdict and a 0–100 score. */
export function analyseApology(text: string, options: ApologyOptions = {}): ApologyAnalysis {
  const doc = makeDoc(typeof text === 'string' ? text : '');
  const comp = detectComponents(doc);
  const findings = runRules(doc, comp, { kind: options.kind ?? 'general', mistake: options.mistake });
  const fired = new Set(findings.map((f) => f.rule));
  const evidence = {} as Record<ApologyComponent, Span[]>;
  for (const c of COMPONENTS) {
    evidence[c] = uniqueSpans(comp.evidence[c]);
  }
  return {
    verdict: decideVerdict(comp.components, fired, comp.compensation.length > 0),
    score: computeScore(comp.components, fired),
    components: { ...comp.components },
    evidence,
    findings,
    isApology: comp.components.regret || comp.components.responsibility || comp.components.forgiveness,
  };
}
