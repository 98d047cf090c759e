// `npm run eval`: accuracy of the apology analyser and the pre-send guard on the labelled sets in
// bench/data/ (the apology figures for the tuned set and for the held-out texts).
import { evaluateApology, evaluateRealApology } from './eval-apology.ts';
import { agreementReport } from './eval-agreement.ts';
import { evaluateGuard, evaluateRealMail } from './eval-guard.ts';
import { evaluateSimilar } from './eval-similar.ts';

const apology = evaluateApology();
process.stdout.write(`${apology.report}\n\n`);
// The real-world corpus: development part, then the test part (figures only, never its misses).
const realDev = evaluateRealApology('dev');
const realTest = evaluateRealApology('test');
process.stdout.write(`${realDev.report}\n\n${realTest.report}\n\n${agreementReport()}\n\n`);
const misses = [
  ...realDev.metrics.misses.map((m) => `real dev ${m.id}: ${m.diff}`),
  ...apology.metrics.misses.map((m) => `labelled ${m.id}: ${m.diff}`),
  ...(apology.metrics.holdout?.misses ?? []).map((m) => `held-out ${m.id}: ${m.diff}`),
];
if (process.argv.includes('--misses') && misses.length > 0)
  process.stdout.write(`Apology texts that differ from their labels (${misses.length}):\n  ${misses.join('\n  ')}\n\n`);

const guard = await evaluateGuard();
process.stdout.write(`${guard.report}\n`);

// The guard on real client mail nobody here wrote: false alarms per 1,000 words by rule.
const realMail = await evaluateRealMail();
process.stdout.write(`\n${realMail.report}\n`);

// Similar-mistake suggestions and the "very likely a repeat" flag (dev part, then held-out part).
const similar = evaluateSimilar();
process.stdout.write(`\n${similar.report}\n`);
if (process.argv.includes('--misses') && similar.dev.misses.length > 0)
  process.stdout.write(
    `Similar-mistake dev misses (${similar.dev.misses.length}):\n  ${similar.dev.misses.map((m) => `${m.id}: ${m.diff}`).join('\n  ')}\n`,
  );
