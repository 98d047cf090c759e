// Text utilities for the apology analyser: one normalisation, one tokenisation pass, sentences,
// and helpers to run precompiled patterns with clause scoping. UTF-16 offsets are preserved
// everywhere: the normalised text has exactly the input's length.
import type { Span } from '../types.ts';
import { commonGate, type GateWord, gateWords, keyOf, runKey, triggerPrefixes } from './triggers.ts';

/** A sentence of the analysed text: `[start, end)` in UTF-16 offsets, `end` exclusive. */
export interface Sentence {
  start: number;
  end: number;
}

/** A match of a pattern: its span plus the sentence index it starts in. */
export interface Hit extends Span {
  sentence: number;
}

/** The analysed text after one pass: lower-cased same-length copy, sentences, word count. */
export interface Doc {
  text: string;
  /** Lower case, curly quotes straightened; same length as `text`, so offsets carry over. */
  lc: string;
  sentences: Sentence[];
  /** Start offset of every word (for too_long and locating the Nth word). */
  wordStarts: number[];
  /** Start offsets of every alphanumeric run, by its key (see runKey: first three letters, a whole short word, or a digit). */
  starts: Map<number, number[]>;
  /** Which gated pattern parts this document can match (see activate). */
  activation: { version: number; id: number };
}

const SPECIAL = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u02BC\u201C\u201D\u201E\u201F\u2033\u2013\u2014\u2212]/;
const SPECIAL_ALL = new RegExp(SPECIAL.source, 'g');
const SPECIAL_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

/** Lower-cases without changing the length (a few characters grow when lower-cased, e.g. "İ"). */
function sameLengthLower(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'ms',
  'mrs',
  'mx',
  'dr',
  'st',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'no',
  'jr',
  'sr',
  'approx',
  'dept',
  'e.g',
  'i.e',
]);

const BLANK_OR_BULLET = /\n[ \t]*\n|[*\u2022]|\n[ \t]*-/;

/** Normalises and splits the text into sentences in one tokenisation pass. */
export function makeDoc(text: string): Doc {
  let lc = sameLengthLower(text);
  if (SPECIAL.test(lc)) lc = lc.replace(SPECIAL_ALL, (c) => SPECIAL_MAP[c] ?? c);
  const sentences: Sentence[] = [];
  const wordStarts: number[] = [];
  const starts = new Map<number, number[]>();
  let start = -1;
  let lastWordEnd = -1;
  let wordBegin = 0; // start of the current joined word ("e.g", "i've")
  let pendingBreak = false;
  const n = lc.length;
  let i = 0;
  while (i < n) {
    const c = lc.charCodeAt(i);
    if (isAlnum(c, lc, i)) {
      let j = i + 1;
      while (j < n && isAlnum(lc.charCodeAt(j), lc, j)) j++;
      if (pendingBreak && start >= 0) {
        // A line break ends a sentence when the next line starts a new thought (upper case,
        // bullet, blank line, or the line before ended with a comma or colon).
        const between = text.slice(lastWordEnd, i);
        const first = text.charAt(i);
        const prevChar = lc.charAt(lastWordEnd);
        if (
          BLANK_OR_BULLET.test(between) ||
          prevChar === ',' ||
          prevChar === ':' ||
          prevChar === ';' ||
          first !== first.toLowerCase()
        ) {
          sentences.push({ start, end: lastWordEnd });
          start = -1;
        }
      }
      pendingBreak = false;
      if (start < 0) start = i;
      // "i've", "double-booked", "e.g" are one word for counting, several runs for matching.
      const joined = i === lastWordEnd + 1 && lastWordEnd >= 0 && JOINERS.includes(lc.charAt(lastWordEnd));
      if (!joined) {
        wordStarts.push(i);
        wordBegin = i;
      }
      const key = runKey(lc, i, j);
      if (key >= 0) {
        const list = starts.get(key);
        if (list) list.push(i);
        else starts.set(key, [i]);
      }
      lastWordEnd = j;
      i = j;
      continue;
    }
    if (c === 10) {
      if (start >= 0) pendingBreak = true;
      i++;
      continue;
    }
    if (c === 46 || c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && (lc.charCodeAt(j) === 46 || lc.charCodeAt(j) === 33 || lc.charCodeAt(j) === 63)) j++;
      const single = j === i + 1 && c === 46;
      // Not a sentence end inside "4.20" or "example.com", nor after "Mr." or "e.g.".
      if (single && i === lastWordEnd && j < n && isAlnum(lc.charCodeAt(j), lc, j)) {
        i = j;
        continue;
      }
      const word = single && i === lastWordEnd ? lc.slice(wordBegin, i) : '';
      const abbreviation = word !== '' && (ABBREVIATIONS.has(word) || /^\p{L}(?:\.\p{L})+$/u.test(word));
      if (start >= 0 && !abbreviation) {
        sentences.push({ start, end: j });
        start = -1;
      }
      pendingBreak = false;
      i = j;
      continue;
    }
    i++;
  }
  if (start >= 0) sentences.push({ start, end: lastWordEnd });
  return { text, lc, sentences, wordStarts, starts, activation: { version: -1, id: 0 } };
}

function isAlnum(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return ALNUM.test(s.charAt(i));
}

const JOINERS = "'-.";

/** One top-level alternative of a pattern, with the words that can start it and that it must contain. */
interface Part {
  /** The activation id of the last document in which a gate word of this part occurs. */
  doc: number;
  /** Sentences of that document that hold a gate word: a short list, or a mask once it grows. */
  allowed: number[];
  mask: Uint8Array | null;
  global: RegExp;
  sticky: RegExp;
  prefixes: number[] | null;
  /** Words a match must contain (any one of them); null when it cannot be told by words. */
  gates: { word: string; complete: boolean; key: number }[] | null;
}
const plans = new WeakMap<RegExp, Part[]>();

// Gate words of every part, indexed once: a document activates the parts whose words it has by
// looking up its own (few) distinct words, instead of every part looking up its (many) words.
const byKey = new Map<number, { part: Part; word: string; complete: boolean }[]>();
let registryVersion = 0;
let activationIds = 0;

function register(part: Part): void {
  for (const g of part.gates ?? []) {
    const entry = { part, word: g.word, complete: g.complete };
    const list = byKey.get(g.key);
    if (list) list.push(entry);
    else byKey.set(g.key, [entry]);
  }
  registryVersion++;
}

function mark(doc: Doc, id: number, part: Part, at: number): void {
  const sentence = sentenceAt(doc, at);
  if (part.doc !== id) {
    part.doc = id;
    part.allowed = [sentence];
    part.mask = null;
  } else if (part.mask) part.mask[sentence] = 1;
  else if (!part.allowed.includes(sentence)) {
    part.allowed.push(sentence);
    if (part.allowed.length > 16) {
      part.mask = new Uint8Array(doc.sentences.length + 1);
      for (const s of part.allowed) part.mask[s] = 1;
    }
  }
}

/** Marks, for this document, every gated part one of whose words it contains, and where. */
function activate(doc: Doc): void {
  const id = ++activationIds;
  doc.activation = { version: registryVersion, id };
  const lc = doc.lc;
  const n = lc.length;
  doc.starts.forEach((positions, key) => {
    const entries = byKey.get(key);
    if (!entries) return;
    for (let e = 0; e < entries.length; e++) {
      const { part, word, complete } = entries[e]!;
      // A whole short word ("me", "us") is its own key: nothing more to compare.
      const exact = complete && word.length < 3;
      for (let p = 0; p < positions.length; p++) {
        const at = positions[p]!;
        if (!exact) {
          if (!lc.startsWith(word, at)) continue;
          if (complete) {
            const end = at + word.length;
            if (end < n && isAlnum(lc.charCodeAt(end), lc, end)) continue;
          }
        }
        mark(doc, id, part, at);
      }
    }
  });
}

/** Gates on common words only ("with", "the") narrow nothing and cost a mark per occurrence: none. */
function usefulGates(gates: GateWord[][] | null): GateWord[][] | null {
  return gates && commonGate(gates) ? null : gates;
}

function flattenGates(gates: GateWord[][] | null): Part['gates'] {
  if (!gates) return null;
  const seen = new Set<string>();
  const out: NonNullable<Part['gates']> = [];
  for (const set of gates)
    for (const w of set) {
      const id = `${w.word}${w.complete ? '$' : ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        word: w.word,
        complete: w.complete,
        key: keyOf(w.word.length >= 3 ? w.word.slice(0, 3) : `${w.word}$`),
      });
    }
  return out;
}

/** Splits a pattern into its top-level alternatives (inside one wrapping `\b(?:…)\b` too). */
export function splitAlternatives(source: string): string[] {
  const top = (src: string): string[] => {
    const parts: string[] = [];
    let depth = 0;
    let inClass = false;
    let from = 0;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c === ']') inClass = false;
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) {
        parts.push(src.slice(from, i));
        from = i + 1;
      }
    }
    parts.push(src.slice(from));
    return parts;
  };
  // Capturing groups would be renumbered by a split: keep such patterns whole.
  if (/\((?!\?)/.test(source.replace(/\\./g, ''))) return [source];
  const parts = top(source);
  if (parts.length > 1) return parts;
  const wrapped = /^\\b\(\?:([\s\S]*)\)\\b$/.exec(source);
  if (wrapped && top(`(?:${wrapped[1]})`).length === 1) {
    const inner = top(wrapped[1]!);
    // The inner split is only valid when the wrapping group really spans the whole pattern.
    let depth = 0;
    let ok = true;
    const body = wrapped[1]!;
    for (let i = 0; i < body.length && ok; i++) {
      const c = body[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth < 0) ok = false;
    }
    if (ok && inner.length > 1) return inner.map((alt) => `\\b(?:${alt})\\b`);
  }
  return parts;
}

/** "re-?send" becomes "(?:resend|re-send)": same matches, but both spellings start a word, so they can gate. */
function expandHyphens(source: string): string {
  return source.replace(/(?<![\\\w])([a-z]+)-\?([a-z]+)(?![?*+{a-z])/g, '(?:$1$2|$1-$2)');
}

function numericKeys(prefixes: string[] | null): number[] | null {
  if (!prefixes) return null;
  const keys = prefixes.map(keyOf);
  return keys.includes(-1) ? null : keys;
}

function partsFor(re: RegExp): Part[] {
  let parts = plans.get(re);
  if (!parts) {
    const flags = re.flags.replace('g', '');
    parts = splitAlternatives(expandHyphens(re.source)).map((source) => {
      return {
        doc: 0,
        allowed: [],
        mask: null,
        global: new RegExp(source, `${flags}g`),
        sticky: new RegExp(source, `${flags}y`),
        prefixes: numericKeys(triggerPrefixes(source)),
        gates: flattenGates(usefulGates(gateWords(source))),
      };
    });
    plans.set(re, parts);
    for (const part of parts) register(part);
  }
  return parts;
}

function scanPart(doc: Doc, part: Part, out: RegExpExecArray[]): void {
  // Sentences that hold a word every match must contain: only there can a match start.
  let allowed: number[] | null = null;
  let mask: Uint8Array | null = null;
  if (part.gates) {
    if (part.doc !== doc.activation.id) return;
    mask = part.mask;
    allowed = mask ? null : part.allowed;
  }
  if (part.prefixes === null) {
    const re = part.global;
    re.lastIndex = 0;
    for (let m = re.exec(doc.lc); m !== null; m = re.exec(doc.lc)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(m);
    }
    return;
  }
  let first: number[] | undefined;
  let lists: number[][] | undefined;
  for (const key of part.prefixes) {
    const list = doc.starts.get(key);
    if (!list) continue;
    if (!first) first = list;
    else (lists ??= [first]).push(list);
  }
  if (!first) return;
  const positions = lists ? merge(lists) : first;
  const sticky = part.sticky;
  let reachedEnd = -1;
  let previous = -1;
  for (const at of positions) {
    if (at < reachedEnd || at === previous) continue;
    previous = at;
    if (mask ? mask[sentenceAt(doc, at)] !== 1 : allowed && !allowed.includes(sentenceAt(doc, at))) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(doc.lc);
    if (m && m[0].length > 0) {
      out.push(m);
      reachedEnd = at + m[0].length;
    }
  }
}

/** Sorted union of a few sorted lists of offsets. */
function merge(lists: number[][]): number[] {
  let total = 0;
  for (const l of lists) total += l.length;
  const out = new Array<number>(total);
  let n = 0;
  for (const l of lists) for (const v of l) out[n++] = v;
  // Insertion sort: the lists are short and each already sorted.
  for (let i = 1; i < n; i++) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  return out;
}

/**
 * Every non-overlapping match of a pattern, leftmost first — like a global scan, but each
 * top-level alternative is only tried at words that can start it, in sentences that hold a word
 * it must contain.
 */
export function scan(doc: Doc, re: RegExp): RegExpExecArray[] {
  const parts = partsFor(re);
  if (doc.activation.version !== registryVersion) activate(doc);
  const out: RegExpExecArray[] = [];
  for (const part of parts) scanPart(doc, part, out);
  if (parts.length === 1 || out.length < 2) return out;
  out.sort((a, b) => a.index - b.index || b[0].length - a[0].length);
  const kept: RegExpExecArray[] = [];
  let end = -1;
  for (const m of out) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + m[0].length;
  }
  return kept;
}

/** True when the pattern matches anywhere in the document. */
export function has(doc: Doc, re: RegExp): boolean {
  return scan(doc, re).length > 0;
}

/** Index of the sentence containing `offset` (binary search), or the nearest one before it. */
export function sentenceAt(doc: Doc, offset: number): number {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Every match of a global regex over the lower-cased text, with its sentence. */
export function findAll(doc: Doc, re: RegExp, group = 0): Hit[] {
  const hits: Hit[] = [];
  for (const m of scan(doc, re)) {
    let start = m.index;
    let end = m.index + m[0].length;
    if (group > 0 && m[group] !== undefined) {
      start = m.index + m[0].indexOf(m[group]);
      end = start + m[group].length;
    }
    hits.push({ start, end, sentence: sentenceAt(doc, m.index) });
  }
  return hits;
}

/** How far before/after a hit the clause checks look (keeps run-on text linear). */
const WINDOW = 200;

/** The text of the sentence before the hit (at most WINDOW characters). */
export function before(doc: Doc, hit: Hit): string {
  const s = doc.sentences[hit.sentence];
  const from = s ? Math.min(s.start, hit.start) : 0;
  return doc.lc.slice(Math.max(from, hit.start - WINDOW), hit.start);
}

/** The text of the sentence after the hit (at most WINDOW characters). */
export function after(doc: Doc, hit: Hit): string {
  const s = doc.sentences[hit.sentence];
  const to = s ? Math.max(s.end, hit.end) : doc.lc.length;
  return doc.lc.slice(hit.end, Math.min(to, hit.end + WINDOW));
}

/** The whole lower-cased sentence a hit is in. */
export function sentenceText(doc: Doc, index: number): string {
  const s = doc.sentences[index];
  return s ? doc.lc.slice(s.start, s.end) : '';
}

const CONDITIONAL_LEAD = /\b(?:if|whether|unless|in case)\b(?:(?! -+ )[^,;:\u2013\u2014])*$/;
const STARTS_CONDITIONAL = /^\W*(?:if|whether|even if|in case)\b/;

/** True when the hit sits inside a conditional ("if we sent…", "If so, that's on us"). */
export function inConditional(doc: Doc, hit: Hit): boolean {
  const s = doc.sentences[hit.sentence];
  const from = s ? Math.min(s.start, hit.start) : 0;
  const b = doc.lc.slice(Math.max(from, hit.start - 160), hit.start);
  if (!QUICK_CONDITIONAL.test(b)) return false;
  return CONDITIONAL_LEAD.test(b) || STARTS_CONDITIONAL.test(doc.lc.slice(from, Math.min(hit.start, from + 16)));
}
const QUICK_CONDITIONAL = /\b(?:if|whether|unless|case)\b/;

const NEGATED_LEAD = /(?:\b(?:not|never|no|hardly|nothing|neither|nor)|n't)\s+(?:\S+\s+){0,1}$/;

/** True when the words right before the hit negate it ("it's not my fault", "we did not …"). */
export function negated(doc: Doc, hit: Hit): boolean {
  const s = doc.sentences[hit.sentence];
  const from = s ? Math.min(s.start, hit.start) : 0;
  return NEGATED_LEAD.test(doc.lc.slice(Math.max(from, hit.start - 40), hit.start));
}

/** Builds a case-insensitive-by-construction global regex from alternatives (lower-case only). */
export function words(alternatives: readonly string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** Sorts spans and removes exact duplicates. */
export function uniqueSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (!last || last.start !== s.start || last.end !== s.end) out.push({ start: s.start, end: s.end });
  }
  return out;
}
