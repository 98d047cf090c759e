// The similar-mistake measure: stems, concepts, near spellings, length, the relevance floor, the
// optional cause and escape signals and the "very likely a repeat" flag.
import { describe, expect, it } from 'vitest';
import {
  concepts,
  isLikelyRepeat,
  LIKELY_REPEAT_TEXT,
  nearSpelling,
  rankSimilar,
  stem,
  terms,
  trigramDice,
  type SimilarityCandidate,
} from './similarity.ts';

type M = { id: string; title: string; description?: string; clientId?: string; category?: string };

const candidate = (m: M): SimilarityCandidate<string> => ({
  item: m.id,
  title: m.title,
  text: `${m.title} ${m.description ?? ''}`,
  clientId: m.clientId ?? 'spa',
  category: m.category ?? 'wrong_fact',
});

const rank = (query: M, past: M[]) =>
  rankSimilar(
    {
      title: query.title,
      text: `${query.title} ${query.description ?? ''}`,
      clientId: query.clientId,
      category: query.category,
    },
    past.map(candidate),
  );

/** The text similarity of two mistakes, among a few unrelated ones that give the IDF something to weigh. */
const FILLER: M[] = [
  { id: 'f1', title: 'Invoice sent to the old office manager' },
  { id: 'f2', title: 'Brochure delivered with the wrong font' },
  { id: 'f3', title: 'Forgot to reply to the catering inquiry' },
  { id: 'f4', title: 'Product photos cropped badly on mobile' },
];
const textSimilarity = (a: M, b: M) => rank(a, [b, ...FILLER]).find((s) => s.item === b.id)?.text ?? 0;

describe('stem and terms', () => {
  it('gives one form for the inflections of a word', () => {
    expect(new Set(['price', 'prices', 'priced', 'pricing'].map(stem)).size).toBe(1);
    expect(new Set(['book', 'booked', 'booking', 'bookings'].map(stem)).size).toBe(1);
    expect(new Set(['ship', 'shipped', 'shipping'].map(stem)).size).toBe(1);
    expect(stem('spelled')).toBe('spell');
    expect(stem('missed')).toBe('miss');
    expect(stem('class')).toBe('class');
  });

  it('drops stop words, bare small numbers, times and ordinals, keeps codes and honorifics', () => {
    expect(terms('Sent it on the 9th at 5pm, 3 days late: text GLOW to 47132, Dr Okafor')).toEqual([
      'sent',
      'day',
      'lat',
      'text',
      'glow',
      '47132',
      'dr',
      'okafor',
    ]);
  });

  it('drops the words of idioms, keeping their concept: "out of date" is not about a date', () => {
    expect(terms('Website menu out of date')).toEqual(['websit', 'menu']);
    expect(concepts('Website menu out of date')).toEqual(['outdated']);
    const saveTheDate = { id: 's', title: 'Wrong venue address on the save-the-date design' };
    expect(textSimilarity({ id: 'q', title: 'Website menu out of date' }, saveTheDate)).toBe(0);
  });

  it('folds British and American spellings and possessives', () => {
    expect(terms('wrong colour in the catalogue')).toEqual(terms('wrong color in the catalog'));
    expect(terms("the brewer's name")).toEqual(terms('the brewer name'));
  });
});

describe('concepts', () => {
  it('names the same failure in other words, phrases included', () => {
    for (const t of ['Typo in the headline', 'Misspelt her surname', 'Name spelled wrong', 'misspelled again'])
      expect(concepts(t), t).toContain('spelling');
    for (const t of ['Blog post overdue', 'Sent after the funder’s deadline', 'Launch slipped a week', 'late again'])
      expect(concepts(t), t).toContain('late');
    for (const t of ['Double-booked the studio', 'Calendar clash on Sunday', 'Sessions overlapped', 'booked twice'])
      expect(concepts(t), t).toContain('clash');
    expect(concepts('Menu prices out of date')).toEqual(expect.arrayContaining(['price', 'outdated']));
    expect(concepts('Reminder texts sent without an unsubscribe option')).toEqual(
      expect.arrayContaining(['missing', 'opt_out']),
    );
  });

  it('takes the longest phrase, so "double booked" is a clash and not a duplicate charge', () => {
    expect(concepts('Double booked room 3')).toEqual(['clash']);
    expect(concepts('Double-charged the deposit')).toEqual(['duplicate', 'charge', 'charge']);
    expect(concepts('Open house flyer')).toEqual(['open_event', 'print']);
  });

  it('makes a paraphrase in other words similar', () => {
    const earlier = { id: 'e', title: 'Studio double-booked for the photo shoot' };
    const paraphrase = { id: 'p', title: 'Calendar clash: two sessions overlapped in the studio' };
    expect(rank(paraphrase, [...FILLER, earlier])[0]?.item).toBe('e');
    expect(textSimilarity(paraphrase, earlier)).toBeGreaterThan(0.2);
    const late = { id: 'l', title: 'Monthly blog post delivered late' };
    expect(textSimilarity({ id: 'q', title: 'Blog article overdue' }, late)).toBeGreaterThan(0.3);
  });
});

describe('near spellings', () => {
  it('meets one edit or one swap apart, and long words two edits apart with most trigrams shared', () => {
    expect(nearSpelling('lindqvist', 'lindquist')).toBe(true);
    expect(nearSpelling('siobhan', 'siobahn')).toBe(true);
    expect(nearSpelling('47132', '47123')).toBe(true);
    expect(nearSpelling('wojciechowski', 'wojciehowsky')).toBe(true);
    expect(nearSpelling('sandra', 'sarah')).toBe(false);
    expect(nearSpelling('pric', 'priz')).toBe(false); // too short to tell
    expect(nearSpelling('47132', '4713x')).toBe(false); // a number never meets a word
    expect(trigramDice('accommodation', 'accomodation')).toBeGreaterThan(0.8);
  });

  it('counts a misspelt name as most of a match, never more than the right spelling', () => {
    const earlier = { id: 'e', title: 'Misspelled the head brewer name Lindqvist in the press release' };
    const misspelt = textSimilarity({ id: 'q', title: 'Lindquist on the can story' }, earlier);
    const right = textSimilarity({ id: 'q', title: 'Lindqvist on the can story' }, earlier);
    expect(misspelt).toBeGreaterThan(0);
    expect(misspelt).toBeLessThan(right);
  });

  it('matches a short code with two digits swapped', () => {
    const earlier = { id: 'e', title: 'Posters printed with 47123', description: 'The code is 47132.' };
    expect(textSimilarity({ id: 'q', title: 'Decals say text GLOW to 47312' }, earlier)).toBeGreaterThan(0.12);
  });
});

describe('rankSimilar', () => {
  const past: M[] = [
    { id: 'code', title: 'Wrong short code on posters', description: 'Printed 47123 instead of 47132.' },
    { id: 'other-client', title: 'Wrong short code in the SMS campaign', clientId: 'dental' },
    { id: 'invoice', title: 'Invoice sent to the wrong contact', category: 'billing' },
    { id: 'late', title: 'Brochure delivered two days late', category: 'deadline' },
  ];

  it('puts the same failure for the same client first and flags it; another client is suggested, not flagged', () => {
    const ranked = rank(
      { id: 'q', title: 'Wrong SMS code on the flyers', clientId: 'spa', category: 'wrong_fact' },
      past,
    );
    expect(ranked[0]?.item).toBe('code');
    expect(isLikelyRepeat(ranked[0] as NonNullable<(typeof ranked)[0]>)).toBe(true);
    const other = ranked.find((s) => s.item === 'other-client');
    expect(other).toBeDefined();
    expect(isLikelyRepeat(other as NonNullable<typeof other>)).toBe(false);
  });

  it('does not suggest what shares almost nothing, even for the same client and category', () => {
    expect(rank({ id: 'q', title: 'Kickoff meeting double-booked', clientId: 'spa' }, past)).toEqual([]);
  });

  it('does not let a long description hide a same title', () => {
    const long = {
      id: 'long',
      title: 'Old logo on the taproom menu',
      description:
        'We pulled the artwork from the shared drive folder that still had the files from before the rebrand, ' +
        'exported the PDF, sent it to the print shop on Thursday and nobody looked at the header before it went out.',
    };
    const s = rank({ id: 'q', title: 'Old logo on the taproom menu' }, [long, ...FILLER])[0];
    expect(s?.item).toBe('long');
    expect(s?.text).toBeGreaterThan(0.9);
  });

  it('adds the same root-cause category and escape point when both sides know them', () => {
    const a = { ...candidate(past[0] as M), item: 'a', causeCategory: 'process', escapeKind: 'check_skipped' };
    const b = { ...candidate(past[0] as M), item: 'b', causeCategory: 'tooling', escapeKind: 'no_check' };
    const c = { ...candidate(past[0] as M), item: 'c' };
    const ranked = rankSimilar(
      { title: 'Wrong short code', text: 'Wrong short code', causeCategory: 'process', escapeKind: 'check_skipped' },
      [c, b, a],
    );
    // c knows no cause and b another one: neither gains; ties keep their order.
    expect(ranked.map((s) => s.item)).toEqual(['a', 'c', 'b']);
    expect(ranked[0]).toMatchObject({ sameCause: true, sameEscape: true });
    expect(ranked[1]?.sameCause).toBeUndefined();
  });

  it('is deterministic', () => {
    const q = { id: 'q', title: 'Wrong short code on the flyers', clientId: 'spa', category: 'wrong_fact' };
    expect(rank(q, past)).toEqual(rank(q, past));
  });
});

describe('isLikelyRepeat', () => {
  it('needs the same client, the same category and wording at least LIKELY_REPEAT_TEXT alike', () => {
    const s = { text: LIKELY_REPEAT_TEXT, sameClient: true, sameCategory: true };
    expect(isLikelyRepeat(s)).toBe(true);
    expect(isLikelyRepeat({ ...s, text: LIKELY_REPEAT_TEXT - 0.01 })).toBe(false);
    expect(isLikelyRepeat({ ...s, sameClient: false })).toBe(false);
    expect(isLikelyRepeat({ ...s, sameCategory: false })).toBe(false);
  });
});
