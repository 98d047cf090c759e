import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { BackupError, backupDatabase, restoreBackup, sqliteFileOf } from './backup.ts';
import { createClient } from '../domain/clients/clients.ts';
import { clientInputSchema } from '../shared/contract/index.ts';
import { createServices, type Services } from './index.ts';

// Issue 14 E: `makegood backup` while the app writes. A writer in a child process logs mistakes
// through the domain (logMistake, each one committed before it prints its id) without pause; the
// backup runs meanwhile; the backup is restored into an empty data folder (or an empty PostgreSQL
// database), passes integrity_check, and holds every mistake acknowledged before the backup began.

const root = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

const writerScript = `
const { loadConfig } = await import(${JSON.stringify(join(root, 'src/config/config.ts'))});
const { createServices } = await import(${JSON.stringify(join(root, 'src/bootstrap/index.ts'))});
const { logMistake } = await import(${JSON.stringify(join(root, 'src/domain/mistakes/mistakes.ts'))});
const { mistakeInputSchema } = await import(${JSON.stringify(join(root, 'src/shared/contract/index.ts'))});
const services = await createServices(loadConfig());
const workspace = await services.deps.store.workspaces.first();
const actor = { workspaceId: workspace.id, userId: null, name: 'writer', role: 'owner' };
let stop = false;
process.stdin.on('data', () => { stop = true; });
process.stdout.write('ready\\n');
for (let n = 0; !stop; n++) {
  const m = await logMistake(services.deps, actor, mistakeInputSchema.parse({ clientId: process.env.CLIENT_ID, title: 'Concurrent write ' + n }));
  process.stdout.write('ack ' + m.id + '\\n');
  // better-sqlite3 is synchronous: without a turn of the event loop, stdin ("stop") is never read.
  await new Promise((resolve) => setImmediate(resolve));
}
await services.close();
process.stdout.write('done\\n');
process.exit(0); // stdin is still open
`;

/** Starts the writer; `acks` grows with every id it has committed. */
function startWriter(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writerScript], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const acks: string[] = [];
  let log = '';
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) acks.push(line.slice(4));
      else log += `${line}\n`;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = async (enough: () => boolean) => {
    while (!enough()) {
      if (child.exitCode !== null) throw new Error(`writer exited:\n${log}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    acks,
    until,
    stop: async () => {
      child.stdin.write('stop\n');
      return exited;
    },
    output: () => log,
  };
}

async function mistakeIds(services: Services): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`select id from mistakes`.execute(services.database.db);
  return new Set(rows.map((r) => r.id));
}

function integrityOf(file: string): string {
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `makegood-${name}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe(`makegood backup and restore (${testDialect})`, () => {
  it('backs up during concurrent writes; the restore passes integrity_check and has every row acknowledged before the backup began', async () => {
    const dataDir = temp('backup-source');
    const backups = temp('backup-files');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MAKEGOOD_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      TZ: 'UTC',
    };
    delete env['DATABASE_URL'];
    let databaseUrl: string | undefined;
    if (testDialect === 'postgres') {
      const fresh = await freshDatabase();
      cleanups.push(fresh.drop);
      if (!('postgresUrl' in fresh.target)) throw new Error('expected PostgreSQL');
      databaseUrl = fresh.target.postgresUrl;
      env['DATABASE_URL'] = databaseUrl;
    }
    const config = { databaseUrl, dataDir };
    const services = await createServices(config);
    const owner = await makeWorkspace(services, 'Backed Up Studio');
    const client = await createClient(
      services.deps,
      owner.actor,
      clientInputSchema.parse({ name: 'Serenity Day Spas' }),
    );
    // Some bulk so the copy takes a while: 4,000 facts of ~1 KB.
    await services.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) {
        await trx
          .insertInto('facts')
          .values(
            Array.from({ length: 100 }, (_, j) => ({
              id: `bulk-${i}-${j}`,
              workspace_id: owner.actor.workspaceId,
              client_id: null,
              kind: 'term',
              value: `bulk fact ${i}-${j} ${'x'.repeat(1000)}`,
              label: null,
              created_at: new Date().toISOString(),
            })),
          )
          .execute();
      }
    });
    await services.close();

    const writer = startWriter({ ...env, CLIENT_ID: client.id });
    await writer.until(() => writer.acks.length >= 25);
    // Every id printed so far was committed before the backup starts.
    const before = [...writer.acks];
    const file = join(backups, testDialect === 'sqlite' ? 'makegood.backup.sqlite' : 'makegood.backup.pgdump');
    const result = await backupDatabase(config, file);
    const during = writer.acks.length - before.length;
    await writer.until(() => writer.acks.length >= before.length + during + 10); // still writing after it
    expect(await writer.stop()).toBe(0);
    expect(result.kind).toBe(testDialect);
    if (testDialect === 'sqlite') expect(result.integrity).toBe('ok');

    // Restore into an empty data folder (SQLite) or an empty database (PostgreSQL).
    const restoredDir = join(temp('backup-restored'), 'data');
    let restoredUrl: string | undefined;
    if (testDialect === 'postgres') {
      const fresh = await freshDatabase();
      cleanups.push(fresh.drop);
      if (!('postgresUrl' in fresh.target)) throw new Error('expected PostgreSQL');
      restoredUrl = fresh.target.postgresUrl;
    }
    const restored = await restoreBackup({ databaseUrl: restoredUrl, dataDir: restoredDir }, file);
    expect(restored.kind).toBe(testDialect);
    if (testDialect === 'sqlite') {
      expect(restored.integrity).toBe('ok');
      expect(integrityOf(sqliteFileOf(restoredDir))).toBe('ok');
    }
    const reopened = await createServices({ databaseUrl: restoredUrl, dataDir: restoredDir });
    try {
      const ids = await mistakeIds(reopened);
      const lost = before.filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
      const { rows } = await sql<{ n: unknown }>`select count(*) as n from facts`.execute(reopened.database.db);
      expect(Number(rows[0]?.n)).toBe(4_000);
      process.stdout.write(
        `backup (${testDialect}): ${before.length} mistakes acknowledged before the backup, ${during} during it, ` +
          `${writer.acks.length} in all; restored ${ids.size}, lost ${lost.length}; ${(result.bytes / 1024 / 1024).toFixed(1)} MiB\n`,
      );
    } finally {
      await reopened.close();
    }

    // The same backup again into the now non-empty target is refused, and nothing changes.
    const again = await restoreBackup({ databaseUrl: restoredUrl, dataDir: restoredDir }, file).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(BackupError);
    expect((again as Error).message).toMatch(/not empty/);
    // A backup never overwrites a file.
    await expect(backupDatabase(config, file)).rejects.toThrow(/already exists/);
  }, 180_000);

  it('refuses a non-empty data folder, a file that is not a SQLite backup, and a missing database', async () => {
    const dir = temp('restore-refusals');
    const notEmpty = join(dir, 'full');
    const backupFile = join(dir, 'good.sqlite');
    // A real backup to restore.
    const sourceDir = join(dir, 'source');
    const source = await createServices({ databaseUrl: undefined, dataDir: sourceDir });
    await makeWorkspace(source, 'Small Studio');
    await source.close();
    await backupDatabase({ databaseUrl: undefined, dataDir: sourceDir }, backupFile);
    expect(integrityOf(backupFile)).toBe('ok');

    mkdirSync(notEmpty);
    writeFileSync(join(notEmpty, 'notes.txt'), 'something already here');
    await expect(restoreBackup({ databaseUrl: undefined, dataDir: notEmpty }, backupFile)).rejects.toThrow(
      /is not empty/,
    );
    expect(existsSync(join(notEmpty, 'makegood.sqlite'))).toBe(false);

    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'SQLite format 3\0 but then nothing sensible at all '.repeat(200));
    await expect(restoreBackup({ databaseUrl: undefined, dataDir: join(dir, 'empty-1') }, garbage)).rejects.toThrow(
      /not a readable SQLite backup|fails integrity_check/,
    );
    const otherDb = join(dir, 'other.sqlite');
    new Sqlite(otherDb).exec('create table notes (id integer primary key)');
    await expect(restoreBackup({ databaseUrl: undefined, dataDir: join(dir, 'empty-2') }, otherDb)).rejects.toThrow(
      /not a makegood backup/,
    );
    expect(existsSync(join(dir, 'empty-1'))).toBe(false);
    await expect(
      restoreBackup({ databaseUrl: undefined, dataDir: join(dir, 'empty-3') }, join(dir, 'missing')),
    ).rejects.toThrow(/there is no file/);
    await expect(
      backupDatabase({ databaseUrl: undefined, dataDir: join(dir, 'no-data') }, join(dir, 'x.sqlite')),
    ).rejects.toThrow(/there is no database/);
  });

  it('says so clearly when pg_dump is not on PATH', async () => {
    const dir = temp('no-pg-dump');
    const path = process.env['PATH'];
    process.env['PATH'] = join(dir, 'nothing-here');
    try {
      await expect(
        backupDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/none', dataDir: dir }, join(dir, 'x.pgdump')),
      ).rejects.toThrow(/pg_dump is not on PATH/);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
