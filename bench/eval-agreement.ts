// Second-coder agreement on the real apology corpus (issue 10, part A): a blind second reader
// labelled a random sample (second-coder-sample.json) from the texts alone (texts-only.jsonl);
// this compares those labels with the first coder's, per label (raw agreement and Cohen's kappa)
// and by verdict (each coder's own labels through decideVerdict, compensation taken as absent
// for both, since the second coder was not asked for it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APOLOGY_COMPONENTS, decideVerdict } from '../src/engine/index.ts';
import {
  labelledRules,
  readRealApologyCorpus,
  REAL_ANTI_PATTERNS,
  type RealApologyLabels,
} from './data/real-apologies/index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'data', 'real-apologies');
const LABELS = ['isApology', ...APOLOGY_COMPONENTS, ...REAL_ANTI_PATTERNS] as const;

export interface Agreement {
  n: number;
  verdict: number;
  perLabel: Record<string, { agreement: number; kappa: number }>;
  disagreements: { id: string; labels: string[] }[];
}

function kappa(pairs: readonly [boolean, boolean][]): number {
  const n = pairs.length;
  if (n === 0) return 1;
  const po = pairs.filter(([a, b]) => a === b).length / n;
  const pa = pairs.filter(([a]) => a).length / n;
  const pb = pairs.filter(([, b]) => b).length / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

function verdictOf(labels: Partial<RealApologyLabels>): string {
  const components = Object.fromEntries(APOLOGY_COMPONENTS.map((c) => [c, labels[c] === true])) as Record<
    (typeof APOLOGY_COMPONENTS)[number],
    boolean
  >;
  return decideVerdict(components, labelledRules({ ...(labels as RealApologyLabels) }), false);
}

/** The agreement, or null while the second coder's file is absent. */
export function secondCoderAgreement(): Agreement | null {
  const file = join(dir, 'second-coder.jsonl');
  if (!existsSync(file)) return null;
  const second = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; labels: Partial<RealApologyLabels> });
  // The first coder's labels as they stood when the second coder labelled (first-coder-sample.jsonl,
  // frozen before the disagreements were resolved); corpus.jsonl now holds the resolved labels.
  const frozen = join(dir, 'first-coder-sample.jsonl');
  const first = existsSync(frozen)
    ? new Map(
        readFileSync(frozen, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => {
            const j = JSON.parse(l) as { id: string; labels: RealApologyLabels };
            return [j.id, j.labels] as const;
          }),
      )
    : new Map(readRealApologyCorpus(dir).map((c) => [c.id, c.labels]));
  const both = second.flatMap((s) => {
    const f = first.get(s.id);
    return f ? [{ id: s.id, first: f, second: s.labels }] : [];
  });
  const perLabel: Agreement['perLabel'] = {};
  for (const label of LABELS) {
    const pairs = both.map((b) => [b.first[label] === true, b.second[label] === true] as [boolean, boolean]);
    perLabel[label] = {
      agreement: pairs.filter(([a, b]) => a === b).length / Math.max(1, pairs.length),
      kappa: kappa(pairs),
    };
  }
  const verdict = both.filter((b) => verdictOf(b.first) === verdictOf(b.second)).length / Math.max(1, both.length);
  const disagreements = both
    .map((b) => ({ id: b.id, labels: LABELS.filter((l) => (b.first[l] === true) !== (b.second[l] === true)) }))
    .filter((d) => d.labels.length > 0);
  return { n: both.length, verdict, perLabel, disagreements };
}

/** The agreement as printed by `npm run eval`. */
export function agreementReport(): string {
  const a = secondCoderAgreement();
  if (!a) return 'Second-coder agreement: no second-coder.jsonl yet.';
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows = Object.entries(a.perLabel).map(
    ([label, v]) => `  ${label.padEnd(16)} agreement ${pct(v.agreement).padStart(6)}  kappa ${v.kappa.toFixed(2)}`,
  );
  const n = a.disagreements.reduce((s, d) => s + d.labels.length, 0);
  return [
    `Second-coder agreement on ${a.n} real texts (blind, before resolution): verdict ${pct(a.verdict)}`,
    ...rows,
    `  ${n} label disagreements on ${a.disagreements.length} texts, each resolved by the rubric: bench/data/real-apologies/DISAGREEMENTS.md`,
  ].join('\n');
}
