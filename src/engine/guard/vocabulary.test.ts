// The guard on real mail's words (issue 10 C): the workspace's own name and members' names are its
// vocabulary; British and American variants, closed compounds, prefixed words and the other
// derivations real client mail is full of pass, while the typos they resemble are still flagged.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeller } from '../../bootstrap/spellers.ts';
import { buildGuard, type GuardKnowledge, type Speller } from './index.ts';

let us: Speller;
let gb: Speller;
beforeAll(async () => {
  [us, gb] = await Promise.all([loadSpeller('en-US'), loadSpeller('en-GB')]);
});

const base = (over: Partial<GuardKnowledge> = {}): GuardKnowledge => ({
  locale: 'en-US',
  clients: [{ id: 'c', name: 'Harbor Lane Dental', aliases: [], contacts: [{ name: 'Lynn Carter' }], facts: [] }],
  facts: [],
  vocabulary: [],
  rules: [],
  ...over,
});

/** The words a guard flags in `text` (rule:word), at warning or error; `info` for advice only. */
function flagged(text: string, knowledge: GuardKnowledge, speller: Speller, severity?: 'info'): string[] {
  return buildGuard(knowledge, { speller })
    .check(text, { clientId: 'c' })
    .filter((f) => (severity === 'info' ? f.severity === 'info' : f.severity !== 'info'))
    .map((f) => `${f.rule}:${text.slice(f.start, f.end)}${f.replacement ? `→${f.replacement}` : ''}`);
}

describe("the workspace's own names", () => {
  // Hunspell knows neither name; at the start of a sentence each looked like a typo of a
  // dictionary word ("Kin dora", as "Northwind" once became "North wind", and "Fabric").
  const text = 'Kindora has moved your install to Friday. Fabrik will send the proofs.\n\nBest,\nSiobhan';
  it('without them, the workspace name is a misspelling ("Kin dora")', () => {
    expect(flagged(text, base(), us)).toEqual(['spelling:Kindora→Kin dora', 'spelling:Fabrik→Fabric']);
  });
  it('knows the workspace name and its words, in any position; a compound name is known anyway', () => {
    expect(flagged(text, base({ workspaceName: 'Kindora', members: ['Fabrik'] }), us)).toEqual([]);
    expect(flagged('Your Kindora’s invoice is attached.', base({ workspaceName: 'Kindora Studio' }), us)).toEqual([]);
    expect(flagged('Northwind has moved your install to Friday.', base(), us)).toEqual([]);
  });
  it("knows members' names, and does not take a member for a misspelled contact", () => {
    const signed = 'Lyn here from the studio: your proofs are ready.';
    expect(flagged(signed, base(), us)).toEqual(['contact_name:Lyn→Lynn']);
    expect(flagged(signed, base({ members: ['Lyn Ashworth'] }), us)).toEqual([]);
    expect(flagged('Ferenc will call you tomorrow.', base({ members: ['Ferenc Csizmadia'] }), us)).toEqual([]);
  });
  it('offers the workspace name for a misspelling of it', () => {
    expect(flagged('Kindorra will call you tomorrow.', base({ workspaceName: 'Kindora' }), us)).toEqual([
      'spelling:Kindorra→Kindora',
    ]);
  });
});

describe('real words that Hunspell lacks', () => {
  const ok = (speller: Speller, locale: 'en-US' | 'en-GB', text: string): void =>
    expect({ text, flagged: flagged(text, base({ locale }), speller) }).toEqual({ text, flagged: [] });

  it('British variants and both -ise and -ize, in both locales', () => {
    for (const [speller, locale] of [
      [gb, 'en-GB'],
      [us, 'en-US'],
    ] as const) {
      ok(speller, locale, 'Your order was despatched this morning; despatch usually takes a day.');
      ok(speller, locale, 'The appointment was cancelled, and we are cancelling the reminder.');
      ok(speller, locale, 'Downtime will be minimized and the colour proofs are in saleable condition.');
    }
  });
  it('closed compounds of dictionary words, inflected by the dictionary: no alarm, advice when unlisted', () => {
    ok(us, 'en-US', 'Propagation timeframes vary; update the nameservers and pick a timeslot.');
    ok(us, 'en-US', 'The headshots have a checkmark, and the grandkids loved the callout.');
    ok(gb, 'en-GB', 'The fix was backported to the lifecycle branch.');
    // Not in any word list: advice to add it to the vocabulary if it is a name, not a misspelling.
    const text = 'Your new glowpeel facial is booked, and the grandkids loved the callout.';
    expect(flagged(text, base(), us, 'info')).toEqual(['spelling:glowpeel', 'spelling:grandkids']);
    expect(flagged(text, base({ vocabulary: ['glowpeel'] }), us, 'info')).toEqual(['spelling:grandkids']);
    expect(flagged('Thanks, Glowpeel team', base(), us, 'info')).toEqual([]);
  });
  it('prefixed words, expressive lengthening, reduplication and lower-case acronyms', () => {
    ok(us, 'en-US', 'The parcel was misdelivered, so it shows as unreceived and untracked.');
    ok(us, 'en-US', 'Yeahhh, we love it, and no matchy-matchy outfits please.');
    ok(gb, 'en-GB', 'We will send a reminder by sms or email.');
  });
  it('still flags the typos these rules resemble', () => {
    const typos = [
      'untill',
      'everytime',
      'allready',
      'wonderfull',
      'begining',
      'independant',
      'maintenace',
      'recieve',
      'teh',
      'comitted',
    ];
    for (const typo of typos) {
      const text = `We will ${typo} look at it.`;
      expect({ typo, rules: flagged(text, base(), us).map((f) => f.split(':')[0]) }).toEqual({
        typo,
        rules: ['spelling'],
      });
    }
  });
});
