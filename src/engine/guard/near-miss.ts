// Near-miss matching: a bounded Damerau–Levenshtein distance (optimal string alignment, so a swap
// of two neighbours costs 1) and a symmetric-delete index that finds every stored key within
// distance 1 of a query with (length + 1) map lookups instead of a scan.

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it must exceed
 * `max` (so callers can bound the work). Compares UTF-16 code units.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  // Three rolling rows (two back, for transpositions), reused across calls: no allocation.
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) {
    prev[j] = j;
    prev2[j] = 0;
  }
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      const sub = prev[j - 1]! + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb]!;
  return d > max ? max + 1 : d;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** True when `a` and `b` differ only by one swap of two neighbouring characters. */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1) return false;
  if (a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Symmetric-delete index: every key is stored under itself and each of its one-character
 * deletions; a query looks up itself and its deletions. Any stored key within distance 1
 * (insert, delete, substitute, swap) shares at least one of those variants; candidates are then
 * verified with `boundedDistance`.
 */
export class NearMissIndex<T> {
  private readonly variants = new Map<string, number[]>();
  private readonly keys: string[] = [];
  private readonly payloads: T[] = [];

  /** Number of stored entries. */
  get size(): number {
    return this.keys.length;
  }

  /** Stores `payload` under `key`. */
  add(key: string, payload: T): void {
    const id = this.keys.length;
    this.keys.push(key);
    this.payloads.push(payload);
    this.put(key, id);
    for (let i = 0; i < key.length; i++) {
      // Skip a deletion identical to the previous one (doubled letters).
      if (i > 0 && key.charCodeAt(i) === key.charCodeAt(i - 1)) continue;
      this.put(key.slice(0, i) + key.slice(i + 1), id);
    }
  }

  private put(variant: string, id: number): void {
    const list = this.variants.get(variant);
    if (!list) this.variants.set(variant, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }

  /** Entries whose key is within distance 1 of `query` and not equal to it, closest first, in insertion order. */
  near(query: string): { key: string; payload: T; distance: number }[] {
    // Stamp instead of a Set: an entry is seen in this query when stamps[id] === this.query.
    if (this.stamps.length < this.keys.length) {
      const grown = new Int32Array(Math.max(16, this.keys.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const stamp = ++this.query;
    let out: { key: string; payload: T; distance: number }[] | null = null;
    for (let i = -1; i < query.length; i++) {
      if (i > 0 && query.charCodeAt(i) === query.charCodeAt(i - 1)) continue;
      const ids = this.variants.get(i === -1 ? query : query.slice(0, i) + query.slice(i + 1));
      if (!ids) continue;
      for (const id of ids) {
        if (this.stamps[id] === stamp) continue;
        this.stamps[id] = stamp;
        const key = this.keys[id]!;
        if (key === query) continue;
        const d = boundedDistance(query, key, 1);
        if (d <= 1) (out ??= []).push({ key, payload: this.payloads[id]!, distance: d });
      }
    }
    return out ?? [];
  }

  private stamps = new Int32Array(16);
  private query = 0;
}
