import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/index.ts';
import { attribute, hitChanges, type LessonAttribution } from './catches.ts';
import type { LessonHitRecord } from './ports.ts';
import {
  corrections,
  correctionPatterns,
  factKindOf,
  omission,
  omissionPatterns,
  proposeChecks,
  type ProposalInput,
} from './proposals.ts';

const base: Omit<ProposalInput, 'mistake'> = {
  lessonTitle: 'Check it before it goes out',
  facts: [],
  contacts: [{ id: 'c1', fullName: 'Maria Lopez', preferredName: null, honorific: 'Ms' }],
};
const propose = (
  title: string,
  description: string | null,
  category: ProposalInput['mistake']['category'],
  extra: Partial<ProposalInput> = {},
) => proposeChecks({ ...base, ...extra, mistake: { title, description, category } });

describe('proposals from what went wrong', () => {
  it('every correction and omission phrasing matches its own example', () => {
    for (const p of correctionPatterns) expect(corrections(p.example), p.example).not.toEqual([]);
    for (const p of omissionPatterns) expect(omission(p.example), p.example).not.toBeNull();
  });

  it('a wrong fact: the right value for the facts card, with the wrong one beside it', () => {
    const out = propose(
      'Wrong short code on the posters',
      'The posters went to print with 55132 instead of 55123.',
      'wrong_fact',
    );
    expect(out).toEqual([
      expect.objectContaining({
        kind: 'fact',
        factKind: 'short_code',
        value: '55123',
        wrong: '55132',
        existingFactId: null,
      }),
    ]);
  });

  it('a wrong fact already on the facts card: links the recorded fact (a near miss of it)', () => {
    const facts = [{ id: 'f1', kind: 'short_code' as const, value: '55123', label: 'SMS short code' }];
    const out = propose('Wrong code on the flyer', 'The flyer says text SPA to 55213.', 'wrong_fact', { facts });
    expect(out).toEqual([
      expect.objectContaining({ kind: 'fact', value: '55123', wrong: '55213', existingFactId: 'f1' }),
    ]);
  });

  it('recognises what kind of fact a value is', () => {
    expect(factKindOf('https://example.com/spring')).toBe('url');
    expect(factKindOf('example.com/summer')).toBe('url');
    expect(factKindOf('ana@example.com')).toBe('email');
    expect(factKindOf('$54')).toBe('price');
    expect(factKindOf('+1 (555) 010-0199')).toBe('phone');
    expect(factKindOf('55123')).toBe('short_code');
    expect(factKindOf('INV-2041')).toBe('identifier');
    expect(factKindOf('2026-03-14')).toBe('date');
    expect(factKindOf('Handwrytten')).toBe('term');
  });

  it('a wrong-fact mistake with no value in its words still proposes the facts card, empty for the user to fill', () => {
    const out = propose('Quoted the old hourly rate', null, 'wrong_fact');
    expect(out).toEqual([expect.objectContaining({ kind: 'fact', value: '', wrong: null })]);
  });

  it('a wrong honorific: the contact with the right honorific', () => {
    const out = propose('Addressed Maria as Mr. in the welcome email', 'We wrote Mr instead of Ms.', 'communication', {
      contacts: [{ id: 'c1', fullName: 'Maria Lopez', preferredName: null, honorific: 'none' }],
    });
    expect(out).toEqual([expect.objectContaining({ kind: 'contact', contactId: 'c1', honorific: 'Ms' })]);
  });

  it('a misspelled name: the contact whose name the mistake mentions, as recorded', () => {
    const contacts = [
      { id: 'c1', fullName: 'Maria Lopez', preferredName: null, honorific: 'Ms' as const },
      { id: 'c2', fullName: 'Siobhan Kelly', preferredName: null, honorific: 'Ms' as const },
    ];
    const out = propose(
      'Misspelled Siobhan in the proposal',
      'Her name was spelled Shivaun throughout.',
      'communication',
      { contacts },
    );
    expect(out).toEqual([expect.objectContaining({ kind: 'contact', contactId: 'c2', fullName: 'Siobhan Kelly' })]);
  });

  it('a phrase that hurt: a forbidden phrase', () => {
    const out = propose(
      'Flippant reply',
      'We wrote "no biggie" about the late brochure and the client was upset.',
      'communication',
    );
    expect(out).toEqual([
      expect.objectContaining({ kind: 'forbidden', phrase: 'no biggie', message: base.lessonTitle }),
    ]);
  });

  it('a quoted phrase that did not hurt anyone is not made forbidden', () => {
    const out = propose('Typo in the subject', 'The subject said "Sprng sale".', 'deliverable_quality');
    expect(out.some((p) => p.kind === 'forbidden')).toBe(false);
  });

  it('something left out: a required phrase with its trigger', () => {
    const out = propose(
      'Newsletter went out without an opt-out',
      'We forgot to include the unsubscribe link in the newsletter.',
      'requirements',
    );
    expect(out).toContainEqual(
      expect.objectContaining({ kind: 'required', phrase: 'unsubscribe link', when: 'newsletter' }),
    );
  });

  it('anything else: a pattern rule to write, from a quoted phrase when there is one', () => {
    expect(propose('Proof sent with the wrong layout', 'The grid was off.', 'deliverable_quality')).toEqual([
      expect.objectContaining({ kind: 'pattern', pattern: '' }),
    ]);
    expect(propose('Draft label left on', 'The PDF still said "DRAFT v2".', 'deliverable_quality')).toEqual([
      expect.objectContaining({ kind: 'pattern', pattern: 'DRAFT\\s+v2' }),
    ]);
  });
});

const link = (checkId: string) => ({ checkId, lessonId: `lesson-${checkId}`, ref: 'MG-1' });
const SEEN = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-02T09:00:05.000Z';
const hit = (checkId: string, state: LessonHitRecord['state']): LessonHitRecord => ({
  draftId: 'd',
  checkId,
  lessonId: `lesson-${checkId}`,
  state,
  seenAt: SEEN,
});

describe('catch counting', () => {
  it('a finding on a draft that is then changed counts once', () => {
    const first = hitChanges([], [link('k')], false, SEEN);
    expect(first).toEqual({ open: [link('k')], close: [] });
    const fixed = hitChanges([hit('k', 'open')], [], false, LATER);
    expect(fixed.close).toEqual([{ checkId: 'k', lessonId: 'lesson-k', state: 'caught', opened: true }]);
    // Broken again and fixed again on the same draft: the hit exists, nothing opens or closes.
    expect(hitChanges([hit('k', 'caught')], [link('k')], false, LATER)).toEqual({ open: [], close: [] });
    expect(hitChanges([hit('k', 'caught')], [], false, LATER)).toEqual({ open: [], close: [] });
  });

  it('a finding that vanishes within moments of showing was mid-typing, not a catch', () => {
    const soon = new Date(Date.parse(SEEN) + 500).toISOString();
    expect(hitChanges([hit('k', 'open')], [], false, soon).close).toEqual([
      { checkId: 'k', lessonId: 'lesson-k', state: 'gone', opened: true },
    ]);
  });

  it('a finding still on the draft when it is sent (or overridden) does not count', () => {
    expect(hitChanges([hit('k', 'open')], [link('k')], true, LATER).close).toEqual([
      { checkId: 'k', lessonId: 'lesson-k', state: 'sent', opened: true },
    ]);
    // First seen at sending: recorded as sent, never a catch later.
    expect(hitChanges([], [link('k')], true, LATER)).toEqual({
      open: [],
      close: [{ checkId: 'k', lessonId: 'lesson-k', ref: 'MG-1', state: 'sent', opened: false }],
    });
    // Fixed before the send: caught at the send.
    expect(hitChanges([hit('k', 'open')], [], true, LATER).close).toEqual([
      { checkId: 'k', lessonId: 'lesson-k', state: 'caught', opened: true },
    ]);
  });

  it('names the lesson on the findings its checks produced, and only those', () => {
    const attribution: LessonAttribution = {
      rules: new Map([['r1', link('k1')]]),
      facts: [{ clientId: 'cl', value: '55123', link: link('k2') }],
      contacts: [{ clientId: 'cl', name: 'Maria Lopez', link: link('k3') }],
    };
    const finding = (f: Partial<Finding>): Finding => ({
      rule: 'spelling',
      severity: 'error',
      start: 0,
      end: 1,
      message: 'm',
      suggestion: 's',
      ...f,
    });
    const { findings, links } = attribute(
      [
        finding({ rule: 'guard_rule', ruleId: 'r1', message: 'Never say it (lesson from MG-1)' }),
        finding({ rule: 'fact_mismatch', replacement: '55123', message: '“55213” does not match' }),
        finding({ rule: 'honorific', message: 'Maria Lopez is recorded as Ms, not Mr.' }),
        finding({ rule: 'fact_mismatch', replacement: '99999' }),
        finding({ rule: 'guard_rule', ruleId: 'r2' }),
        finding({ rule: 'spelling' }),
      ],
      attribution,
      'cl',
    );
    expect(links.map((l) => l?.checkId ?? null)).toEqual(['k1', 'k2', 'k3', null, null, null]);
    expect(findings[0]!.message).toBe('Lesson from MG-1: Never say it');
    expect(findings[1]!.message).toBe('Lesson from MG-1: “55213” does not match');
    expect(findings[2]).toMatchObject({ lessonId: 'lesson-k3' });
    expect(findings[3]).not.toHaveProperty('lessonId');
    // Another client's fact does not claim this client's finding.
    expect(attribute([finding({ rule: 'fact_mismatch', replacement: '55123' })], attribution, 'other').links).toEqual([
      null,
    ]);
  });
});
