// Multi-word phrase matching over tokens (client names, rule phrases, fact terms): phrases are
// indexed by their first word, so each text token costs one map lookup.
import { tokenise, type Token } from './tokenise.ts';

/** The words of a phrase as the guard compares them (lower case, punctuation dropped). */
export function phraseWords(phrase: string): Token[] {
  return tokenise(phrase).filter((t) => t.kind !== 'punct');
}

/** A phrase stored in an index. */
export interface PhraseEntry<T> {
  words: readonly string[];
  /** Per word: the text must start with a capital there (names). */
  caps: readonly boolean[] | null;
  payload: T;
}

/** The span of a phrase match: token indexes (inclusive) and UTF-16 offsets. */
export interface PhraseMatch<T> {
  entry: PhraseEntry<T>;
  first: number;
  last: number;
  start: number;
  end: number;
}

function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = text.charAt(0);
  return c !== c.toLowerCase();
}

/** Punctuation a phrase may run across (hyphen, ampersand, apostrophe…), but not a sentence end. */
function isSoftPunct(t: Token): boolean {
  if (t.newlines > 1) return false;
  const c = t.text;
  return c !== '.' && c !== '!' && c !== '?' && c !== ';' && c !== ':' && c !== '\u2026';
}

interface Bucket<T> {
  /** One-word phrases. */
  single: PhraseEntry<T>[];
  /** Longer phrases by their second word (common first words like "the" stay cheap). */
  bySecond: Map<string, PhraseEntry<T>[]>;
}

/** Phrases indexed by their first two words. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Bucket<T>>();

  /** Adds a phrase (its words already normalised); returns false when it has no words. */
  add(words: readonly string[], payload: T, caps: readonly boolean[] | null = null): boolean {
    if (words.length === 0) return false;
    const entry: PhraseEntry<T> = { words, caps, payload };
    let bucket = this.byFirst.get(words[0]!);
    if (!bucket) this.byFirst.set(words[0]!, (bucket = { single: [], bySecond: new Map() }));
    if (words.length === 1) bucket.single.push(entry);
    else {
      const list = bucket.bySecond.get(words[1]!);
      if (list) list.push(entry);
      else bucket.bySecond.set(words[1]!, [entry]);
    }
    return true;
  }

  /** Whether any phrase starts with this word. */
  has(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** Every phrase matching at token `i` (a word token), longest first. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T>[] {
    const bucket = this.byFirst.get(tokens[i]!.norm);
    if (!bucket) return NONE;
    let out: PhraseMatch<T>[] | null = null;
    for (const entry of bucket.single) {
      const last = matchFrom(tokens, i, entry);
      if (last !== -1) (out ??= []).push({ entry, first: i, last, start: tokens[i]!.start, end: tokens[last]!.end });
    }
    if (bucket.bySecond.size > 0) {
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.kind === 'punct' && isSoftPunct(tokens[j]!)) j++;
      const next = tokens[j];
      const list = next && next.kind !== 'punct' ? bucket.bySecond.get(next.norm) : undefined;
      if (list)
        for (const entry of list) {
          const last = matchFrom(tokens, i, entry);
          if (last !== -1)
            (out ??= []).push({ entry, first: i, last, start: tokens[i]!.start, end: tokens[last]!.end });
        }
    }
    if (out === null) return NONE;
    const found: PhraseMatch<T>[] = out;
    if (found.length > 1) found.sort((a, b) => b.end - a.end);
    return found;
  }
}

const NONE: never[] = [];

/** The index of the last token of `entry` matched from token `i`, or -1. */
function matchFrom<T>(tokens: readonly Token[], i: number, entry: PhraseEntry<T>): number {
  const caps = entry.caps;
  if (caps && caps[0] && !startsUpper(tokens[i]!.text)) return -1;
  let j = i;
  for (let k = 1; k < entry.words.length; k++) {
    j++;
    while (j < tokens.length && tokens[j]!.kind === 'punct') {
      if (!isSoftPunct(tokens[j]!)) return -1;
      j++;
    }
    const t = tokens[j];
    if (!t || t.newlines > 1 || t.norm !== entry.words[k]) return -1;
    if (caps && caps[k] && !startsUpper(t.text)) return -1;
  }
  return j;
}
