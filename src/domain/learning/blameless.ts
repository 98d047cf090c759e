import type { BlameAdvisory } from '../../shared/contract/index.ts';

// The blameless advisory ("coach, don't criticise"): a why-step or summary that puts the cause on a
// named person gets a hint to name what let it through instead. Advice only; it never blocks.

/** Words that, right after a person's name, make the person the cause. */
const failureWords = new Set([
  'forgot',
  'forget',
  'missed',
  'failed',
  'ignored',
  'overlooked',
  'neglected',
  'messed',
  'screwed',
  'botched',
  'didn',
  'didnt',
  'did',
  'never',
  'should',
  'was',
  'wasn',
  'is',
  'made',
  'skipped',
  'typed',
  'sent',
  'broke',
  'careless',
  'sloppy',
]);
/** Only these make "Dana was/is/did …" blame: "Dana was careless", "Dana did not check". */
const needsFollower = new Map<string, ReadonlySet<string>>([
  [
    'was',
    new Set([
      'careless',
      'sloppy',
      'lazy',
      'distracted',
      'rushing',
      'late',
      'not',
      'wrong',
      'negligent',
      'incompetent',
    ]),
  ],
  ['is', new Set(['careless', 'sloppy', 'lazy', 'not', 'incompetent', 'bad'])],
  ['did', new Set(['not', "n't"])],
  ['made', new Set(['a', 'the', 'an'])],
  ['sent', new Set(['the', 'it', 'a'])],
  ['typed', new Set(['the', 'it', 'a'])],
]);
/** Words before a name that make it the cause: "because Bob…", "Bob's fault", "blame Dana". */
const causeLeaders = new Set(['because', 'blame', 'thanks', 'by']);

interface Token {
  word: string;
  lower: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}']+/gu)) {
    const word = m[0];
    out.push({
      word,
      lower: word
        .toLowerCase()
        .replace(/['’]s$/u, '')
        .replace(/n't$/u, ''),
    });
  }
  return out;
}

/**
 * The names to recognise: members' and contacts' full and first names (two letters or more,
 * starting with a capital), longest first so "Dana Lee" wins over "Dana".
 */
export function personNames(people: readonly string[]): string[] {
  const names = new Set<string>();
  for (const person of people) {
    const full = person.trim();
    if (full.length < 2) continue;
    names.add(full);
    const first = full.split(/\s+/u)[0];
    if (first && first.length >= 2 && /^\p{Lu}/u.test(first)) names.add(first);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** The person a sentence blames, or null: a known name as the agent of a failure. */
export function blamedPerson(text: string, names: readonly string[]): string | null {
  const toks = tokens(text);
  for (const name of names) {
    const parts = name.split(/\s+/u);
    for (let i = 0; i + parts.length <= toks.length; i++) {
      if (
        !parts.every(
          (p, k) => toks[i + k]?.word === p || toks[i + k]?.word === `${p}'s` || toks[i + k]?.word === `${p}’s`,
        )
      )
        continue;
      const last = toks[i + parts.length - 1];
      const before = toks[i - 1]?.lower;
      const next = toks[i + parts.length]?.lower;
      const after = toks[i + parts.length + 1]?.lower;
      if (last && /['’]s$/u.test(last.word) && (next === 'fault' || next === 'mistake' || next === 'error'))
        return name;
      if (before && causeLeaders.has(before)) return name;
      if (next && failureWords.has(next)) {
        const follow = needsFollower.get(next);
        if (!follow || (after && follow.has(after))) return name;
      }
    }
  }
  return null;
}

/** Advisories for every why-step and the summary that name a person as the cause. */
export function blameAdvisories(
  fields: readonly { field: string; text: string }[],
  people: readonly string[],
): BlameAdvisory[] {
  const names = personNames(people);
  const advisories: BlameAdvisory[] = [];
  for (const { field, text } of fields) {
    const name = blamedPerson(text, names);
    if (!name) continue;
    advisories.push({
      field,
      name,
      message: `This puts the cause on ${name}. A blameless root cause asks what let it through.`,
      suggestion: 'What let it through? Name the missing check, the unclear step or the overload, not the person.',
    });
  }
  return advisories;
}
