import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeller } from '../../bootstrap/spellers.ts';
import { buildGuard, type CheckOptions, type Guard, type GuardKnowledge, type Speller } from './index.ts';

// Properties of the pre-send guard over any Unicode text and any valid check options: it never
// throws, every finding's span lies inside the text, and the same input gives the same output
// (also from a freshly built guard, so the per-word memo cannot change a verdict).

const knowledge: GuardKnowledge = {
  locale: 'en-US',
  clients: [
    {
      id: 'k-harbor',
      name: 'Harbor Lane Dental',
      aliases: ['Harbor Lane'],
      contacts: [
        { name: 'Lynn Carter', honorific: 'Ms', email: 'lynn@harbor.example' },
        { name: "Marcus O'Rourke", honorific: 'Dr' },
        { name: 'Priya Raman', honorific: 'none', preferredName: 'Pri' },
      ],
      facts: [
        { kind: 'short_code', value: '48213' },
        { kind: 'phone', value: '+1 (415) 555-0142' },
        { kind: 'url', value: 'https://harbor.example/book' },
        { kind: 'email', value: 'desk@harbor.example' },
        { kind: 'price', value: '$1,450' },
        { kind: 'identifier', value: 'ACC-20417' },
        { kind: 'term', value: 'SmileCare Plus' },
        { kind: 'date', value: '2026-03-12' },
      ],
    },
    {
      id: 'k-serenity',
      name: 'Serenity',
      aliases: [],
      contacts: [{ name: 'Grace Mensah', honorific: 'Mx' }],
      facts: [{ kind: 'price', value: '£45' }],
    },
  ],
  facts: [{ kind: 'term', value: 'LaunchKit' }],
  vocabulary: ['Beatriz', 'makegood'],
  rules: [
    { kind: 'forbidden', phrase: 'per my last email', message: 'no' },
    { kind: 'pattern', pattern: '\\bASAP\\b', message: 'no' },
    { kind: 'required', phrase: 'Reply STOP to opt out', when: 'text JOIN', message: 'opt-out' },
    { kind: 'forbidden', phrase: 'pain-free', clientId: 'k-harbor', message: 'no' },
  ],
};

const pieces = [
  'Hi',
  'Lyn',
  'Lynn',
  'Dear',
  'Mr',
  'Ms.',
  'Carter',
  "O'Rouke",
  'Serenity',
  'Harbor Lane',
  'text JOIN to 48231',
  '$1,540',
  'ACC-20471',
  'Smilecare Plus',
  'https://harbor.example/bok',
  'desk@harbor.exampel',
  'Friday, March 12',
  'Tue 03/10/2026',
  '2026-02-30',
  'the 31st of April',
  '[First Name]',
  '{{',
  '}}',
  '<<',
  '____',
  'TODO',
  'Lorem ipsum',
  'see attached',
  'enclosed',
  'per my last email',
  'ASAP',
  'pain-free',
  'its',
  'loose',
  'recieve',
  ',',
  '.',
  '\n',
  '\u2019',
  '😀',
  'İ',
  'ß',
  '\u0301',
  '\ud800',
];
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((w) => w.join(' ')),
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((w) => w.join('')),
);
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const options: fc.Arbitrary<CheckOptions> = fc.record(
  {
    clientId: fc.constantFrom('k-harbor', 'k-serenity', 'nobody'),
    date: isoDate,
    attachments: fc.nat({ max: 5 }),
  },
  { requiredKeys: [] },
);

let speller: Speller;
let guard: Guard;
beforeAll(async () => {
  speller = await loadSpeller('en-US');
  guard = buildGuard(knowledge, { speller });
});

describe('guard properties', () => {
  it('never throws on any text and options, and every span lies inside the text', () => {
    fc.assert(
      fc.property(texts, options, (text, opts) => {
        for (const f of guard.check(text, opts)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same output for the same input, from the same guard and from a fresh one', () => {
    fc.assert(
      fc.property(texts, texts, options, (text, other, opts) => {
        const first = guard.check(text, opts);
        guard.check(other, opts);
        expect(guard.check(text, opts)).toEqual(first);
        expect(buildGuard(knowledge, { speller }).check(text, opts)).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws when built from arbitrary (even odd) knowledge', () => {
    const name = fc.string({ unit: 'grapheme', maxLength: 20 });
    const anyKnowledge = fc.record({
      locale: fc.constantFrom('en-US' as const, 'en-GB' as const),
      clients: fc.array(
        fc.record({
          id: fc.constantFrom('a', 'b', 'c'),
          name,
          aliases: fc.array(name, { maxLength: 2 }),
          contacts: fc.array(
            fc.record({
              name,
              honorific: fc.constantFrom('Mr' as const, 'Ms' as const, 'Dr' as const, 'none' as const),
            }),
            { maxLength: 3 },
          ),
          facts: fc.array(
            fc.record({
              kind: fc.constantFrom(
                'phone' as const,
                'short_code' as const,
                'url' as const,
                'email' as const,
                'price' as const,
                'identifier' as const,
                'term' as const,
                'date' as const,
              ),
              value: name,
            }),
            { maxLength: 4 },
          ),
        }),
        { maxLength: 3 },
      ),
      facts: fc.constant<GuardKnowledge['facts']>([]),
      vocabulary: fc.array(name, { maxLength: 3 }),
      rules: fc.array(
        fc.record({
          kind: fc.constantFrom('forbidden' as const, 'required' as const),
          phrase: name,
          message: fc.constant('m'),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(anyKnowledge, texts, options, (k, text, opts) => {
        const g = buildGuard(k, { speller });
        for (const f of g.check(text, { ...opts, clientId: 'a' })) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(f.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
