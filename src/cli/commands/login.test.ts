import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../bootstrap/index.ts';
import { nodeCrypto } from '../../bootstrap/system.ts';
import { addContact, createClient } from '../../domain/clients/clients.ts';
import { createApiToken, revokeApiToken } from '../../domain/workspaces/api-tokens.ts';
import { createWorkspace } from '../../domain/workspaces/workspaces.ts';
import { buildApp } from '../../server/app.ts';
import { clientInputSchema, contactInputSchema } from '../../shared/contract/index.ts';
import { runCli } from '../fixtures/run-cli.ts';

// Issue 14 A: the CLI's remote mode against a real app listening on 127.0.0.1 (SQLite).

let dir: string;
let services: Services;
let app: FastifyInstance;
let url: string;
let readToken: string;
let writeToken: string;
let revokedToken: string;
const file = (name: string): string => join(dir, name);
const configHome = (): string => file('config');
const credentials = (): string => join(configHome(), 'makegood', 'credentials.json');

/** The environment of every run: no remote variables, an empty local data folder, our config folder. */
const env = (extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  MAKEGOOD_URL: undefined,
  MAKEGOOD_TOKEN: undefined,
  DATABASE_URL: undefined,
  MAKEGOOD_DATA_DIR: file('empty-data'),
  XDG_CONFIG_HOME: configHome(),
  LOG_LEVEL: 'silent',
  ...extra,
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'makegood-login-'));
  await writeFile(
    file('wrong-honorific.txt'),
    'Dear Mr Carter,\n\nThe schedule follows on Friday.\n\nBest regards,\nMarco\n',
  );
  await writeFile(file('clean.txt'), 'Dear Ms Carter,\n\nThe schedule follows on Friday.\n\nBest regards,\nMarco\n');
  services = await createServices(
    { databaseUrl: undefined, dataDir: file('server-data') },
    { crypto: nodeCrypto({ fast: true }) },
  );
  const { workspaceId, userId } = await createWorkspace(services.deps, {
    workspaceName: 'Studio North',
    ownerName: 'Marco',
    email: 'marco@example.com',
    password: 'correct horse battery',
  });
  const actor = { workspaceId, userId, name: 'Marco', role: 'owner' as const };
  const client = await createClient(services.deps, actor, clientInputSchema.parse({ name: 'Serenity Day Spas' }));
  await addContact(
    services.deps,
    actor,
    client.id,
    contactInputSchema.parse({ fullName: 'Lynn Carter', honorific: 'Ms' }),
  );
  const make = async (name: string, scope: 'read' | 'read_write') =>
    createApiToken(services.deps, actor, { name, scope, expiresAt: null }, { viaToken: false });
  readToken = (await make('CI', 'read')).token;
  writeToken = (await make('Laptop', 'read_write')).token;
  const revoked = await make('Old', 'read');
  revokedToken = revoked.token;
  await revokeApiToken(services.deps, actor, revoked.apiToken.id);
  app = await buildApp(services);
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await app.close();
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('makegood login', () => {
  it('refuses a bad URL or a malformed token with exit 2, before any request', async () => {
    const badUrl = await runCli(['login', '--url', 'ftp://example.com', '--token', readToken], { env: env() });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--url must be an http:// or https:// URL');
    const badToken = await runCli(['login', '--url', url, '--token', 'hunter2'], { env: env() });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toContain('--token must be a makegood API token');
  });

  it('exits 69 when the server cannot be reached and 4 when it refuses the token; saves nothing', async () => {
    const down = await runCli(['login', '--url', `http://127.0.0.1:${await closedPort()}`, '--token', readToken], {
      env: env(),
    });
    expect(down.code).toBe(69);
    expect(down.stderr).toContain('cannot reach the makegood server');
    const refused = await runCli(['login', '--url', url, '--token', revokedToken], { env: env() });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('401 invalid_api_token');
    await expect(stat(credentials())).rejects.toThrow();
  });

  it('checks the token with the server and keeps URL and token in a file only its user can read', async () => {
    const r = await runCli(['login', '--url', `${url}/`, '--token', '-'], { env: env(), input: `${readToken}\n` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed in to Studio North');
    expect(r.stdout).toContain('as Marco (owner; token "CI", read only)');
    expect(JSON.parse(await readFile(credentials(), 'utf8'))).toEqual({ url, token: readToken });
    expect((await stat(credentials())).mode & 0o777).toBe(0o600);
    expect((await stat(join(configHome(), 'makegood'))).mode & 0o077).toBe(0);
  });
});

describe('makegood check --client against the server (after login)', () => {
  it('finds what the server knows with a read token: a wrong honorific exits 1, a clean text 0', async () => {
    const wrong = await runCli(['check', file('wrong-honorific.txt'), '--client', 'serenity day spas', '--json'], {
      env: env(),
    });
    expect(wrong.stderr).toBe('');
    expect(wrong.code).toBe(1);
    const { findings } = JSON.parse(wrong.stdout) as { findings: { rule: string; severity: string }[] };
    expect(findings.some((f) => f.severity === 'error' && f.rule.includes('honorific'))).toBe(true);
    const clean = await runCli(['check', file('clean.txt'), '-c', 'Serenity Day Spas'], { env: env() });
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toContain('error');
  });

  it('names an unknown client with exit 2', async () => {
    const r = await runCli(['check', file('clean.txt'), '--client', 'Nobody Ltd'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown client "Nobody Ltd" on ${url}`);
  });

  it('lets MAKEGOOD_URL + MAKEGOOD_TOKEN win over the file, and exits 4 for a revoked token', async () => {
    const r = await runCli(['check', file('clean.txt'), '--client', 'Serenity Day Spas'], {
      env: env({ MAKEGOOD_URL: url, MAKEGOOD_TOKEN: revokedToken }),
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the server refused the token');
    const rw = await runCli(['check', file('wrong-honorific.txt'), '--client', 'Serenity Day Spas'], {
      env: env({ MAKEGOOD_URL: url, MAKEGOOD_TOKEN: writeToken }),
    });
    expect(rw.code).toBe(1);
  });

  it('names the missing half when only one of MAKEGOOD_URL and MAKEGOOD_TOKEN is set', async () => {
    const r = await runCli(['check', file('clean.txt'), '--client', 'Serenity Day Spas'], {
      env: env({ MAKEGOOD_URL: url }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MAKEGOOD_TOKEN');
  });

  it('exits 69 when the saved server is down', async () => {
    const r = await runCli(['check', file('clean.txt'), '--client', 'Serenity Day Spas'], {
      env: env({ MAKEGOOD_URL: `http://127.0.0.1:${await closedPort()}`, MAKEGOOD_TOKEN: readToken }),
    });
    expect(r.code).toBe(69);
    expect(r.stderr).toContain('cannot reach the makegood server');
  });
});

describe('makegood logout', () => {
  it('removes the saved credentials; check --client then uses the local database again', async () => {
    const out = await runCli(['logout'], { env: env() });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Signed out');
    await expect(stat(credentials())).rejects.toThrow();
    // The local data folder is empty: the local path answers, not the server.
    const local = await runCli(['check', file('clean.txt'), '--client', 'Serenity Day Spas'], { env: env() });
    expect(local.code).toBe(2);
    expect(local.stderr).toContain('no workspace yet');
    expect((await runCli(['logout'], { env: env() })).stdout).toContain('Not signed in');
  });
});
