import { describe, expect, it } from 'vitest';
import { mistakeRef, skippedStages, stageOf } from './stage.ts';

const none = { acknowledged: null, remedied: null, fixed: null, learned: null, verified: null, closed: null };
const t = '2026-01-01T00:00:00.000Z';

describe('stageOf', () => {
  it('starts at found when nothing is recorded', () => {
    expect(stageOf(none)).toBe('found');
  });

  it('reaches acknowledged when an acknowledgment is recorded', () => {
    expect(stageOf({ ...none, acknowledged: t })).toBe('acknowledged');
  });

  it('reaches fixed when the fix is recorded, and names the skipped remedy step', () => {
    const reached = { ...none, acknowledged: t, fixed: t };
    expect(stageOf(reached)).toBe('fixed');
    expect(skippedStages(reached)).toEqual(['remedied']);
  });

  it('formats references as MG-n', () => {
    expect(mistakeRef(42)).toBe('MG-42');
  });
});
