// fact_mismatch: a value in the text of the same kind as a recorded fact that is a near miss of
// it — a short code or phone number with two digits swapped or one changed, a price a digit off,
// a URL or e-mail address a letter off, an identifier with one character wrong, a brand term with
// the wrong capitals inside or a letter off. Exact matches of any recorded value of that kind are
// fine. Facts of the client being written to and workspace-wide facts apply.
import type { Finding } from '../types.ts';
import { boundedDistance, isTransposition, NearMissIndex } from './near-miss.ts';
import { PhraseIndex, phraseWords } from './phrases.ts';
import type { Token } from './tokenise.ts';

/** A recorded fact (mirrors GuardFact). */
export interface FactInput {
  kind: 'phone' | 'short_code' | 'url' | 'email' | 'price' | 'identifier' | 'term' | 'date';
  value: string;
  label?: string;
}

interface Fact {
  kind: FactInput['kind'];
  value: string;
  label: string;
  /** null: workspace-wide. */
  clientId: string | null;
  key: string;
  /** For prices: the currency written with it (USD, GBP, EUR) or null. */
  currency: string | null;
  /** For URLs: host and path, lower case, without scheme and www. */
  host: string;
  path: string;
}

type NumericKind = 'phone' | 'short_code' | 'price' | 'identifier';

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR' };
const CURRENCY_WORDS: Record<string, string> = {
  usd: 'USD',
  gbp: 'GBP',
  eur: 'EUR',
  dollars: 'USD',
  pounds: 'GBP',
  euros: 'EUR',
  cad: 'CAD',
  aud: 'AUD',
};

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}
/** "1,499.00" → "1499", "49.90" → "49.9"… keeps what distinguishes prices. */
function priceKey(amount: string): string {
  const clean = amount.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(clean)) return digitsOf(amount);
  const [int, dec] = clean.split('.') as [string, string | undefined];
  const d = (dec ?? '').replace(/0+$/, '');
  return d ? `${int.replace(/^0+(?=\d)/, '')}.${d}` : int.replace(/^0+(?=\d)/, '');
}
function parsePrice(value: string): { key: string; currency: string | null } | null {
  const m = /([$£€¥₹])?\s*(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]{3})?/.exec(value);
  if (!m) return null;
  const currency = m[1]
    ? CURRENCY_SYMBOLS[m[1]]!
    : m[3]
      ? (CURRENCY_WORDS[m[3].toLowerCase()] ?? m[3].toUpperCase())
      : null;
  return { key: priceKey(m[2]!), currency };
}
function urlParts(u: string): { host: string; path: string } {
  const s = u
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '');
  const slash = s.search(/[/?#]/);
  const host = slash === -1 ? s : s.slice(0, slash);
  const path = slash === -1 ? '' : s.slice(slash).replace(/\/+$/, '');
  return { host, path };
}
function identifierKey(s: string): string {
  return s.toUpperCase().replace(/[\s\-_/.#]/g, '');
}

function keyOf(kind: FactInput['kind'], value: string): string | null {
  switch (kind) {
    case 'phone': {
      const d = digitsOf(value);
      return d.length >= 5 ? d : null;
    }
    case 'short_code': {
      const d = digitsOf(value);
      return d.length >= 3 ? d : null;
    }
    case 'price':
      return parsePrice(value)?.key ?? null;
    case 'identifier': {
      const k = identifierKey(value);
      return k.length >= 3 ? k : null;
    }
    case 'url': {
      const p = urlParts(value);
      return p.host.includes('.') ? p.host + p.path : null;
    }
    case 'email':
      return value.includes('@') ? value.trim().toLowerCase() : null;
    case 'term':
      return value.trim().length > 0 ? value.trim() : null;
    case 'date':
      return null;
  }
}

function describeDifference(written: string, recorded: string): string {
  if (written.toLowerCase() === recorded.toLowerCase()) return 'different capitals';
  if (isTransposition(written, recorded)) return 'two characters swapped';
  if (written.length === recorded.length) return 'one character different';
  return written.length < recorded.length ? 'a character missing' : 'an extra character';
}

function labelled(f: Fact): string {
  const what = f.label || f.kind.replace('_', ' ');
  return `${what} ${f.value}`;
}

/** The facts of a workspace, indexed once. */
export class FactBook {
  private readonly exact = new Map<string, Map<string, Fact[]>>(); // kind → key → facts
  private readonly near = new Map<NumericKind, NearMissIndex<Fact>>();
  /** Key lengths per numeric kind: a query whose length is more than one off every key is skipped. */
  private readonly lengths = new Map<NumericKind, Set<number>>();
  private readonly listed = new Map<string, Fact[]>(); // `${scope}|${kind}` for url and email
  private readonly phones = new Map<string, Fact[]>(); // by scope ('' = workspace-wide)
  private readonly terms = new PhraseIndex<Fact>();
  private readonly termNear = new NearMissIndex<Fact>();
  /** Which kinds exist per scope ('' = workspace-wide). */
  private readonly kindsByScope = new Map<string, Set<string>>();

  constructor(
    workspaceFacts: readonly FactInput[],
    clients: readonly { id: string; facts: readonly FactInput[]; contactEmails: readonly string[] }[],
    private readonly isDictionaryWord: (word: string) => boolean,
  ) {
    for (const f of workspaceFacts) this.add(f, null);
    for (const c of clients) {
      for (const f of c.facts) this.add(f, c.id);
      for (const e of c.contactEmails) this.add({ kind: 'email', value: e, label: 'contact e-mail' }, c.id);
    }
  }

  private add(input: FactInput, clientId: string | null): void {
    const key = keyOf(input.kind, input.value);
    if (key === null) return;
    const fact: Fact = {
      kind: input.kind,
      value: input.value.trim(),
      label: input.label?.trim() ?? '',
      clientId,
      key,
      currency: input.kind === 'price' ? (parsePrice(input.value)?.currency ?? null) : null,
      host: '',
      path: '',
    };
    if (input.kind === 'url') Object.assign(fact, urlParts(input.value));
    const scope = clientId ?? '';
    let kinds = this.kindsByScope.get(scope);
    if (!kinds) this.kindsByScope.set(scope, (kinds = new Set()));
    kinds.add(input.kind);
    const ek = input.kind === 'term' ? key.toLowerCase() : key;
    let byKey = this.exact.get(input.kind);
    if (!byKey) this.exact.set(input.kind, (byKey = new Map()));
    const list = byKey.get(ek);
    if (list) list.push(fact);
    else byKey.set(ek, [fact]);
    switch (input.kind) {
      case 'phone':
      case 'short_code':
      case 'price':
      case 'identifier': {
        if (input.kind === 'phone') {
          const l = this.phones.get(scope);
          if (l) l.push(fact);
          else this.phones.set(scope, [fact]);
        }
        let idx = this.near.get(input.kind);
        if (!idx) this.near.set(input.kind, (idx = new NearMissIndex()));
        idx.add(key, fact);
        let lengths = this.lengths.get(input.kind);
        if (!lengths) this.lengths.set(input.kind, (lengths = new Set()));
        lengths.add(key.length);
        break;
      }
      case 'url':
      case 'email': {
        const lk = `${scope}|${input.kind}`;
        const l = this.listed.get(lk);
        if (l) l.push(fact);
        else this.listed.set(lk, [fact]);
        break;
      }
      case 'term': {
        const words = phraseWords(key);
        this.terms.add(
          words.map((w) => w.norm),
          fact,
        );
        if (words.length === 1 && key.length >= 4) this.termNear.add(words[0]!.norm, fact);
        break;
      }
      case 'date':
        break;
    }
  }

  /** Near misses of a key, memoised (they depend on the key alone; scope is filtered by the caller). */
  private nearMemo(idx: NearMissIndex<Fact>, memoKey: string, key: string): readonly { payload: Fact }[] {
    let hits = this.nearCache.get(memoKey);
    if (hits === undefined) {
      if (this.nearCache.size >= 20_000) this.nearCache.clear();
      hits = idx.near(key);
      this.nearCache.set(memoKey, hits);
    }
    return hits;
  }
  private readonly nearCache = new Map<string, readonly { payload: Fact }[]>();

  /** Whether a kind of fact applies to a check for `clientId`. */
  has(kind: FactInput['kind'], clientId: string | undefined): boolean {
    return !!this.kindsByScope.get('')?.has(kind) || (!!clientId && !!this.kindsByScope.get(clientId)?.has(kind));
  }

  /** Whether any term fact starts with this word. */
  termStartsWith(norm: string): boolean {
    return this.terms.has(norm);
  }

  private inScope(f: Fact, clientId: string | undefined): boolean {
    return f.clientId === null || f.clientId === clientId;
  }

  private isRecorded(kind: FactInput['kind'], key: string, clientId: string | undefined): boolean {
    const list = this.exact.get(kind)?.get(key);
    if (!list) return false;
    for (const f of list) if (f.clientId === null || f.clientId === clientId) return true;
    return false;
  }

  private nearest(kind: NumericKind, key: string, clientId: string | undefined): Fact | null {
    const idx = this.near.get(kind);
    const lengths = this.lengths.get(kind);
    if (!idx || !lengths) return null;
    // Short codes and identifiers must keep their length; prices may gain or lose a digit.
    if (
      kind === 'price'
        ? !(lengths.has(key.length) || lengths.has(key.length - 1) || lengths.has(key.length + 1))
        : !lengths.has(key.length)
    )
      return null;
    for (const hit of this.nearMemo(idx, `${kind}|${key}`, key))
      if (this.inScope(hit.payload, clientId)) return hit.payload;
    return null;
  }

  private finding(start: number, end: number, written: string, fact: Fact, how: string): Finding {
    return {
      rule: 'fact_mismatch',
      severity: 'error',
      start,
      end,
      message: `“${written}” does not match the recorded ${labelled(fact)} (${how}).`,
      suggestion: `Use ${fact.value}.`,
      replacement: fact.value,
    };
  }

  /** Checks a number-like value (short code, identifier, price) at token `i`. */
  checkNumber(text: string, tokens: readonly Token[], i: number, clientId: string | undefined, out: Finding[]): number {
    const t = tokens[i]!;
    // Price: $1,499 / £49.99 / 49 USD
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    let currency: string | null = null;
    let start = t.start;
    if (before && before.kind === 'punct' && before.end === t.start && CURRENCY_SYMBOLS[before.text]) {
      currency = CURRENCY_SYMBOLS[before.text]!;
      start = before.start;
    } else if (after && after.kind !== 'punct' && CURRENCY_WORDS[after.norm] && after.newlines === 0)
      currency = CURRENCY_WORDS[after.norm]!;
    if (currency && this.has('price', clientId)) {
      const key = priceKey(t.text);
      if (!this.isRecorded('price', key, clientId)) {
        const fact = this.nearest('price', key, clientId);
        // A changed digit needs three significant digits to be telling; a swap needs two.
        if (
          fact &&
          (!fact.currency || fact.currency === currency) &&
          (isTransposition(key, fact.key) || digitsOf(key).length >= 3)
        ) {
          out.push(this.finding(start, t.end, text.slice(start, t.end), fact, describeDifference(key, fact.key)));
          return i;
        }
      }
      return i;
    }
    if (t.kind === 'number' && /^\d+$/.test(t.text)) {
      const d = t.text;
      if (
        d.length >= 3 &&
        d.length <= 8 &&
        this.has('short_code', clientId) &&
        !this.isRecorded('short_code', d, clientId)
      ) {
        const fact = this.nearest('short_code', d, clientId);
        if (fact && fact.key.length === d.length) {
          out.push(this.finding(t.start, t.end, t.text, fact, describeDifference(d, fact.key)));
          return i;
        }
      }
    }
    return i;
  }

  /** Checks an identifier-like chunk (INV-2041, PO 88213, AB12CD) spanning tokens [i, last]. */
  checkIdentifier(text: string, start: number, end: number, clientId: string | undefined, out: Finding[]): boolean {
    if (!this.has('identifier', clientId)) return false;
    const written = text.slice(start, end);
    const key = identifierKey(written);
    if (key.length < 3 || !/\d/.test(key) || this.isRecorded('identifier', key, clientId)) return false;
    const fact = this.nearest('identifier', key, clientId);
    if (!fact || fact.key.length !== key.length) return false;
    out.push(this.finding(start, end, written, fact, describeDifference(key, fact.key)));
    return true;
  }

  /** Checks phone numbers in the text (one regex pass, only when phone facts apply). */
  checkPhones(text: string, clientId: string | undefined, out: Finding[]): void {
    if (!this.has('phone', clientId)) return;
    const re = /\+?\(?\d[\d\s().-]{5,18}\d/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const written = m[0];
      const d = digitsOf(written);
      if (d.length < 7 || d.length > 15) continue;
      const phones = this.recordedPhones(clientId);
      // The same number with or without a country code is the same number.
      if (phones.some((p) => p.key === d || (p.key.length > d.length ? p.key.endsWith(d) : d.endsWith(p.key))))
        continue;
      let fact = this.nearest('phone', d, clientId);
      if (!fact) {
        for (const p of phones) {
          const a = p.key.slice(-Math.min(p.key.length, d.length));
          const b = d.slice(-Math.min(p.key.length, d.length));
          if (a.length >= 7 && boundedDistance(a, b, 1) === 1) {
            fact = p;
            break;
          }
        }
      }
      if (fact) {
        const n = Math.min(d.length, fact.key.length);
        out.push(
          this.finding(
            m.index,
            m.index + written.length,
            written,
            fact,
            describeDifference(d.slice(-n), fact.key.slice(-n)),
          ),
        );
      }
    }
  }

  private recordedPhones(clientId: string | undefined): Fact[] {
    const workspace = this.phones.get('') ?? [];
    const client = clientId ? (this.phones.get(clientId) ?? []) : [];
    return client.length === 0 ? workspace : workspace.length === 0 ? client : [...client, ...workspace];
  }

  /** Checks a URL or e-mail token. */
  checkAddress(t: Token, clientId: string | undefined, out: Finding[]): void {
    const kind = t.kind === 'email' ? 'email' : 'url';
    if (!this.has(kind, clientId)) return;
    const workspace = this.listed.get(`|${kind}`);
    const client = clientId ? this.listed.get(`${clientId}|${kind}`) : undefined;
    const facts = !client ? (workspace ?? []) : !workspace ? client : [...client, ...workspace];
    if (kind === 'email') {
      const written = t.text.toLowerCase();
      if (facts.some((f) => f.key === written)) return;
      for (const f of facts) {
        const max = f.key.length >= 15 ? 2 : 1;
        const d = boundedDistance(written, f.key, max);
        if (d <= max) {
          out.push(this.finding(t.start, t.end, t.text, f, describeDifference(written, f.key)));
          return;
        }
      }
      return;
    }
    const w = urlParts(t.text);
    let sameHost = false;
    for (const r of facts) {
      if (r.host === w.host) {
        sameHost = true;
        if (r.path === w.path || !r.path || !w.path) return;
      }
    }
    for (const f of facts) {
      const r = f;
      if (!sameHost) {
        const max = r.host.length >= 12 ? 2 : 1;
        if (boundedDistance(w.host, r.host, max) <= max) {
          out.push(this.finding(t.start, t.end, t.text, f, describeDifference(w.host, r.host)));
          return;
        }
      } else if (r.host === w.host && r.path.length >= 3 && boundedDistance(w.path, r.path, 1) === 1) {
        out.push(this.finding(t.start, t.end, t.text, f, describeDifference(w.path, r.path)));
        return;
      }
    }
  }

  /** Term facts starting at word token `i`: written with the wrong capitals. Returns the last token index used, or -1. */
  checkTermCase(tokens: readonly Token[], i: number, clientId: string | undefined, out: Finding[]): number {
    for (const m of this.terms.matchAt(tokens, i)) {
      const fact = m.entry.payload;
      if (!this.inScope(fact, clientId)) continue;
      const recordedWords = phraseWords(fact.value);
      let wrong = false;
      let k = 0;
      for (let j = m.first; j <= m.last; j++) {
        const t = tokens[j]!;
        if (t.kind === 'punct') continue;
        const r = recordedWords[k++];
        if (!r || t.text === r.text) continue;
        // ALL CAPS text (a heading) is not a case error.
        if (t.text.length > 1 && t.text === t.text.toUpperCase()) continue;
        const inner = /.\p{Lu}/u.test(r.text) || (r.text.length > 1 && r.text === r.text.toUpperCase());
        if (inner) wrong = true;
        else if (!this.isDictionaryWord(r.norm) && !(t.sentenceStart && j === m.first)) wrong = true;
      }
      if (wrong) {
        out.push({
          rule: 'fact_mismatch',
          severity: 'error',
          start: m.start,
          end: m.end,
          message: `“${tokensText(tokens, m.first, m.last)}” is written “${fact.value}” (${fact.label || 'recorded term'}).`,
          suggestion: `Write “${fact.value}”.`,
          replacement: fact.value,
        });
      }
      return m.last;
    }
    return -1;
  }

  /** A single word that is one letter off a recorded term (written like a name or unknown to the dictionary). */
  checkTermNearMiss(t: Token, clientId: string | undefined, out: Finding[]): boolean {
    if (this.termNear.size === 0 || t.norm.length < 4) return false;
    for (const hit of this.nearMemo(this.termNear, `term|${t.norm}`, t.norm)) {
      const fact = hit.payload;
      if (!this.inScope(fact, clientId)) continue;
      out.push(this.finding(t.start, t.end, t.text, fact, describeDifference(t.text, fact.value)));
      return true;
    }
    return false;
  }

  /** Whether a word is exactly (ignoring case) a recorded term word in scope. */
  isTermWord(norm: string, clientId: string | undefined): boolean {
    const list = this.exact.get('term')?.get(norm);
    if (!list) return false;
    for (const f of list) if (f.clientId === null || f.clientId === clientId) return true;
    return false;
  }
}

function tokensText(tokens: readonly Token[], first: number, last: number): string {
  let s = '';
  for (let j = first; j <= last; j++) s += (j > first && tokens[j]!.spaceBefore ? ' ' : '') + tokens[j]!.text;
  return s;
}
