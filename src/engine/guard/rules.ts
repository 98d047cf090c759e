// guard_rule: the workspace's learned rules. `forbidden` — the phrase must not appear;
// `required` — the phrase must appear (whenever the `when` trigger does, if one is given);
// `pattern` — a regex, run on RE2 (linear time in the text; see pattern.ts), must not
// match. `when` also narrows forbidden and pattern rules. Phrases match word by word, ignoring
// case and punctuation between words; regexes are compiled once, as written (case-sensitive).
import type { Finding } from '../types.ts';
import { PhraseIndex, phraseWords, type PhraseMatch } from './phrases.ts';
import type { RE2JS } from 're2js';
import { compilePattern, patternMatches, patternProblem } from './pattern.ts';
import type { Token } from './tokenise.ts';

/** A rule as the guard receives it (mirrors GuardRuleSpec). */
export interface RuleInput {
  id?: string;
  clientId?: string;
  kind: 'forbidden' | 'pattern' | 'required';
  phrase?: string;
  pattern?: string;
  when?: string;
  message: string;
}

/** At most this many findings per rule per check. */
const MAX_PER_RULE = 20;

/** A phrase's words and the variant with "e-mail" for "email" (written either way in client mail). */
function spellings(words: string[]): string[][] {
  if (!words.some((w) => w === 'email' || w === 'emails')) return [words];
  return [words, words.flatMap((w) => (w === 'email' ? ['e', 'mail'] : w === 'emails' ? ['e', 'mails'] : [w]))];
}

/** Why a rule cannot be used, or null. */
export function ruleProblem(rule: Omit<RuleInput, 'id' | 'clientId'>): string | null {
  if (rule.kind === 'pattern') {
    if (typeof rule.pattern !== 'string') return 'a pattern rule needs a pattern';
    const problem = patternProblem(rule.pattern);
    if (problem) return `the pattern ${problem}`;
  } else if (rule.kind === 'forbidden' || rule.kind === 'required') {
    if (typeof rule.phrase !== 'string' || rule.phrase.trim().length === 0) return 'the phrase must not be empty';
    if (rule.phrase.length > 300) return 'the phrase is longer than 300 characters';
    if (phraseWords(rule.phrase).length === 0) return 'the phrase has no words to match';
  } else return `unknown rule kind “${String((rule as { kind: unknown }).kind)}”`;
  if (rule.when !== undefined && rule.when !== null) {
    if (typeof rule.when !== 'string' || rule.when.trim().length === 0) return 'the trigger (when) must not be empty';
    if (rule.when.length > 300) return 'the trigger (when) is longer than 300 characters';
    if (phraseWords(rule.when).length === 0) return 'the trigger (when) has no words to match';
  }
  return null;
}

interface CompiledRule {
  index: number;
  spec: RuleInput;
  message: string;
  regex: RE2JS | null;
  hasWhen: boolean;
}

interface PhraseRole {
  rule: CompiledRule;
  role: 'phrase' | 'when';
}

/** What one check collected for the rules while walking the tokens. */
export class RuleHits {
  readonly phrase = new Map<number, PhraseMatch<PhraseRole>[]>();
  readonly when = new Map<number, PhraseMatch<PhraseRole>>();
}

/** Rules of one scope (the workspace, or one client) that are not found through their phrase. */
interface Scope {
  /** Required phrases without a trigger: checked on every text. */
  alwaysRequired: CompiledRule[];
  /** Patterns (run on every text of the scope). */
  alwaysPatterns: CompiledRule[];
}

/** The workspace's rules, compiled once. Invalid rules are skipped (they are refused on input). */
export class RuleSet {
  private readonly index = new PhraseIndex<PhraseRole>();
  private readonly all: CompiledRule[] = [];
  private readonly workspace: Scope = { alwaysRequired: [], alwaysPatterns: [] };
  private readonly byClient = new Map<string, Scope>();
  /** Rules that could not be used, with the reason (for diagnostics). */
  readonly skipped: { rule: RuleInput; reason: string }[] = [];

  constructor(rules: readonly RuleInput[]) {
    rules.forEach((spec, index) => {
      const reason = ruleProblem(spec);
      if (reason) {
        this.skipped.push({ rule: spec, reason });
        return;
      }
      const rule: CompiledRule = {
        index,
        spec,
        message: spec.message?.trim() ? spec.message.trim() : 'A guard rule of this workspace.',
        regex: spec.kind === 'pattern' ? compilePattern(spec.pattern!) : null,
        hasWhen: typeof spec.when === 'string',
      };
      this.all[index] = rule;
      let scope = this.workspace;
      if (spec.clientId) {
        let s = this.byClient.get(spec.clientId);
        if (!s) this.byClient.set(spec.clientId, (s = { alwaysRequired: [], alwaysPatterns: [] }));
        scope = s;
      }
      if (spec.kind !== 'pattern')
        for (const words of spellings(phraseWords(spec.phrase!).map((w) => w.norm)))
          this.index.add(words, { rule, role: 'phrase' });
      if (rule.hasWhen)
        this.index.add(
          phraseWords(spec.when!).map((w) => w.norm),
          { rule, role: 'when' },
        );
      if (spec.kind === 'required' && !rule.hasWhen) scope.alwaysRequired.push(rule);
      // RE2 skips ahead to a pattern's literal prefix itself, so every pattern runs on every text.
      if (spec.kind === 'pattern') scope.alwaysPatterns.push(rule);
    });
  }

  /** Whether some rule phrase or trigger starts with this word. */
  startsWith(norm: string): boolean {
    return this.index.has(norm);
  }

  /** Records the rule phrases and triggers matching at token `i`. */
  collect(tokens: readonly Token[], i: number, clientId: string | undefined, hits: RuleHits): void {
    for (const m of this.index.matchAt(tokens, i)) {
      const { rule, role } = m.entry.payload;
      if (rule.spec.clientId && rule.spec.clientId !== clientId) continue;
      if (role === 'when') {
        if (!hits.when.has(rule.index)) hits.when.set(rule.index, m);
      } else {
        const list = hits.phrase.get(rule.index);
        if (!list) hits.phrase.set(rule.index, [m]);
        else if (list.length < MAX_PER_RULE && list[list.length - 1]!.end <= m.start) list.push(m);
      }
    }
  }

  /** The guard_rule findings of a check. */
  findings(text: string, clientId: string | undefined, hits: RuleHits, out: Finding[]): void {
    // Forbidden phrases that appeared (and whose trigger, if any, appeared too).
    for (const [index, matches] of hits.phrase) {
      const rule = this.all[index]!;
      if (rule.spec.kind !== 'forbidden' || (rule.hasWhen && !hits.when.has(index))) continue;
      for (const m of matches) {
        out.push({
          rule: 'guard_rule',
        ...(rule.spec.id !== undefined && { ruleId: rule.spec.id }),
          severity: 'error',
          start: m.start,
          end: m.end,
          message: rule.message,
          suggestion: `Remove or rephrase “${text.slice(m.start, m.end)}” (a guard rule forbids “${rule.spec.phrase}”).`,
        });
      }
    }
    // Required phrases whose trigger appeared.
    for (const [index, trigger] of hits.when) {
      const rule = this.all[index]!;
      if (rule.spec.kind === 'required' && !hits.phrase.has(index)) this.missing(rule, text, trigger, out);
    }
    const client = clientId ? this.byClient.get(clientId) : undefined;
    for (const scope of client ? [this.workspace, client] : [this.workspace]) {
      for (const rule of scope.alwaysRequired)
        if (!hits.phrase.has(rule.index)) this.missing(rule, text, undefined, out);
      for (const rule of scope.alwaysPatterns) this.runPattern(rule, text, clientId, hits, out);
    }
  }

  private missing(
    rule: CompiledRule,
    text: string,
    trigger: PhraseMatch<PhraseRole> | undefined,
    out: Finding[],
  ): void {
    const span = trigger ? { start: trigger.start, end: trigger.end } : firstLine(text);
    out.push({
      rule: 'guard_rule',
      ...(rule.spec.id !== undefined && { ruleId: rule.spec.id }),
      severity: 'error',
      start: span.start,
      end: span.end,
      message: rule.message,
      suggestion: trigger
        ? `Add “${rule.spec.phrase}” — a guard rule requires it whenever “${rule.spec.when}” appears.`
        : `Add “${rule.spec.phrase}” — a guard rule requires it in every message.`,
    });
  }

  private runPattern(
    rule: CompiledRule,
    text: string,
    clientId: string | undefined,
    hits: RuleHits,
    out: Finding[],
  ): void {
    if (rule.spec.clientId && rule.spec.clientId !== clientId) return;
    if (rule.hasWhen && !hits.when.has(rule.index)) return;
    for (const m of patternMatches(rule.regex!, text, MAX_PER_RULE)) {
      const matched = text.slice(m.start, m.end);
      out.push({
        rule: 'guard_rule',
        ...(rule.spec.id !== undefined && { ruleId: rule.spec.id }),
        severity: 'error',
        start: m.start,
        end: m.end,
        message: rule.message,
        suggestion: `Rephrase “${matched.length > 60 ? `${matched.slice(0, 57)}…` : matched}” (it matches a guard rule pattern).`,
      });
    }
  }
}

/** The span of the first non-empty line (where a "missing required phrase" finding points). */
function firstLine(text: string): { start: number; end: number } {
  let start = 0;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}
