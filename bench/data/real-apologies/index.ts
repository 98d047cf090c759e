// The real-world apology corpus (issue 10, part A): texts nobody on this project wrote, labelled
// by the rubric in RUBRIC.md. `loadRealApologies()` returns the development and test parts of the
// one split in split.json; the test part is scored only at the end, never used for tuning.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApologyComponent, ApologyVerdict } from '../../../src/engine/apology/index.ts';

export type RealApologyGenre =
  | 'maintainer'
  | 'vendor'
  | 'business-reply'
  | 'customer-service'
  | 'incident'
  | 'statement'
  | 'client-mail';

/** The anti-patterns of the rubric (issue 10), by the corpus's own names. */
export const REAL_ANTI_PATTERNS = [
  'conditional',
  'passive_evasion',
  'blame_shifting',
  'excuse',
  'vagueness',
  'minimisation',
  'self_focus',
] as const;
export type RealAntiPattern = (typeof REAL_ANTI_PATTERNS)[number];

/** Corpus anti-pattern name → the analyser's rule id (src/engine/apology/rules.ts RULE_IDS). */
export const ANTI_PATTERN_RULE = {
  conditional: 'conditional_apology',
  passive_evasion: 'passive_evasion',
  blame_shifting: 'blame_shifting',
  excuse: 'excuse',
  vagueness: 'vagueness',
  minimisation: 'minimization',
  self_focus: 'self_focus',
} as const satisfies Record<RealAntiPattern, string>;

export type RealApologyLabels = { isApology: boolean; compensation: boolean } & Record<ApologyComponent, boolean> &
  Record<RealAntiPattern, boolean> & { verdict: ApologyVerdict };

export interface RealApologyCase {
  id: string;
  text: string;
  /** A URL, or `owner/repo#number` for a GitHub thread. */
  source: string;
  genre: RealApologyGenre;
  kind: 'acknowledgment' | 'general';
  labels: RealApologyLabels;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Every case in corpus.jsonl, in file order. */
export function readRealApologyCorpus(dir: string = here): RealApologyCase[] {
  return readFileSync(join(dir, 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RealApologyCase);
}

/** The rule ids (analyser names) a case's anti-pattern labels stand for. */
export function labelledRules(labels: RealApologyLabels): string[] {
  return REAL_ANTI_PATTERNS.filter((a) => labels[a]).map((a) => ANTI_PATTERN_RULE[a]);
}

/** The corpus split once into its development and test parts (split.json). */
export function loadRealApologies(dir: string = here): { dev: RealApologyCase[]; test: RealApologyCase[] } {
  const cases = readRealApologyCorpus(dir);
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as { dev: string[]; test: string[] };
  const byId = new Map(cases.map((c) => [c.id, c]));
  const pick = (ids: string[]): RealApologyCase[] =>
    ids.map((id) => {
      const c = byId.get(id);
      if (!c) throw new Error(`split.json names ${id}, which corpus.jsonl does not hold`);
      return c;
    });
  return { dev: pick(split.dev), test: pick(split.test) };
}
