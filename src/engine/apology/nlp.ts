// The linguistic pipeline under the apology analyser: wink-nlp with wink-eng-lite-web-model (an npm
// package: nothing is downloaded at run time) gives sentences, tokens, part-of-speech tags, lemmas
// and negation; this file turns its output into plain tokens with UTF-16 offsets into the caller's
// text. The model is loaded once, on first use (about 150 ms), not at import.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower case, straight apostrophes. */
  lower: string;
  /** wink's lemma (lower case); contractions mapped to the full word ("'ll" → "will", "n't" → "not"). */
  lemma: string;
  /** Universal POS tag (NOUN, VERB, AUX, PRON, ADJ, ADV, ADP, SCONJ, CCONJ, PART, DET, PUNCT…). */
  pos: string;
  /** Inside the scope of a negation (wink's negation flag). */
  negated: boolean;
  start: number;
  end: number;
  /** Index of the sentence the token is in. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  from: number;
  to: number;
}

export interface Parsed {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function load(): Nlp {
  // Only the parts the analyser reads: sentence boundaries, negation and POS (lemmas come from pos).
  nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return nlp;
}

/** Loads the model now (a server may call this at start so the first analysis is not slow). */
export function warmUp(): void {
  load();
}

const CONTRACTIONS: Record<string, string> = {
  "'ll": 'will',
  "'ve": 'have',
  "'re": 'be',
  "'m": 'be',
  "'d": 'would',
  "n't": 'not',
  wo: 'will',
  ca: 'can',
  sha: 'shall',
};

/** Words wink leaves whole that the clause reader needs split into subject and verb. */
const FUSED: Record<string, [string, string]> = {
  "i'm": ['i', 'be'],
  im: ['i', 'be'],
  "i've": ['i', 'have'],
  "i'll": ['i', 'will'],
  "i'd": ['i', 'would'],
  "we're": ['we', 'be'],
  "we've": ['we', 'have'],
  "we'll": ['we', 'will'],
  "it's": ['it', 'be'],
  its: ['its', 'its'],
  "that's": ['that', 'be'],
};

/** Same-length normalisation so offsets stay valid: curly quotes to straight. */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc\u2032]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Parses a text. Never throws: an input the library cannot read gives no tokens. */
export function parse(input: string): Parsed {
  const text = input;
  const norm = normalise(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  if (norm.trim() === '') return { text, tokens, sentences };
  let doc;
  try {
    doc = load().readDoc(norm);
  } catch {
    return { text, tokens, sentences };
  }
  // wink's `its.*` are plain functions the library calls itself (its documented usage), not methods.
  /* eslint-disable @typescript-eslint/unbound-method */
  const its = load().its;
  const all = doc.tokens();
  // wink's typings lose the value type of `out(its.x)`: read each as what the library returns.
  const out = (f: unknown): unknown[] => (all.out as (f?: unknown) => unknown[]).call(all, f);
  const values = out(undefined) as string[];
  const pos = out(its.pos) as string[];
  const lemmas = out(its.lemma) as string[];
  const neg = out(its.negationFlag) as boolean[];
  let cursor = 0;
  /** For each of our tokens, the index of the wink token it came from. */
  const winkIndex: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const lower = value.toLowerCase();
    let at = norm.indexOf(value, cursor);
    // wink may rewrite a token (rare): keep the cursor and give it an empty span where it would be.
    if (at < 0 || at - cursor > 40) at = -1;
    const start = Math.min(at < 0 ? cursor : at, text.length);
    const end = Math.min(at < 0 ? cursor : at + value.length, text.length);
    cursor = end;
    // Line breaks and other white space carry no word.
    if (pos[i] === 'SPACE') continue;
    const fused = FUSED[lower];
    let lemma = CONTRACTIONS[lower] ?? (lemmas[i] ?? lower).toLowerCase();
    if (fused && lower !== 'its') {
      // Split "I'm" into a subject and its verb, sharing the span.
      tokens.push({
        text: value,
        lower: fused[0],
        lemma: fused[0],
        pos: 'PRON',
        negated: false,
        start,
        end,
        sentence: 0,
      });
      tokens.push({
        text: value,
        lower: fused[1],
        lemma: fused[1],
        pos: 'AUX',
        negated: false,
        start,
        end,
        sentence: 0,
      });
      winkIndex.push(i, i);
      continue;
    }
    if (lower === 'its') lemma = 'its';
    const tag = pos[i] ?? 'X';
    // wink leaves some forms unlemmatised (capitalised plurals, rarer -ed verbs).
    if (lemma === lower && tag === 'VERB' && lower.length > 5 && lower.endsWith('ed')) lemma = unEd(lower);
    if (
      lemma === lower &&
      (tag === 'NOUN' || tag === 'PROPN') &&
      lower.length > 3 &&
      lower.endsWith('s') &&
      !lower.endsWith('ss')
    )
      lemma = lower.slice(0, -1);
    winkIndex.push(i);
    tokens.push({
      text: value,
      lower,
      lemma,
      pos: pos[i] ?? 'X',
      negated: neg[i] === true,
      start,
      end,
      sentence: 0,
    });
  }
  // Sentences: wink's boundaries as wink-token index spans, mapped onto our tokens (a fused
  // token split in two shares its wink index).
  const sentenceList = doc.sentences();
  const spans = (sentenceList.out as (f: unknown) => unknown[]).call(sentenceList, its.span) as [number, number][];
  /* eslint-enable @typescript-eslint/unbound-method */
  let ti = 0;
  for (const [, last] of spans) {
    if (ti >= tokens.length) break;
    const from = ti;
    while (ti < tokens.length && winkIndex[ti]! <= last) ti++;
    if (ti === from) continue;
    for (let k = from; k < ti; k++) tokens[k]!.sentence = sentences.length;
    sentences.push({ start: tokens[from]!.start, end: tokens[ti - 1]!.end, from, to: ti });
  }
  if (ti < tokens.length) {
    const from = ti;
    for (let k = from; k < tokens.length; k++) tokens[k]!.sentence = sentences.length;
    sentences.push({ start: tokens[from]!.start, end: tokens[tokens.length - 1]!.end, from, to: tokens.length });
  }
  return { text, tokens, sentences };
}

/** "mislabelled" → "mislabel", "overbilled" → "overbill", "misconfigured" → "misconfigure". */
function unEd(word: string): string {
  if (word.endsWith('lled') && !word.endsWith('illed')) return word.slice(0, -3);
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  const before = word[word.length - 3]!;
  if ('rvczu'.includes(before) || (word.endsWith('ssed') === false && before === 's')) return word.slice(0, -1);
  return word.slice(0, -2);
}
