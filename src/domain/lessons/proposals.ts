import type { CheckProposal, Fact, FactKind, Honorific, MistakeCategory } from '../../shared/contract/index.ts';
import { wrongValuesIn } from '../recovery/compose.ts';

// "Turn it into a check": guard rules proposed from what went wrong. Pure; the user accepts, edits
// or drops each proposal. What a mistake's words say decides the kind:
//
//   a wrong fact (code, phone, price, URL, identifier, term) → the right value on the facts card
//   a wrong name or honorific                                → the contact's spelling and honorific
//   a phrase that hurt                                       → a forbidden phrase
//   something left out                                       → a required phrase with its trigger
//   anything else                                            → a pattern rule to write

export interface ProposalInput {
  mistake: { title: string; description: string | null; category: MistakeCategory };
  /** The lesson's title: the message every proposed rule starts from. */
  lessonTitle: string;
  /** Facts that apply: the client's and the workspace-wide ones. */
  facts: readonly Pick<Fact, 'id' | 'kind' | 'value' | 'label'>[];
  contacts: readonly { id: string; fullName: string; preferredName: string | null; honorific: Honorific }[];
}

/** Correction phrasings: each names which side is wrong and which is right. Examples run in the tests. */
export const correctionPatterns: readonly { pattern: RegExp; wrong: number; right: number; example: string }[] = [
  {
    pattern: /(\S+(?: \S+)?) instead of (\S+(?: \S+)?)/giu,
    wrong: 1,
    right: 2,
    example: 'printed 72354 instead of 72345',
  },
  {
    pattern: /(\S+(?: \S+)?) rather than (\S+(?: \S+)?)/giu,
    wrong: 1,
    right: 2,
    example: 'used 555-0199 rather than 555-0119',
  },
  { pattern: /(\S+)\s*(?:→|->)\s*(\S+)/gu, wrong: 1, right: 2, example: 'price $45 -> $54' },
  {
    pattern: /(\S+)[,;]? (?:it |which )?should (?:have been|be|read|have read|say|have said) (\S+(?: \S+)?)/giu,
    wrong: 1,
    right: 2,
    example: 'the link said example.com/spring, it should have been example.com/summer',
  },
];

/** Words that say a phrase hurt: a quoted phrase beside one of these becomes a forbidden phrase. */
const hurtWords =
  /\b(?:offen[cs]\w*|offended|hurt\w*|upset\w*|rude|insensitive|inappropriate|condescending|dismissive|patroni[sz]\w*|tone[- ]deaf|joke\w*|insult\w*|flippant)\b/iu;

/** Phrasings of something left out; the capture is what was missing. Examples run in the tests. */
export const omissionPatterns: readonly { pattern: RegExp; example: string }[] = [
  {
    pattern:
      /\b(?:forgot|forgotten|neglected|failed) to (?:include|add|mention|attach|put in|state) (?:the |an? |our |any )?([^.,;]+)/iu,
    example: 'forgot to include the unsubscribe link in the newsletter',
  },
  {
    pattern: /\bleft (?:out|off) (?:the |an? |our |any )?([^.,;]+)/iu,
    example: 'left out the disclaimer from the quote',
  },
  {
    pattern: /\b(?:did ?n[o’']?t|didn’t|never) (?:include|mention|add|state) (?:the |an? |our |any )?([^.,;]+)/iu,
    example: "didn't include the deadline in the brief",
  },
  {
    pattern: /\b(?:was|were) (?:missing|omitted|left out)[: ]+(?:the |an? |our |any )?([^.,;]+)/iu,
    example: 'the newsletter was missing the opt-out line',
  },
  { pattern: /\bwithout (?:the |an? |our |any )([^.,;]+)/iu, example: 'sent the quote without the VAT disclaimer' },
  {
    pattern:
      /\b(?:missing|no) ((?:opt[- ]?out|unsubscribe|disclaimer|deadline|due date|terms|vat|price|signature)[^.,;]*)/iu,
    example: 'no unsubscribe line on the flyer',
  },
];

const honorificWords: Record<string, Honorific> = { mr: 'Mr', ms: 'Ms', mrs: 'Mrs', miss: 'Ms', mx: 'Mx', dr: 'Dr' };
const nameTrouble =
  /\b(?:misspel\w*|mis-spel\w*|spelt|spelled|spelling|mispronounc\w*|misgender\w*|wrong name|name wrong|wrong honorific|honorific|called (?:her|him|them)|addressed (?:her|him|them))\b/iu;

const trim = (s: string) => s.replace(/^[\s"'“‘(]+|[\s"'”’).,;:!?]+$/gu, '');

/** What kind of fact a written value is. */
export function factKindOf(value: string): FactKind {
  const v = value.trim();
  if (/^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+\/\S*$/iu.test(v)) return 'url';
  if (/^[^\s@]+@[^\s@]+\.\w+$/u.test(v)) return 'email';
  if (/^\d{4}-\d{2}-\d{2}$/u.test(v)) return 'date';
  if (/^[$£€¥]\s?\d[\d,.]*$|^\d[\d,.]*\s?(?:USD|EUR|GBP|JPY)$/iu.test(v)) return 'price';
  if (/^\+?[\d ()-]{9,}$/u.test(v) && v.replace(/\D/gu, '').length >= 9) return 'phone';
  if (/^\d{3,8}$/u.test(v)) return 'short_code';
  if (/^\d[\d -]*\d$/u.test(v)) return v.replace(/\D/gu, '').length >= 7 ? 'phone' : 'identifier';
  if (/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_./-]*$/u.test(v)) return 'identifier';
  return 'term';
}

const H = '(Mr|Ms|Mrs|Miss|Mx|Dr)\\.?';
/** Honorific corrections: "Mr instead of Ms", "Mr rather than Ms", "Ms, not Mr", "should have been Ms". */
const honorificPatterns: readonly { pattern: RegExp; wrong: number; right: number }[] = [
  { pattern: new RegExp(`\\b${H}\\s+(?:instead of|rather than)\\s+${H}`, 'iu'), wrong: 1, right: 2 },
  { pattern: new RegExp(`\\b${H},?\\s+not\\s+${H}(?![\\w])`, 'iu'), wrong: 2, right: 1 },
  { pattern: new RegExp(`\\b${H}\\b.{0,40}?should (?:have been|be)\\s+${H}`, 'iu'), wrong: 1, right: 2 },
];

function honorificCorrection(text: string): { wrong: Honorific; right: Honorific } | null {
  for (const { pattern, wrong, right } of honorificPatterns) {
    const m = pattern.exec(text);
    const w = m?.[wrong] && honorificWords[m[wrong].toLowerCase()];
    const r = m?.[right] && honorificWords[m[right].toLowerCase()];
    if (w && r && w !== r) return { wrong: w, right: r };
  }
  return null;
}

/** Whether a written thing looks like a recorded value (not an ordinary word). */
function valueLike(s: string): boolean {
  return factKindOf(s) !== 'term' || /^[“"].+[”"]$/u.test(s.trim());
}

/** Wrong/right value pairs the mistake's words state. */
export function corrections(text: string): { wrong: string; right: string }[] {
  const out: { wrong: string; right: string }[] = [];
  for (const { pattern, wrong, right } of correctionPatterns) {
    for (const m of text.matchAll(pattern)) {
      // Keep only the value-like end of each side ("printed 72354" → "72354").
      const side = (s: string | undefined, end: 'last' | 'first') => {
        const words = (s ?? '').split(/\s+/u).map(trim).filter(Boolean);
        const pick = end === 'last' ? words.reverse() : words;
        return pick.find(valueLike) ?? null;
      };
      const w = side(m[wrong], 'last');
      const r = side(m[right], 'first');
      if (w && r && w !== r && !out.some((p) => p.right === r)) out.push({ wrong: w, right: r });
    }
  }
  return out;
}

function quotedPhrases(text: string): string[] {
  return [...text.matchAll(/[“"]([^”"]{2,120})[”"]/gu)].map((m) => m[1]!.trim()).filter(Boolean);
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The thing left out, and the word that should trigger the requirement ("… in the newsletter"). */
export function omission(text: string): { phrase: string; when: string | null } | null {
  for (const { pattern } of omissionPatterns) {
    const m = pattern.exec(text);
    if (!m?.[1]) continue;
    const [what, where] = m[1].split(/\s+(?:in|on|from|of|to|with) (?:the |our |their |a |an )?/iu);
    const phrase = trim((what ?? '').split(/\s+/u).slice(0, 4).join(' '));
    if (!phrase) continue;
    const whenWord = where ? trim(where.split(/\s+/u).slice(0, 2).join(' ')) : null;
    return { phrase, when: whenWord || null };
  }
  return null;
}

/** Proposes the checks a lesson could become. Deterministic; never empty. */
export function proposeChecks(input: ProposalInput): CheckProposal[] {
  const text = `${input.mistake.title}. ${input.mistake.description ?? ''}`;
  const message = input.lessonTitle;
  const out: CheckProposal[] = [];

  // Names and honorifics first: "Mr instead of Ms" is about a person, not a fact.
  const honorificPair = honorificCorrection(text);
  const mentionsHonorific = /\b(?:mr|ms|mrs|miss|mx|dr)\b\.?/iu.test(text);
  if (nameTrouble.test(text) || honorificPair || mentionsHonorific) {
    const named = input.contacts.filter((c) =>
      [c.fullName, ...c.fullName.split(/\s+/u), c.preferredName ?? ''].some(
        (n) => n.length >= 2 && words(text).includes(n.toLowerCase()),
      ),
    );
    const who = named.length > 0 ? named : input.contacts.length === 1 ? input.contacts : [];
    for (const c of who) {
      out.push({
        kind: 'contact',
        contactId: c.id,
        fullName: c.fullName,
        honorific: honorificPair?.right ?? c.honorific,
        reason: honorificPair
          ? `The mistake says ${honorificPair.right} was right; recording it on ${c.fullName} makes the guard flag ${honorificPair.wrong} for every message to them.`
          : `Record how ${c.fullName} is spelled and addressed; the guard then flags every other spelling or honorific.`,
      });
    }
  }

  // Wrong facts: stated corrections, and near misses of values already on the facts card.
  const people = new Set(Object.keys(honorificWords));
  for (const pair of corrections(text)) {
    if (people.has(pair.wrong.toLowerCase().replace('.', ''))) continue;
    const existing = input.facts.find((f) => f.value.toLowerCase() === pair.right.toLowerCase()) ?? null;
    const kind = existing?.kind ?? factKindOf(pair.right.replace(/^[“"]|[”"]$/gu, ''));
    out.push({
      kind: 'fact',
      factKind: kind,
      value: existing?.value ?? pair.right.replace(/^[“"]|[”"]$/gu, ''),
      label: existing?.label ?? null,
      wrong: pair.wrong,
      existingFactId: existing?.id ?? null,
      reason: existing
        ? `${existing.value} is already on the facts card: this lesson will name it, and the guard flags near misses like ${pair.wrong}.`
        : `Record ${pair.right} on the facts card: the guard then catches every near miss like ${pair.wrong}.`,
    });
  }
  for (const w of wrongValuesIn(input.mistake.description ?? input.mistake.title, input.facts as Fact[])) {
    if (out.some((p) => p.kind === 'fact' && p.value === w.right)) continue;
    const existing = input.facts.find((f) => f.value === w.right)!;
    out.push({
      kind: 'fact',
      factKind: existing.kind,
      value: existing.value,
      label: existing.label,
      wrong: w.wrong,
      existingFactId: existing.id,
      reason: `${w.wrong} is a near miss of the ${w.what} ${w.right} on the facts card: linking it makes the guard's finding name this lesson.`,
    });
  }
  if (input.mistake.category === 'wrong_fact' && !out.some((p) => p.kind === 'fact')) {
    out.push({
      kind: 'fact',
      factKind: 'term',
      value: '',
      label: null,
      wrong: null,
      existingFactId: null,
      reason: 'A wrong fact: put the right value on the facts card and the guard catches every near miss of it.',
    });
  }

  // A phrase that hurt → forbidden.
  if (hurtWords.test(text)) {
    for (const phrase of quotedPhrases(text)) {
      out.push({
        kind: 'forbidden',
        phrase,
        when: null,
        message,
        reason: `“${phrase}” upset the client: the guard will stop it in any message to them.`,
      });
    }
  }

  // Something left out → required, with its trigger.
  const left = omission(text);
  if (left && !/\b(?:name|honorific)\b/iu.test(left.phrase)) {
    out.push({
      kind: 'required',
      phrase: left.phrase,
      when: left.when,
      message,
      reason: left.when
        ? `“${left.phrase}” was left out: the guard will require it whenever “${left.when}” is mentioned.`
        : `“${left.phrase}” was left out: add the word that should trigger it, or it is required in every message.`,
    });
  }

  if (out.length === 0) {
    const quoted = quotedPhrases(text)[0];
    out.push({
      kind: 'pattern',
      pattern: quoted ? quoted.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+') : '',
      message,
      reason: quoted
        ? `A pattern for “${quoted}”: edit it to match what should never go out again.`
        : 'Nothing in the mistake names a fact, a name, a phrase or an omission: write a pattern that would have caught it.',
    });
  }
  return out;
}
