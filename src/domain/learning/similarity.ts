// Similarity of mistakes for recurrence detection: TF-IDF cosine over the words of title and
// description (lower case, a light stem, stop words dropped), combined with same client and same
// category. Pure and deterministic.

const STOP = new Set(
  'the a an and or of to in on for with at by from was were is are be been it its this that we our us you your they their them i my me not no but so as into out up than then there here have has had do did done will would should could can may might all any some more most less very just only also again'.split(
    ' ',
  ),
);

/** A light English stem: enough to match flyer/flyers, printed/printing, codes/code. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('es') && /(?:ss|sh|ch|x|z)es$/u.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The terms of a text. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

export interface SimilarityCandidate<T> {
  item: T;
  /** The title alone: the most telling words, compared on their own too. */
  title: string;
  text: string;
  clientId: string;
  category: string;
}

export interface Scored<T> {
  item: T;
  score: number;
  text: number;
  sameClient: boolean;
  sameCategory: boolean;
}

const WEIGHTS = { text: 0.65, client: 0.2, category: 0.15 };

/** Ranks candidates against a query, best first; the IDF comes from the candidates themselves. */
export function rankSimilar<T>(
  query: { title: string; text: string; clientId?: string | undefined; category?: string | undefined },
  candidates: readonly SimilarityCandidate<T>[],
): Scored<T>[] {
  const docs = candidates.map((c) => terms(c.text));
  const titles = candidates.map((c) => terms(c.title));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
  const vector = (ts: readonly string[]) => {
    const v = new Map<string, number>();
    for (const t of ts) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of v) {
      const w = (1 + Math.log(tf)) * idf(t);
      v.set(t, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const cosine = (a: ReturnType<typeof vector>, b: ReturnType<typeof vector>) => {
    let dot = 0;
    for (const [t, w] of a.v) dot += w * (b.v.get(t) ?? 0);
    return a.norm > 0 && b.norm > 0 ? dot / (a.norm * b.norm) : 0;
  };
  const q = vector(terms(query.text));
  const qt = vector(terms(query.title));
  return candidates
    .map((c, i) => {
      // Whole text against whole text, or title against title: a long description must not hide a same title.
      const text = Math.max(cosine(q, vector(docs[i] ?? [])), cosine(qt, vector(titles[i] ?? [])));
      const sameClient = query.clientId !== undefined && query.clientId === c.clientId;
      const sameCategory = query.category !== undefined && query.category === c.category;
      const score = WEIGHTS.text * text + (sameClient ? WEIGHTS.client : 0) + (sameCategory ? WEIGHTS.category : 0);
      return { item: c.item, score: Math.round(score * 1000) / 1000, text, sameClient, sameCategory };
    })
    .filter((s) => s.text > 0)
    .sort((a, b) => b.score - a.score);
}

/** Very likely the same mistake again: same client, same category and very similar words. */
export function isLikelyRepeat(s: Pick<Scored<unknown>, 'text' | 'sameClient' | 'sameCategory'>): boolean {
  return s.sameClient && s.sameCategory && s.text >= 0.5;
}
