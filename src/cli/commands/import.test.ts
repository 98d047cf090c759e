import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../bootstrap/index.ts';
import { createWorkspace } from '../../domain/workspaces/workspaces.ts';
import { runCli } from '../fixtures/run-cli.ts';
import { parseMappingOption } from './import.ts';

// `makegood import FILE` against a temp data folder (SQLite), through the real bin/makegood.

let dir: string;
let env: Record<string, string>;

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function clientsAndContacts(): Promise<string[]> {
  const services = await createServices({ databaseUrl: undefined, dataDir: env.MAKEGOOD_DATA_DIR! });
  try {
    const ws = await services.deps.store.workspaces.first();
    const clients = await services.deps.store.clients.list(ws!.id, {});
    const contacts = await services.deps.store.contacts.listAll(ws!.id);
    return [
      ...clients.map((c) => `client ${c.name}`),
      ...contacts.map((c) => `contact ${c.fullName} <${c.email}>`),
    ].sort();
  } finally {
    await services.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'makegood-import-'));
  env = { MAKEGOOD_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const services = await createServices({ databaseUrl: undefined, dataDir: env.MAKEGOOD_DATA_DIR! });
  try {
    await createWorkspace(services.deps, {
      workspaceName: 'Studio North',
      ownerName: 'Marco',
      email: 'marco@example.com',
      password: 'correct horse battery',
    });
  } finally {
    await services.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Each run of bin/makegood starts Node and opens the database: seconds apiece on a loaded machine. */
const CLI_TIMEOUT = 120_000;

const CSV = [
  'Company,Contact name,Email',
  'Serenity Day Spas,Lynn Carter,lynn@serenity.example',
  'Northwind Dental,Bob Stone,bob@',
  'Blue Fern Cafe,Ana Ruiz,ana@bluefern.example',
].join('\n');

describe('makegood import', () => {
  it(
    'previews with --dry-run: the mapping, the counts and the bad row named; exit 1; nothing written',
    async () => {
      const path = await file('crm.csv', CSV);
      const r = await runCli(['import', path, '--dry-run'], { env });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('Company → client.name');
      expect(r.stdout).toContain('Rows: 2 new, 0 changed, 0 unchanged, 1 invalid');
      expect(r.stdout).toContain('row 3: Email "bob@" is not an email address');
      expect(r.stdout).toContain('Dry run: nothing imported.');
      expect(await clientsAndContacts()).toEqual([]);
    },
    CLI_TIMEOUT,
  );

  it(
    'imports nothing while a row is invalid, the valid rows with --skip-invalid, and nothing new the second time',
    async () => {
      const path = await file('crm2.csv', CSV);
      const refused = await runCli(['import', path], { env });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('Nothing imported: 1 invalid row.');
      expect(await clientsAndContacts()).toEqual([]);

      const done = await runCli(['import', path, '--skip-invalid'], { env });
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('Imported: 2 new, 0 changed, 0 unchanged, 1 invalid');
      const after = await clientsAndContacts();
      expect(after).toEqual([
        'client Blue Fern Cafe',
        'client Serenity Day Spas',
        'contact Ana Ruiz <ana@bluefern.example>',
        'contact Lynn Carter <lynn@serenity.example>',
      ]);

      const again = await runCli(['import', path, '--skip-invalid'], { env });
      expect(again.stdout).toContain('Imported: 0 new, 0 changed, 2 unchanged, 1 invalid');
      expect(await clientsAndContacts()).toEqual(after);
    },
    CLI_TIMEOUT,
  );

  it(
    'takes --mapping and --workspace, and refuses an unknown workspace or field',
    async () => {
      const path = await file('odd.csv', 'Org,Who\nHarbor Hotels,Sam Lee\n');
      const bad = await runCli(['import', path, '--mapping', 'Org=client.nickname'], { env });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('"client.nickname" is not a field');
      const nobody = await runCli(['import', path, '--workspace', 'Nowhere'], { env });
      expect(nobody.code).toBe(3);
      expect(nobody.stderr).toContain('no workspace "Nowhere"');
      const r = await runCli(
        ['import', path, '--mapping', 'Org=client.name,#2=contact.fullName', '--workspace', 'studio north', '--json'],
        { env },
      );
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.imported.counts.new).toBe(1);
      expect(await clientsAndContacts()).toContain('contact Sam Lee <null>');
    },
    CLI_TIMEOUT,
  );

  it(
    'names the line of a malformed file (exit 2) and refuses a missing file',
    async () => {
      const path = await file('broken.csv', 'Client,Contact\nAcme,Jo\nBeta\n');
      const r = await runCli(['import', path], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('line 3: the row has 1 cells but the header has 2');
      const missing = await runCli(['import', join(dir, 'nope.csv')], { env });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('there is no file');
    },
    CLI_TIMEOUT,
  );

  it(
    'hands a file starting with the zip signature to the archive restore',
    async () => {
      const path = await file('export.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
      const r = await runCli(['import', path], { env });
      // The install already has data, so the restore refuses it (a restore is into an empty install only).
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/archive|zip|empty/i);
      expect(r.stderr).not.toContain('csv:');
    },
    CLI_TIMEOUT,
  );
});

describe('parseMappingOption', () => {
  it('reads column=field pairs, a column being a header with spaces or #N', () => {
    expect(parseMappingOption('Company name=client.name, #3=contact.email,Notes=ignore')).toEqual({
      'Company name': 'client.name',
      '#3': 'contact.email',
      Notes: 'ignore',
    });
    expect(() => parseMappingOption('Company')).toThrow('is not column=field');
  });
});
