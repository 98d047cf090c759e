// Evaluates the similar-mistake suggestions (POST /api/mistakes/similar) on the labelled set in
// bench/data/similar-mistakes/: every mistake that has earlier ones is a query, ranked against all
// earlier mistakes of its part exactly as src/domain/learning/recurrence.ts does. Prints recall@3
// and precision@3 of the suggestions and precision and recall of the "very likely a repeat" flag,
// for the dev part (tuned on) and the held-out part (scored, never tuned on). Definitions are in
// bench/data/similar-mistakes/README.md. bench/eval.ts prints `report`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLikelyRepeat, rankSimilar } from '../src/domain/learning/similarity.ts';

export interface LabelledMistake {
  id: string;
  loggedAt: string;
  clientId: string;
  category: string;
  title: string;
  description?: string;
  /** The repeat group: the same failure for the same client. Absent for a one-off. */
  group?: string;
  /** The earlier mistake of the same group this one repeats. */
  repeatOf?: string;
}

export interface SimilarSet {
  clients: Record<string, string>;
  dev: LabelledMistake[];
  holdout: LabelledMistake[];
  /**
   * A second held-out part, written after the first held-out score and scored once blind; five
   * general vocabulary fixes followed from its misses, so it is no longer blind (see the README).
   */
  fresh: LabelledMistake[];
}

export type SimilarPart = 'dev' | 'holdout' | 'fresh';

const dir = dirname(fileURLToPath(import.meta.url));

export function readSimilarSet(): SimilarSet {
  return JSON.parse(readFileSync(join(dir, 'data/similar-mistakes/set.json'), 'utf8')) as SimilarSet;
}

export interface SimilarMetrics {
  part: SimilarPart;
  mistakes: number;
  /** Mistakes that repeat an earlier one (the queries recall@3 is measured on). */
  repeats: number;
  /** Repeats with an earlier mistake of their group among the top 3 suggestions. */
  recallAt3: number;
  /** Repeats whose labelled repeatOf itself is among the top 3. */
  strictRecallAt3: number;
  /** Of the top-3 suggestions shown for repeats, the share in the repeat's group. */
  precisionAt3: number;
  /** The best precision@3 any ranking could reach when it shows as many suggestions. */
  precisionAt3Ceiling: number;
  /** Mean reciprocal rank of the first earlier group member (0 when not suggested at all). */
  mrr: number;
  flagged: number;
  flagTruePositives: number;
  flagPrecision: number;
  flagRecall: number;
  /** Queries where the suggestions or the flag go wrong, with what went wrong. */
  misses: { id: string; diff: string }[];
  /** The same ranking on the wording alone (query without client or category): how good the text measure is by itself. */
  wording: { recallAt3: number; mrr: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

const text = (m: LabelledMistake) => `${m.title} ${m.description ?? ''}`;

/** Recall@3 and MRR of the repeats when the query is the wording alone. */
function wordingOnly(items: readonly LabelledMistake[]): SimilarMetrics['wording'] {
  let repeats = 0;
  let hits = 0;
  let rr = 0;
  for (let i = 1; i < items.length; i++) {
    const q = items[i] as LabelledMistake;
    if (q.repeatOf === undefined) continue;
    repeats++;
    const ranked = rankSimilar(
      { title: q.title, text: text(q) },
      items
        .slice(0, i)
        .map((m) => ({ item: m, title: m.title, text: text(m), clientId: m.clientId, category: m.category })),
    );
    const rank = ranked.findIndex((s) => s.item.group === q.group);
    if (rank >= 0 && rank < 3) hits++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return { recallAt3: ratio(hits, repeats), mrr: repeats === 0 ? 1 : rr / repeats };
}

/** Scores one part of the set. */
export function evaluateSimilarPart(part: SimilarPart, set: SimilarSet = readSimilarSet()): SimilarMetrics {
  const items = set[part];
  let repeats = 0;
  let hits = 0;
  let strictHits = 0;
  let shownForRepeats = 0;
  let relevantShown = 0;
  let ceiling = 0;
  let rr = 0;
  let flagged = 0;
  let flagTp = 0;
  const misses: SimilarMetrics['misses'] = [];
  for (let i = 1; i < items.length; i++) {
    const q = items[i] as LabelledMistake;
    const earlier = items.slice(0, i);
    const ranked = rankSimilar(
      { title: q.title, text: text(q), clientId: q.clientId, category: q.category },
      earlier.map((m) => ({ item: m, title: m.title, text: text(m), clientId: m.clientId, category: m.category })),
    );
    const top = ranked.slice(0, 3);
    const inGroup = (m: LabelledMistake) => q.group !== undefined && m.group === q.group;
    const first = ranked[0];
    const flag = first !== undefined && isLikelyRepeat(first);
    const flagRight = flag && q.repeatOf !== undefined && inGroup(first.item);
    if (flag) flagged++;
    if (flagRight) flagTp++;
    const shown = top.map(
      (s) => `${s.item.id}${inGroup(s.item) ? '*' : ''} ${s.score.toFixed(2)}/${s.text.toFixed(2)}`,
    );
    if (q.repeatOf !== undefined) {
      repeats++;
      const members = earlier.filter(inGroup).length;
      const relevant = top.filter((s) => inGroup(s.item)).length;
      shownForRepeats += top.length;
      relevantShown += relevant;
      ceiling += Math.min(members, top.length);
      if (relevant > 0) hits++;
      if (top.some((s) => s.item.id === q.repeatOf)) strictHits++;
      const rank = ranked.findIndex((s) => inGroup(s.item));
      if (rank >= 0) rr += 1 / (rank + 1);
      if (relevant === 0)
        misses.push({
          id: q.id,
          diff: `repeat of ${q.repeatOf} not in top 3 (rank ${rank >= 0 ? rank + 1 : '-'}): ${shown.join(', ')}`,
        });
      else if (!flagRight && q.category === items.find((m) => m.id === q.repeatOf)?.category)
        misses.push({ id: q.id, diff: `repeat of ${q.repeatOf} not flagged: ${shown.join(', ')}` });
    }
    if (flag && !flagRight)
      misses.push({ id: q.id, diff: `flagged as a repeat of ${first.item.id}, wrongly: ${shown.join(', ')}` });
  }
  return {
    part,
    mistakes: items.length,
    repeats,
    recallAt3: ratio(hits, repeats),
    strictRecallAt3: ratio(strictHits, repeats),
    precisionAt3: ratio(relevantShown, shownForRepeats),
    precisionAt3Ceiling: ratio(ceiling, shownForRepeats),
    mrr: repeats === 0 ? 1 : rr / repeats,
    flagged,
    flagTruePositives: flagTp,
    flagPrecision: ratio(flagTp, flagged),
    flagRecall: ratio(flagTp, repeats),
    misses,
    wording: wordingOnly(items),
  };
}

const LABELS: Record<SimilarPart, string> = {
  dev: 'dev (tuned on)',
  holdout: 'held-out',
  fresh: 'second held-out (scored once blind; its misses then prompted vocabulary fixes)',
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function line(m: SimilarMetrics): string {
  return [
    `  ${LABELS[m.part]}: ${m.mistakes} mistakes, ${m.repeats} repeats`,
    `    recall@3 ${pct(m.recallAt3)} (labelled repeatOf itself: ${pct(m.strictRecallAt3)}), MRR ${m.mrr.toFixed(3)}`,
    `    precision@3 ${pct(m.precisionAt3)} (at most ${pct(m.precisionAt3Ceiling)} possible with as many shown)`,
    `    "very likely a repeat" flag: precision ${pct(m.flagPrecision)} (${m.flagTruePositives}/${m.flagged}), recall ${pct(m.flagRecall)} (${m.flagTruePositives}/${m.repeats})`,
    `    wording alone (no client, no category in the query): recall@3 ${pct(m.wording.recallAt3)}, MRR ${m.wording.mrr.toFixed(3)}`,
  ].join('\n');
}

/** Both parts, and the report bench/eval.ts prints. */
export function evaluateSimilar(): {
  dev: SimilarMetrics;
  holdout: SimilarMetrics;
  fresh: SimilarMetrics;
  report: string;
} {
  const set = readSimilarSet();
  const dev = evaluateSimilarPart('dev', set);
  const holdout = evaluateSimilarPart('holdout', set);
  const fresh = evaluateSimilarPart('fresh', set);
  const report = [
    'Similar-mistake suggestions (bench/data/similar-mistakes; targets on held-out: recall@3 ≥ 90%, flag precision ≥ 90%)',
    line(dev),
    line(holdout),
    line(fresh),
  ].join('\n');
  return { dev, holdout, fresh, report };
}

// `tsx bench/eval-similar.ts [--misses]`: this eval alone; misses of the dev part only.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = evaluateSimilar();
  process.stdout.write(`${r.report}\n`);
  if (process.argv.includes('--misses'))
    process.stdout.write(
      `Dev misses (${r.dev.misses.length}):\n  ${r.dev.misses.map((m) => `${m.id}: ${m.diff}`).join('\n  ')}\n`,
    );
}
