// `npm run bench -- --soak [--soak-seconds=N] [--connections=N]`: a mixed-load soak of the real
// server (startServer in a child process, SQLite in a temp folder, scheduler on) with autocannon,
// printing the child's resident memory every 15 s (and the heap after a forced GC, which tells
// garbage that is merely not collected yet from memory that is held). Default 300 s.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// autocannon ships no types: the part used here.
interface AutocannonRequest {
  method: string;
  path?: string;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonInstance extends PromiseLike<{ requests: { total: number }; errors: number }> {
  on(event: 'response', listener: (client: unknown, statusCode: number) => void): void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: AutocannonRequest[];
}) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Mem {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}
interface Sample {
  at: number;
  requests: number;
  rssMb: number;
  heapMb: number;
  /** Heap used right after a full GC. */
  heapAfterGcMb: number;
  externalMb: number;
}

const MB = 1024 * 1024;

/** The child: starts the server and answers memory questions over IPC. */
async function child(): Promise<void> {
  const { loadConfig } = await import('../src/config/config.ts');
  const { startServer } = await import('../src/server/main.ts');
  const server = await startServer(loadConfig());
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (m: { ask: 'mem' | 'gc-mem'; id: number }) => {
    if (m.ask === 'gc-mem' && gc) gc();
    const u = process.memoryUsage();
    process.send?.({
      id: m.id,
      mem: { rss: u.rss, heapUsed: u.heapUsed, external: u.external, arrayBuffers: u.arrayBuffers },
    });
  });
  process.send?.({ ready: server.url });
}

function ask(proc: ChildProcess, what: 'mem' | 'gc-mem'): Promise<Mem> {
  const id = Math.random();
  return new Promise((resolve) => {
    const on = (m: { id?: number; mem?: Mem }) => {
      if (m.id !== id || !m.mem) return;
      proc.off('message', on);
      resolve(m.mem);
    };
    proc.on('message', on);
    proc.send({ ask: what, id });
  });
}

export interface SoakResult {
  seconds: number;
  connections: number;
  requests: number;
  non2xx: number;
  errors: number;
  samples: Sample[];
  /** RSS at the end of warm-up (first sample at or after 60 s, or the second sample) and at the end. */
  rssAfterWarmupMb: number;
  rssEndMb: number;
  /** Heap after GC at the end of warm-up and at the end. */
  heapAfterGcWarmupMb: number;
  heapAfterGcEndMb: number;
}

/** Runs the soak; `say` prints progress. */
export async function runSoak(
  options: { seconds: number; connections: number; every?: number },
  say: (line: string) => void,
): Promise<SoakResult> {
  const every = options.every ?? 15;
  const dataDir = mkdtempSync(join(tmpdir(), 'makegood-soak-'));
  const proc = fork(fileURLToPath(import.meta.url), ['--soak-child'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...process.env,
      MAKEGOOD_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SCHEDULER: 'true',
      DATABASE_URL: '',
      TZ: 'UTC',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      proc.on('message', (m: { ready?: string }) => m.ready && resolve(m.ready));
      proc.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });

    // Seed: first-run setup, 20 clients with two contacts and two facts each, a few guard rules, 200 mistakes.
    const setup = await fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        workspaceName: 'Soak Studio',
        ownerName: 'Dana Reyes',
        email: 'dana@soak.example',
        password: 'correct horse battery staple',
        timezone: 'UTC',
      }),
    });
    if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown): Promise<{ id: string }> => {
      const r = await fetch(`${url}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (r.status >= 300) throw new Error(`POST ${path} answered ${r.status}: ${await r.text()}`);
      return (await r.json()) as { id: string };
    };
    const clients: string[] = [];
    for (let i = 0; i < 20; i++) {
      const c = await post('/clients', { name: `Client ${i} Ltd`, tier: i % 3 === 0 ? 'key' : 'standard' });
      clients.push(c.id);
      await post(`/clients/${c.id}/contacts`, {
        fullName: `Amara Okafor${i}`,
        honorific: 'Dr',
        email: `a${i}@c.example`,
      });
      await post(`/clients/${c.id}/contacts`, {
        fullName: `Lynn Carter${i}`,
        honorific: 'Ms',
        email: `l${i}@c.example`,
      });
      await post(`/clients/${c.id}/facts`, { kind: 'short_code', label: 'Short code', value: `5512${i}` });
    }
    for (const [n, pattern] of ['\\bASAP\\b', '(.{0,10}){10}x', '(a?){28}a{32}', '\\b[Pp]er my last\\b'].entries()) {
      await post('/guard-rules', { kind: 'pattern', pattern, message: `rule ${n}` });
    }
    const mistakes: string[] = [];
    for (let i = 0; i < 200; i++) {
      const m = await post('/mistakes', {
        clientId: clients[i % clients.length],
        title: `Seeded mistake ${i}: wrong short code on the posters`,
        description: 'The posters went to print with the wrong short code.',
        severity: i % 5 === 0 ? 'major' : 'minor',
        category: 'wrong_fact',
      });
      mistakes.push(m.id);
    }

    const text =
      'Dear Dr Okafor, I am sorry: we printed the wrong short code on your posters. Per my last note, ' +
      'the corrected posters go out on Tuesday and we will credit the reprint. Please text KESTREL to 55123.';
    let counter = 0;
    // A made-up word per check (typos are what people type): the spelling caches see new keys on
    // every request, as they do in real use, and must stay bounded.
    const madeUp = () => {
      let n = counter * 2654435761;
      let w = '';
      for (let i = 0; i < 7; i++, n = Math.floor(n / 23)) w += 'abcdefghijklmnoprstuvwy'[n % 23];
      return w;
    };
    const pick = <T>(xs: readonly T[]) => xs[counter++ % xs.length]!;
    // The mix (per 20 requests): 6 list/search, 4 by id, 2 timelines, 3 guard checks, 1 analysis,
    // 2 totals/notifications, 1 new mistake, 1 new remedy.
    const requests: AutocannonRequest[] = [
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes?limit=25` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes?q=short+code&limit=25` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes/${pick(mistakes)}` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes/${pick(mistakes)}/timeline` }) },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: '/api/check',
          body: JSON.stringify({
            text: `${text} ${madeUp()} (${counter})`,
            clientId: pick(clients),
            draftId: `draft-${counter++}`,
          }),
        }),
      },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/clients/${pick(clients)}` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/clients?limit=25` }) },
      {
        method: 'POST',
        setupRequest: (r) => ({ ...r, path: '/api/analyse', body: JSON.stringify({ text: `${text} ${counter++}` }) }),
      },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/remedies/totals` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes/${pick(mistakes)}/recovery` }) },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: '/api/check',
          body: JSON.stringify({ text: `${'a'.repeat(3000)} x ${counter++}`, clientId: pick(clients) }),
        }),
      },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/clients/${pick(clients)}/timeline` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes?severity=minor&limit=25` }) },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: '/api/mistakes',
          body: JSON.stringify({ clientId: pick(clients), title: `Soak mistake ${counter++}`, severity: 'minor' }),
        }),
      },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes/${pick(mistakes)}` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/notifications` }) },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: '/api/check',
          body: JSON.stringify({ text: `Hi Ms Carter, ${madeUp()} ${text} ${counter++}`, clientId: pick(clients) }),
        }),
      },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: `/api/mistakes/${pick(mistakes)}/remedies`,
          body: JSON.stringify({
            kind: 'gift',
            amountMinor: 100,
            currency: 'USD',
            idempotencyKey: `soak-${counter++}-key`,
          }),
        }),
      },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/session` }) },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/mistakes/${pick(mistakes)}/timeline` }) },
    ];

    const samples: Sample[] = [];
    const t0 = Date.now();
    let completed = 0;
    const sample = async (): Promise<Sample> => {
      const m = await ask(proc, 'mem');
      const g = await ask(proc, 'gc-mem');
      const s: Sample = {
        at: Math.round((Date.now() - t0) / 1000),
        requests: completed,
        rssMb: m.rss / MB,
        heapMb: m.heapUsed / MB,
        heapAfterGcMb: g.heapUsed / MB,
        externalMb: g.external / MB,
      };
      samples.push(s);
      say(
        `  ${String(s.at).padStart(4)} s  ${String(s.requests).padStart(8)} req   rss ${s.rssMb.toFixed(0).padStart(4)} MB   heap ${s.heapMb.toFixed(0).padStart(4)} MB   heap after GC ${s.heapAfterGcMb.toFixed(1).padStart(6)} MB   external ${s.externalMb.toFixed(1)} MB`,
      );
      return s;
    };
    say(`Soak: ${options.seconds} s of mixed load, ${options.connections} connections (memory every ${every} s)…`);
    await sample();
    const instance = autocannon({
      url,
      connections: options.connections,
      duration: options.seconds,
      headers,
      requests,
    });
    let non2xx = 0;
    instance.on('response', (_client, status) => {
      completed++;
      if (status >= 300) non2xx++;
    });
    const timer = setInterval(() => void sample(), every * 1000);
    const result = await instance;
    clearInterval(timer);
    await sample();

    const warm = samples.find((s) => s.at >= 60) ?? samples[Math.min(1, samples.length - 1)]!;
    const end = samples[samples.length - 1]!;
    return {
      seconds: options.seconds,
      connections: options.connections,
      requests: result.requests.total,
      non2xx,
      errors: result.errors,
      samples,
      rssAfterWarmupMb: warm.rssMb,
      rssEndMb: end.rssMb,
      heapAfterGcWarmupMb: warm.heapAfterGcMb,
      heapAfterGcEndMb: end.heapAfterGcMb,
    };
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--soak-child')) await child();
