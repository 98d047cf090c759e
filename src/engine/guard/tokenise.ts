// One pass over the text: words, numbers, mixed letter-digit runs, URLs, e-mail addresses, code
// and single punctuation characters, each with its UTF-16 span. Everything the guard checks is
// read from these tokens, so the text is scanned once per check.

/** What a token is. `code` covers inline and fenced code, snake_case, paths and dotted names. */
export type TokenKind = 'word' | 'number' | 'mixed' | 'url' | 'email' | 'code' | 'punct';

/** One token of the checked text. */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Lower case with curly apostrophes straightened (the key for every lookup). */
  norm: string;
  /** First word of a sentence or of a line. */
  sentenceStart: boolean;
  /** Newlines between the previous token and this one. */
  newlines: number;
  /** Whether whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** A word containing a letter outside ASCII. */
  nonAscii: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0xfeff ||
    c === 0x1680 ||
    c === 0x205f
  );
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Length (1 or 2 code units) of the letter at `i`, or 0 when it is not a letter. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const pair = text.slice(i, i + 2);
    return LETTER.test(pair) ? 2 : 0;
  }
  return LETTER.test(text.charAt(i)) ? 1 : 0;
}
function nonAsciiDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 128 && DIGIT.test(text.charAt(i));
}

/** Top-level domains that make "name.tld" a web address rather than a file name or a typo. */
const TLDS = new Set(
  'com net org io co uk us ca au nz ie de fr es it nl be ch at se no dk fi pl pt eu in jp cn sg hk za br mx app dev ai info biz me tv ly gg edu gov shop store site online tech cloud studio agency design health xyz page live blog news email link today global digital world media group company solutions services systems network academy club life space team work zone co.uk org.uk ac.uk com.au'.split(
    ' ',
  ),
);

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'st',
  'vs',
  'inc',
  'ltd',
  'jr',
  'sr',
  'approx',
  'dept',
  'prof',
  'corp',
  'fig',
  'mt',
  'rev',
  'ref',
  'tel',
  'ext',
]);

/** The end of the chunk of non-space characters starting at `i`, trailing punctuation trimmed. */
function chunkEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  // Trailing sentence punctuation and closing brackets are not part of a URL or address.
  while (j > i) {
    const c = text.charCodeAt(j - 1);
    if (
      c === 46 ||
      c === 44 ||
      c === 59 ||
      c === 58 ||
      c === 33 ||
      c === 63 ||
      c === 41 ||
      c === 93 ||
      c === 125 ||
      c === 62 ||
      c === 34 ||
      c === 39 ||
      c === 0x201d ||
      c === 0x2019 ||
      c === 42
    )
      j--;
    else break;
  }
  return j;
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([a-z]{2,}(?:\.[a-z]{2})?)(?::\d+)?(?:[/?#]\S*)?$/;

/** Classifies a chunk that is more than a plain word: URL, e-mail address, code, or nothing special. */
function classifyChunk(chunk: string): TokenKind | null {
  if (chunk.includes('://') || /^www\./i.test(chunk)) return 'url';
  if (chunk.includes('@')) return EMAIL.test(chunk) ? 'email' : 'code';
  const domain = DOMAIN.exec(chunk);
  if (domain && TLDS.has(domain[1]!)) return 'url';
  if (/[A-Za-z0-9]_[A-Za-z0-9]|[=\\{}<>|]|\w\.\w*[a-z]\w*\(/.test(chunk)) return 'code';
  // Dotted names between letters (file.pdf, e.g, U.S, config.yaml) are not words to spell.
  if (/\p{L}\.\p{L}/u.test(chunk)) return 'code';
  // Paths with two or more slashes (src/app/index) are code; "and/or" is two words.
  if (/\/.*\//.test(chunk) && !/^[\d/.-]+$/.test(chunk)) return 'code';
  return null;
}

/** Splits `text` into tokens; never throws, spans always lie inside the text. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let newlines = 0;
  let space = true;
  let atStart = true;
  const push = (
    kind: TokenKind,
    start: number,
    end: number,
    nonAscii = false,
    hasCurly = false,
    lower = false,
  ): void => {
    const raw = text.slice(start, end);
    // Most words are already lower case: skip toLowerCase for them and for punctuation.
    let norm = lower || kind === 'punct' ? raw : raw.toLowerCase();
    if (hasCurly) norm = norm.replace(/\u2019/g, "'");
    const isWordish = kind !== 'punct';
    tokens.push({
      kind,
      start,
      end,
      text: raw,
      norm,
      sentenceStart: isWordish && atStart,
      newlines,
      spaceBefore: space,
      nonAscii,
    });
    newlines = 0;
    space = false;
    if (isWordish) atStart = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || isSpace(c)) {
      if (c === 10 || c === 0x2028 || c === 0x2029) {
        newlines++;
        atStart = true;
      }
      space = true;
      i++;
      continue;
    }
    // Fenced code: ``` … ``` (to the closing fence or the end of the text).
    if (c === 96 && text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      const end = close === -1 ? n : close + 3;
      push('code', i, end);
      i = end;
      continue;
    }
    // Inline code: `…` on one line.
    if (c === 96) {
      let j = i + 1;
      while (j < n && j - i < 300 && text.charCodeAt(j) !== 96 && text.charCodeAt(j) !== 10) j++;
      if (j < n && text.charCodeAt(j) === 96 && j > i + 1) {
        push('code', i, j + 1);
        i = j + 1;
        continue;
      }
      push('punct', i, i + 1);
      i++;
      continue;
    }
    const letterLen = letterAt(text, i);
    const digit = isDigit(c) || (c >= 128 && letterLen === 0 && nonAsciiDigitAt(text, i));
    if (letterLen === 0 && !digit) {
      // A social handle or hashtag (@brightwaterfit, #FridayDeals) is a name, not words to spell.
      if (
        space &&
        i + 1 < n &&
        // @handle (letters or digits after the @); #hashtag (a letter first: "#4471" stays a number).
        ((c === 64 && (letterAt(text, i + 1) > 0 || isDigit(text.charCodeAt(i + 1)))) ||
          (c === 35 && letterAt(text, i + 1) > 0))
      ) {
        let j = i + 1;
        while (j < n && (letterAt(text, j) > 0 || isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95))
          j += Math.max(1, letterAt(text, j));
        push('code', i, j);
        i = j;
        continue;
      }
      // A chunk starting with a symbol can still be an address or code.
      const before = tokens[tokens.length - 1];
      push('punct', i, i + 1);
      // A period after an abbreviation (Mr., e.g.) does not end the sentence.
      if (c === 33 || c === 63 || c === 0x2026) atStart = true;
      else if (c === 46 && !(before && before.end === i && before.kind === 'word' && ABBREVIATIONS.has(before.norm)))
        atStart = true;
      i++;
      continue;
    }
    // A run of letters, digits, inner apostrophes and digit separators.
    const start = i;
    let letters = 0;
    let digits = 0;
    let nonAscii = false;
    let curly = false;
    let upper = false;
    let firstDigitAt = -1;
    let lastLetterAt = -1;
    let letterAfterDigit = false;
    while (i < n) {
      const ch = text.charCodeAt(i);
      // ASCII letters inline (the common case); other letters through the Unicode class.
      const lowered = ch | 32;
      if (lowered >= 97 && lowered <= 122) {
        if (ch <= 90) upper = true;
        letters++;
        if (digits > 0) letterAfterDigit = true;
        lastLetterAt = i;
        i++;
        continue;
      }
      const ll = ch >= 128 ? letterAt(text, i) : 0;
      if (ll > 0) {
        nonAscii = true;
        letters++;
        if (digits > 0) letterAfterDigit = true;
        lastLetterAt = i;
        i += ll;
        continue;
      }
      if (isDigit(ch) || (ch >= 128 && nonAsciiDigitAt(text, i))) {
        if (firstDigitAt === -1) firstDigitAt = i;
        digits++;
        i++;
        continue;
      }
      // Inner apostrophe between letters (don't, O'Rourke).
      if (isApostrophe(ch) && i > start && letterAt(text, i + 1) > 0 && lastLetterAt === i - 1) {
        if (ch === 0x2019) curly = true;
        i++;
        continue;
      }
      // Digit separators inside numbers (1,200.50, 10:30).
      if (
        (ch === 44 || ch === 46 || ch === 58) &&
        digits > 0 &&
        letters === 0 &&
        isDigit(text.charCodeAt(i - 1)) &&
        isDigit(text.charCodeAt(i + 1))
      ) {
        i++;
        continue;
      }
      break;
    }
    // Does the run continue into an address, a URL or code?
    const next = i < n ? text.charCodeAt(i) : 0;
    if (next === 64 || next === 95 || next === 58 || next === 46 || next === 47 || next === 92) {
      const end = chunkEnd(text, start);
      if (end > i) {
        const kind = classifyChunk(text.slice(start, end));
        if (kind) {
          push(kind, start, end);
          i = end;
          continue;
        }
      }
    }
    let kind: TokenKind;
    if (letters === 0) kind = 'number';
    else if (digits === 0) kind = 'word';
    // 3pm, 6th, 2nd, 10am, 24h: a number with a unit or ordinal.
    else if (firstDigitAt === start && letterAfterDigit && !/\d/.test(text.slice(lastLetterAt, i))) kind = 'number';
    else kind = 'mixed';
    push(kind, start, i, nonAscii, curly, !upper && !nonAscii);
  }
  return tokens;
}

/** Index of the previous token that is a word or number (not across a newline), or -1. */
export function prevWordIndex(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.newlines > 0) return -1;
  const p = tokens[i - 1];
  return p && p.kind !== 'punct' ? i - 1 : -1;
}

/** Index of the next token that is a word or number (not across a newline), or -1. */
export function nextWordIndex(tokens: readonly Token[], i: number): number {
  const t = tokens[i + 1];
  return t && t.kind !== 'punct' && t.newlines === 0 ? i + 1 : -1;
}
