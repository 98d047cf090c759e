import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseApology,
  COMPONENT_WEIGHTS,
  decideVerdict,
  RULE_IDS,
  RULE_PENALTIES,
  type ApologyComponent,
} from './index.ts';

const rules = (text: string, options: Parameters<typeof analyseApology>[1] = {}): string[] =>
  analyseApology(text, options).findings.map((f) => f.rule);
const has = (text: string, component: ApologyComponent): boolean => analyseApology(text).components[component];
const none: Record<ApologyComponent, boolean> = {
  responsibility: false,
  repair: false,
  regret: false,
  explanation: false,
  repentance: false,
  forgiveness: false,
};
const comps = (...on: ApologyComponent[]): Record<ApologyComponent, boolean> => ({
  ...none,
  ...Object.fromEntries(on.map((c) => [c, true])),
});

describe('components', () => {
  it('finds responsibility in first-person ownership of the failure', () => {
    expect(has('I uploaded the wrong logo to your site.', 'responsibility')).toBe(true);
    expect(has('That was entirely our fault.', 'responsibility')).toBe(true);
    expect(has('We should have confirmed the venue before booking.', 'responsibility')).toBe(true);
    expect(has('I overlooked your reply in my inbox.', 'responsibility')).toBe(true);
  });
  it('does not count owning only the clean-up, a denial, or a hedge as responsibility', () => {
    expect(has('I take responsibility for resolving this by Monday.', 'responsibility')).toBe(false);
    expect(has('We did not send the wrong file; the link was correct.', 'responsibility')).toBe(false);
    expect(has('If we charged you twice, we will refund it.', 'responsibility')).toBe(false);
    expect(has('I uploaded the new logo to your site.', 'responsibility')).toBe(false);
  });
  it('finds repair (done, promised, or compensation) but not "we will look into it"', () => {
    expect(has('I have corrected the price list on your website.', 'repair')).toBe(true);
    expect(has("We'll reissue the certificate today.", 'repair')).toBe(true);
    expect(has('We have credited your account with $120.', 'repair')).toBe(true);
    expect(has('Sorry about the invoice, we will look into it.', 'repair')).toBe(false);
  });
  it('finds regret aimed at the act, not sympathy or formulas', () => {
    expect(has('I am sorry I mislabelled the boxes.', 'regret')).toBe(true);
    expect(has('Please accept our apologies for the late shipment.', 'regret')).toBe(true);
    expect(has('Sorry to hear about the storm damage at your office.', 'regret')).toBe(false);
    expect(has('We regret to inform you the event is full.', 'regret')).toBe(false);
    expect(has('We are disappointed with the result.', 'regret')).toBe(false);
  });
  it('finds an explanation (a stated cause)', () => {
    expect(has('The report was late because our export job failed overnight.', 'explanation')).toBe(true);
    expect(has('I had copied the figures from the draft sheet.', 'explanation')).toBe(true);
    expect(has('The report is attached.', 'explanation')).toBe(false);
  });
  it('finds repentance: a promise or a prevention step', () => {
    expect(has('It will not happen again.', 'repentance')).toBe(true);
    expect(has('We have added a second check before any invoice is sent.', 'repentance')).toBe(true);
    expect(has('From now on, every file is reviewed by two people.', 'repentance')).toBe(true);
    expect(has('In future months the report will include the new region.', 'repentance')).toBe(false);
  });
  it('finds a request for forgiveness or trust', () => {
    expect(has('I hope you can forgive me.', 'forgiveness')).toBe(true);
    expect(has('We want to earn back your trust.', 'forgiveness')).toBe(true);
    expect(has('Thank you for your trust in us.', 'forgiveness')).toBe(false);
  });
  it('returns evidence spans for every present component', () => {
    const text = 'I sent the wrong deck. I am sorry. The right one is attached.';
    const a = analyseApology(text);
    expect(text.slice(a.evidence.regret[0]!.start, a.evidence.regret[0]!.end).toLowerCase()).toContain('sorry');
    expect(a.evidence.responsibility.length).toBeGreaterThan(0);
    expect(a.evidence.forgiveness).toEqual([]);
  });
});

describe('rules', () => {
  const cases: [string, string, string][] = [
    [
      'conditional_apology',
      'We apologise if the new layout confused anyone.',
      'I apologise for the new layout. If you have questions, call me.',
    ],
    ['feelings_deflection', "I'm sorry you feel the report was rushed.", "I'm sorry I rushed the report."],
    ['passive_evasion', 'Your order was shipped to the wrong address.', 'I shipped your order to the wrong address.'],
    [
      'blame_shifting',
      'The mix-up happened because your team sent us an outdated list.',
      'The mix-up happened because I used an outdated list.',
    ],
    ['excuse', "Sorry, we've been slammed this month.", 'Sorry, I missed it this month.'],
    [
      'minimization',
      'Apologies for the tiny glitch in your newsletter.',
      'Apologies for the broken link in your newsletter.',
    ],
    ['self_focus', 'I made an error in your quote and I have barely slept since.', 'I made an error in your quote.'],
    [
      'sorry_but',
      "I'm sorry for the delay, but our hands were tied.",
      "I'm sorry for the delay. The files are attached.",
    ],
    [
      'arguing',
      'For the record, the contract only covered one revision.',
      'The contract covers one revision; the second one is on us.',
    ],
    ['groveling', "I'm such an idiot, I sent the old file.", 'I sent the old file.'],
  ];
  for (const [rule, positive, negative] of cases) {
    it(`${rule}: fires on "${positive.slice(0, 40)}…" and not on a near miss`, () => {
      expect(rules(positive)).toContain(rule);
      expect(rules(negative)).not.toContain(rule);
    });
  }

  it('passive_evasion: not when the writer owns it in the same or next sentence, nor for repairs', () => {
    expect(rules('The wrong proof was printed. That was my mistake.')).not.toContain('passive_evasion');
    expect(rules('The corrected proof has been sent to you.')).not.toContain('passive_evasion');
    expect(rules('Mistakes were made.')).toContain('passive_evasion');
  });
  it('vagueness: the wrong unnamed, or only a vague remedy', () => {
    expect(rules("I'm sorry for the issue.")).toContain('vagueness');
    expect(rules("I'm sorry I misquoted your CEO.")).not.toContain('vagueness');
    expect(rules("I'm sorry I misquoted your CEO. We'll look into it.")).toContain('vagueness');
    expect(rules("I'm sorry I misquoted your CEO. I've corrected the article.")).not.toContain('vagueness');
  });
  it('groveling: three apologies in a short message', () => {
    expect(rules('Sorry! I booked the wrong room. So sorry. Sorry again.')).toContain('groveling');
  });
  it('too_long: only past the word limit', () => {
    const long = `I sent the wrong file and I am sorry. ${'The corrected file is attached for your review. '.repeat(40)}`;
    expect(rules(long)).toContain('too_long');
    expect(rules('I sent the wrong file and I am sorry.')).not.toContain('too_long');
  });
  it('no_timeline and no_prevention only for acknowledgments', () => {
    const text = "I'm sorry, I entered the wrong shipping date. We'll correct it.";
    expect(rules(text, { kind: 'general' })).not.toContain('no_timeline');
    expect(rules(text, { kind: 'general' })).not.toContain('no_prevention');
    expect(rules(text, { kind: 'acknowledgment' })).toEqual(expect.arrayContaining(['no_timeline', 'no_prevention']));
    const complete =
      "I'm sorry, I entered the wrong shipping date. We'll correct it by 4 pm today, and every order date now gets a second check.";
    expect(rules(complete, { kind: 'acknowledgment' })).not.toContain('no_timeline');
    expect(rules(complete, { kind: 'acknowledgment' })).not.toContain('no_prevention');
  });
  it('a fix already done needs no timeline', () => {
    expect(
      rules('I sent the wrong invoice. Sorry. The corrected invoice is attached.', { kind: 'acknowledgment' }),
    ).not.toContain('no_timeline');
  });
  it('unnamed_mistake: with the mistake as context, the text must mention it', () => {
    const mistake = {
      title: 'Catalogue printed with wrong prices',
      description: 'Spring catalogue listed 2024 prices.',
    };
    expect(rules('Sorry about all this, it was my fault.', { kind: 'acknowledgment', mistake })).toContain(
      'unnamed_mistake',
    );
    expect(
      rules("Sorry, I printed the catalogue with last year's prices.", { kind: 'acknowledgment', mistake }),
    ).not.toContain('unnamed_mistake');
  });
  it('every finding names a known rule, a severity, a message and a suggestion', () => {
    const a = analyseApology("Sorry if you feel that mistakes were made, but actually we've been swamped.", {
      kind: 'acknowledgment',
    });
    expect(a.findings.length).toBeGreaterThan(3);
    for (const f of a.findings) {
      expect(RULE_IDS).toContain(f.rule);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(5);
      expect(f.suggestion.length).toBeGreaterThan(5);
    }
  });
});

describe('isApology', () => {
  it('is false for a plain client email and true for an apology or an owned failure', () => {
    expect(
      analyseApology('Hi Sam, the invoice for March is attached. Let me know if you need anything else.').isApology,
    ).toBe(false);
    expect(analyseApology('Sorry, I sent you the wrong file this morning.').isApology).toBe(true);
    expect(analyseApology('My mistake: I sent you the wrong file this morning.').isApology).toBe(true);
  });
});

describe('issue 10: known misses', () => {
  it('self-abasement is groveling, and "never forgive myself" is no request for forgiveness', () => {
    expect(rules("I feel absolutely terrible about this, I'm mortified.")).toContain('groveling');
    const a = analyseApology("I sent the wrong file. I'll never forgive myself.");
    expect(a.findings.map((f) => f.rule)).toContain('groveling');
    expect(a.components.forgiveness).toBe(false);
  });
  it('"we asked the carrier to collect the wrong posters" is repair, not blame', () => {
    const a = analyseApology('Sorry, we asked the carrier to collect the wrong posters this morning.');
    expect(a.components.repair).toBe(true);
    expect(a.findings.map((f) => f.rule)).not.toContain('blame_shifting');
  });
  it('"due to" alone is no explanation of the wrong', () => {
    expect(has('Sorry for the delay due to the issue.', 'explanation')).toBe(false);
    expect(has('The invoice was wrong due to a typo in our rate card.', 'explanation')).toBe(true);
  });
  it('a plain client email is not an apology and gets no findings', () => {
    const a = analyseApology('Hi Sam, the March invoice is attached. Let me know if you need anything else. Best, Jo');
    expect(a.isApology).toBe(false);
    expect(a.findings).toEqual([]);
  });
  it('"missing" findings attach to the whole text or the closing line and say so; they never contradict the checklist', () => {
    const text = "I'm sorry, I entered the wrong shipping date. It won't happen again.";
    const a = analyseApology(text, { kind: 'acknowledgment' });
    expect(a.components.repentance).toBe(true);
    const prevention = a.findings.find((f) => f.rule === 'no_prevention')!;
    expect(prevention.message).toMatch(/promises/);
    expect(text.slice(prevention.start, prevention.end)).toContain("won't happen again");
    const b = analyseApology("I'm sorry, I entered the wrong shipping date. Best wishes, Jo", {
      kind: 'acknowledgment',
    });
    const closing = b.findings.find((f) => f.rule === 'no_prevention')!;
    expect(closing.message).toMatch(/closing line/);
    const timeline = b.findings.find((f) => f.rule === 'no_timeline')!;
    expect(timeline.message).toMatch(/whole text/);
  });
});

describe('decideVerdict', () => {
  it('good: regret, responsibility and repair or repentance, without deflection', () => {
    expect(decideVerdict(comps('regret', 'responsibility', 'repair'), [], false)).toBe('good');
    expect(decideVerdict(comps('regret', 'responsibility', 'repentance'), ['excuse', 'minimization'], false)).toBe(
      'good',
    );
  });
  it('a deflection keeps an owned apology at mixed', () => {
    for (const rule of ['conditional_apology', 'feelings_deflection', 'passive_evasion', 'blame_shifting']) {
      expect(decideVerdict(comps('regret', 'responsibility', 'repair'), [rule], false)).toBe('mixed');
    }
  });
  it('non_apology: no responsibility plus a deflection, self focus, or an unrepaired excuse or minimization', () => {
    expect(decideVerdict(comps('regret'), ['passive_evasion'], false)).toBe('non_apology');
    expect(decideVerdict(comps('regret'), ['self_focus'], false)).toBe('non_apology');
    expect(decideVerdict(comps('regret'), ['excuse'], false)).toBe('non_apology');
    expect(decideVerdict(comps('regret', 'repair'), ['excuse'], false)).toBe('mixed');
    expect(decideVerdict(comps('regret', 'repentance'), ['minimization'], false)).toBe('mixed');
  });
  it('concrete compensation lifts a non-apology to mixed', () => {
    expect(decideVerdict(comps('repair'), ['blame_shifting'], true)).toBe('mixed');
  });
  it('mixed for everything else', () => {
    expect(decideVerdict(none, [], false)).toBe('mixed');
    expect(decideVerdict(comps('responsibility', 'repair'), [], false)).toBe('mixed');
    expect(decideVerdict(comps('regret', 'responsibility'), [], false)).toBe('mixed');
  });
  it('accepts the rules as a Set too', () => {
    expect(decideVerdict(comps('regret'), new Set(['conditional_apology']), false)).toBe('non_apology');
  });
});

describe('score', () => {
  it('weights responsibility most, repair next, forgiveness least (Lewicki et al. 2016)', () => {
    const w = COMPONENT_WEIGHTS;
    expect(w.responsibility).toBeGreaterThan(w.repair);
    for (const c of ['regret', 'explanation', 'repentance'] as const) expect(w.repair).toBeGreaterThan(w[c]);
    for (const c of ['regret', 'explanation', 'repentance'] as const) expect(w[c]).toBeGreaterThan(w.forgiveness);
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.keys(RULE_PENALTIES).sort()).toEqual([...RULE_IDS].sort());
  });
  it('a full apology outscores a deflecting one', () => {
    const good = analyseApology(
      "I sent you the wrong contract because I opened last year's folder. I'm sorry. The right contract is attached, and I now check the date on every file before sending. I hope you'll forgive the slip.",
    );
    const bad = analyseApology("We're sorry if you feel the wrong contract was sent, but we've been swamped.");
    expect(good.score).toBeGreaterThan(80);
    expect(bad.score).toBeLessThan(20);
    expect(good.verdict).toBe('good');
    expect(bad.verdict).toBe('non_apology');
  });
});

describe('properties', () => {
  // Any valid context: either kind, with or without a mistake (any title and description).
  const options = fc.record(
    {
      kind: fc.constantFrom('acknowledgment' as const, 'general' as const),
      mistake: fc.record(
        { title: fc.string({ unit: 'grapheme', maxLength: 80 }), description: fc.string({ maxLength: 120 }) },
        { requiredKeys: ['title'] },
      ),
    },
    { requiredKeys: [] },
  );
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc
      .array(
        fc.constantFrom(
          'I',
          'we',
          'sorry',
          'if',
          'the',
          'wrong',
          'file',
          'was',
          'sent',
          ',',
          '.',
          'but',
          "I'm",
          'mistakes',
          'were',
          'made',
          '\n',
          'İ',
          'ß',
          '😀',
          'apologise',
          'refund',
        ),
        { maxLength: 80 },
      )
      .map((w) => w.join(' ')),
  );
  it('never throws on any Unicode text, and every span lies inside the text', () => {
    fc.assert(
      fc.property(texts, options, (text, opts) => {
        const a = analyseApology(text, opts);
        for (const f of a.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(f.end).toBeLessThanOrEqual(text.length);
        }
        for (const spans of Object.values(a.evidence))
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.start).toBeLessThanOrEqual(s.end);
            expect(s.end).toBeLessThanOrEqual(text.length);
          }
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 400 },
    );
  });
  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(texts, options, (text, opts) => {
        expect(analyseApology(text, opts)).toEqual(analyseApology(text, opts));
      }),
      { numRuns: 200 },
    );
  });
});
