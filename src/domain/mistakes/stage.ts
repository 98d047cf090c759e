import { recoveryStages, type Mistake, type RecoveryStage } from '../../shared/contract/index.ts';

/**
 * The stage a mistake has reached: the furthest stage whose earning fact is recorded. Each fact
 * keeps its own time in `reached`, so a page can still show which earlier steps were skipped.
 */
export function stageOf(reached: Mistake['reached']): RecoveryStage {
  let stage: RecoveryStage = 'found';
  for (const next of recoveryStages.slice(1)) {
    if (reached[next as keyof Mistake['reached']]) stage = next;
  }
  return stage;
}

/** The stages before the current one whose facts were never recorded (shown as gaps). */
export function skippedStages(reached: Mistake['reached']): RecoveryStage[] {
  const current = recoveryStages.indexOf(stageOf(reached));
  return recoveryStages.slice(1, current).filter((s) => !reached[s as keyof Mistake['reached']]);
}

/** The display reference of a mistake number: MG-42. */
export function mistakeRef(number: number): string {
  return `MG-${number}`;
}
