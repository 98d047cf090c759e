import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../bootstrap/index.ts';
import { createWorkspace } from '../../domain/workspaces/workspaces.ts';
import { createClient } from '../../domain/clients/clients.ts';
import { clientInputSchema } from '../../shared/contract/index.ts';
import { runCli } from '../main.ts';

// The archive and backup commands end to end on temporary data folders (SQLite): what they print,
// their exit codes, and that a refused restore writes nothing.

const root = mkdtempSync(join(tmpdir(), 'makegood-cli-archive-'));
const source = join(root, 'source');
const savedEnv = { data: process.env['MAKEGOOD_DATA_DIR'], url: process.env['DATABASE_URL'] };
let stderr = '';
let stdout = '';

beforeAll(async () => {
  const services = await createServices({ databaseUrl: undefined, dataDir: source });
  const { workspaceId, userId } = await createWorkspace(services.deps, {
    workspaceName: 'Northwind Studio',
    ownerName: 'Dana Reyes',
    email: 'dana@northwind.example',
    password: 'correct horse battery',
  });
  await createClient(
    services.deps,
    { workspaceId, userId, name: 'Dana Reyes', role: 'owner' },
    clientInputSchema.parse({ name: '=HYPERLINK("http://evil.example")' }),
  );
  await services.close();
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (savedEnv.data === undefined) delete process.env['MAKEGOOD_DATA_DIR'];
  else process.env['MAKEGOOD_DATA_DIR'] = savedEnv.data;
  if (savedEnv.url !== undefined) process.env['DATABASE_URL'] = savedEnv.url;
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `makegood …` on a data folder; answers the exit code with what was printed. */
async function run(dataDir: string, ...args: string[]) {
  process.env['MAKEGOOD_DATA_DIR'] = dataDir;
  delete process.env['DATABASE_URL'];
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    return await runCli(['node', 'makegood', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
}

describe('makegood export, restore-archive, backup, restore', () => {
  const archive = join(root, 'northwind.zip');

  it('exports the workspace to a zip with the manifest, JSON and neutralised CSV', async () => {
    expect(await run(source, 'export', '--out', archive)).toBe(0);
    expect(stdout).toMatch(/^Exported "Northwind Studio": \d+ rows in \d+ tables to .*northwind\.zip/);
    const files = unzipSync(new Uint8Array(readFileSync(archive)));
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({ workspace: { name: 'Northwind Studio' } });
    expect(strFromU8(files['csv/clients.csv']!)).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(strFromU8(files['json/clients.json']!)).toContain('"name":"=HYPERLINK(\\"http://evil.example\\")"');
  });

  it('refuses to overwrite a file and names an unknown workspace', async () => {
    const size = readFileSync(archive).length;
    expect(await run(source, 'export', '--out', archive)).toBe(2);
    expect(stderr).toMatch(/already exists/);
    expect(readFileSync(archive).length).toBe(size); // the existing file is left alone
    expect(await run(source, 'export', '--workspace', 'Nobody', '--out', join(root, 'x.zip'))).toBe(6);
    expect(stderr).toMatch(/no workspace "Nobody"/);
    expect(existsSync(join(root, 'x.zip'))).toBe(false);
  });

  it('restores into an empty install, then refuses the same install now that it has data', async () => {
    const target = join(root, 'restored');
    expect(await run(target, 'restore-archive', archive)).toBe(2);
    expect(stderr).toMatch(/--owner-password/);
    expect(await run(target, 'restore-archive', archive, '--owner-password', 'password')).toBe(2);
    expect(stderr, stderr).toMatch(/--owner-password: /);
    expect(await run(target, 'restore-archive', archive, '--owner-password', 'a restored owner passphrase 42')).toBe(0);
    expect(stdout).toMatch(/Restored "Northwind Studio": \d+ rows\.\nThe owner dana@northwind\.example signs in/);
    expect(await run(target, 'restore-archive', archive, '--owner-password', 'a restored owner passphrase 42')).toBe(6);
    expect(stderr).toMatch(/already has data/);
  });

  it('refuses a corrupt archive with a message and a non-zero exit, writing nothing', async () => {
    const bad = join(root, 'bad.zip');
    writeFileSync(bad, 'PK\u0003\u0004 definitely not a zip');
    const target = join(root, 'restored-bad');
    expect(await run(target, 'restore-archive', bad, '--owner-password', 'a restored owner passphrase 42')).toBe(6);
    expect(stderr).toMatch(/^makegood: .*not a readable zip archive|no manifest/);
    expect(await run(target, 'export')).toBe(6);
    expect(stderr).toMatch(/no workspace to export/);
  });

  it('backs up, restores into an empty folder, and refuses a non-empty one', async () => {
    const file = join(root, 'northwind.backup.sqlite');
    expect(await run(source, 'backup', file)).toBe(0);
    expect(stdout).toMatch(/Backed up to .*integrity_check: ok/);
    const target = join(root, 'restored-backup');
    expect(await run(target, 'restore', file)).toBe(0);
    expect(stdout).toMatch(/Restored into .*makegood\.sqlite \(integrity_check: ok\)/);
    expect(await run(target, 'restore', file)).toBe(6);
    expect(stderr).toMatch(/is not empty/);
    expect(await run(source, 'backup', file)).toBe(6);
    expect(stderr).toMatch(/already exists/);
  });
});
