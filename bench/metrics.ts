// `npm run bench:metrics [-- --mistakes-small=N] [--mistakes-large=N] [--runs=N] [--json]`
//
// Metrics and the dashboard's reads at 10,000 and 1,000,000 mistakes in one run (issue 11 D: the
// large size within 2× of the small one). Builds both SQLite workspaces as bench/api.ts does (bulk
// insert, 200 clients, a year of found times), builds each metrics rollup once (timed: what an
// older install pays on its first metrics read), then times every dashboard request in-process
// (Fastify inject, one at a time, after a warm-up) and prints medians, p90s and the 1M / 10k ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createServices } from '../src/bootstrap/index.ts';
import { nodeCrypto, systemClock, timeOrderedIds } from '../src/bootstrap/system.ts';
import { buildApp } from '../src/server/app.ts';
import { buildSqlite } from './api.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const SMALL = opt('mistakes-small', 10_000);
const LARGE = opt('mistakes-large', 1_000_000);
const RUNS = opt('runs', 40);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Timing {
  p50: number;
  p90: number;
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

async function measure(dir: string, label: string, size: number) {
  const data = await buildSqlite(dir, label, size);
  const services = await createServices(
    { databaseUrl: undefined, dataDir: dir },
    { clock: systemClock, ids: timeOrderedIds(), crypto: nodeCrypto({ fast: true }) },
    { sqliteFile: data.target, synchronous: 'normal' },
  );
  const app = await buildApp(services, { logger: false });
  try {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: data.email, password: 'correct horse battery staple' },
    });
    const cookie = `mg_session=${signIn.cookies.find((c) => c.name === 'mg_session')?.value ?? ''}`;
    const workspaceId = (await services.deps.store.workspaces.first())!.id;
    // The bulk insert went around the store, so the rollup made with the workspace is empty:
    // forget it and build it from the mistakes, as an install that had them before the rollup.
    await sql`delete from metrics_state where workspace_id = ${workspaceId}`.execute(services.database.db);
    const b0 = performance.now();
    await services.deps.store.metrics.ensureBuilt(workspaceId);
    const buildMs = Math.round(performance.now() - b0);
    // The bench's mistakes are found from 2026-01-01 over 330 days.
    const targets: Record<string, string> = {
      'metrics 90 days': '/api/metrics?from=2026-09-01&to=2026-11-29',
      'metrics year': '/api/metrics?from=2026-01-01&to=2026-12-31',
      'metrics client 90 days': `/api/metrics?from=2026-09-01&to=2026-11-29&clientId=${data.clientId}`,
      'metrics csv': '/api/metrics.csv?from=2026-09-01&to=2026-11-29',
      'at risk': '/api/health/at-risk?limit=5',
      'open (found)': '/api/mistakes?stage=found&limit=5',
      'open (acknowledged)': '/api/mistakes?stage=acknowledged&limit=5',
      'overdue actions': '/api/actions?status=overdue',
      'open commitments': '/api/commitments?status=open',
    };
    const out: Record<string, Timing> = {};
    for (const [name, url] of Object.entries(targets)) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const t0 = performance.now();
        const r = await app.inject({ method: 'GET', url, headers: { cookie } });
        const ms = performance.now() - t0;
        if (r.statusCode !== 200) throw new Error(`${label} ${name}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        if (i >= 5) times.push(ms);
      }
      out[name] = { p50: quantile(times, 0.5), p90: quantile(times, 0.9) };
    }
    const dashboard = await (async () => {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const t0 = performance.now();
        await Promise.all(
          [
            'metrics 90 days',
            'at risk',
            'open (found)',
            'open (acknowledged)',
            'overdue actions',
            'open commitments',
          ].map((n) => app.inject({ method: 'GET', url: targets[n]!, headers: { cookie } })),
        );
        if (i >= 5) times.push(performance.now() - t0);
      }
      return { p50: quantile(times, 0.5), p90: quantile(times, 0.9) };
    })();
    out['dashboard (all at once)'] = dashboard;
    return { buildMs, timings: out };
  } finally {
    await app.close();
    await services.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-bench-metrics-'));
  try {
    log(`building ${SMALL.toLocaleString('en-US')} mistakes…`);
    const small = await measure(dir, 'small', SMALL);
    log(`building ${LARGE.toLocaleString('en-US')} mistakes…`);
    const large = await measure(dir, 'large', LARGE);
    const pad = (s: string, n: number) => s.padEnd(n);
    const f = (x: number) => x.toFixed(2);
    const lines = [
      `Metrics and dashboard: ${SMALL.toLocaleString('en-US')} vs ${LARGE.toLocaleString('en-US')} mistakes (SQLite, in-process, ${RUNS} runs each, ms)`,
      `rollup build (first read of an unbuilt workspace): ${small.buildMs} ms vs ${large.buildMs} ms`,
      `${pad('request', 26)}${pad('10k p50', 10)}${pad('10k p90', 10)}${pad('1M p50', 10)}${pad('1M p90', 10)}1M/10k p50`,
      ...Object.keys(small.timings).map((name) => {
        const a = small.timings[name]!;
        const b = large.timings[name]!;
        return `${pad(name, 26)}${pad(f(a.p50), 10)}${pad(f(a.p90), 10)}${pad(f(b.p50), 10)}${pad(f(b.p90), 10)}${f(b.p50 / a.p50)}×`;
      }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ small, large })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
