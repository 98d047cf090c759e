// The verdict as one mechanical function of the components, the rules that fired and whether
// concrete compensation was offered (issue 3, part A).
import type { ApologyComponent } from './analyse.ts';

export type ApologyVerdict = 'good' | 'mixed' | 'non_apology';

/** Rules that turn an apology away from the writer's own act. */
const DEFLECTIONS = ['conditional_apology', 'feelings_deflection', 'passive_evasion', 'blame_shifting'] as const;

/**
 * - `non_apology`: no responsibility AND (a deflection — conditional, feelings, passive evasion,
 *   blame shifting — OR self focus OR minimization/excuse with neither repair nor repentance),
 *   unless concrete compensation is offered, which lifts it to `mixed`;
 * - `good`: regret AND responsibility AND (repair OR repentance) AND no deflection;
 * - `mixed`: everything else.
 */
export function decideVerdict(
  components: Record<ApologyComponent, boolean>,
  rules: ReadonlySet<string> | readonly string[],
  compensationOffered: boolean,
): ApologyVerdict {
  const fired = rules instanceof Set ? (rules as ReadonlySet<string>) : new Set(rules as readonly string[]);
  const deflection = DEFLECTIONS.some((r) => fired.has(r));
  if (!components.responsibility) {
    const weakened = (fired.has('minimization') || fired.has('excuse')) && !components.repair && !components.repentance;
    if (deflection || fired.has('self_focus') || weakened) return compensationOffered ? 'mixed' : 'non_apology';
    return 'mixed';
  }
  if (components.regret && (components.repair || components.repentance) && !deflection) return 'good';
  return 'mixed';
}
