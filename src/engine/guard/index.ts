// The pre-send guard's public API: build once per workspace (buildGuard), check many texts.
// Pure: no I/O; the Hunspell speller is passed in by the caller (src/bootstrap/spellers.ts).
// Rule ids: spelling, confusable, contact_name, honorific, fact_mismatch, other_client,
// weekday_mismatch, placeholder, missing_attachment, guard_rule.
import type { Finding } from '../types.ts';
import { BuiltGuard } from './guard.ts';
import { ruleProblem } from './rules.ts';

export type GuardLocale = 'en-US' | 'en-GB';
export type Honorific = 'Mr' | 'Ms' | 'Mrs' | 'Mx' | 'Dr' | 'none';
export type FactKind = 'phone' | 'short_code' | 'url' | 'email' | 'price' | 'identifier' | 'term' | 'date';

export interface GuardContact {
  name: string;
  honorific?: Honorific;
  preferredName?: string;
  pronouns?: string;
  email?: string;
}
export interface GuardFact {
  kind: FactKind;
  value: string;
  label?: string;
}
export interface GuardClient {
  id: string;
  name: string;
  aliases: string[];
  contacts: GuardContact[];
  facts: GuardFact[];
}
export interface GuardRuleSpec {
  id?: string;
  /** Scoped to one client; absent = workspace-wide. */
  clientId?: string;
  kind: 'forbidden' | 'pattern' | 'required';
  phrase?: string;
  pattern?: string;
  when?: string;
  message: string;
}
/** Everything a guard is built from, for one workspace. */
export interface GuardKnowledge {
  locale: GuardLocale;
  clients: GuardClient[];
  /** Workspace-wide facts. */
  facts: GuardFact[];
  vocabulary: string[];
  rules: GuardRuleSpec[];
  /** The workspace's own name (the business that sends the mail): known to the spelling rule. */
  workspaceName?: string;
  /** The workspace's members' names (who write and sign the mail): known to the spelling and name rules. */
  members?: string[];
}
/** A spell checker (nspell over a Hunspell dictionary): built once per locale per process. */
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
  /** The core dictionary alone, when `correct` also consults a large word list (see SpellerLike). */
  correctCore?(word: string): boolean;
}
export interface CheckOptions {
  /** Which client the text is for (its contacts, facts and rules apply; other clients' names are flagged). */
  clientId?: string;
  /** Today, YYYY-MM-DD: weekday checks of dates without a year use the next such date after it. */
  date?: string;
  /**
   * How many files are attached: 0 makes "see attached" an error; 'unknown' (the sender was asked
   * and left it empty) makes it a warning asking whether something should be attached; absent, the
   * count is not known to the caller and nothing is said.
   */
  attachments?: number | 'unknown';
}
export interface Guard {
  check(text: string, options?: CheckOptions): Finding[];
}

/** Every rule id the guard reports. */
export const GUARD_RULE_IDS = [
  'spelling',
  'confusable',
  'contact_name',
  'honorific',
  'fact_mismatch',
  'other_client',
  'weekday_mismatch',
  'placeholder',
  'missing_attachment',
  'guard_rule',
] as const;
/** One of GUARD_RULE_IDS. */
export type GuardRuleId = (typeof GUARD_RULE_IDS)[number];

/**
 * Builds a guard for one workspace: every index (names, facts, rules, vocabulary) is made here,
 * once; `check` only reads them. Without a speller the spelling rule knows only the workspace's
 * words and the curated list (it then flags near misses of those, and digits inside words).
 */
export function buildGuard(knowledge: GuardKnowledge, options: { speller?: Speller } = {}): Guard {
  return new BuiltGuard(knowledge, options.speller);
}

/** Why a rule cannot be used (invalid regex, a construct RE2 cannot run, empty phrase), or null. */
export function validateGuardRule(rule: Omit<GuardRuleSpec, 'id' | 'clientId'>): string | null {
  return ruleProblem(rule);
}
