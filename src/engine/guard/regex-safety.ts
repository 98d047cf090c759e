// A static check that a guard-rule regex cannot backtrack catastrophically. The pattern is parsed
// (JavaScript syntax, no flags) into a small tree; the check refuses:
//  - backreferences (matching them is NP-hard in general);
//  - a repeated group that can match empty text ("(a*)*");
//  - a repeat nested in another repeat whose characters can also start what follows it inside
//    the outer loop ("(a+)+", "(\w+\s?)*", "(.*,)+") — exponential;
//  - alternatives that can start with the same character under a repeat ("(a|ab)*", "(\w|\d)+");
//  - two unbounded repeats in a row over overlapping characters (".*.*", "\s*\s+") — polynomial
//    blow-up on long inputs;
//  - patterns that match empty text, huge counted repeats and syntax the checker does not model.
// Character sets are sorted [lo, hi] UTF-16 ranges, so overlap tests are exact for what they model.

type Ranges = number[]; // flat pairs: lo0, hi0, lo1, hi1 …

type Node =
  | { t: 'char'; set: Ranges }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; body: Node }
  | { t: 'look'; body: Node }
  | { t: 'assert' }
  | { t: 'quant'; body: Node; min: number; max: number }
  | { t: 'backref' };

const MAX_UNICODE = 0xffff;
/** Repeats above this many iterations count as unbounded. */
const BIG = 10;
const MAX_COUNT = 1000;

function normalise(r: Ranges): Ranges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i]!, r[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}
function union(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalise([...a, ...b]);
}
function complement(r: Ranges): Ranges {
  const n = normalise(r);
  const out: Ranges = [];
  let next = 0;
  for (let i = 0; i < n.length; i += 2) {
    if (n[i]! > next) out.push(next, n[i]! - 1);
    next = n[i + 1]! + 1;
  }
  if (next <= MAX_UNICODE) out.push(next, MAX_UNICODE);
  return out;
}
function overlaps(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

const DIGIT: Ranges = [48, 57];
const WORD: Ranges = normalise([48, 57, 65, 90, 95, 95, 97, 122]);
const SPACE: Ranges = normalise([
  9, 13, 32, 32, 160, 160, 5760, 5760, 8192, 8202, 8232, 8233, 8239, 8239, 8287, 8287, 12288, 12288, 65279, 65279,
]);
const DOT: Ranges = complement([10, 10, 13, 13, 8232, 8233]);
const ANY: Ranges = [0, MAX_UNICODE];

class ParseError extends Error {}

/** Recursive-descent parser for the JavaScript regex syntax (no flags, Annex B leniency). */
class Parser {
  i = 0;
  groups = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.s.length) throw new ParseError(`unexpected “${this.s[this.i]}”`);
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantifier(atom));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantifier(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return atom; // a literal "{"
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT))
        throw new ParseError(`a repeat count above ${MAX_COUNT}`);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy: same backtracking
    if (atom.t === 'assert') throw new ParseError('a repeated assertion');
    return { t: 'quant', body: atom, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { t: 'char', set: this.charClass() };
      case '.':
        this.i++;
        return { t: 'char', set: DOT };
      case '^':
      case '$':
        this.i++;
        return { t: 'assert' };
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new ParseError(`nothing to repeat before “${c}”`);
      default: {
        const cp = this.s.charCodeAt(this.i);
        this.i++;
        return { t: 'char', set: [cp, cp] };
      }
    }
  }

  private group(): Node {
    this.i++;
    let look = false;
    if (this.s[this.i] === '?') {
      const next = this.s[this.i + 1];
      if (next === ':') this.i += 2;
      else if (next === '=' || next === '!') {
        this.i += 2;
        look = true;
      } else if (next === '<' && (this.s[this.i + 2] === '=' || this.s[this.i + 2] === '!')) {
        this.i += 3;
        look = true;
      } else if (next === '<') {
        const close = this.s.indexOf('>', this.i);
        if (close === -1) throw new ParseError('an unterminated group name');
        this.i = close + 1;
        this.groups++;
      } else throw new ParseError('an unsupported group');
    } else this.groups++;
    const body = this.alternation();
    if (this.s[this.i] !== ')') throw new ParseError('an unclosed group');
    this.i++;
    return look ? { t: 'look', body } : { t: 'group', body };
  }

  private escape(): Node {
    this.i++;
    const c = this.s[this.i];
    if (c === undefined) throw new ParseError('a trailing backslash');
    this.i++;
    switch (c) {
      case 'd':
        return { t: 'char', set: DIGIT };
      case 'D':
        return { t: 'char', set: complement(DIGIT) };
      case 'w':
        return { t: 'char', set: WORD };
      case 'W':
        return { t: 'char', set: complement(WORD) };
      case 's':
        return { t: 'char', set: SPACE };
      case 'S':
        return { t: 'char', set: complement(SPACE) };
      case 'b':
      case 'B':
        return { t: 'assert' };
      case 'k':
        if (this.s[this.i] === '<') return { t: 'backref' };
        return { t: 'char', set: [107, 107] };
      default:
        if (c >= '1' && c <= '9') return { t: 'backref' };
        return { t: 'char', set: this.escapedChar(c) };
    }
  }

  /** The code point of an escape other than a class (\n, \x41, \u0041, \cJ, \0, \.). */
  private escapedChar(c: string): Ranges {
    const single = (cp: number): Ranges => [cp, cp];
    switch (c) {
      case 'n':
        return single(10);
      case 'r':
        return single(13);
      case 't':
        return single(9);
      case 'f':
        return single(12);
      case 'v':
        return single(11);
      case '0':
        return single(0);
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.i));
        if (!hex) return single(120);
        this.i += 2;
        return single(parseInt(hex[0], 16));
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.i));
        if (!hex) return single(117);
        this.i += 4;
        return single(parseInt(hex[0], 16));
      }
      case 'c': {
        const l = this.s.charCodeAt(this.i);
        if ((l >= 65 && l <= 90) || (l >= 97 && l <= 122)) {
          this.i++;
          return single(l % 32);
        }
        return single(92);
      }
      case 'p':
      case 'P':
        // Only meaningful with the u flag, which guard rules do not use: a literal "p".
        return single(c.charCodeAt(0));
      default:
        return single(c.charCodeAt(0));
    }
  }

  private charClass(): Ranges {
    this.i++;
    let negate = false;
    if (this.s[this.i] === '^') {
      negate = true;
      this.i++;
    }
    let set: Ranges = [];
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      const lo = this.classAtom();
      if (
        this.s[this.i] === '-' &&
        this.s[this.i + 1] !== ']' &&
        this.i + 1 < this.s.length &&
        lo.length === 2 &&
        lo[0] === lo[1]
      ) {
        this.i++;
        const hi = this.classAtom();
        if (hi.length === 2 && hi[0] === hi[1]) {
          if (hi[0]! < lo[0]!) throw new ParseError('a character range out of order');
          set = union(set, [lo[0]!, hi[0]!]);
          continue;
        }
        set = union(set, union(lo, union(hi, [45, 45])));
        continue;
      }
      set = union(set, lo);
    }
    if (this.s[this.i] !== ']') throw new ParseError('an unclosed character class');
    this.i++;
    return negate ? complement(set) : set;
  }

  private classAtom(): Ranges {
    const c = this.s[this.i]!;
    if (c !== '\\') {
      this.i++;
      return [c.charCodeAt(0), c.charCodeAt(0)];
    }
    this.i++;
    const e = this.s[this.i];
    if (e === undefined) throw new ParseError('a trailing backslash');
    this.i++;
    switch (e) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'b':
        return [8, 8];
      default:
        return this.escapedChar(e);
    }
  }
}

interface Info {
  nullable: boolean;
  first: Ranges;
  chars: Ranges;
}
const memo = new WeakMap<Node, Info>();

function info(node: Node): Info {
  const m = memo.get(node);
  if (m) return m;
  let r: Info;
  switch (node.t) {
    case 'char':
      r = { nullable: false, first: node.set, chars: node.set };
      break;
    case 'assert':
    case 'look':
      r = { nullable: true, first: [], chars: [] };
      break;
    case 'backref':
      r = { nullable: true, first: ANY, chars: ANY };
      break;
    case 'group':
      r = info(node.body);
      break;
    case 'quant': {
      const b = info(node.body);
      r = { nullable: node.min === 0 || b.nullable, first: b.first, chars: b.chars };
      break;
    }
    case 'alt': {
      let first: Ranges = [];
      let chars: Ranges = [];
      let nullable = false;
      for (const a of node.alts) {
        const i = info(a);
        first = union(first, i.first);
        chars = union(chars, i.chars);
        nullable ||= i.nullable;
      }
      r = { nullable, first, chars };
      break;
    }
    case 'seq': {
      let first: Ranges = [];
      let chars: Ranges = [];
      let nullable = true;
      for (const item of node.items) {
        const i = info(item);
        if (nullable) first = union(first, i.first);
        chars = union(chars, i.chars);
        nullable &&= i.nullable;
      }
      r = { nullable, first, chars };
      break;
    }
  }
  memo.set(node, r);
  return r;
}

function unbounded(node: Node): boolean {
  return node.t === 'quant' && node.max > BIG;
}

/** The character set of an unbounded repeat that can start `node`, or null. */
function leadingRepeat(node: Node): Ranges | null {
  switch (node.t) {
    case 'quant':
      return node.max > BIG ? info(node.body).chars : null;
    case 'group':
      return leadingRepeat(node.body);
    case 'seq':
      for (const item of node.items) {
        const lead = leadingRepeat(item);
        if (lead) return lead;
        if (!info(item).nullable) return null;
      }
      return null;
    case 'alt':
    case 'assert':
    case 'backref':
    case 'char':
    case 'look':
      return null;
  }
}

class Unsafe extends Error {}

/** Walks the tree with the set of characters that can follow each node (loops wrap around). */
function walk(node: Node, follow: Ranges, inLoop: boolean): void {
  switch (node.t) {
    case 'char':
    case 'assert':
      return;
    case 'backref':
      throw new Unsafe('uses a backreference, which can make matching very slow');
    case 'group':
      walk(node.body, follow, inLoop);
      return;
    case 'look':
      walk(node.body, [], inLoop);
      return;
    case 'alt': {
      if (inLoop) {
        for (let a = 0; a < node.alts.length; a++)
          for (let b = a + 1; b < node.alts.length; b++) {
            const ia = info(node.alts[a]!);
            const ib = info(node.alts[b]!);
            if (overlaps(ia.first, ib.first) || (ia.nullable && ib.nullable))
              throw new Unsafe(
                'has alternatives that can match the same text inside a repeat, which can backtrack catastrophically',
              );
          }
      }
      for (const a of node.alts) walk(a, follow, inLoop);
      return;
    }
    case 'seq': {
      const items = node.items;
      // Follow set of each item: what the rest of the sequence (or, if it can be empty, `follow`) starts with.
      const follows: Ranges[] = new Array<Ranges>(items.length);
      let acc = follow;
      for (let k = items.length - 1; k >= 0; k--) {
        follows[k] = acc;
        const i = info(items[k]!);
        acc = i.nullable ? union(i.first, acc) : i.first;
      }
      for (let k = 0; k < items.length; k++) {
        const item = items[k]!;
        if (unbounded(item)) {
          const chars = info((item as { body: Node }).body).chars;
          for (let m = k + 1; m < items.length; m++) {
            const lead = leadingRepeat(items[m]!);
            if (lead && overlaps(chars, lead))
              throw new Unsafe(
                'has two repeats in a row over the same characters, which backtracks heavily on long text',
              );
            if (!info(items[m]!).nullable) break;
          }
        }
        walk(item, follows[k]!, inLoop);
      }
      return;
    }
    case 'quant': {
      const body = info(node.body);
      if (node.max > 1) {
        if (body.nullable && node.max > BIG) throw new Unsafe('repeats a part that can match empty text');
        if (inLoop && node.max > BIG && overlaps(body.chars, follow))
          throw new Unsafe(
            'nests a repeat inside another repeat over the same characters, which can backtrack catastrophically',
          );
        walk(node.body, union(body.first, follow), true);
      } else walk(node.body, follow, inLoop);
      return;
    }
  }
}

/** Why a regex pattern is unusable as a guard rule (invalid, too slow to match safely), or null. */
export function regexProblem(pattern: string): string | null {
  if (pattern.trim().length === 0) return 'must not be empty';
  if (pattern.length > 500) return 'is longer than 500 characters';
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch (error) {
    return error instanceof ParseError
      ? `uses ${error.message}, which the guard cannot check for safety`
      : 'cannot be checked for safety';
  }
  try {
    walk(tree, [], false);
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    throw error;
  }
  if (info(tree).nullable || compiled.test('')) return 'can match empty text, so it would match everywhere';
  return null;
}

/**
 * Literal strings one of which every match of a (safe) pattern contains — used to skip the regex
 * on texts that cannot match; null when the pattern has no such literals of two characters or more.
 */
export function requiredLiterals(pattern: string): string[] | null {
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return null;
  }
  return literalsOf(tree);
}

function literalsOf(node: Node): string[] | null {
  while (node.t === 'group') node = node.body;
  if (node.t === 'alt') {
    const all: string[] = [];
    for (const a of node.alts) {
      const l = literalsOf(a);
      if (!l) return null;
      all.push(...l);
    }
    return all;
  }
  const items = node.t === 'seq' ? node.items : [node];
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (const item of items) {
    let inner = item;
    if (inner.t === 'quant' && inner.min >= 1) inner = inner.body;
    if (inner.t === 'char' && inner.set.length === 2 && inner.set[0] === inner.set[1]) {
      run += String.fromCharCode(inner.set[0]!);
      // "a+": at least one "a", but the run cannot continue past it.
      if (item.t === 'quant') end();
      continue;
    }
    end();
  }
  end();
  if (best.length >= 2) return [best];
  // No literal run: an alternation every match must pass through ("\b(?:urgent|URGENT)!").
  for (const item of items) {
    let inner = item;
    if (inner.t === 'quant' && inner.min >= 1) inner = inner.body;
    while (inner.t === 'group') inner = inner.body;
    if (inner.t === 'alt') {
      const l = literalsOf(inner);
      if (l) return l;
    }
  }
  return null;
}
