// The apology analyser on 300-word drafts (issue 10 D): drafts/s on one core and the per-draft
// p50/p99, beside alex and write-good on the same drafts in the same run, and the one-off cost of
// loading the NLP model on first use. `npm run bench` prints it (bench/bench.ts).
import { createRequire } from 'node:module';
import { apologyHoldout, apologySet } from './data/apology-set.ts';
import { readRealApologyCorpus } from './data/real-apologies/index.ts';

export interface DraftBench {
  drafts: number;
  words: number;
  modelLoadMs: number;
  analyser: { draftsPerSec: number; p50Ms: number; p99Ms: number };
  alex: { draftsPerSec: number };
  writeGood: { draftsPerSec: number };
}

const WORDS = 300;

/** Distinct ~300-word drafts: each starts at a different text of the corpora and runs on. */
export function buildDrafts(count = 400): string[] {
  const texts = [...apologySet, ...apologyHoldout]
    .map((c) => c.text)
    .concat(readRealApologyCorpus().map((c) => c.text));
  const drafts: string[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    for (let k = i; words.length < WORDS; k++)
      words.push(...texts[(k * 7 + i) % texts.length]!.split(/\s+/).filter(Boolean));
    drafts.push(words.slice(0, WORDS).join(' '));
  }
  return drafts;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function rate(drafts: readonly string[], rounds: number, fn: (t: string) => unknown): number {
  for (const d of drafts.slice(0, 50)) fn(d);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of drafts) fn(d);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return drafts.length / (times[times.length >> 1]! / 1000);
}

export async function apologyDraftBench(): Promise<DraftBench> {
  const drafts = buildDrafts();
  const t0 = performance.now();
  const { analyseApology, warmUpApologyModel } = await import('../src/engine/index.ts');
  warmUpApologyModel();
  const modelLoadMs = performance.now() - t0;
  const draftsPerSec = rate(drafts, 5, (t) => analyseApology(t, { kind: 'acknowledgment' }));
  const latencies: number[] = [];
  for (let r = 0; r < 3; r++)
    for (const d of drafts) {
      const s = performance.now();
      analyseApology(d, { kind: 'acknowledgment' });
      latencies.push(performance.now() - s);
    }
  const { text: alexText } = await import('alex');
  const alex = rate(drafts.slice(0, 60), 2, (t) => alexText(t));
  const writeGood = createRequire(import.meta.url)('write-good') as (text: string) => unknown[];
  const wg = rate(drafts.slice(0, 200), 3, (t) => writeGood(t));
  return {
    drafts: drafts.length,
    words: WORDS,
    modelLoadMs,
    analyser: { draftsPerSec, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) },
    alex: { draftsPerSec: alex },
    writeGood: { draftsPerSec: wg },
  };
}

/** The lines bench.ts prints. */
export function draftBenchReport(b: DraftBench): string[] {
  const f = (x: number, d = 0): string =>
    x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  return [
    `apology analyser on ${b.drafts} distinct ${b.words}-word drafts (one core, same run)`,
    `  analyser       ${f(b.analyser.draftsPerSec).padStart(9)} drafts/s   p50 ${f(b.analyser.p50Ms, 2)} ms, p99 ${f(b.analyser.p99Ms, 2)} ms   (targets ≥ 2,000 drafts/s, p99 < 5 ms)`,
    `  alex           ${f(b.alex.draftsPerSec, 1).padStart(9)} drafts/s`,
    `  write-good     ${f(b.writeGood.draftsPerSec, 1).padStart(9)} drafts/s`,
    `  analyser / alex ${f(b.analyser.draftsPerSec / b.alex.draftsPerSec, 1)}×, analyser / write-good ${f(b.analyser.draftsPerSec / b.writeGood.draftsPerSec, 1)}×; NLP model load on first use ${f(b.modelLoadMs, 0)} ms (once per process)`,
  ];
}

// `npx tsx bench/bench-apology.ts`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await apologyDraftBench();
  for (const line of draftBenchReport(b)) console.log(line);
}
