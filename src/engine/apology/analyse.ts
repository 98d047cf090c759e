// From clause rules to an analysis: which components a text has (with evidence), which anti-pattern
// findings it gets, and the few conditions that depend on the whole text (blame and passive evasion
// count only when nothing is owned; regret counts only outside a conditional sentence; the
// "missing" findings attach to the whole text or its closing line and say so).
import type { Finding, FindingSeverity, Span } from '../types.ts';
import { readClauses, type Clause, type ClauseDoc } from './clauses.ts';
import { APOLOGY_WORDS } from './lexicon.ts';
import { CLAUSE_RULES } from './rules.ts';
import { matches, triggerOf, type ClauseRule, type Context, type Signal } from './spec.ts';

export type ApologyComponent = 'responsibility' | 'repair' | 'regret' | 'explanation' | 'repentance' | 'forgiveness';

/** The component names in the order they are shown. */
export const COMPONENTS: readonly ApologyComponent[] = [
  'responsibility',
  'repair',
  'regret',
  'explanation',
  'repentance',
  'forgiveness',
];

/** Every rule id the analyser can emit. */
export const RULE_IDS = [
  'conditional_apology',
  'feelings_deflection',
  'passive_evasion',
  'blame_shifting',
  'excuse',
  'minimization',
  'vagueness',
  'self_focus',
  'sorry_but',
  'arguing',
  'groveling',
  'too_long',
  'no_timeline',
  'no_prevention',
  'unnamed_mistake',
] as const;
export type ApologyRule = (typeof RULE_IDS)[number];

/** How serious each rule is: errors undo the apology, warnings weaken it, info is advice. */
export const RULE_SEVERITY: Record<ApologyRule, FindingSeverity> = {
  conditional_apology: 'error',
  feelings_deflection: 'error',
  blame_shifting: 'error',
  passive_evasion: 'warning',
  excuse: 'warning',
  minimization: 'warning',
  vagueness: 'warning',
  self_focus: 'warning',
  sorry_but: 'warning',
  arguing: 'warning',
  groveling: 'warning',
  unnamed_mistake: 'warning',
  no_timeline: 'warning',
  too_long: 'info',
  no_prevention: 'info',
};

/** Longest acknowledgment, in words, before it stops being brief (the seeds: "be brief"). */
export const MAX_WORDS = 250;
/** Most findings reported for one rule in one text. */
export const MAX_PER_RULE = 50;

const TEXT: Record<
  Exclude<ApologyRule, 'too_long' | 'no_timeline' | 'no_prevention' | 'unnamed_mistake'>,
  [string, string]
> = {
  conditional_apology: [
    'A conditional apology ("if", "may have", "anyone who…") doubts that anything went wrong.',
    'Say what you did and apologise for it: "I\'m sorry I sent the wrong file."',
  ],
  feelings_deflection: [
    "This apologises for the client's feelings, not for what you did.",
    'Apologise for the act: "I\'m sorry I missed the deadline."',
  ],
  passive_evasion: [
    'A passive without an agent ("mistakes were made") hides who did it.',
    'Name the agent: "I deleted the file", "we made mistakes".',
  ],
  blame_shifting: [
    'This puts the fault on the client, someone else or circumstances, and owns no share of it.',
    'Own your part first; name a third party only as a fact, beside your own share.',
  ],
  excuse: [
    'An excuse (busy, "didn\'t mean to", "didn\'t know") asks the client to excuse the failure.',
    'Keep the cause as a plain fact, or leave it out; own the result.',
  ],
  minimization: [
    'This shrinks the harm ("inconvenience", "small hiccup", "only").',
    "Describe the harm in the client's terms: what it cost them.",
  ],
  vagueness: [
    'The wrong (or the remedy) is left unnamed ("sorry about that", "the issue").',
    'Name it: what went wrong and where, and what you will do.',
  ],
  self_focus: [
    "This turns to the writer's own plight or merits.",
    'Keep the apology on the client: what it cost them and what you will do.',
  ],
  sorry_but: [
    'A "but" after the apology takes it back.',
    'End the apology at the full stop; put any context after the fix.',
  ],
  arguing: [
    'This argues the point ("to be fair", "technically", "as I said") instead of owning it.',
    'Leave the argument out of the apology.',
  ],
  groveling: [
    'Self-abasement ("I feel terrible", "I\'ll never forgive myself") makes the client comfort you.',
    'One clear apology is enough; spend the words on the fix.',
  ],
};

const APOLOGY_TOKENS = new Set(APOLOGY_WORDS);

export interface RuleHit {
  rule: ClauseRule;
  clause: Clause;
}

/** What the analyser learned about a text. */
export interface Judgement {
  doc: ClauseDoc;
  components: Record<ApologyComponent, boolean>;
  evidence: Record<ApologyComponent, Span[]>;
  findings: Finding[];
  compensation: boolean;
  isApology: boolean;
  /** Every rule hit, for explaining a result (`makegood analyse --explain` and the tests). */
  hits: RuleHit[];
}

export interface JudgeOptions {
  kind: 'acknowledgment' | 'general';
  mistake?: { title: string; description?: string } | undefined;
}

/** Runs the clause rules over a parsed text: every (rule, clause) pair that matches. */
export function ruleHits(doc: ClauseDoc, rules: readonly ClauseRule[] = CLAUSE_RULES): RuleHit[] {
  const hits: RuleHit[] = [];
  const ctx: Context = { clauses: doc.clauses };
  const { byWord, always } = indexOf(rules);
  for (const clause of doc.clauses) {
    // Only the rules one of whose trigger words the clause has (and those without triggers), in
    // rule order: the same hits as trying every rule, without trying most of them.
    const candidates = new Set<number>(always);
    for (const w of clause.words) for (const i of byWord.get(w) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const rule = rules[i]!;
      if (matches(rule.when, clause, ctx)) hits.push({ rule, clause });
    }
  }
  return hits;
}

interface RuleIndex {
  byWord: Map<string, number[]>;
  always: number[];
}
const ruleIndexes = new WeakMap<readonly ClauseRule[], RuleIndex>();
function indexOf(rules: readonly ClauseRule[]): RuleIndex {
  const known = ruleIndexes.get(rules);
  if (known) return known;
  const index: RuleIndex = { byWord: new Map(), always: [] };
  rules.forEach((rule, i) => {
    const trigger = triggerOf(rule.when);
    if (!trigger) index.always.push(i);
    else
      for (const w of trigger) {
        const list = index.byWord.get(w);
        if (list) list.push(i);
        else index.byWord.set(w, [i]);
      }
  });
  ruleIndexes.set(rules, index);
  return index;
}

/** The clause's span without trailing punctuation or spaces. */
function spanOf(c: Clause, text: string): Span {
  let end = c.end;
  while (end > c.start && /[\s.,;:!?)]/.test(text[end - 1]!)) end--;
  return { start: c.start, end: end > c.start ? end : c.end };
}

function finding(rule: ApologyRule, span: Span, message: string, suggestion: string): Finding {
  return { rule, severity: RULE_SEVERITY[rule], start: span.start, end: span.end, message, suggestion };
}

/** Analyses a text. */
export function judge(text: string, options: JudgeOptions): Judgement {
  const doc = readClauses(text);
  const hits = ruleHits(doc);
  const by = (signal: Signal): RuleHit[] => hits.filter((h) => h.rule.signal === signal);
  const spans = (list: RuleHit[]): Span[] => {
    const seen = new Set<string>();
    const out: Span[] = [];
    for (const h of list) {
      const s = spanOf(h.clause, text);
      const key = `${s.start}:${s.end}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };

  const conditional = by('conditional_apology');
  const feelings = by('feelings_deflection');
  const deflectedSentences = new Set([...conditional, ...feelings].map((h) => h.clause.sentence));
  // An apology that is only conditional or aimed at feelings is not regret (the rubric).
  const regret = by('regret').filter((h) => !deflectedSentences.has(h.clause.sentence));
  const responsibility = by('responsibility');
  const owned = responsibility.length > 0;
  const repair = by('repair');
  const promise = by('repentance');
  const step = by('prevention_step');
  const explanation = by('explanation');
  const forgiveness = by('forgiveness');
  const blame = by('blame_shifting');
  const passive = by('passive_evasion');
  const wrongNamed = by('wrong_named');
  const excuse = by('excuse');
  const apologyWords = by('apology_word');

  const components: Record<ApologyComponent, boolean> = {
    responsibility: owned,
    repair: repair.length > 0,
    regret: regret.length > 0,
    // A cause offered as an excuse or pinned on someone else is still a cause (rubric decision 5).
    explanation: explanation.length > 0 || blame.length > 0 || excuse.length > 0,
    repentance: promise.length > 0 || step.length > 0,
    forgiveness: forgiveness.length > 0,
  };
  const evidence: Record<ApologyComponent, Span[]> = {
    responsibility: spans(responsibility),
    repair: spans(repair),
    regret: spans(regret),
    explanation: spans([...explanation, ...blame, ...excuse]),
    repentance: spans([...promise, ...step]),
    forgiveness: spans(forgiveness),
  };
  const isApology =
    components.regret || owned || components.forgiveness || apologyWords.length > 0 || passive.length > 0;

  const findings: Finding[] = [];
  const add = (rule: keyof typeof TEXT, list: RuleHit[]): void => {
    for (const s of spans(list)) findings.push(finding(rule, s, TEXT[rule][0], TEXT[rule][1]));
  };
  // A conditional clause ("…if anyone was upset") is marked from the apology word it qualifies.
  for (const s of spans(conditional)) {
    const hit = conditional.find((h) => spanOf(h.clause, text).start === s.start)!;
    const apology = apologyWords.find(
      (a) => a.clause.sentence === hit.clause.sentence && a.clause.start <= hit.clause.start,
    );
    const word = apology?.clause.tokens.find((t) => APOLOGY_TOKENS.has(t.lemma) || APOLOGY_TOKENS.has(t.lower));
    const start = word && word.start < s.start ? word.start : s.start;
    findings.push(
      finding('conditional_apology', { start, end: s.end }, TEXT.conditional_apology[0], TEXT.conditional_apology[1]),
    );
  }
  add(
    'feelings_deflection',
    feelings.filter((h) => !conditional.some((c) => c.clause === h.clause)),
  );
  add('passive_evasion', passive);
  add('blame_shifting', blame);
  add('excuse', excuse);
  add('minimization', by('minimization'));
  // Vague only where nothing concrete is named anywhere else in the text.
  const vague = by('vagueness').filter((h) => !wrongNamed.some((w) => w.clause !== h.clause));
  // A remedy offered without naming one ("we'll look into it") is vague when nothing concrete is fixed.
  const vagueRemedy = components.repair ? [] : by('vague_remedy');
  if (isApology || options.kind === 'acknowledgment') add('vagueness', [...vague, ...vagueRemedy]);
  add('self_focus', isApology ? by('self_focus') : []);
  add('sorry_but', by('sorry_but'));
  add('arguing', by('arguing'));
  add('groveling', by('groveling'));
  if (apologyWords.length >= 3 && apologyWords.length * 40 > doc.wordCount) {
    const third = apologyWords[2]!;
    findings.push(
      finding(
        'groveling',
        spanOf(third.clause, text),
        `The apology is repeated ${apologyWords.length} times.`,
        'Apologise once, clearly; spend the rest on the fix and the prevention.',
      ),
    );
  }

  if (doc.wordCount > MAX_WORDS) {
    const words = doc.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
    findings.push(
      finding(
        'too_long',
        { start: words[MAX_WORDS]?.start ?? 0, end: text.length },
        `At ${doc.wordCount} words this is longer than an apology needs (${MAX_WORDS}); marked from word ${MAX_WORDS + 1} to the end.`,
        'Be brief: what went wrong, that you are sorry, the fix and when, the prevention.',
      ),
    );
  }

  const whole: Span = { start: 0, end: text.length };
  const closing = closingLine(doc, text);
  if (options.kind === 'acknowledgment') {
    // A fix already done needs no time; a promised one does.
    const done = repair.some((h) => h.clause.tense === 'past' || h.clause.tense === 'perfect' || h.clause.passive);
    if (!done && by('timeline').length === 0) {
      if (components.repair)
        findings.push(
          finding(
            'no_timeline',
            evidence.repair[0]!,
            'The fix is offered here, but with no date or time.',
            'Give a time: "The corrected invoice will be with you by 3 pm today."',
          ),
        );
      else
        findings.push(
          finding(
            'no_timeline',
            whole,
            'Nowhere in the message is there a fix with a date or time (this marks the whole text).',
            'Say what you will fix and when: "The corrected invoice will be with you by 3 pm today."',
          ),
        );
    }
    if (step.length === 0) {
      if (components.repentance)
        findings.push(
          finding(
            'no_prevention',
            evidence.repentance[0]!,
            "This promises it won't happen again, but names no step that stops it.",
            'Say what changes: "Every invoice now gets a second check before it goes out."',
          ),
        );
      else
        findings.push(
          finding(
            'no_prevention',
            closing,
            'Nowhere in the message is there a step that stops this from happening again (marked on the closing line).',
            'Add one before you sign off: "Every invoice now gets a second check before it goes out."',
          ),
        );
    }
  }

  if (options.mistake) {
    const terms = mistakeTerms(options.mistake);
    const named =
      terms.size === 0
        ? wrongNamed.length > 0
        : doc.tokens.some((t) => terms.has(stem(t.lower)) || terms.has(stem(t.lemma)));
    if (!named)
      findings.push(
        finding(
          'unnamed_mistake',
          whole,
          `Nowhere does the message say what went wrong ("${options.mistake.title.slice(0, 80)}"); this marks the whole text.`,
          "Name the mistake in the client's terms: what was wrong and where.",
        ),
      );
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  const perRule = new Map<string, number>();
  const capped = findings.filter((f) => {
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    return n <= MAX_PER_RULE;
  });
  return { doc, components, evidence, findings: capped, compensation: by('compensation').length > 0, isApology, hits };
}

/** The last sentence with a word in it (the closing line), or the whole text. */
function closingLine(doc: ClauseDoc, text: string): Span {
  for (let s = doc.sentences.length - 1; s >= 0; s--) {
    const sent = doc.sentences[s]!;
    if (doc.tokens.slice(sent.from, sent.to).some((t) => /[\p{L}\p{N}]/u.test(t.text)))
      return { start: sent.start, end: sent.end };
  }
  return { start: 0, end: text.length };
}

const STOPWORDS = new Set(
  'a an the of to in on for and or with by at from is was were be been our your my we you i it this that client wrong mistake error issue problem'.split(
    ' ',
  ),
);

function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

function mistakeTerms(mistake: { title: string; description?: string | undefined }): Set<string> {
  const out = new Set<string>();
  for (const m of `${mistake.title} ${mistake.description ?? ''}`.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}
