// The spelling rule: Hunspell (through the caller's nspell) plus the workspace's own words and a
// curated business/technology list. Dictionary answers are memoised per speller in a bounded
// map; suggestions are computed lazily, only for the few misspelled words, from the workspace's
// words (a near-miss index) and from one-edit variants checked against the dictionary — never
// through nspell's slow suggest().
import { NearMissIndex } from './near-miss.ts';
import type { Token } from './tokenise.ts';
import { CURATED_WORDS, INFLECTIONS } from './words.ts';

/** The part of a Hunspell speller the guard uses. */
export interface SpellerLike {
  correct(word: string): boolean;
  /**
   * The core dictionary alone (Hunspell, without a large supplementary word list), when the
   * speller has one: the parts of compounds and prefixed words are checked against it, so rare
   * list words ("tenace") do not make typos ("maintenace") into compounds.
   */
  correctCore?(word: string): boolean;
}

const CACHE_LIMIT = 100_000;
const correctCaches = new WeakMap<SpellerLike, Map<string, boolean>>();

/** `speller.correct(word)`, memoised per speller (bounded: the oldest half is dropped when full). */
export function cachedCorrect(speller: SpellerLike, word: string): boolean {
  let cache = correctCaches.get(speller);
  if (!cache) {
    cache = new Map();
    correctCaches.set(speller, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let ok: boolean;
  try {
    ok = speller.correct(word);
  } catch {
    ok = true;
  }
  if (cache.size >= CACHE_LIMIT) trimOldest(cache);
  cache.set(word, ok);
  return ok;
}

const coreCaches = new WeakMap<SpellerLike, Map<string, boolean>>();

/** `speller.correctCore(word)` (or `correct` without one), memoised per speller like cachedCorrect. */
export function cachedCore(speller: SpellerLike, word: string): boolean {
  if (!speller.correctCore) return cachedCorrect(speller, word);
  let cache = coreCaches.get(speller);
  if (!cache) {
    cache = new Map();
    coreCaches.set(speller, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let ok: boolean;
  try {
    ok = speller.correctCore(word);
  } catch {
    ok = true;
  }
  if (cache.size >= CACHE_LIMIT) trimOldest(cache);
  cache.set(word, ok);
  return ok;
}

/** Drops the older half of a Map (insertion order), keeping memory bounded. */
export function trimOldest<K, V>(map: Map<K, V>): void {
  let drop = map.size >> 1;
  for (const key of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(key);
  }
}

/** Word prefixes written with a hyphen (re-send, co-founder, pre-order). */
const HYPHEN_PREFIXES = new Set([
  're',
  'pre',
  'co',
  'non',
  'multi',
  'anti',
  'self',
  'un',
  'sub',
  'mid',
  'post',
  'semi',
  'inter',
  'over',
  'under',
  'ex',
  'e',
  'x',
  'de',
  'bi',
  'tri',
  'mis',
  'out',
  'cross',
  'auto',
  'micro',
  'mini',
  'mega',
  'ultra',
  'pro',
  'hands',
  'long',
  'short',
  'well',
  'full',
  'part',
  'half',
  'all',
  'high',
  'low',
  'built',
  'opt',
  'log',
  'sign',
  'set',
  'follow',
  'check',
  'catch',
  'hand',
  'kick',
  'roll',
  'drop',
  'pop',
  'pick',
  'add',
  'plug',
  'touch',
  'go',
  'on',
]);

/**
 * Prefixes that make new words from dictionary words: the Hunspell dictionaries' own PFX rules
 * (re-, in-, un-, de-, dis-, con-, pro-: en_US.aff / en_GB.aff) and the other productive English
 * prefixes ("misdelivered", "preinstalled", "nonrefundable", "overbooked", "subfolder").
 */
const WORD_PREFIXES = [
  're',
  'in',
  'un',
  'de',
  'dis',
  'con',
  'pro',
  'mis',
  'pre',
  'non',
  'co',
  'over',
  'under',
  'out',
  'sub',
  'multi',
  'inter',
  'post',
  'auto',
  'micro',
  'mini',
  'super',
  'semi',
  'anti',
] as const;

/**
 * Words that do not form closed compounds: a run-together pair with one of these is the classic
 * typo ("everytime", "thankyou", "allready", "eachother", "therefor"), not a compound.
 */
const NOT_COMPOUND_PARTS = new Set(
  (
    'the and but for nor yet with from into onto upon than then that this these those there here where what when who whom ' +
    'whose how why which while any every some none each all ever never also just only very too much many more most few less ' +
    'own such not can will would should could may might must shall thank thanks you your yours our ours they them their ' +
    'his her hers its she him one two its are was were been being has have had does did doing get got lot lots way'
  ).split(' '),
);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const KEYBOARD: Record<string, string> = {
  q: 'wa',
  w: 'qeas',
  e: 'wrsd',
  r: 'etdf',
  t: 'ryfg',
  y: 'tugh',
  u: 'yihj',
  i: 'uojk',
  o: 'ipkl',
  p: 'ol',
  a: 'qwsz',
  s: 'awedxz',
  d: 'serfcx',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const LEET: Record<string, string[]> = {
  '0': ['o'],
  '1': ['l', 'i'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '7': ['t'],
  '8': ['b'],
  '9': ['g'],
  '6': ['b', 'g'],
  '2': ['z'],
};

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Applies the case pattern of `model` (Capitalised, ALL CAPS, lower) to `word`. */
export function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model.length > 0 && isUpper(model.charAt(0))) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** The spelling verdict on a word as written (see Spelling.classify). */
export type SpellVerdict = 0 | 1 | 2 | 3;
/** The word is fine. */
export const SPELL_OK = 0;
/** The word is misspelled wherever it stands. */
export const SPELL_BAD = 1;
/** An unknown capitalised word: misspelled only at the start of a sentence (with a suggestion). */
export const SPELL_CAPITALISED = 2;
/**
 * An unknown closed compound of two dictionary words ("timeframes", "glowpeel"): not a
 * misspelling, but not attested either — advice (info) to add it to the vocabulary if it is a name.
 * Its `fix` holds the parts ("glow + peel").
 */
export const SPELL_COMPOUND = 3;
const OK = { verdict: SPELL_OK as SpellVerdict, fix: null };

/** The workspace's words plus the curated list, with a near-miss index for suggestions. */
export class Spelling {
  private readonly known = new Set<string>();
  /** Workspace words as written (vocabulary, names, terms), by lower case, for suggestions. */
  private readonly nearKnown = new NearMissIndex<string>();
  private readonly suggestions = new Map<string, string | null>();

  constructor(
    private readonly speller: SpellerLike | undefined,
    workspaceWords: Iterable<string>,
  ) {
    for (const w of CURATED_WORDS) this.addKnown(w, false);
    for (const w of workspaceWords) this.addKnown(w, true);
  }

  private addKnown(word: string, suggestable: boolean): void {
    const norm = word.toLowerCase().replace(/\u2019/g, "'");
    if (norm.length === 0 || this.known.has(norm)) return;
    this.known.add(norm);
    if (norm.includes('-')) for (const part of norm.split('-')) if (part) this.known.add(part);
    if (suggestable && norm.length >= 3 && /^[\p{L}'-]+$/u.test(norm)) this.nearKnown.add(norm, word);
  }

  /** The word (lower case) is one of the workspace's or curated words, maybe inflected. */
  isKnown(norm: string): boolean {
    if (this.known.has(norm)) return true;
    for (const ending of INFLECTIONS) {
      if (norm.length > ending.length + 1 && norm.endsWith(ending) && this.known.has(norm.slice(0, -ending.length)))
        return true;
    }
    return false;
  }

  /** Whether the dictionary (or, without one, the known words) accepts the word. */
  private dictionaryHas(word: string): boolean {
    if (this.isKnown(word.toLowerCase())) return true;
    return this.speller ? cachedCorrect(this.speller, word) : false;
  }

  /**
   * The context-free verdict on a word as written: SPELL_OK, SPELL_BAD (misspelled wherever it
   * stands), or SPELL_CAPITALISED (an unknown capitalised word: a typo only at the start of a
   * sentence, where capitals do not mark a name). Mixed letter-digit words carry their fix.
   */
  classify(t: Token): { verdict: SpellVerdict; fix: string | null } {
    if (t.kind === 'mixed') return this.classifyMixed(t);
    if (t.kind !== 'word' || t.nonAscii) return OK;
    const text = t.text;
    const len = text.length;
    if (len < 2 || len > 40) return OK;
    const firstUpper = isUpper(text.charAt(0));
    let upperCount = firstUpper ? 1 : 0;
    if (t.norm !== text) for (let k = 1; k < len; k++) if (isUpper(text.charAt(k))) upperCount++;
    // ALL CAPS (acronyms, shouting) and camelCase brands (iPhone, HubSpot) are not checked.
    if (upperCount === len || upperCount > (firstUpper ? 1 : 0)) return OK;
    if (this.isKnown(t.norm)) return OK;
    if (!this.speller) {
      // Without a dictionary only near-misses of the workspace's own words can be told apart.
      const near = this.nearKnown.near(t.norm);
      return near.length === 0
        ? OK
        : { verdict: firstUpper ? SPELL_CAPITALISED : SPELL_BAD, fix: matchCase(text, near[0]!.payload) };
    }
    if (cachedCorrect(this.speller, text)) {
      // Accepted only by the supplementary list, yet a doubled or undoubled letter away from a
      // core-dictionary word ("begining", "wonderfull"): the common word misspelled.
      if (!this.speller.correctCore || cachedCore(this.speller, text) || !this.nearCoreWord(t.norm, false)) return OK;
      return { verdict: firstUpper ? SPELL_CAPITALISED : SPELL_BAD, fix: null };
    }
    const apostrophe = t.norm.indexOf("'");
    if (apostrophe > 0) {
      // A possessive or contraction of a known word (Figma's, Lynn's).
      const stem = t.norm.slice(0, apostrophe);
      if (this.isKnown(stem) || cachedCorrect(this.speller, text.slice(0, apostrophe))) return OK;
    }
    const built = this.derived(t.norm, upperCount === 0);
    if (built === true) return OK;
    if (built) return { verdict: SPELL_COMPOUND, fix: built };
    return { verdict: firstUpper ? SPELL_CAPITALISED : SPELL_BAD, fix: null };
  }

  /** A core-dictionary (or known) word in lower case: a part of a compound or prefixed word. */
  private good(word: string): boolean {
    return this.isKnown(word) || cachedCore(this.speller!, word);
  }

  /**
   * A word the dictionary lacks but builds from its words (lower case, `lower` when written in
   * lower case). True for a prefixed word ("misdelivered", "unreceived": prefix + a dictionary
   * word of five letters or more, so "untill" stays a typo), expressive lengthening of a
   * dictionary word ("Yeahhh", "sooo") and a lower-case acronym that the dictionary has only in
   * capitals ("sms"). The parts ("time + frames") for a closed compound of two dictionary words of
   * three letters or more, the dictionary's affix rules inflecting the last ("timeframes",
   * "nameservers", "grandkids"), neither a function word ("everytime", "thankyou" stay typos):
   * the word is no misspelling, but it may be a coined name worth adding to the vocabulary. False
   * otherwise — and for a build one slip from a dictionary word ("independant", "wonderfull").
   */
  private derived(norm: string, lower: boolean): boolean | string {
    const n = norm.length;
    if (!/^[a-z]+$/.test(norm)) return false;
    if (lower && n >= 2 && n <= 5) {
      const upper = norm.toUpperCase();
      const capital = norm.charAt(0).toUpperCase() + norm.slice(1);
      if (cachedCorrect(this.speller!, upper) && !cachedCorrect(this.speller!, capital)) return true;
    }
    if (n < 4) return false;
    let built: boolean | string = false;
    for (const p of WORD_PREFIXES) {
      if (n - p.length >= 5 && norm.startsWith(p) && this.good(norm.slice(p.length))) {
        built = true;
        break;
      }
    }
    if (!built && n >= 6) {
      for (let i = 3; i <= n - 3 && !built; i++) {
        const a = norm.slice(0, i);
        const b = norm.slice(i);
        if (NOT_COMPOUND_PARTS.has(a) || NOT_COMPOUND_PARTS.has(b)) continue;
        if (this.good(a) && this.good(b)) built = `${a} + ${b}`;
      }
    }
    // A build that is also one slip from a dictionary word is that word misspelled
    // ("independant": in + dependant, but "independent"; "wonderfull": wonder + full).
    if (built) return this.nearCoreWord(norm, true) ? false : built;
    if (/(\w)\1\1/.test(norm)) {
      const two = norm.replace(/(\w)\1+/g, '$1$1');
      const one = norm.replace(/(\w)\1+/g, '$1');
      if (this.good(two) || this.good(one)) return true;
    }
    return false;
  }

  /**
   * Whether a core-dictionary word is one slip from `norm`: a doubled letter single or a single
   * letter doubled, and (with `vowels`) one vowel for another.
   */
  private nearCoreWord(norm: string, vowels: boolean): boolean {
    for (const v of doubledVariants(norm, true)) if (this.good(v)) return true;
    if (!vowels) return false;
    for (let i = 0; i < norm.length; i++) {
      const c = norm[i]!;
      if (!VOWELS.has(c) || c === 'y') continue;
      for (const o of 'aeiou') {
        if (o !== c && this.good(norm.slice(0, i) + o + norm.slice(i + 1))) return true;
      }
    }
    return false;
  }

  /** Whether the token at `i` is one half of a hyphenated reduplication ("matchy-matchy", "bye-bye"). */
  static reduplicated(tokens: readonly Token[], i: number): boolean {
    const t = tokens[i]!;
    const dash = (k: number): boolean => {
      const d = tokens[k];
      return !!d && d.kind === 'punct' && d.text === '-' && !d.spaceBefore;
    };
    const next = tokens[i + 2];
    if (dash(i + 1) && next && !next.spaceBefore && next.norm === t.norm) return true;
    const prev = tokens[i - 2];
    return dash(i - 1) && !t.spaceBefore && !!prev && prev.norm === t.norm;
  }

  /** "Ap0logies": a digit between letters is a typo when it stands for a letter. */
  private classifyMixed(t: Token): { verdict: SpellVerdict; fix: string | null } {
    const text = t.text;
    if (!/\p{L}\p{Nd}+\p{L}/u.test(text) || this.isKnown(t.norm)) return OK;
    const letters = text.replace(/[^\p{L}]/gu, '');
    if (letters === letters.toUpperCase()) return OK;
    const fixed = this.leet(text);
    if (fixed) return { verdict: SPELL_BAD, fix: fixed };
    return letters.length >= 4 ? { verdict: SPELL_BAD, fix: null } : OK;
  }

  /** Whether the token at `i` is a prefix written with a hyphen (re-send, co-founder). */
  static hyphenPrefix(tokens: readonly Token[], i: number): boolean {
    const next = tokens[i + 1];
    return (
      !!next && next.kind === 'punct' && !next.spaceBefore && next.text === '-' && HYPHEN_PREFIXES.has(tokens[i]!.norm)
    );
  }

  private leet(text: string): string | null {
    let variants = [''];
    for (const c of text) {
      const options = LEET[c];
      const next: string[] = [];
      for (const v of variants) {
        if (options)
          for (const o of options) next.push(v + (isUpper(v.slice(-1)) && v.length > 1 ? o.toUpperCase() : o));
        else next.push(v + c);
      }
      variants = next.slice(0, 16);
    }
    for (const v of variants) if (!/\d/.test(v) && this.dictionaryHas(v)) return v;
    return null;
  }

  /** The best replacement for a misspelled word (case kept), or null. Memoised. */
  suggest(word: string): string | null {
    const cached = this.suggestions.get(word);
    if (cached !== undefined) return cached;
    const lower = word.toLowerCase();
    let best: string | null = null;
    const near = this.nearKnown.near(lower);
    if (near.length > 0) best = near[0]!.payload;
    else if (this.speller) {
      best = this.bestEdit(lower, 1) ?? (lower.length >= 5 ? this.bestEdit(lower, 2) : null);
      if (best) best = matchCase(word, best);
    }
    if (this.suggestions.size >= 10_000) trimOldest(this.suggestions);
    this.suggestions.set(word, best);
    return best;
  }

  /** The best dictionary word one edit away (or two, through a doubled/undoubled letter first). */
  private bestEdit(word: string, distance: 1 | 2): string | null {
    const speller = this.speller!;
    let bestWord: string | null = null;
    let bestScore = Infinity;
    const consider = (candidate: string, score: number, verified = false): void => {
      if (score > bestScore || candidate.length === 0) return;
      if (score === bestScore && bestWord !== null && candidate >= bestWord) return;
      if (!verified && !cachedCorrect(speller, candidate)) return;
      bestWord = candidate;
      bestScore = score;
    };
    const sources = distance === 1 ? [word] : doubledVariants(word);
    for (const src of sources) {
      const base = distance === 1 ? 0 : 5;
      const n = src.length;
      for (let i = 0; i < n - 1; i++) {
        if (src[i] !== src[i + 1]) consider(src.slice(0, i) + src[i + 1]! + src[i]! + src.slice(i + 2), base);
      }
      for (let i = 0; i < n; i++) {
        const c = src[i]!;
        const doubled = (i > 0 && src[i - 1] === c) || src[i + 1] === c;
        consider(src.slice(0, i) + src.slice(i + 1), base + (doubled ? 1 : 3));
      }
      for (let i = 0; i <= n; i++) {
        for (const c of ALPHABET) {
          const doubles = src[i - 1] === c || src[i] === c;
          consider(src.slice(0, i) + c + src.slice(i), base + (doubles ? 1 : 3));
        }
      }
      for (let i = 0; i < n; i++) {
        const orig = src[i]!;
        const near = KEYBOARD[orig] ?? '';
        for (const c of ALPHABET) {
          if (c === orig) continue;
          const score = VOWELS.has(c) && VOWELS.has(orig) ? 2 : near.includes(c) ? 2 : 4;
          consider(src.slice(0, i) + c + src.slice(i + 1), base + score);
        }
      }
      if (distance === 1) {
        // A contraction without its apostrophe ("dont", "isnt", "youre").
        for (let i = Math.max(1, n - 3); i < n; i++) consider(`${src.slice(0, i)}'${src.slice(i)}`, 1);
        // Two words run together ("alot", "infact").
        for (let i = 1; i < n; i++) {
          const a = src.slice(0, i);
          const b = src.slice(i);
          if (
            (a.length > 1 || a === 'a' || a === 'i') &&
            b.length > 1 &&
            cachedCorrect(speller, a) &&
            cachedCorrect(speller, b)
          )
            consider(`${a} ${b}`, 3, true);
        }
      }
    }
    return bestWord;
  }
}

/**
 * The word with each doubled letter single and each single letter doubled (for two-edit typos).
 * With `keepL`, an "l" before a vowel is left alone: "cancelled"/"canceled" and
 * "travelling"/"traveling" are the British and American spellings, not a slip.
 */
function doubledVariants(word: string, keepL = false): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    const lBeforeVowel = keepL && word[i] === 'l' && /[aeiouy]/.test(word[word[i + 1] === 'l' ? i + 2 : i + 1] ?? '');
    if (lBeforeVowel) continue;
    if (word[i] === word[i + 1]) out.add(word.slice(0, i) + word.slice(i + 1));
    else out.add(word.slice(0, i + 1) + word[i]! + word.slice(i + 1));
  }
  out.delete(word);
  return [...out];
}
