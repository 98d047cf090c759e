// The 0–100 score. Weights follow Lewicki, Polin & Lount (2016), "An Exploration of the Structure
// of Effective Apologies" (Negotiation and Conflict Management Research 9(2)): across their two
// studies acknowledgment of responsibility had the largest effect on perceived effectiveness,
// offer of repair came next, explanation, expression of regret and declaration of repentance
// were close to each other in the middle, and request for forgiveness mattered least.
// The component weights sum to 100; each anti-pattern rule that fires subtracts its penalty once
// (however many spans it has), and the result is clamped to 0–100 and rounded.
import type { ApologyComponent } from './analyse.ts';
import type { ApologyRule } from './analyse.ts';

/** Points each component adds (sum 100): responsibility most, repair next, forgiveness least. */
export const COMPONENT_WEIGHTS: Record<ApologyComponent, number> = {
  responsibility: 30,
  repair: 23,
  regret: 13,
  explanation: 12,
  repentance: 13,
  forgiveness: 9,
};

/** Points each rule takes away. The deflections (which make a non-apology) cost the most. */
export const RULE_PENALTIES: Record<ApologyRule, number> = {
  blame_shifting: 18,
  conditional_apology: 15,
  feelings_deflection: 15,
  passive_evasion: 12,
  sorry_but: 10,
  excuse: 8,
  minimization: 8,
  self_focus: 8,
  arguing: 8,
  unnamed_mistake: 8,
  vagueness: 6,
  groveling: 6,
  no_timeline: 5,
  too_long: 4,
  no_prevention: 3,
};

/** The score of an analysis: component weights present minus penalties of rules fired, 0–100. */
export function computeScore(components: Record<ApologyComponent, boolean>, rules: ReadonlySet<string>): number {
  let score = 0;
  for (const [c, w] of Object.entries(COMPONENT_WEIGHTS) as [ApologyComponent, number][]) if (components[c]) score += w;
  for (const [r, p] of Object.entries(RULE_PENALTIES) as [ApologyRule, number][]) if (rules.has(r)) score -= p;
  return Math.max(0, Math.min(100, Math.round(score)));
}
