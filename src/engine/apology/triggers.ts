// Which words can start a match of a regex: the analyser runs each pattern only where the
// document has such a word (a sticky copy, tried at those word starts), instead of scanning the
// whole text with every pattern. The prefixes are derived from the pattern source itself, so
// patterns and triggers cannot drift apart; a pattern whose match may start with something other
// than a letter gets `null` and is scanned in full.

type Node =
  | { t: 'char'; c: string }
  | { t: 'any' }
  | { t: 'digit' }
  | { t: 'assert' }
  | { t: 'wordb' }
  | { t: 'group'; alts: Node[][]; min: number; max: number };

/** Parses the subset of regex syntax the analyser uses into a small tree. */
function parse(src: string): Node[][] {
  let i = 0;
  const alternatives = (): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === ')') break;
      if (ch === '|') {
        alts.push([]);
        i++;
        continue;
      }
      let node: Node;
      if (ch === '(') {
        i++;
        let lookaround = false;
        if (src[i] === '?') {
          const kind = src.slice(i, i + 3);
          if (kind.startsWith('?:')) i += 2;
          else if (kind === '?<=' || kind === '?<!') {
            i += 3;
            lookaround = true;
          } else if (kind.startsWith('?=') || kind.startsWith('?!')) {
            i += 2;
            lookaround = true;
          } else if (kind.startsWith('?<')) {
            i = src.indexOf('>', i) + 1;
          }
        }
        const inner = alternatives();
        i++; // ')'
        node = lookaround ? { t: 'assert' } : { t: 'group', alts: inner, min: 1, max: 1 };
      } else if (ch === '[') {
        i++;
        if (src[i] === '^') i++;
        if (src[i] === ']') i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        i++;
        node = { t: 'any' };
      } else if (ch === '\\') {
        const e = src[i + 1] ?? '';
        i += 2;
        if (e === 'b') node = { t: 'wordb' };
        else if (e === 'B') node = { t: 'assert' };
        else if (e === 'd') node = { t: 'digit' };
        else if ('wWDsSpPuxk'.includes(e)) {
          if ((e === 'p' || e === 'P' || e === 'u' || e === 'k') && src[i] === '{') i = src.indexOf('}', i) + 1;
          node = { t: 'any' };
        } else node = { t: 'char', c: e };
      } else if (ch === '.') {
        i++;
        node = { t: 'any' };
      } else if (ch === '^' || ch === '$') {
        i++;
        node = { t: 'assert' };
      } else {
        i++;
        node = { t: 'char', c: ch };
      }
      // quantifier
      const q = src[i];
      let min = 1;
      let max = 1;
      if (q === '?' || q === '*' || q === '+') {
        min = q === '+' ? 1 : 0;
        max = q === '?' ? 1 : Infinity;
        i++;
      } else if (q === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(src.slice(i));
        if (m) {
          min = Number(m[1] || 0);
          max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
          i += m[0].length;
        }
      }
      if (src[i] === '?') i++; // lazy
      if (min !== 1 || max !== 1) node = { t: 'group', alts: [[node]], min, max };
      alts[alts.length - 1]!.push(node);
    }
    return alts;
  };
  return alternatives();
}

const KEY = 3;
const LETTER = /^[a-z]$/;

/** Possible first `need` letters of a match continuing with `stack` (null: may start with a non-letter). */
function first(stack: Node[][], need: number, depth: number): Set<string> | null {
  if (need === 0 || depth > 40) return new Set(['']);
  let k = 0;
  while (k < stack.length && stack[k]!.length === 0) k++;
  // The pattern may end here: the word may go on (a prefix, not a whole word).
  if (k === stack.length) return need === KEY ? null : new Set(['']);
  const list = stack[k]!;
  const node = list[0]!;
  const rest = [list.slice(1), ...stack.slice(k + 1)];
  switch (node.t) {
    case 'assert':
      return first(rest, need, depth + 1);
    case 'wordb':
      // A word boundary after letters ends the word: the trigger is that whole word.
      return need === KEY ? first(rest, need, depth + 1) : new Set(['$']);
    case 'any':
      return need === KEY ? null : new Set(['']);
    case 'digit':
      // A run starting with a digit is indexed under '#'.
      return new Set([need === KEY ? '#' : '']);
    case 'char': {
      // A space, apostrophe or hyphen after letters ends the word (runs split there).
      if (!LETTER.test(node.c)) return need === KEY ? null : new Set(['$']);
      const sub = first(rest, need - 1, depth + 1);
      if (!sub) return null;
      return new Set([...sub].map((s) => node.c + s));
    }
    case 'group': {
      const out = new Set<string>();
      const add = (s: Set<string> | null): boolean => {
        if (!s) return false;
        for (const x of s) out.add(x);
        return true;
      };
      if (node.min === 0 && !add(first(rest, need, depth + 1))) return null;
      const again: Node[] = node.max > 1 ? [{ t: 'group', alts: node.alts, min: 0, max: node.max - 1 }] : [];
      for (const alt of node.alts) if (!add(first([alt, again, ...rest], need, depth + 1))) return null;
      return out;
    }
  }
}

/**
 * The keys a match of `source` must start at, or null if unknown: a three-letter prefix ("apo"),
 * a whole short word ("i$", "we$"), a short prefix ("re"), or "#" for a digit.
 */
export function triggerPrefixes(source: string): string[] | null {
  const set = first([[{ t: 'group', alts: parse(source), min: 1, max: 1 }]], KEY, 0);
  if (!set || set.has('')) return null;
  return [...new Set([...set].map((k) => (k.length === 4 && k.endsWith('$') ? k.slice(0, 3) : k)))];
}

/** A word a match must contain: whole (`complete`) or as the start of a word. */
export interface GateWord {
  word: string;
  complete: boolean;
}

/** Words too common to tell documents apart: a gate on them would let nearly everything through. */
const COMMON = new Set(
  "the and you your our for with that this was were have has had been are will not but all any can one two his her they them their from into about what when which who how its it's than then there here also just only very more some out get got now new did does done".split(
    ' ',
  ),
);

/** Whether a gate is made only of words seen in almost every sentence (gating on it costs more than it saves). */
export function commonGate(gates: GateWord[][]): boolean {
  return gates.every((set) => set.length > 0 && set.every((w) => COMMON.has(w.word) || COMMON2.has(w.word)));
}

/** Two-letter words seen in almost every sentence. */
const COMMON2 = new Set('to of in on at is it be by as or an if so do no up we he go am'.split(' '));

function score(set: GateWord[]): number {
  let min = Infinity;
  for (const w of set) {
    // A short word can only be looked up whole; a short prefix can't be looked up at all.
    // Common words still narrow the search a little; only a short prefix can't be looked up at all.
    const value =
      w.word.length < 3
        ? w.complete
          ? COMMON2.has(w.word)
            ? 0.5
            : 2
          : 0
        : COMMON.has(w.word)
          ? 1
          : w.word.length + (w.complete ? 1 : 0);
    min = Math.min(min, value);
  }
  return min === Infinity ? 0 : min;
}

/** True when every way through the sequence ends with a space, apostrophe or hyphen. */
function endsWithNonLetter(alt: Node[]): boolean {
  const last = alt[alt.length - 1];
  if (last === undefined) return false;
  if (last.t === 'char') return !LETTER.test(last.c);
  if (last.t === 'group') return last.alts.every(endsWithNonLetter);
  return false;
}

/**
 * Any-of word sets that every match of the sequence must satisfy (one set per mandatory spot).
 * Each word starts at a word start, so it can be looked up among the document's words.
 */
function mandatory(items: Node[], startAtWord: boolean, endsAtBoundary = false): GateWord[][] {
  const out: GateWord[][] = [];
  let run = '';
  let runAtStart = startAtWord;
  let atWordStart = startAtWord;
  const flush = (complete: boolean): void => {
    if (run.length >= 2 && runAtStart) out.push([{ word: run, complete }]);
    run = '';
  };
  for (let idx = 0; idx < items.length; idx++) {
    const node = items[idx]!;
    if (node.t === 'char') {
      if (LETTER.test(node.c)) {
        if (run === '') runAtStart = atWordStart;
        run += node.c;
        atWordStart = false;
      } else {
        flush(true);
        atWordStart = node.c === ' ' || node.c === "'" || node.c === '-';
      }
    } else if (node.t === 'wordb') {
      if (run) flush(true);
      atWordStart = true;
    } else if (node.t === 'assert') {
      continue;
    } else if (node.t === 'group') {
      const before = atWordStart && run === '';
      flush(false);
      if (node.min >= 1) {
        // Each alternative must contribute a word for the group to be an any-of set.
        const next = items[idx + 1];
        const boundary =
          next === undefined ? endsAtBoundary : next.t === 'wordb' || (next.t === 'char' && !LETTER.test(next.c));
        const sets = node.alts.map((alt) => mandatory(alt, before, boundary));
        if (sets.every((x) => x.length > 0)) {
          const union: GateWord[] = [];
          for (const x of sets) {
            const best = [...x].sort((a, b) => score(b) - score(a))[0]!;
            union.push(...best);
          }
          out.push(union);
        }
      }
      const endsAtWordStart = node.alts.every(endsWithNonLetter);
      atWordStart = endsAtWordStart && (node.min >= 1 || before);
    } else {
      flush(false);
      atWordStart = false;
    }
  }
  flush(endsAtBoundary);
  return out;
}

/**
 * For each top-level alternative of the pattern, the any-of word set that best tells documents
 * apart; null when some alternative has none (the pattern cannot be skipped by words).
 */
export function gateWords(source: string): GateWord[][] | null {
  const tree = parse(source);
  let alts = tree;
  if (alts.length === 1) {
    const items = alts[0]!.filter((n) => n.t !== 'wordb' && n.t !== 'assert');
    const only = items[0];
    if (items.length === 1 && only && only.t === 'group' && only.min === 1 && only.max === 1) alts = only.alts;
  }
  const gates: GateWord[][] = [];
  for (const alt of alts) {
    const sets = mandatory(alt, true, false).filter((x) => score(x) > 0);
    if (sets.length === 0) return null;
    sets.sort((a, b) => score(b) - score(a));
    gates.push(sets[0]!);
  }
  return gates;
}

/** The numeric key of a trigger: "abc" (a three-letter prefix), "ab$" (a whole short word), "#" (a digit); -1 otherwise. */
export function keyOf(trigger: string): number {
  if (trigger === '#') return 40000;
  const whole = trigger.endsWith('$');
  const letters = whole ? trigger.slice(0, -1) : trigger;
  if (!/^[a-z]{1,3}$/.test(letters)) return -1;
  const c = (k: number): number => (k < letters.length ? letters.charCodeAt(k) - 96 : 0);
  if (letters.length === 3) return 1 + (c(0) * 27 + c(1)) * 27 + c(2);
  return whole ? 30000 + c(0) * 27 + c(1) : -1;
}

/** The key a run of text [i, j) is indexed under (same scheme as keyOf), or -1. */
export function runKey(lc: string, i: number, j: number): number {
  const c0 = lc.charCodeAt(i);
  if (c0 >= 48 && c0 <= 57) return 40000;
  const len = j - i;
  let key = 0;
  for (let k = 0; k < 3 && k < len; k++) {
    const c = lc.charCodeAt(i + k);
    if (c < 97 || c > 122) return -1;
    key = key * 27 + (c - 96);
  }
  if (len >= 3) return 1 + key;
  return 30000 + (len === 1 ? key * 27 : key);
}
