import type { Mistake, RootCause } from '../../shared/contract/index.ts';
import type { ActionRecord } from './ports.ts';

// learned → verified → closed, derived from recorded facts only (never set by hand):
//   learned:  a root cause with a category AND a preventive action (or a reason none is needed);
//   verified: learned AND every preventive action done with an effective check;
//   closed:   verified AND the improvement plan sent to the client (or a reason not to).
// A check that says "not effective" (or a new open preventive action) takes a mistake back.

/** The facts the three learning stages are earned by. */
export interface LearningFacts {
  rootCause: RootCause | null;
  actions: readonly ActionRecord[];
  noPreventionReason: string | null;
  noPlanReason: string | null;
  /** When the improvement plan was queued to the client (null: not yet). */
  planSentAt: string | null;
  /** The mistake was repeated (regressed): it cannot be verified or closed until re-checked. */
  regressed?: boolean;
}

export type LearningReached = Pick<Mistake['reached'], 'learned' | 'verified' | 'closed'>;

/** What is still missing for each learning stage, in words a person can act on. */
export interface LearningMissing {
  learned: string[];
  verified: string[];
  closed: string[];
}

/** The preventive actions that count (cancelled ones do not). */
export function livePreventive(actions: readonly ActionRecord[]): ActionRecord[] {
  return actions.filter((a) => a.kind === 'preventive' && a.status !== 'cancelled');
}

/** A not-effective action is superseded by a preventive action added after that check that proved effective. */
function superseded(a: ActionRecord, preventive: readonly ActionRecord[]): boolean {
  const at = a.checkedAt ?? '';
  return preventive.some((b) => b.id !== a.id && b.createdAt > at && b.checkResult === 'effective');
}

/** Which learning stages the facts earn, and what is missing for the others. */
export function learningStatus(f: LearningFacts): {
  learned: boolean;
  verified: boolean;
  closed: boolean;
  missing: LearningMissing;
} {
  const missing: LearningMissing = { learned: [], verified: [], closed: [] };
  const preventive = livePreventive(f.actions);
  if (!f.rootCause) missing.learned.push('Record the root cause with its category.');
  if (preventive.length === 0 && !f.noPreventionReason) {
    missing.learned.push('Add a preventive action, or record why none is needed.');
  }
  for (const a of preventive) {
    if (a.status !== 'done') missing.verified.push(`Finish the preventive action “${a.title}”.`);
    else if (a.checkResult === null) missing.verified.push(`Record the effectiveness check of “${a.title}”.`);
    else if (a.checkResult !== 'effective' && !superseded(a, preventive)) {
      missing.verified.push(`“${a.title}” was not effective: add a new action.`);
    }
  }
  if (f.regressed) missing.verified.push('The mistake happened again: re-check its preventive actions.');
  if (!f.planSentAt && !f.noPlanReason) {
    missing.closed.push('Send the client the improvement plan, or record why not.');
  }
  const learned = missing.learned.length === 0;
  const verified = learned && missing.verified.length === 0;
  const closed = verified && missing.closed.length === 0;
  return { learned, verified, closed, missing };
}

/**
 * The learning timestamps after the facts changed at `now`: a stage still earned keeps the time it
 * was first reached; a stage newly earned is reached now; a stage no longer earned is cleared.
 */
export function learningReached(previous: LearningReached, f: LearningFacts, now: string): LearningReached {
  const s = learningStatus(f);
  return {
    learned: s.learned ? (previous.learned ?? now) : null,
    verified: s.verified ? (previous.verified ?? now) : null,
    closed: s.closed ? (previous.closed ?? now) : null,
  };
}
