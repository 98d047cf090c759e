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

type GuardModule = typeof import('../src/engine/index.ts');
type GuardKnowledgeT = ReturnType<typeof buildWorkload>['knowledge'];

/** The issue 12 A attack patterns. */
const ATTACK_PATTERNS = ['(.{0,10}){10}x', '(a?){28}a{32}'] as const;

interface PatternRulesFigures {
  docsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  rules: number;
  findings: number;
  /** The workload's own guard (its mixed 500 rules), same run. */
  mixedDocsPerSec: number;
  /** The slowest check of an adversarial text (22 and 26 characters, 1, 10 and 50 kB, the largest check) with both attack patterns as rules, on RE2. */
  attackSlowestMs: number;
  attackByLength: { chars: number; ms: number; withoutRulesMs: number }[];
  /** The same texts through V8's backtracking RegExp (the engine before re2js), lengths that finish. */
  backtrackingByLength: { chars: number; ms: number }[];
}

/**
 * Guard speed with 500 pattern rules (200 workspace-wide, 300 client-scoped, nested repeats
 * included), and the slowest check with the two attack patterns, after (RE2) and before (RegExp).
 */
async function patternRulesBench(
  engine: GuardModule,
  speller: Parameters<GuardModule['buildGuard']>[1] extends infer O
    ? O extends { speller?: infer S }
      ? S
      : never
    : never,
  knowledge: GuardKnowledgeT,
  emails: readonly WorkloadEmail[],
  date: string,
  mixedDocsPerSec: number,
): Promise<PatternRulesFigures> {
  const pool = [
    '\\bASAP\\b',
    '\\bcode \\d{4}\\b',
    '\\$\\d+ off (?:today|now|everything)\\b',
    '\\bguarantee(?:d)? (?:results|delivery|refund)\\b',
    '\\b(?:urgent|URGENT)!{2,}',
    '\\b[Pp]er my last (?:e-?mail|note)\\b',
    '(?:\\w+\\s){0,3}circling back',
    '\\b(?:[A-Z]{2,}\\s+){3,}',
    '(\\w+\\s?){1,5}as you know',
    '\\bPO-\\d{6}\\b',
    '(?:\\d{3}[-. ]){2}\\d{4}',
    '\\b(?:no|never) (?:worries|problem)s?\\b',
  ];
  const clients = knowledge.clients;
  const rules = Array.from({ length: 500 }, (_, r) => ({
    kind: 'pattern' as const,
    pattern: pool[r % pool.length]!,
    message: `Pattern lesson ${r}`,
    ...(r >= 200 && { clientId: clients[(r * 7919) % clients.length]!.id }),
  }));
  for (const rule of rules) {
    const problem = engine.validateGuardRule(rule);
    if (problem) throw new Error(`bench pattern ${rule.pattern}: ${problem}`);
  }
  const guard = engine.buildGuard({ ...knowledge, rules }, { speller });
  const check = (d: WorkloadEmail) => guard.check(d.text, { clientId: d.clientId, date, attachments: d.attachments });
  const sample = emails.slice(0, 300);
  const tp = await throughput(sample, 3, check);
  const latencies: number[] = [];
  let findings = 0;
  for (const d of sample) {
    const t0 = performance.now();
    findings += check(d).length;
    latencies.push(performance.now() - t0);
  }

  // The attack: both patterns as workspace rules, adversarial texts without an "x".
  const attackGuard = engine.buildGuard(
    {
      ...knowledge,
      rules: ATTACK_PATTERNS.map((pattern, i) => ({ kind: 'pattern' as const, pattern, message: `attack ${i}` })),
    },
    { speller },
  );
  const clientId = clients[0]!.id;
  const attackByLength: { chars: number; ms: number; withoutRulesMs: number }[] = [];
  // The texts each pattern is slowest on: a's ending in one "x" (the matcher must walk the whole
  // text before the x) and runs of 59 a's (one short of a match, over and over); the worst of both.
  const adversarial = (chars: number) => [
    `${'a'.repeat(chars - 1)}x`,
    `${'a'.repeat(59)} `.repeat(Math.ceil(chars / 60)).slice(0, chars),
    'a'.repeat(chars),
  ];
  // The same guard without the two rules, on the same texts: the rest of the check (spelling a
  // 50,000-letter "word", names, facts) is not the patterns' cost.
  const baselineGuard = engine.buildGuard({ ...knowledge, rules: [] }, { speller });
  const worstOf = (g: ReturnType<GuardModule['buildGuard']>, text: string) => {
    let worst = 0;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      g.check(text, { clientId, date });
      worst = Math.max(worst, performance.now() - t0);
    }
    return worst;
  };
  for (const text of adversarial(30)) {
    worstOf(attackGuard, text);
    worstOf(baselineGuard, text);
  }
  for (const chars of [22, 26, 1_000, 10_000, 50_000]) {
    let worst = 0;
    let without = 0;
    for (const text of adversarial(chars)) {
      worst = Math.max(worst, worstOf(attackGuard, text));
      without = Math.max(without, worstOf(baselineGuard, text));
    }
    attackByLength.push({ chars, ms: worst, withoutRulesMs: without });
  }
  // Before: V8's backtracking engine on the same kind of text, at lengths that still finish (each
  // two more characters roughly doubles the time; 22 characters took 2.8 s and 26 took 30 s).
  const backtrackingByLength: { chars: number; ms: number }[] = [];
  const re = new RegExp(ATTACK_PATTERNS[0]);
  re.test('ax'); // compiles it
  for (const chars of [10, 12, 14, 16, 18]) {
    const t0 = performance.now();
    re.test('a'.repeat(chars));
    backtrackingByLength.push({ chars, ms: performance.now() - t0 });
  }
  return {
    docsPerSec: tp.docsPerSec,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    rules: rules.length,
    findings,
    mixedDocsPerSec,
    attackSlowestMs: Math.max(...attackByLength.map((a) => a.ms)),
    attackByLength,
    backtrackingByLength,
  };
}

interface SyncCost {
  posts: number;
  fullMsPerPost: number;
  normalMsPerPost: number;
  ratio: number;
}

/**
 * SQLite synchronous=FULL against NORMAL on the API write path: POST /api/mistakes through the
 * whole app (inject, no network) on two database files, in interleaved rounds; median ms per POST.
 */
async function syncCostBench(rounds = 8, perRound = 40): Promise<SyncCost> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createServices } = await import('../src/bootstrap/index.ts');
  const { nodeCrypto } = await import('../src/bootstrap/system.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const dir = mkdtempSync(join(tmpdir(), 'makegood-sync-'));
  const apps: Record<'full' | 'normal', { post(): Promise<void>; close(): Promise<void> }> = {} as never;
  try {
    for (const synchronous of ['full', 'normal'] as const) {
      const services = await createServices(
        { databaseUrl: undefined, dataDir: join(dir, synchronous) },
        { crypto: nodeCrypto({ fast: true }) },
        { sqliteFile: join(dir, `${synchronous}.sqlite`), synchronous },
      );
      const app = await buildApp(services);
      const setup = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: {
          workspaceName: 'Sync Studio',
          ownerName: 'Dana Reyes',
          email: 'dana@sync.example',
          password: 'correct horse battery staple',
          timezone: 'UTC',
        },
      });
      if (setup.statusCode !== 201) throw new Error(`setup answered ${setup.statusCode}: ${setup.body}`);
      const session = setup.cookies.find((c) => c.name === 'mg_session')!;
      const headers = {
        cookie: `mg_session=${session.value}`,
        'x-csrf-token': setup.json<{ csrfToken: string }>().csrfToken,
      };
      const client = await app.inject({
        method: 'POST',
        url: '/api/clients',
        headers,
        payload: { name: 'Serenity Spa' },
      });
      const clientId = client.json<{ id: string }>().id;
      let n = 0;
      apps[synchronous] = {
        post: async () => {
          const r = await app.inject({
            method: 'POST',
            url: '/api/mistakes',
            headers,
            payload: { clientId, title: `Wrong short code ${++n}`, severity: 'minor' },
          });
          if (r.statusCode !== 201) throw new Error(`POST /api/mistakes answered ${r.statusCode}: ${r.body}`);
        },
        close: async () => {
          await app.close();
          await services.close();
        },
      };
    }
    const per: Record<'full' | 'normal', number[]> = { full: [], normal: [] };
    for (let i = 0; i < 20; i++) {
      await apps.full.post();
      await apps.normal.post();
    }
    for (let r = 0; r < rounds; r++) {
      for (const mode of r % 2 === 0 ? (['full', 'normal'] as const) : (['normal', 'full'] as const)) {
        const t0 = performance.now();
        for (let i = 0; i < perRound; i++) await apps[mode].post();
        per[mode].push((performance.now() - t0) / perRound);
      }
    }
    const full = median(per.full);
    const normal = median(per.normal);
    return { posts: rounds * perRound, fullMsPerPost: full, normalMsPerPost: normal, ratio: full / normal };
  } finally {
    for (const a of Object.values(apps)) await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
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

  say('Measuring the apology analyser on 300-word drafts beside alex and write-good…');
  const { apologyDraftBench, draftBenchReport } = await import('./bench-apology.ts');
  const drafts = await apologyDraftBench();

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

  say('Measuring the guard with 500 pattern rules and the two attack patterns (RE2; RegExp before)…');
  const patterns = await patternRulesBench(
    await import('../src/engine/index.ts'),
    speller,
    knowledge,
    emails,
    date,
    guardTp.docsPerSec,
  );

  say('Measuring SQLite synchronous=FULL against NORMAL on POST /api/mistakes…');
  let sync: SyncCost | null = null;
  try {
    sync = await syncCostBench();
  } catch (error) {
    say(`  synchronous cost failed: ${(error as Error).message}`);
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
  for (const line of draftBenchReport(drafts)) say(line);
  say('guard with 500 pattern rules (RE2)');
  say(
    `  ${f(patterns.docsPerSec).padStart(9)} docs/s (${f(patterns.docsPerSec / patterns.mixedDocsPerSec, 2)}× the workload's mixed rules), p50 ${f(patterns.p50Ms, 3)} ms, p99 ${f(patterns.p99Ms, 3)} ms; ${patterns.findings} findings`,
  );
  say(
    `  attack patterns ${ATTACK_PATTERNS.join(' and ')}: slowest check ${f(patterns.attackSlowestMs, 2)} ms (${patterns.attackByLength.map((a) => `${f(a.chars)} chars ${f(a.ms, 2)} ms`).join(', ')}; the same texts without the two rules: ${patterns.attackByLength.map((a) => `${f(a.withoutRulesMs, 2)} ms`).join(', ')})`,
  );
  say(
    `  before, V8 backtracking RegExp on ${ATTACK_PATTERNS[0]}: ${patterns.backtrackingByLength.map((a) => `${a.chars} chars ${f(a.ms, 1)} ms`).join(', ')} (issue 12: 22 chars 2.8 s, 26 chars 30 s)`,
  );
  if (sync)
    say(
      `SQLite synchronous on POST /api/mistakes: FULL ${f(sync.fullMsPerPost, 2)} ms, NORMAL ${f(sync.normalMsPerPost, 2)} ms per POST → FULL costs ${f(sync.ratio, 2)}× (median of interleaved rounds, ${sync.posts} POSTs each)`,
    );

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
      apologyDrafts300: {
        draftsPerSec: round(drafts.analyser.draftsPerSec),
        p50Ms: round(drafts.analyser.p50Ms, 3),
        p99Ms: round(drafts.analyser.p99Ms, 3),
        alexDraftsPerSec: round(drafts.alex.draftsPerSec, 2),
        writeGoodDraftsPerSec: round(drafts.writeGood.draftsPerSec, 2),
        modelLoadMs: round(drafts.modelLoadMs, 1),
      },
      alex: { docsPerSec: round(alex.docsPerSec, 2) },
      writeGood: { docsPerSec: round(wg.docsPerSec, 2) },
      retextSpell: { docsPerSec: round(rs.docsPerSec, 2) },
      floor: { docsPerSec: round(floorTp.docsPerSec) },
      guardPatternRules: {
        rules: patterns.rules,
        docsPerSec: round(patterns.docsPerSec),
        p50Ms: round(patterns.p50Ms, 4),
        p99Ms: round(patterns.p99Ms, 4),
        attackSlowestMs: round(patterns.attackSlowestMs, 3),
        attackByLength: patterns.attackByLength.map((a) => ({
          chars: a.chars,
          ms: round(a.ms, 3),
          withoutRulesMs: round(a.withoutRulesMs, 3),
        })),
        backtrackingByLength: patterns.backtrackingByLength.map((a) => ({ chars: a.chars, ms: round(a.ms, 1) })),
      },
      sqliteSynchronous: sync && {
        fullMsPerPost: round(sync.fullMsPerPost, 3),
        normalMsPerPost: round(sync.normalMsPerPost, 3),
        fullOverNormal: round(sync.ratio, 3),
      },
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
else if (process.argv.includes('--soak')) {
  // The memory soak (bench/soak.ts): --soak-seconds=N (default 300), --connections=N (default 10).
  const { runSoak } = await import('./soak.ts');
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const r = await runSoak(
    { seconds: Number(arg('soak-seconds') ?? 300), connections: Number(arg('connections') ?? 10) },
    say,
  );
  say(
    `soak: ${r.requests} requests in ${r.seconds} s (${r.non2xx} non-2xx, ${r.errors} errors); resident memory ${r.samples[0]!.rssMb.toFixed(0)} MB idle → ${r.rssAfterWarmupMb.toFixed(0)} MB after warm-up → ${r.rssEndMb.toFixed(0)} MB at the end; heap after GC ${r.heapAfterGcWarmupMb.toFixed(1)} → ${r.heapAfterGcEndMb.toFixed(1)} MB`,
  );
  if (json)
    process.stdout.write(
      `${JSON.stringify({ soak: { ...r, samples: r.samples.map((x) => ({ ...x, rssMb: round(x.rssMb, 1), heapMb: round(x.heapMb, 1), heapAfterGcMb: round(x.heapAfterGcMb, 1), externalMb: round(x.externalMb, 1) })) } })}\n`,
    );
} else if (process.argv.includes('--lessons')) {
  // The lessons library search (bench/lessons-search.ts): --lessons-count=N (default 100,000), --pg.
  const { lessonsSearchBench } = await import('./lessons-search.ts');
  const count = Number(process.argv.find((a) => a.startsWith('--lessons-count='))?.split('=')[1] ?? 100_000);
  const r = await lessonsSearchBench(count, process.argv.includes('--pg'));
  if (json) process.stdout.write(`${JSON.stringify({ lessons: r })}\n`);
  else
    process.stdout.write(
      `lessons search (${r.dialect}, ${r.lessons} lessons, seeded in ${Math.round(r.seedMs)} ms): ` +
        `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms (goal < 50 ms; the index query alone p50 ${r.indexP50Ms.toFixed(1)} ms); ` +
        `a LIKE scan of the same rows p50 ${r.likeP50Ms.toFixed(1)} ms = ${r.likeVsFullText.toFixed(1)}× slower\n`,
    );
} else if (process.argv.includes('--import')) {
  // The CSV import of clients, contacts and facts (bench/csv-import.ts): --import-rows=N (default 10,000), --pg.
  const { csvImportBench } = await import('./csv-import.ts');
  const rows = Number(process.argv.find((a) => a.startsWith('--import-rows='))?.split('=')[1] ?? 10_000);
  const r = await csvImportBench(rows, process.argv.includes('--pg'));
  if (json) process.stdout.write(`${JSON.stringify({ import: r })}\n`);
  else
    process.stdout.write(
      `CSV import (${r.dialect}, ${r.rows} rows, ${(r.bytes / 1024 / 1024).toFixed(1)} MB): preview ${Math.round(r.previewMs)} ms, ` +
        `import ${Math.round(r.importMs)} ms (${r.created.clients} clients, ${r.created.contacts} contacts, ${r.created.facts} facts), ` +
        `the same file again ${Math.round(r.reimportMs)} ms (${r.reimportUnchanged} rows unchanged)\n`,
    );
} else if (process.argv.includes('--relay')) {
  // The SMTP relay (bench/relay.ts): --relay-messages=N (default 1,000), --relay-clients=N (default 20).
  const { relayBench } = await import('./relay.ts');
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const r = await relayBench(Number(arg('relay-messages') ?? 1000), Number(arg('relay-clients') ?? 20));
  if (json) process.stdout.write(`${JSON.stringify({ relay: r })}\n`);
  else
    process.stdout.write(
      `SMTP relay (${r.messages} messages, ${r.clients} concurrent clients, SQLite file): ` +
        `${r.relay.messagesPerSec.toFixed(0)} messages/s through the relay (STARTTLS + token + guard + stored + relayed) ` +
        `vs ${r.direct.messagesPerSec.toFixed(0)} messages/s sent directly to the upstream; ` +
        `submit p50 ${r.relay.submitP50Ms.toFixed(1)} ms / p99 ${r.relay.submitP99Ms.toFixed(1)} ms vs direct p50 ${r.direct.p50Ms.toFixed(1)} ms / p99 ${r.direct.p99Ms.toFixed(1)} ms ` +
        `(added ${r.addedLatencyP50Ms.toFixed(1)} ms per message at p50); submit to arrival p50 ${r.relay.endToEndP50Ms.toFixed(1)} ms, p99 ${r.relay.endToEndP99Ms.toFixed(1)} ms; ` +
        `arrived ${r.relay.arrived}/${r.messages}, lost ${r.relay.lost}, duplicated ${r.relay.duplicated}, byte-identical ${r.relay.byteIdentical ? 'yes' : 'NO'}\n`,
    );
} else if (process.argv.includes('--scheduler')) {
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
