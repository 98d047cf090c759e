// `npm run bench` (`-- --json` for one JSON object on the last line): the pre-send guard, the
// apology analyser and three peers (alex, write-good, retext-spell) measured in the same run on
// the same workload, plus a floor (tokenise + one Set lookup per token). Throughput is the median
// of several timed rounds after a warm-up; guard latency percentiles come from timing every
// check of a separate round; cold start runs in a fresh process.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildWorkload, type WorkloadEmail } from './workload.ts';

const json = process.argv.includes('--json');
const say = (line: string): void => {
  if (json) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

interface Throughput {
  docsPerSec: number;
  docs: number;
  rounds: number;
}

/** Median docs/s over `rounds` timed passes of `fn` over `docs`, after one warm-up pass. */
async function throughput(
  docs: readonly WorkloadEmail[],
  rounds: number,
  fn: (d: WorkloadEmail) => unknown,
): Promise<Throughput> {
  for (const d of docs.slice(0, Math.min(docs.length, 100))) await fn(d);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of docs) {
      const result = fn(d);
      if (result instanceof Promise) await result;
    }
    times.push(performance.now() - t0);
  }
  return { docsPerSec: docs.length / (median(times) / 1000), docs: docs.length, rounds };
}

/** Fresh process: import the engine, load the dictionary, build the guard, run the first check. */
async function coldChild(): Promise<void> {
  const { knowledge, emails, date } = buildWorkload();
  const t0 = performance.now();
  const { buildGuard } = await import('../src/engine/index.ts');
  const { loadSpeller } = await import('../src/bootstrap/spellers.ts');
  const speller = await loadSpeller('en-US');
  const t1 = performance.now();
  const guard = buildGuard(knowledge, { speller });
  const t2 = performance.now();
  const first = emails[0]!;
  guard.check(first.text, { clientId: first.clientId, date, attachments: first.attachments });
  const t3 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ coldStartMs: t3 - t0, importAndDictionaryMs: t1 - t0, buildMs: t2 - t1, firstCheckMs: t3 - t2 })}\n`,
  );
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  say('Building the workload (1,000 clients, 3,000 contacts, 5,000 facts, 500 rules; 1,000 e-mails)…');
  const { knowledge, emails, date } = buildWorkload();
  const words = emails.reduce((n, e) => n + e.text.split(/\s+/).filter(Boolean).length, 0);
  const bytes = emails.reduce((n, e) => n + e.text.length, 0);
  const facts = knowledge.facts.length + knowledge.clients.reduce((n, c) => n + c.facts.length, 0);
  const contacts = knowledge.clients.reduce((n, c) => n + c.contacts.length, 0);
  say(
    `  ${knowledge.clients.length} clients, ${contacts} contacts, ${facts} facts, ${knowledge.rules.length} rules; ${emails.length} e-mails, ${(words / emails.length).toFixed(0)} words and ${(bytes / emails.length).toFixed(0)} characters each on average`,
  );

  const { buildGuard, analyseApology } = await import('../src/engine/index.ts');
  const { loadSpeller } = await import('../src/bootstrap/spellers.ts');
  const { CURATED_WORDS } = await import('../src/engine/guard/words.ts');
  const speller = await loadSpeller('en-US');

  // Index build: median of five builds.
  const builds: number[] = [];
  let guard = buildGuard(knowledge, { speller });
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    guard = buildGuard(knowledge, { speller });
    builds.push(performance.now() - t0);
  }
  const indexBuildMs = median(builds);

  const check = (d: WorkloadEmail): unknown =>
    guard.check(d.text, { clientId: d.clientId, date, attachments: d.attachments });
  say('Measuring the guard…');
  const guardTp = await throughput(emails, 7, check);
  const latencies: number[] = [];
  let findings = 0;
  for (let r = 0; r < 3; r++) {
    for (const d of emails) {
      const t0 = performance.now();
      const f = guard.check(d.text, { clientId: d.clientId, date, attachments: d.attachments });
      latencies.push(performance.now() - t0);
      if (r === 0) findings += f.length;
    }
  }

  say('Measuring the floor (tokenise + one Set lookup per token)…');
  const vocabulary = new Set<string>(CURATED_WORDS);
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  let floorHits = 0;
  const floorTp = await throughput(emails, 15, (d) => {
    for (const m of d.text.matchAll(WORD)) if (vocabulary.has(m[0].toLowerCase())) floorHits++;
  });

  say('Measuring the apology analyser…');
  let analyser: Throughput | null = null;
  let analyserError = '';
  try {
    analyseApology(emails[0]!.text);
    analyser = await throughput(emails, 5, (d) => analyseApology(d.text));
  } catch (error) {
    analyserError = (error as Error).message;
  }

  say('Measuring alex (plain text)…');
  const { text: alexText } = await import('alex');
  const alex = await throughput(emails.slice(0, 150), 2, (d) => alexText(d.text));

  say('Measuring write-good…');
  const writeGood = require('write-good') as (text: string) => unknown[];
  const wg = await throughput(emails.slice(0, 400), 3, (d) => writeGood(d.text));

  say('Measuring retext-spell (retext + retext-english + retext-spell, dictionary-en)…');
  const { retext } = await import('retext');
  const retextEnglish = (await import('retext-english')).default;
  const retextSpell = (await import('retext-spell')).default;
  const dictionaryEn = (await import('dictionary-en')).default;
  const spellProcessor = retext().use(retextEnglish).use(retextSpell, { dictionary: dictionaryEn });
  const rs = await throughput(emails.slice(0, 300), 3, (d) => spellProcessor.process(d.text));

  say('Measuring cold start (fresh process)…');
  interface ColdChild {
    coldStartMs: number;
    importAndDictionaryMs: number;
    buildMs: number;
    firstCheckMs: number;
  }
  let cold: (ColdChild & { processMs: number }) | null = null;
  try {
    const here = fileURLToPath(import.meta.url);
    const t0 = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--cold-child'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const processMs = performance.now() - t0;
    cold = { ...(JSON.parse(out.trim().split('\n').pop()!) as ColdChild), processMs };
  } catch (error) {
    say(`  cold start failed: ${(error as Error).message}`);
  }

  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const f = (x: number, d = 0): string =>
    x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  say('');
  say('docs/s (median of timed rounds, same run, same e-mails)');
  say(
    `  guard          ${f(guardTp.docsPerSec).padStart(9)}   (${guardTp.docs} e-mails × ${guardTp.rounds} rounds; ${findings} findings on the 1,000 e-mails)`,
  );
  say(
    `  floor          ${f(floorTp.docsPerSec).padStart(9)}   (tokenise + Set lookup; ${floorHits > 0 ? 'ok' : 'no hits?'})`,
  );
  say(
    `  analyser       ${analyser ? f(analyser.docsPerSec).padStart(9) : 'n/a'.padStart(9)}   ${analyser ? '(analyseApology)' : `(unavailable: ${analyserError})`}`,
  );
  say(`  alex           ${f(alex.docsPerSec, 1).padStart(9)}   (${alex.docs} e-mails × ${alex.rounds} rounds)`);
  say(`  write-good     ${f(wg.docsPerSec, 1).padStart(9)}   (${wg.docs} e-mails × ${wg.rounds} rounds)`);
  say(`  retext-spell   ${f(rs.docsPerSec, 1).padStart(9)}   (${rs.docs} e-mails × ${rs.rounds} rounds)`);
  say('ratios');
  say(`  guard / alex          ${f(guardTp.docsPerSec / alex.docsPerSec, 1).padStart(7)}×   (target ≥ 50×)`);
  say(`  guard / retext-spell  ${f(guardTp.docsPerSec / rs.docsPerSec, 1).padStart(7)}×   (target ≥ 20×)`);
  say(`  guard / write-good    ${f(guardTp.docsPerSec / wg.docsPerSec, 1).padStart(7)}×`);
  say(`  floor / guard         ${f(floorTp.docsPerSec / guardTp.docsPerSec, 2).padStart(7)}×   (target ≤ 3×)`);
  say('guard');
  say(`  per e-mail p50 ${f(p50, 3)} ms, p99 ${f(p99, 3)} ms   (target p99 < 2 ms)`);
  say(`  index build    ${f(indexBuildMs, 1)} ms (median of 5; target < 200 ms)`);
  if (cold)
    say(
      `  cold start     ${f(cold.coldStartMs, 0)} ms (import ${f(cold.importAndDictionaryMs, 0)} ms incl. dictionary, build ${f(cold.buildMs, 0)} ms, first check ${f(cold.firstCheckMs, 1)} ms); whole process ${f(cold.processMs, 0)} ms`,
    );
  if (analyser) say(`analyser         ${f(analyser.docsPerSec)} docs/s (target ≥ 10,000)`);

  if (json) {
    const out = {
      guard: {
        docsPerSec: round(guardTp.docsPerSec),
        p50Ms: round(p50, 4),
        p99Ms: round(p99, 4),
        indexBuildMs: round(indexBuildMs, 2),
        ...(cold && { coldStartMs: round(cold.coldStartMs, 1), coldStartProcessMs: round(cold.processMs, 1) }),
      },
      analyser: { docsPerSec: analyser ? round(analyser.docsPerSec) : null },
      alex: { docsPerSec: round(alex.docsPerSec, 2) },
      writeGood: { docsPerSec: round(wg.docsPerSec, 2) },
      retextSpell: { docsPerSec: round(rs.docsPerSec, 2) },
      floor: { docsPerSec: round(floorTp.docsPerSec) },
      ratios: {
        guardOverAlex: round(guardTp.docsPerSec / alex.docsPerSec, 2),
        guardOverRetextSpell: round(guardTp.docsPerSec / rs.docsPerSec, 2),
        floorOverGuard: round(floorTp.docsPerSec / guardTp.docsPerSec, 3),
      },
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

function round(x: number, digits = 0): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

if (process.argv.includes('--cold-child')) await coldChild();
else if (process.argv.includes('--scheduler')) {
  // The scheduler stall figure (bench/scheduler-stall.ts); size via --mistakes=N (default 1,000,000).
  const { schedulerStall } = await import('./scheduler-stall.ts');
  const size = Number(process.argv.find((a) => a.startsWith('--mistakes='))?.slice(11) ?? 1_000_000);
  const r = await schedulerStall(size);
  if (json) process.stdout.write(`${JSON.stringify({ scheduler: r })}\n`);
  else
    process.stdout.write(
      `scheduler on ${r.mistakes} mistakes (built in ${r.buildMs} ms): max stall ${r.maxStallMs} ms ` +
        `(backlog tick ${r.backlogTickMs} ms flagging ${r.backlogFlagged}: ${r.backlogMaxStallMs} ms; ` +
        `steady tick ${r.steadyTickMs} ms: ${r.steadyMaxStallMs} ms; idle machine noise ${r.idleMaxStallMs} ms)\n`,
    );
} else await main();
