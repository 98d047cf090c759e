// `npm run bench -- --import [--import-rows=N] [--pg]`: a CSV import of N rows (default 10,000: a
// client, a contact and a fact per row, 2,000 clients of 5 contacts each) into an empty workspace
// through the domain use cases the API calls — the preview, then the import of every row (500 per
// transaction), then the same file again (which must change nothing). SQLite file; PostgreSQL in a
// throwaway database with --pg. Prints the wall time of each step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createServices } from '../src/bootstrap/index.ts';
import { nodeCrypto } from '../src/bootstrap/system.ts';
import { previewImport, runImport } from '../src/domain/imports/import-clients.ts';
import { createWorkspace } from '../src/domain/workspaces/workspaces.ts';

/** The figures of one run. */
export interface CsvImportFigures {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  bytes: number;
  previewMs: number;
  importMs: number;
  reimportMs: number;
  created: { clients: number; contacts: number; facts: number };
  reimportUnchanged: number;
}

/** A CRM-like export: Company, Contact name, Email, Honorific, Pronouns, Fact kind, Value. */
export function crmCsv(rows: number): string {
  const honorifics = ['Ms', 'Mr', 'Dr', 'Mx', ''];
  const lines = ['Company,Contact name,Email,Honorific,Pronouns,Fact kind,Value'];
  for (let i = 0; i < rows; i++) {
    const client = Math.floor(i / 5);
    lines.push(
      [
        `"Client ${client}, Ltd"`,
        `Person ${i}`,
        `person${i}@client${client}.example`,
        honorifics[i % 5],
        i % 2 ? 'she/her' : 'he/him',
        'phone',
        `+1 555 ${String(i).padStart(7, '0')}`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the import bench once. */
export async function csvImportBench(rows: number, usePg: boolean): Promise<CsvImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-import-bench-'));
  let dropPg: (() => Promise<void>) | null = null;
  let target: { sqliteFile: string } | { postgresUrl: string };
  if (usePg) {
    const admin = process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `makegood_bench_import_${Date.now()}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    target = { postgresUrl: url.toString() };
    dropPg = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  } else target = { sqliteFile: join(dir, 'bench.sqlite') };
  const services = await createServices(
    { databaseUrl: undefined, dataDir: dir },
    { crypto: nodeCrypto({ fast: true }) },
    target,
  );
  try {
    const { workspaceId, userId } = await createWorkspace(services.deps, {
      workspaceName: 'Bench Studio',
      ownerName: 'Bench',
      email: 'bench@example.com',
      password: 'correct horse battery',
    });
    const actor = { workspaceId, userId, name: 'Bench', role: 'owner' as const };
    const bytes = new TextEncoder().encode(crmCsv(rows));
    let t = performance.now();
    const preview = await previewImport(services.deps, actor, { bytes, fileName: 'bench.csv' });
    const previewMs = performance.now() - t;
    if (preview.counts.invalid > 0) throw new Error(`bench file has invalid rows: ${preview.errors[0]?.message}`);
    t = performance.now();
    const done = await runImport(services.deps, actor, { previewId: preview.previewId });
    const importMs = performance.now() - t;
    t = performance.now();
    const again = await runImport(services.deps, actor, { previewId: preview.previewId });
    const reimportMs = performance.now() - t;
    return {
      dialect: usePg ? 'postgres' : 'sqlite',
      rows,
      bytes: bytes.length,
      previewMs,
      importMs,
      reimportMs,
      created: {
        clients: done.entities.clients.new,
        contacts: done.entities.contacts.new,
        facts: done.entities.facts.new,
      },
      reimportUnchanged: again.counts.unchanged,
    };
  } finally {
    await services.close();
    await dropPg?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
