import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../shared/contract/index.ts';
import { dueSlot, nextReminderAt, queueAfterChange } from './action-schedule.ts';
import { blameAdvisories, blamedPerson, personNames } from './blameless.ts';
import type { ActionRecord } from './ports.ts';
import { learningReached, learningStatus, type LearningFacts } from './stages.ts';

const rootCause: RootCause = {
  mistakeId: 'm1',
  whySteps: ['No facts check on proofs'],
  category: 'process',
  otherCategories: [],
  escapePoint: null,
  summary: null,
  updatedAt: '2026-03-02T09:00:00.000Z',
  updatedBy: 'Dana',
};

function action(over: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: 'a1',
    mistakeId: 'm1',
    clientId: 'c1',
    kind: 'preventive',
    title: 'Collateral check before print',
    ownerId: 'u1',
    dueAt: '2026-03-10T09:00:00.000Z',
    status: 'open',
    cancelReason: null,
    doneAt: null,
    checkDueAt: null,
    checkResult: null,
    checkNote: null,
    checkedBy: null,
    checkedAt: null,
    nextReminderAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    ...over,
  };
}

const none: LearningFacts = {
  rootCause: null,
  actions: [],
  noPreventionReason: null,
  noPlanReason: null,
  planSentAt: null,
};
const done = (result: ActionRecord['checkResult']) =>
  action({
    status: 'done',
    doneAt: '2026-03-05T09:00:00.000Z',
    checkDueAt: '2026-04-04T09:00:00.000Z',
    checkResult: result,
  });

describe('learning stages (derived, never set)', () => {
  it('is not learned without a root cause, even with a preventive action', () => {
    expect(learningStatus({ ...none, actions: [action()] }).learned).toBe(false);
  });
  it('is not learned with a root cause but only a corrective action', () => {
    expect(learningStatus({ ...none, rootCause, actions: [action({ kind: 'corrective' })] }).learned).toBe(false);
  });
  it('is learned with a root cause and a preventive action, or a recorded reason none is needed', () => {
    expect(learningStatus({ ...none, rootCause, actions: [action()] }).learned).toBe(true);
    expect(learningStatus({ ...none, rootCause, noPreventionReason: 'One-off vendor outage' }).learned).toBe(true);
  });
  it('does not count a cancelled preventive action', () => {
    expect(
      learningStatus({ ...none, rootCause, actions: [action({ status: 'cancelled', cancelReason: 'x' })] }).learned,
    ).toBe(false);
  });
  it('is verified only when every preventive action is done and checked effective', () => {
    expect(learningStatus({ ...none, rootCause, actions: [done(null)] }).verified).toBe(false);
    expect(learningStatus({ ...none, rootCause, actions: [done('effective'), action({ id: 'a2' })] }).verified).toBe(
      false,
    );
    expect(learningStatus({ ...none, rootCause, actions: [done('effective')] }).verified).toBe(true);
    expect(learningStatus({ ...none, rootCause, actions: [done('not_effective')] }).verified).toBe(false);
  });
  it('is closed only when verified and the plan was sent or a reason not to is recorded', () => {
    const verified: LearningFacts = { ...none, rootCause, actions: [done('effective')] };
    expect(learningStatus(verified).closed).toBe(false);
    expect(learningStatus({ ...verified, planSentAt: '2026-03-06T09:00:00.000Z' }).closed).toBe(true);
    expect(learningStatus({ ...verified, noPlanReason: 'Client asked for no further mail' }).closed).toBe(true);
    expect(
      learningStatus({ ...none, rootCause, actions: [done(null)], planSentAt: '2026-03-06T09:00:00.000Z' }).closed,
    ).toBe(false);
  });
  it('a regressed mistake is not verified', () => {
    expect(learningStatus({ ...none, rootCause, actions: [done('effective')], regressed: true }).verified).toBe(false);
  });
  it('keeps the first time a stage was reached, and clears a stage no longer earned', () => {
    const first = learningReached(
      { learned: null, verified: null, closed: null },
      { ...none, rootCause, actions: [done('effective')] },
      'T1',
    );
    expect(first).toEqual({ learned: 'T1', verified: 'T1', closed: null });
    const again = learningReached(first, { ...none, rootCause, actions: [done('effective')] }, 'T2');
    expect(again).toEqual(first);
    const back = learningReached(first, { ...none, rootCause, actions: [done('not_effective')] }, 'T3');
    expect(back).toEqual({ learned: 'T1', verified: null, closed: null });
  });
  it('says what is missing in words', () => {
    const s = learningStatus({ ...none, rootCause, actions: [done('not_effective')] });
    expect(s.missing.verified).toEqual(['“Collateral check before print” was not effective: add a new action.']);
    expect(learningStatus(none).missing.learned).toHaveLength(2);
  });
});

describe('the blameless advisory', () => {
  const names = personNames(['Dana Lee', 'Bob Marsh', 'Lynn Carter']);
  it.each([
    ['Dana forgot to check the proof', 'Dana'],
    ['because Bob was careless with the file', 'Bob'],
    ['Dana Lee did not compare it with the facts card', 'Dana Lee'],
    ["It was Bob's fault", 'Bob'],
    ['Lynn Carter sent the wrong file', 'Lynn Carter'],
  ])('names the person in “%s”', (text, who) => {
    expect(blamedPerson(text, names)).toBe(who);
  });
  it.each([
    ['The proof review has no step that compares it with the facts card'],
    ['Dana raised it as soon as she saw it'],
    ['We asked Bob for the final file'],
    ['Nobody owned the print checklist'],
  ])('stays quiet on “%s”', (text) => {
    expect(blamedPerson(text, names)).toBeNull();
  });
  it('points at the field it is about and suggests a systemic phrasing', () => {
    const advisories = blameAdvisories(
      [
        { field: 'whySteps.0', text: 'The code was wrong' },
        { field: 'whySteps.1', text: 'Dana forgot to check it' },
      ],
      ['Dana Lee'],
    );
    expect(advisories).toEqual([expect.objectContaining({ field: 'whySteps.1', name: 'Dana' })]);
    expect(advisories[0]?.suggestion).toContain('What let it through?');
  });
});

describe('the action reminder schedule (a due-queue)', () => {
  const due = '2026-03-10T09:00:00.000Z';
  const at = (iso: string) => new Date(iso);
  const open = { status: 'open' as const, dueAt: due, checkDueAt: null, checkResult: null };
  it('has nothing due before the day before', () => {
    expect(dueSlot(open, at('2026-03-08T09:00:00.000Z'))).toBeNull();
    expect(nextReminderAt(open, at('2026-03-08T09:00:00.000Z'))).toBe('2026-03-09T09:00:00.000Z');
  });
  it('reminds the day before, at due, then once a day overdue', () => {
    expect(dueSlot(open, at('2026-03-09T10:00:00.000Z'))?.slot).toBe('before');
    expect(nextReminderAt(open, at('2026-03-09T10:00:00.000Z'))).toBe(due);
    expect(dueSlot(open, at('2026-03-10T09:00:00.000Z'))?.slot).toBe('due');
    expect(nextReminderAt(open, at('2026-03-10T09:00:00.000Z'))).toBe('2026-03-11T09:00:00.000Z');
    expect(dueSlot(open, at('2026-03-11T09:00:00.000Z'))?.slot).toBe('overdue:1');
    expect(dueSlot(open, at('2026-03-13T08:59:00.000Z'))?.slot).toBe('overdue:2');
    expect(nextReminderAt(open, at('2026-03-13T08:59:00.000Z'))).toBe('2026-03-13T09:00:00.000Z');
  });
  it('reminds of a due effectiveness check once, and nothing for a cancelled action', () => {
    const checkPending = {
      status: 'done' as const,
      dueAt: due,
      checkDueAt: '2026-04-09T09:00:00.000Z',
      checkResult: null,
    };
    expect(dueSlot(checkPending, at('2026-04-09T09:00:00.000Z'))?.slot).toBe('check');
    expect(nextReminderAt(checkPending, at('2026-04-09T09:00:00.000Z'))).toBeNull();
    expect(queueAfterChange({ ...open, status: 'cancelled' }, at('2026-03-12T09:00:00.000Z'))).toBeNull();
    expect(queueAfterChange({ ...checkPending, checkResult: 'effective' }, at('2026-04-10T09:00:00.000Z'))).toBeNull();
  });
});
