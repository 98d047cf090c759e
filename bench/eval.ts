// `npm run eval`: accuracy of the apology analyser and the pre-send guard on the labelled sets in
// bench/data/ (the apology figures for the tuned set and for the held-out texts).
import { evaluateApology } from './eval-apology.ts';
import { evaluateGuard } from './eval-guard.ts';

const apology = evaluateApology();
process.stdout.write(`${apology.report}\n\n`);
const misses = [
  ...apology.metrics.misses.map((m) => `labelled ${m.id}: ${m.diff}`),
  ...(apology.metrics.holdout?.misses ?? []).map((m) => `held-out ${m.id}: ${m.diff}`),
];
if (process.argv.includes('--misses') && misses.length > 0)
  process.stdout.write(`Apology texts that differ from their labels (${misses.length}):\n  ${misses.join('\n  ')}\n\n`);

const guard = await evaluateGuard();
process.stdout.write(`${guard.report}\n`);
