// Similarity of mistakes for recurrence detection. Pure and deterministic, no network.
//
// A mistake's words become terms: lower case, British/American spellings folded, a light stem,
// stop words, bare small numbers and the words of idioms ("out of date", "on time") dropped; then every word or phrase that names a concept
// (CONCEPTS below: "typo / misspelt / spelled wrong", "late / overdue / missed the deadline",
// "double-booked / clash / overlap", …) adds that concept as a term too, so a paraphrase in other
// words still meets. Terms are weighted by TF-IDF over the candidates (log-scaled counts, cosine, so
// long descriptions do not win on length), and a query term with no exact match may meet a near
// spelling (one edit or one swap of two neighbouring letters or digits: Lindqvist/Lindquist,
// 47132/47123) at a discount. The text score is the best of whole text against whole text and title
// against title; it is then combined with the same client, the same category and, when both sides
// know them, the same root-cause category and escape point. Candidates sharing almost nothing are
// dropped rather than suggested.

const STOP = new Set(
  (
    'the a an and or of to in on for with at by from was were is are be been being it its this that these those ' +
    'we our us you your they their them he she his her i my me not no nor but so as into out up down off over ' +
    'than then there here have has had do did does done will would should could can may might must all any some ' +
    'more most less very just only also again still even ever both each few other such own same too ' +
    'instead actually which who whom what when where why how about after before get got getting put one ' +
    'because while since until till via per etc'
  ).split(' '),
);

/** British and American spellings, and a few common variants, folded to one form before stemming. */
const VARIANTS: Record<string, string> = {
  colour: 'color',
  colours: 'colors',
  licence: 'license',
  cancelled: 'canceled',
  cancelling: 'canceling',
  catalogue: 'catalog',
  programme: 'program',
  organise: 'organize',
  organised: 'organized',
  apologise: 'apologize',
  cheque: 'check',
  centre: 'center',
  favourite: 'favorite',
  travelling: 'traveling',
  labelled: 'labeled',
  labelling: 'labeling',
  emailed: 'email',
  'e-mail': 'email',
  doublebooked: 'double booked',
  shortcode: 'short code',
  optout: 'opt out',
};

/**
 * Concepts: words and phrases that name the same kind of failure (or the same kind of thing), as
 * plain data. Each entry is stemmed like the text, so inflections need not be listed; a phrase is
 * matched on consecutive words (stop words included, so "out of date" works). A text gets the
 * concept as an extra term wherever one of its words or phrases appears.
 */
// prettier-ignore
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  spelling: [
    'typo', 'typos', 'misspell', 'misspelled', 'misspelt', 'mis-spelled', 'mis-spelt', 'spelling', 'spelled',
    'spelt', 'spell', 'spelled wrong', 'spelt wrong', 'misprint',
  ],
  late: [
    'late', 'overdue', 'deadline', 'deadlines', 'delay', 'delayed', 'slipped', 'slip', 'behind schedule', 'missed the deadline',
    'missed deadline', 'missed its deadline', 'past the deadline', 'after the deadline', 'past deadline',
    'not on time', 'on time', 'after the cutoff', 'cutoff', 'cut-off', 'too late', 'days late', 'week late',
    'weeks late',
  ],
  clash: [
    'double booked', 'double booking', 'double-booked', 'double-booking', 'booked twice', 'clash', 'clashed',
    'clashes', 'overlap', 'overlapped', 'overlapping', 'conflict', 'conflicting', 'scheduling conflict', 'same slot',
    'same time', 'at once', 'same room', 'two bookings', 'at the same time', 'already booked', 'already taken', 'on top of each other',
  ],
  honorific: [
    'honorific', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'sir', 'madam', 'salutation', 'form of address',
  ],
  name: ['name', 'names', 'surname', 'first name', 'last name', 'family name', 'given name', 'misnamed'],
  price: [
    'price', 'prices', 'pricing', 'priced', 'rate', 'rates', 'cost', 'costs', 'fee', 'fees', 'tariff', 'how much',
    'price list', 'price tag',
  ],
  outdated: [
    'old', 'outdated', 'out of date', 'out-of-date', 'previous', 'last year', 'last years', 'stale', 'legacy',
    'superseded', 'not updated', 'never updated', 'out of sync', 'older',
  ],
  phone: [
    'phone', 'telephone', 'tel', 'mobile number', 'landline', 'booking line', 'phone line', 'helpline', 'hotline',
    'contact number', 'phone number',
  ],
  short_code: [
    'short code', 'sms code', 'text code', 'text-to-join', 'text to join', 'sms number', 'keyword number',
    'text in number', 'sms keyword',
  ],
  disclaimer: [
    'disclaimer', 'disclaimers', 'legal notice', 'advertising notice', 'attorney advertising', 'not legal advice',
    'small print', 'legal line', 'legal footer', 'risk warning',
  ],
  opt_out: [
    'opt out', 'opt-out', 'unsubscribe', 'unsubscribe link', 'unsubscribe option', 'reply stop', 'stop to',
    'stop to opt out', 'stop to unsubscribe',
  ],
  allergen: ['allergen', 'allergens', 'allergy', 'allergies', 'may contain', 'nut warning', 'nuts', 'nut'],
  duplicate: [
    'twice', 'double', 'duplicate', 'duplicated', 'two times', 'second time', 'two lines', 'two line items',
  ],
  charge: [
    'invoice', 'invoices', 'invoiced', 'bill', 'billed', 'billing', 'charge', 'charged', 'overcharged', 'overcharge',
    'undercharged', 'payment', 'payments',
    'refund', 'receipt', 'deposit', 'line item',
  ],
  print: [
    'poster', 'posters', 'flyer', 'flyers', 'flier', 'leaflet', 'leaflets', 'decal', 'decals', 'sticker', 'stickers',
    'banner', 'banners', 'postcard', 'postcards', 'signage', 'window cling', 'brochure', 'brochures', 'print',
    'printed', 'printer', 'print shop', 'print run', 'proof', 'proofs',
  ],
  image: [
    'photo', 'photos', 'picture', 'pictures', 'image', 'images', 'shot', 'shots', 'visual', 'visuals', 'photo set',
  ],
  unedited: [
    'unedited', 'raw', 'unretouched', 'not retouched', 'retouch', 'retouched', 'not edited', 'retouching',
    'uncorrected', 'unprocessed',
  ],
  logo: ['logo', 'logos', 'branding', 'brand', 'wordmark', 'brand mark'],
  hours: [
    'opening hours', 'office hours', 'opening times', 'opening time', 'closing time', 'hours', 'open till',
    'open until', 'closes', 'closing', 'open', 'opens', 'business hours', 'trading hours',
  ],
  open_event: ['open house', 'open day', 'open evening', 'open studio'],
  time: ['time', 'times', 'start time', 'starts at', 'class time', 'start', 'starts'],
  date: ['date', 'dates', 'wrong day', 'the day'],
  address: [
    'address', 'street', 'street number', 'house number', 'lane', 'road', 'avenue', 'court', 'postcode', 'zip code',
    'location',
  ],
  alcohol: ['abv', 'alcohol', 'alcohol percentage', 'alcohol content', 'strength', 'percentage'],
  misdirected: [
    'wrong recipient', 'wrong contact', 'wrong person', 'wrong list', 'whole list', 'wrong account',
    'wrong email address', 'wrong address book', 'wrong cc', 'reply all', 'to the wrong',
  ],
  newsletter: ['newsletter', 'email blast', 'mailing', 'mailshot', 'email campaign', 'bulletin', 'mailout'],
  discount: [
    'discount code', 'promo code', 'coupon', 'coupon code', 'voucher code', 'offer code', 'discount',
    'promotion code', 'code at checkout',
  ],
  missing: [
    'missing', 'forgot', 'forget', 'forgotten', 'omitted', 'omit', 'left off', 'left out', 'without', 'lacking',
    'dropped', 'skipped', 'not included', 'no mention', 'leave out',
  ],
  wrong: [
    'wrong', 'wrongly', 'incorrect', 'incorrectly', 'mistaken', 'error', 'mismatch', 'does not match',
    "doesn't match", "don't match", 'not matching', 'swapped', 'mixed up', 'mix-up', 'inaccurate',
  ],
  appointment: ['lesson', 'lessons', 'session', 'sessions', 'appointment', 'appointments', 'class', 'classes'],
  schedule: ['schedule', 'timetable', 'calendar', 'diary', 'agenda', 'class schedule', 'rota', 'programme of classes'],
};

/** How much a concept term weighs against a word: concepts are coarser than the words that name them. */
const CONCEPT_WEIGHT = 1;
/** A near spelling (one edit or one swap) counts for this share of an exact match. */
const NEAR_SPELLING = 0.8;
/** Below this text similarity a candidate is not suggested at all. */
export const MIN_TEXT = 0.12;

const VOWEL = /[aeiouy]/u;

/** A light English stem: enough to match flyer/flyers, printed/printing, codes/code, priced/price. */
export function stem(word: string): string {
  let w = word;
  // Plurals first (bookings → booking), then one verb or adverb ending (booking → book).
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && /(?:ss|sh|ch|x|z)es$/u.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing') && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed') && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  // shipped/shipping → ship, but spelled → spell, missed → miss and added → add.
  if (w !== word && w.length > 3 && /([bdgmnprt])\1$/u.test(w)) w = w.slice(0, -1);
  // price/priced/prices → pric, code/codes → cod: one form whichever ending was taken off.
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** The words of a text, lower case, variants folded, stop words kept (phrases need them). */
function words(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/[’‘`]/gu, "'");
  for (const m of lower.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu)) {
    let w = m[0];
    if (w.endsWith("'s")) w = w.slice(0, -2);
    const folded = VARIANTS[w];
    if (folded) out.push(...folded.split(' '));
    else out.push(w.replace(/'/gu, ''));
  }
  return out;
}

/** Whether a word carries meaning on its own: not a stop word, not a bare small number, a time or an ordinal. */
function meaningful(w: string): boolean {
  if (STOP.has(w)) return false;
  if (w.length < 2) return false;
  if (/^\d{1,3}$/u.test(w)) return false;
  if (/^\d+(?:st|nd|rd|th|am|pm|h|k|m|s)$/u.test(w)) return false;
  return true;
}

/**
 * Idioms whose words mean nothing on their own here: "out of date" is not about a date, "on time"
 * not about a time. Their concept (if any) still counts; their words are not terms.
 */
// prettier-ignore
export const IDIOMS: readonly string[] = [
  'out of date', 'out-of-date', 'up to date', 'up-to-date', 'on time', 'at once', 'at the same time', 'same time',
  'save the date', 'save-the-date', 'last minute', 'last-minute', 'first thing', 'all the time', 'this time',
  'next time', 'last time', 'on top of each other',
];

const IDIOM_WORDS: Map<string, string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const idiom of IDIOMS) {
    const ws = words(idiom);
    const first = ws[0];
    if (first === undefined) continue;
    map.set(
      first,
      [...(map.get(first) ?? []), ws].sort((x, y) => y.length - x.length),
    );
  }
  return map;
})();

/** The terms of a text: stemmed meaningful words; stop words, small numbers and the words of idioms dropped. */
export function terms(text: string): string[] {
  const ws = words(text);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const idiom = (IDIOM_WORDS.get(ws[i] as string) ?? []).find((p) => p.every((w, k) => ws[i + k] === w));
    if (idiom) {
      i += idiom.length - 1;
      continue;
    }
    const w = ws[i] as string;
    if (meaningful(w)) out.push(stem(w));
  }
  return out;
}

interface PhraseEntry {
  concept: string;
  words: string[];
  idiom: boolean;
}

/** CONCEPTS by first stemmed word, longest phrases first. */
const PHRASES: Map<string, PhraseEntry[]> = (() => {
  const map = new Map<string, PhraseEntry[]>();
  for (const [concept, entries] of Object.entries(CONCEPTS)) {
    for (const entry of entries) {
      const ws = words(entry).map((w) => stem(w));
      const first = ws[0];
      if (first === undefined) continue;
      const list = map.get(first) ?? [];
      list.push({ concept, words: ws, idiom: IDIOMS.includes(entry) });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/** The concepts a text names, once per occurrence, in order. */
export function concepts(text: string): string[] {
  const ws = words(text).map((w) => stem(w));
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    for (const p of PHRASES.get(ws[i] as string) ?? []) {
      if (p.words.every((w, k) => ws[i + k] === w)) {
        out.push(p.concept);
        // An idiom's own words name nothing more: "out of date" is not also a date.
        if (p.idiom) i += p.words.length - 1;
        break;
      }
    }
  }
  return out;
}

/** A text's weighted terms: its words, then its concepts (marked with ~ so they never meet a word). */
function features(text: string): readonly Feature[] {
  const cached = FEATURES.get(text);
  if (cached) return cached;
  const out: Feature[] = [
    ...terms(text).map((term) => ({ term, weight: 1 })),
    ...concepts(text).map((c) => ({ term: `~${c}`, weight: CONCEPT_WEIGHT })),
  ];
  // The same past mistakes are ranked again on every keystroke of the form: remember their features.
  if (FEATURES.size >= FEATURE_CACHE) FEATURES.delete(FEATURES.keys().next().value as string);
  FEATURES.set(text, out);
  return out;
}

interface Feature {
  term: string;
  weight: number;
}

const FEATURE_CACHE = 20_000;
const FEATURES = new Map<string, readonly Feature[]>();

/** The character trigrams of a word, padded at both ends ("#ab", "abc", …, "yz#"). */
function trigrams(w: string): Map<string, number> {
  const padded = `#${w}#`;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice overlap of two words' character trigrams, 0–1. */
export function trigramDice(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/** Long words with this much trigram overlap are a near spelling even two edits apart. */
const LONG_WORD = 8;
const LONG_WORD_DICE = 0.6;

/**
 * Whether two terms are a near spelling of each other: both at least 5 characters and one
 * substitution, insertion or deletion, or one swap of neighbouring characters, apart
 * (Lindqvist/Lindquist, Siobhan/Siobahn, 47132/47123); or, for words of 8 characters or more,
 * two edits apart with most of their character trigrams shared (Wojciechowski/Wojciehowsky).
 */
export function nearSpelling(a: string, b: string): boolean {
  if (a === b || a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 2) return false;
  if (a.startsWith('~') || b.startsWith('~')) return false;
  if (/^\d+$/u.test(a) !== /^\d+$/u.test(b)) return false;
  const edits = editDistanceUpTo2(a, b);
  if (edits <= 1) return true;
  return edits === 2 && Math.min(a.length, b.length) >= LONG_WORD && trigramDice(a, b) >= LONG_WORD_DICE;
}

/** Optimal string alignment distance (edits and swaps of neighbours), or 3 when it is more than 2. */
function editDistanceUpTo2(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > 2) return 3;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(3, prev[m] as number);
}

export interface SimilarityCandidate<T> {
  item: T;
  /** The title alone: the most telling words, compared on their own too. */
  title: string;
  text: string;
  clientId: string;
  category: string;
  /** The root cause's category, once one is recorded. */
  causeCategory?: string | null | undefined;
  /** Where the mistake escaped (the root cause's escape point kind), once recorded. */
  escapeKind?: string | null | undefined;
}

export interface SimilarityQuery {
  title: string;
  text: string;
  clientId?: string | undefined;
  category?: string | undefined;
  causeCategory?: string | null | undefined;
  escapeKind?: string | null | undefined;
}

export interface Scored<T> {
  item: T;
  score: number;
  /** Text similarity, 0–1. */
  text: number;
  sameClient: boolean;
  sameCategory: boolean;
  /** Same root-cause category (only when both sides have one). */
  sameCause?: boolean;
  /** Same escape point kind (only when both sides have one). */
  sameEscape?: boolean;
}

const WEIGHTS = { text: 0.65, client: 0.2, category: 0.15, cause: 0.06, escape: 0.04 };

interface Vector {
  v: Map<string, number>;
  norm: number;
}

/** Ranks candidates against a query, best first; the IDF comes from the candidates themselves. */
export function rankSimilar<T>(query: SimilarityQuery, candidates: readonly SimilarityCandidate<T>[]): Scored<T>[] {
  const docs = candidates.map((c) => features(c.text));
  const titles = candidates.map((c) => features(c.title));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.map((f) => f.term))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
  const vector = (fs: readonly Feature[]): Vector => {
    const tf = new Map<string, { count: number; weight: number }>();
    for (const f of fs) {
      const e = tf.get(f.term);
      if (e) e.count++;
      else tf.set(f.term, { count: 1, weight: f.weight });
    }
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, e] of tf) {
      const w = (1 + Math.log(e.count)) * e.weight * idf(t);
      v.set(t, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const q = vector(features(query.text));
  const qt = vector(features(query.title));
  // Near spellings of the query's words among all the candidates' words, found once.
  const near = new Map<string, string[]>();
  const vocabulary = new Set<string>();
  for (const d of docs) for (const f of d) vocabulary.add(f.term);
  for (const t of new Set([...q.v.keys(), ...qt.v.keys()])) {
    if (t.startsWith('~') || t.length < 5) continue;
    const list: string[] = [];
    for (const u of vocabulary) if (nearSpelling(t, u)) list.push(u);
    if (list.length > 0) near.set(t, list);
  }
  const cosine = (a: Vector, b: Vector) => {
    if (a.norm === 0 || b.norm === 0) return 0;
    let dot = 0;
    for (const [t, w] of a.v) {
      const exact = b.v.get(t);
      if (exact !== undefined) {
        dot += w * exact;
        continue;
      }
      let best = 0;
      for (const u of near.get(t) ?? []) best = Math.max(best, b.v.get(u) ?? 0);
      dot += w * best * NEAR_SPELLING;
    }
    return Math.min(1, dot / (a.norm * b.norm));
  };
  return candidates
    .map((c, i) => {
      // Whole text against whole text, or title against title: a long description must not hide a same title.
      const text = Math.max(cosine(q, vector(docs[i] ?? [])), cosine(qt, vector(titles[i] ?? [])));
      const sameClient = query.clientId !== undefined && query.clientId === c.clientId;
      const sameCategory = query.category !== undefined && query.category === c.category;
      const sameCause = Boolean(query.causeCategory && c.causeCategory && query.causeCategory === c.causeCategory);
      const sameEscape = Boolean(query.escapeKind && c.escapeKind && query.escapeKind === c.escapeKind);
      const score =
        WEIGHTS.text * text +
        (sameClient ? WEIGHTS.client : 0) +
        (sameCategory ? WEIGHTS.category : 0) +
        (sameCause ? WEIGHTS.cause : 0) +
        (sameEscape ? WEIGHTS.escape : 0);
      return {
        item: c.item,
        score: Math.round(score * 1000) / 1000,
        text,
        sameClient,
        sameCategory,
        ...(sameCause ? { sameCause } : {}),
        ...(sameEscape ? { sameEscape } : {}),
      };
    })
    .filter((s) => s.text >= MIN_TEXT)
    .sort((a, b) => b.score - a.score || b.text - a.text);
}

/** The text similarity from which a same-client, same-category suggestion is very likely a repeat. */
export const LIKELY_REPEAT_TEXT = 0.45;

/** Very likely the same mistake again: same client, same category and very similar words. */
export function isLikelyRepeat(s: Pick<Scored<unknown>, 'text' | 'sameClient' | 'sameCategory'>): boolean {
  return s.sameClient && s.sameCategory && s.text >= LIKELY_REPEAT_TEXT;
}
