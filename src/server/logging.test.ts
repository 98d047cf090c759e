import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/database.ts';
import { testServices } from '../../test/factories.ts';
import { loadConfig } from '../config/config.ts';
import { buildApp, loggerOptions } from './app.ts';
import { startServer } from './main.ts';

// Issue 12 E: requests are logged at debug; info carries one start-up line, warnings and errors.
// Runs on SQLite and PostgreSQL (MAKEGOOD_TEST_DB=pg).

interface Line {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino destination that keeps the parsed lines. */
function capture(): { stream: Writable; lines: Line[] } {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text) as Line);
      callback();
    },
  });
  return { stream, lines };
}
const INFO = 30;
const DEBUG = 20;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function appLoggingAt(level: string) {
  const { services, cleanup } = await testServices();
  cleanups.push(cleanup);
  const { stream, lines } = capture();
  const app = await buildApp(services, { loggerInstance: pino(loggerOptions(level), stream) });
  cleanups.push(() => app.close());
  return { app, lines };
}

describe('request logging', () => {
  it('writes no info line for normal requests (ok, signed out, invalid)', async () => {
    const { app, lines } = await appLoggingAt('info');
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/nowhere' })).statusCode).toBe(401); // unknown route, signed out
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: {} })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/mistakes' })).statusCode).toBe(401);
    expect(lines.filter((l) => l.level <= INFO)).toEqual([]);
  });

  it('logs each request once at debug, with method, url, status and time, credentials redacted', async () => {
    const { app, lines } = await appLoggingAt('debug');
    await app.inject({ url: '/api/health', headers: { cookie: 'mg_session=secret-session' } });
    await app.inject({ url: '/api/nowhere' });
    const requests = lines.filter((l) => l.msg === 'request completed');
    expect(requests).toHaveLength(2);
    expect(requests.every((l) => l.level === DEBUG)).toBe(true);
    expect(requests[0]).toMatchObject({ req: { method: 'GET', url: '/api/health' }, res: { statusCode: 200 } });
    expect(requests[1]).toMatchObject({ req: { url: '/api/nowhere' }, res: { statusCode: 401 } });
    expect(typeof requests[0]!.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-session');
    expect(lines.some((l) => l.level === INFO)).toBe(false);
  });

  it('keeps unexpected errors at error', async () => {
    const { app, lines } = await appLoggingAt('info');
    app.get('/api/test-boom', { config: { public: true } }, async () => {
      throw new Error('boom');
    });
    expect((await app.inject({ url: '/api/test-boom' })).statusCode).toBe(500);
    const errors = lines.filter((l) => l.level === 50);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({ msg: 'unexpected error', err: { message: 'boom' } });
    expect(lines.filter((l) => l.level === INFO)).toEqual([]);
  });
});

describe('start-up logging', () => {
  it('writes exactly one info line at start-up and none for the requests after it', async () => {
    const { target, drop } = await freshDatabase();
    cleanups.push(drop);
    const dataDir = mkdtempSync(join(tmpdir(), 'makegood-logging-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      MAKEGOOD_DATA_DIR: dataDir,
      SCHEDULER: 'false',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ...('postgresUrl' in target && { DATABASE_URL: target.postgresUrl }),
    });
    const { stream, lines } = capture();
    const server = await startServer(config, { logStream: stream });
    cleanups.push(() => server.stop());
    const atStart = lines.filter((l) => l.level === INFO);
    expect(atStart).toHaveLength(1);
    expect(atStart[0]!.msg).toMatch(/^makegood is serving at http:\/\/localhost:\d+; mail: .+; scheduler off$/);
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/nowhere`)).status).toBe(401);
    expect(lines.filter((l) => l.level <= INFO)).toHaveLength(1);
  });
});
