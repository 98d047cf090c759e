// A clause rule is data: which features a clause must have (subject, verb lemmas, tense, voice,
// modality, negation, link, words or short lemma phrases) and which it must not. `matches` is the
// whole interpreter; rules.ts holds the rules.
import type { Clause, Person, Tense } from './clauses.ts';

export interface Spec {
  /** The subject is one of these. */
  subject?: readonly Person[];
  /** Any verb of the clause has one of these lemmas. */
  verb?: readonly string[];
  /** The first main verb has one of these lemmas. */
  mainVerb?: readonly string[];
  /** The clause has one of these words or lemmas. */
  words?: readonly string[];
  /** …and also one of these (a second list, both required). */
  andWords?: readonly string[];
  /** The clause has one of these lemma phrases (space-separated, matched on word boundaries). */
  phrase?: readonly string[];
  /**
   * The clause has one of these token sequences: each item a lemma ("for"), a POS tag ("VERB"),
   * a tag with an ending ("VERB-ing": a VERB written with -ing) or "*" (any one word).
   */
  seq?: readonly string[];
  tense?: readonly Tense[];
  passive?: boolean;
  /** Passive with a by-agent. */
  agent?: boolean;
  modal?: readonly string[];
  /** Modal must be absent (true) or present (false). */
  noModal?: boolean;
  negated?: boolean;
  perfect?: boolean;
  /** The clause is opened by one of these links ('' for none). */
  link?: readonly string[];
  /** The clause's sentence has one of these words or lemmas. */
  sentenceWords?: readonly string[];
  /** The previous clause of the same sentence has one of these words or lemmas. */
  previousWords?: readonly string[];
  /** Every spec of the list matches too. */
  all?: readonly Spec[];
  /** At least one spec of the list matches too. */
  any?: readonly Spec[];
  /** None of these matches. */
  not?: readonly Spec[];
}

/** What a rule feeds: a component, an anti-pattern rule, or a fact the analyser uses. */
export type Signal =
  | 'regret'
  | 'explanation'
  | 'responsibility'
  | 'repentance'
  | 'repair'
  | 'forgiveness'
  | 'conditional_apology'
  | 'feelings_deflection'
  | 'passive_evasion'
  | 'blame_shifting'
  | 'excuse'
  | 'minimization'
  | 'vagueness'
  | 'self_focus'
  | 'sorry_but'
  | 'arguing'
  | 'groveling'
  /** An apology word aimed at something (counted for isApology and groveling even when not regret). */
  | 'apology_word'
  /** A concrete wrong named ("the invoice had the wrong total"). */
  | 'wrong_named'
  /** A prevention step, not only a promise. */
  | 'prevention_step'
  /** A time for the fix. */
  | 'timeline'
  /** Concrete compensation. */
  | 'compensation'
  /** A remedy offered without naming it ("we'll look into it", "make it right"). */
  | 'vague_remedy';

export interface ClauseRule {
  /** Unique, kebab-case: what the rule recognises. */
  id: string;
  signal: Signal;
  when: Spec;
  /** A text the rule must match, and one (close to it) it must not. The tests run both. */
  example: { yes: string; no: string };
}

export interface Context {
  clauses: readonly Clause[];
  /** The words of each sentence, built on first use. */
  sentenceWords?: Map<number, Set<string>>;
}

function sentenceWordsOf(clause: Clause, ctx: Context): Set<string> {
  ctx.sentenceWords ??= new Map();
  let set = ctx.sentenceWords.get(clause.sentence);
  if (!set) {
    set = new Set();
    for (const c of ctx.clauses) if (c.sentence === clause.sentence) for (const w of c.words) set.add(w);
    ctx.sentenceWords.set(clause.sentence, set);
  }
  return set;
}

const asSet = new WeakMap<readonly string[], Set<string>>();
/** Whether the clause's words meet a list (the list turned into a Set once). */
function hasAny(words: Set<string>, list: readonly string[]): boolean {
  let set = asSet.get(list);
  if (!set) {
    set = new Set(list);
    asSet.set(list, set);
  }
  if (words.size < set.size) {
    for (const w of words) if (set.has(w)) return true;
    return false;
  }
  for (const w of list) if (words.has(w)) return true;
  return false;
}

const phraseIndex = new WeakMap<readonly string[], Map<string, string[]>>();
/**
 * Whether the clause's lemma string holds one of the phrases. The phrases are indexed by their
 * first word once, so only those starting with a word of the clause are tried.
 */
function hasPhrase(clause: Clause, list: readonly string[]): boolean {
  let index = phraseIndex.get(list);
  if (!index) {
    index = new Map();
    for (const p of list) {
      const first = p.split(' ')[0]!;
      const bucket = index.get(first);
      if (bucket) bucket.push(` ${p} `);
      else index.set(first, [` ${p} `]);
    }
    phraseIndex.set(list, index);
  }
  for (const w of clause.words) {
    const bucket = index.get(w);
    if (bucket) for (const p of bucket) if (clause.phrase.includes(p)) return true;
  }
  return false;
}

const triggers = new WeakMap<Spec, Set<string> | null>();
/**
 * Words one of which a clause must have for the spec to match (null: no such list). Used to skip
 * a rule at once in clauses that cannot match it; it never changes what matches.
 */
export function triggerOf(spec: Spec): Set<string> | null {
  if (triggers.has(spec)) return triggers.get(spec)!;
  let out: Set<string> | null = null;
  const add = (xs: Iterable<string>): void => {
    out ??= new Set();
    for (const x of xs) out.add(x);
  };
  if (spec.words) add(spec.words);
  else if (spec.verb) add(spec.verb);
  else if (spec.mainVerb) add(spec.mainVerb);
  else if (spec.phrase) add(spec.phrase.map((p) => p.split(' ')[0]!));
  else if (spec.seq && spec.seq.every((q) => /^[a-z]/.test(q))) add(spec.seq.map((q) => q.split(' ')[0]!));
  else if (spec.any && spec.any.length > 0) {
    const subs = spec.any.map(triggerOf);
    if (subs.every((t) => t !== null)) for (const t of subs) if (t) add(t);
  }
  triggers.set(spec, out);
  return out;
}

/** Whether a clause (in its document) satisfies a spec. */
export function matches(spec: Spec, clause: Clause, ctx: Context): boolean {
  const trigger = triggerOf(spec);
  if (trigger && !hasAny(clause.words, triggerList(trigger))) return false;
  if (spec.subject && !spec.subject.includes(clause.subject)) return false;
  if (spec.tense && !spec.tense.includes(clause.tense)) return false;
  if (spec.passive !== undefined && spec.passive !== clause.passive) return false;
  if (spec.agent !== undefined && spec.agent !== clause.agent) return false;
  if (spec.negated !== undefined && spec.negated !== clause.negated) return false;
  if (spec.perfect !== undefined && spec.perfect !== clause.perfect) return false;
  if (spec.modal && !spec.modal.includes(clause.modal)) return false;
  if (spec.noModal !== undefined && spec.noModal !== (clause.modal === '')) return false;
  if (spec.link && !spec.link.includes(clause.link)) return false;
  if (spec.mainVerb && !spec.mainVerb.includes(clause.verb)) return false;
  if (spec.verb && !clause.verbs.some((v) => spec.verb!.includes(v))) return false;
  if (spec.words && !hasAny(clause.words, spec.words)) return false;
  if (spec.andWords && !hasAny(clause.words, spec.andWords)) return false;
  if (spec.phrase && !hasPhrase(clause, spec.phrase)) return false;
  if (spec.seq && !spec.seq.some((q) => hasSequence(clause, q.split(' ')))) return false;
  if (spec.sentenceWords && !hasAny(sentenceWordsOf(clause, ctx), spec.sentenceWords)) return false;
  if (spec.previousWords) {
    const prev = ctx.clauses[clause.index - 1];
    if (!prev || prev.sentence !== clause.sentence || !hasAny(prev.words, spec.previousWords)) return false;
  }
  if (spec.all && !spec.all.every((s) => matches(s, clause, ctx))) return false;
  if (spec.any && !spec.any.some((s) => matches(s, clause, ctx))) return false;
  if (spec.not && spec.not.some((s) => matches(s, clause, ctx))) return false;
  return true;
}

function itemMatches(item: string, clause: Clause, k: number): boolean {
  if (item === '*') return true;
  const dash = item.indexOf('-');
  const first = item.charAt(0);
  if (item.length > 1 && first === first.toUpperCase() && first !== first.toLowerCase()) {
    const tag = dash > 0 ? item.slice(0, dash) : item;
    if (clause.tags[k] !== tag) return false;
    return dash > 0 ? clause.lowers[k]!.endsWith(item.slice(dash + 1)) : true;
  }
  return clause.lemmas[k] === item || clause.lowers[k] === item;
}

function hasSequence(clause: Clause, items: readonly string[]): boolean {
  const n = clause.lemmas.length;
  outer: for (let k = 0; k + items.length <= n; k++) {
    for (let j = 0; j < items.length; j++) if (!itemMatches(items[j]!, clause, k + j)) continue outer;
    return true;
  }
  return false;
}

const triggerLists = new WeakMap<Set<string>, string[]>();
function triggerList(set: Set<string>): string[] {
  let l = triggerLists.get(set);
  if (!l) {
    l = [...set];
    triggerLists.set(set, l);
  }
  return l;
}
