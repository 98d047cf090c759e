import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpeller } from '../../bootstrap/spellers.ts';
import { buildGuard, validateGuardRule, type Guard, type GuardKnowledge, type Speller } from './index.ts';

// One block per guard rule: what it catches, what it must let through, and the suggestion it makes.

let us: Speller;
let gb: Speller;
beforeAll(async () => {
  us = await loadSpeller('en-US');
  gb = await loadSpeller('en-GB');
});

const serenity = 'c-serenity';
function knowledge(overrides: Partial<GuardKnowledge> = {}): GuardKnowledge {
  return {
    locale: 'en-US',
    clients: [
      {
        id: serenity,
        name: 'Serenity Day Spas',
        aliases: ['Serenity'],
        contacts: [
          { name: 'Lynn Carter', honorific: 'Ms', email: 'lynn@serenity.example' },
          { name: "Aidan O'Rourke", honorific: 'Dr' },
          { name: 'Jon Ames', honorific: 'Mr' },
        ],
        facts: [
          { kind: 'short_code', value: '55123', label: 'SMS short code' },
          { kind: 'phone', value: '+1 503 555 0142' },
          { kind: 'url', value: 'https://serenityspas.example/book' },
          { kind: 'term', value: 'HydraGlow' },
          { kind: 'price', value: '$149' },
        ],
      },
      {
        id: 'c-blue',
        name: 'Blue Harbor Dental',
        aliases: ['Blue Harbor'],
        contacts: [{ name: 'Priya Nair', honorific: 'Dr' }],
        facts: [],
      },
    ],
    facts: [],
    vocabulary: ['Handwrytten'],
    rules: [
      {
        id: 'r1',
        kind: 'forbidden',
        phrase: 'per my last email',
        message: 'Lesson MG-7: reads as passive-aggressive.',
      },
      { id: 'r2', kind: 'pattern', pattern: '\\bASAP\\b', message: 'Lesson MG-9: give a date.' },
      {
        id: 'r3',
        kind: 'required',
        phrase: 'Reply STOP to opt out',
        when: 'Text KESTREL',
        message: 'Lesson MG-12: opt-out line.',
      },
    ],
    ...overrides,
  };
}

let guard: Guard;
beforeAll(() => {
  guard = buildGuard(knowledge(), { speller: us });
});

function rules(text: string, options: Parameters<Guard['check']>[1] = { clientId: serenity }) {
  return guard.check(text, options).map((f) => ({
    rule: f.rule,
    text: text.slice(f.start, f.end),
    severity: f.severity,
    suggestion: f.suggestion,
    replacement: f.replacement,
  }));
}
function only(rule: string, text: string, options?: Parameters<Guard['check']>[1]) {
  return rules(text, options).filter((f) => f.rule === rule);
}

describe('spelling', () => {
  it('flags a misspelled word with a suggestion, and a word with a digit inside it', () => {
    expect(only('spelling', 'We will recieve the files tomorrow.').map((f) => f.text)).toEqual(['recieve']);
    expect(only('spelling', 'Ap0logies for the delay.').map((f) => f.text)).toEqual(['Ap0logies']);
  });
  it('knows contact names, vocabulary, fact terms and everyday business words', () => {
    expect(
      only(
        'spelling',
        'Hi Lynn, the Handwrytten cards and the HydraGlow promo are on Zoom, Figma and Shopify; onboarding KPIs look good.',
      ),
    ).toEqual([]);
  });
  it('skips URLs, emails, numbers and code', () => {
    expect(
      only('spelling', 'See https://exmaple.test/qwzx or mail qwzx@exmaple.test, ref 88QZX-1, run `npm qwzxrun`.'),
    ).toEqual([]);
  });
  it('accepts en-GB spelling with the en-GB dictionary', () => {
    const uk = buildGuard(knowledge({ locale: 'en-GB' }), { speller: gb });
    expect(
      uk
        .check('We apologise for the colour of the catalogue; we have organised a reprint.', { clientId: serenity })
        .filter((f) => f.rule === 'spelling'),
    ).toEqual([]);
  });
});

describe('confusable', () => {
  it('catches real-word errors in context and lets correct uses pass', () => {
    expect(only('confusable', 'Please ask your manger to sign off.').map((f) => f.text)).toEqual(['manger']);
    expect(only('confusable', 'Thank you for the kind complement on the design.').map((f) => f.text)).toEqual([
      'complement',
    ]);
    expect(only('confusable', 'Please ask your manager to sign off. The colours complement the logo.')).toEqual([]);
  });
});

describe('contact_name', () => {
  it('flags a near miss of a contact name and suggests the right spelling', () => {
    const lyn = only('contact_name', 'Hi Lyn, the corrected file is attached.', { clientId: serenity, attachments: 1 });
    expect(lyn.map((f) => f.text)).toEqual(['Lyn']);
    expect(lyn[0]?.replacement ?? lyn[0]?.suggestion).toContain('Lynn');
    expect(only('contact_name', "Dear Dr O'Rouke, thank you.").map((f) => f.text)).toEqual(["O'Rouke"]);
    expect(only('contact_name', 'Hi John, thanks for the call.').map((f) => f.text)).toEqual(['John']);
  });
  it('leaves correct names alone', () => {
    expect(only('contact_name', "Hi Lynn and Jon, Dr O'Rourke asked us to resend.")).toEqual([]);
  });
});

describe('honorific', () => {
  it("flags an honorific that is not the contact's, with or without the period", () => {
    expect(only('honorific', 'Dear Mrs Carter,').map((f) => f.text)).toEqual(['Mrs Carter']);
    expect(only('honorific', "Dear Mr. O'Rourke,")).toHaveLength(1);
    expect(only('honorific', 'Dear Ms. Carter and Dr Ames,')).toHaveLength(1);
  });
  it('accepts the right one', () => {
    expect(only('honorific', "Dear Ms Carter, Dr. O'Rourke and Mr Ames,")).toEqual([]);
  });
});

describe('fact_mismatch', () => {
  it('flags a near miss of a recorded value as an error naming it', () => {
    const swapped = only('fact_mismatch', 'Text SPA to 55213 to book.');
    expect(swapped.map((f) => [f.text, f.severity])).toEqual([['55213', 'error']]);
    expect(swapped[0]?.suggestion).toContain('55123');
    expect(only('fact_mismatch', 'Call us on +1 503 555 0124.')).toHaveLength(1);
    expect(only('fact_mismatch', 'Try the new Hydraglow facial.')).toHaveLength(1);
  });
  it('lets the recorded value and unrelated numbers pass', () => {
    expect(
      only(
        'fact_mismatch',
        'Text SPA to 55123, call +1 503 555 0142, book at https://serenityspas.example/book for $149. Order 90210 shipped.',
      ),
    ).toEqual([]);
  });
});

describe('other_client', () => {
  it("flags another client's name or alias", () => {
    expect(only('other_client', 'As we did for Blue Harbor Dental, we will resend.').map((f) => f.text)).toEqual([
      'Blue Harbor Dental',
    ]);
    expect(only('other_client', 'Same template as Blue Harbor.')).toHaveLength(1);
  });
  it("does not flag this client's own name", () => {
    expect(only('other_client', 'Thanks from all of us to Serenity Day Spas.')).toEqual([]);
  });
});

describe('weekday_mismatch', () => {
  it('flags a weekday that does not match its date, US and UK forms', () => {
    expect(only('weekday_mismatch', 'The reprint ships Monday, March 6, 2026.')).toHaveLength(1);
    expect(only('weekday_mismatch', 'We will call on Thursday 1 December 2026.')).toHaveLength(1);
  });
  it('accepts a matching one, and resolves a date without a year from the given date', () => {
    expect(
      only('weekday_mismatch', 'The reprint ships Friday, March 6, 2026, and we call Tuesday 1 December 2026.'),
    ).toEqual([]);
    expect(only('weekday_mismatch', 'See you Friday, March 6.', { clientId: serenity, date: '2026-02-20' })).toEqual(
      [],
    );
    expect(
      only('weekday_mismatch', 'See you Monday, March 6.', { clientId: serenity, date: '2026-02-20' }),
    ).toHaveLength(1);
  });
});

describe('placeholder', () => {
  it('flags template leftovers', () => {
    for (const t of [
      'Dear [Client Name],',
      'Hi {{first_name}},',
      'Hello <NAME>,',
      'Price: TBD.',
      'TODO: add the date',
      'Ref XXX',
      'Lorem ipsum dolor sit amet.',
    ]) {
      expect(only('placeholder', t), t).toHaveLength(1);
    }
  });
  it('does not flag ordinary text', () => {
    expect(only('placeholder', 'We will confirm the date today; the XL banner is ready.')).toEqual([]);
  });
});

describe('missing_attachment', () => {
  it('flags "attached" when there are no attachments, not when there are or the count is unknown', () => {
    expect(
      only('missing_attachment', 'Please see the attached invoice.', { clientId: serenity, attachments: 0 }),
    ).toHaveLength(1);
    expect(only('missing_attachment', 'Please see attachment.', { clientId: serenity, attachments: 0 })).toHaveLength(
      1,
    );
    expect(
      only('missing_attachment', 'Please see the attached invoice.', { clientId: serenity, attachments: 1 }),
    ).toEqual([]);
    expect(only('missing_attachment', 'Please see the attached invoice.', { clientId: serenity })).toEqual([]);
  });
  it('asks as a warning when the sender left the count empty ("unknown"); 0 attached stays an error', () => {
    const asked = only('missing_attachment', 'Please see the attached invoice.', {
      clientId: serenity,
      attachments: 'unknown',
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ severity: 'warning', text: 'attached' });
    const [finding] = guard.check('Please see the attached invoice.', { clientId: serenity, attachments: 'unknown' });
    expect(finding?.message).toContain('Did you mean to attach something?');
    expect(only('missing_attachment', 'The invoice is ready; I will send it tomorrow.', { attachments: 'unknown' })).toEqual(
      [],
    );
    const zero = only('missing_attachment', 'Please see the attached invoice.', { clientId: serenity, attachments: 0 });
    expect(zero[0]?.severity).toBe('error');
  });
});

describe('guard_rule', () => {
  it('applies forbidden phrases, patterns and required phrases with their lesson as the message', () => {
    const found = guard
      .check('As per my last email, we will fix it ASAP. Text KESTREL to 55123.', { clientId: serenity })
      .filter((f) => f.rule === 'guard_rule');
    expect(found.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('MG-7'),
        expect.stringContaining('MG-9'),
        expect.stringContaining('MG-12'),
      ]),
    );
    expect(found).toHaveLength(3);
  });
  it('is satisfied when the required phrase is there or the trigger is not', () => {
    expect(only('guard_rule', 'Text KESTREL to 55123. Reply STOP to opt out.')).toEqual([]);
    expect(only('guard_rule', 'Thanks for your patience.')).toEqual([]);
  });
  it('refuses patterns RE2 cannot run, and invalid ones; accepts nested repeats (they run in linear time)', () => {
    expect(validateGuardRule({ kind: 'pattern', pattern: '(a+)+$', message: 'x' })).toBeNull();
    expect(validateGuardRule({ kind: 'pattern', pattern: '(\\w|\\d)*z', message: 'x' })).toBeNull();
    expect(validateGuardRule({ kind: 'pattern', pattern: '(a)\\1', message: 'x' })).toContain('backreference');
    expect(validateGuardRule({ kind: 'pattern', pattern: 'a(?=b)', message: 'x' })).toContain('lookahead');
    expect(validateGuardRule({ kind: 'pattern', pattern: '(?<!a)b', message: 'x' })).toContain('lookbehind');
    expect(validateGuardRule({ kind: 'pattern', pattern: '([a-z', message: 'x' })).not.toBeNull();
    expect(validateGuardRule({ kind: 'pattern', pattern: '\\bASAP\\b', message: 'x' })).toBeNull();
    expect(validateGuardRule({ kind: 'forbidden', phrase: '  ', message: 'x' })).not.toBeNull();
  });
});

describe('a clean message', () => {
  it('gets no findings at all', () => {
    const text =
      "Hi Lynn,\n\nI sent the SMS blast with the wrong short code on Tuesday. That was my mistake. We re-sent it this morning with 55123, and I've added a check so the code is compared with your record before anything goes out. The corrected report is attached.\n\nSorry again,\nSam";
    expect(guard.check(text, { clientId: serenity, attachments: 1, date: '2026-03-02' })).toEqual([]);
  });
});
