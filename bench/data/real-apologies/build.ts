// Recomputes each case's verdict from its labels with the analyser's own decideVerdict, extends the
// split (existing assignments never move; new ids are assigned per genre by a seeded hash so each
// genre keeps its test share) and writes the blind second-coder sample. Run: npx tsx bench/data/real-apologies/build.ts
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideVerdict } from '../../../src/engine/apology/verdict.ts';
import { labelledRules, readRealApologyCorpus } from './index.ts';

const SEED = 'makegood-issue-10-real-apologies';
const TEST_SHARE = 0.4;
const SAMPLE_SIZE = 110;
const dir = dirname(fileURLToPath(import.meta.url));
const rank = (salt: string, id: string): string => createHash('sha256').update(`${SEED}:${salt}:${id}`).digest('hex');

const cases = readRealApologyCorpus(dir);
for (const c of cases) {
  const l = c.labels;
  const components = {
    regret: l.regret,
    explanation: l.explanation,
    responsibility: l.responsibility,
    repentance: l.repentance,
    repair: l.repair,
    forgiveness: l.forgiveness,
  };
  c.labels = { ...l, verdict: decideVerdict(components, labelledRules(l), l.compensation) };
}
writeFileSync(join(dir, 'corpus.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');

const splitPath = join(dir, 'split.json');
const split: { dev: string[]; test: string[] } = existsSync(splitPath)
  ? (JSON.parse(readFileSync(splitPath, 'utf8')) as { dev: string[]; test: string[] })
  : { dev: [], test: [] };
const assigned = new Set([...split.dev, ...split.test]);
const genres = [...new Set(cases.map((c) => c.genre))].sort();
for (const g of genres) {
  const inGenre = cases.filter((c) => c.genre === g);
  let test = inGenre.filter((c) => split.test.includes(c.id)).length;
  let total = inGenre.filter((c) => assigned.has(c.id)).length;
  const fresh = inGenre.filter((c) => !assigned.has(c.id)).sort((a, b) => rank('split', a.id).localeCompare(rank('split', b.id)));
  for (const c of fresh) {
    total += 1;
    if (test < Math.round(total * TEST_SHARE)) {
      split.test.push(c.id);
      test += 1;
    } else split.dev.push(c.id);
  }
}
const byOrder = (a: string, b: string): number => a.localeCompare(b);
writeFileSync(splitPath, JSON.stringify({ dev: split.dev.sort(byOrder), test: split.test.sort(byOrder) }, null, 1) + '\n');

const sample = [...cases].sort((a, b) => rank('second-coder', a.id).localeCompare(rank('second-coder', b.id))).slice(0, SAMPLE_SIZE);
const sampleIds = sample.map((c) => c.id).sort(byOrder);
writeFileSync(join(dir, 'second-coder-sample.json'), JSON.stringify(sampleIds, null, 1) + '\n');
writeFileSync(
  join(dir, 'texts-only.jsonl'),
  cases
    .filter((c) => sampleIds.includes(c.id))
    .map((c) => JSON.stringify({ id: c.id, text: c.text, kind: c.kind }))
    .join('\n') + '\n',
);
console.log(`${cases.length} cases; dev ${split.dev.length}, test ${split.test.length}; second-coder sample ${sampleIds.length}`);
