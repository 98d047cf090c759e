import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config/config.ts';

// Online backup and restore of the whole database. SQLite: the online backup API of
// better-sqlite3 (a consistent copy while the server keeps writing), checked with integrity_check.
// PostgreSQL: pg_dump --format=custom and pg_restore, the tools made for it.

/** A backup or restore that cannot go ahead; the message says why and what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The database file of a data folder (without creating the folder). */
export function sqliteFileOf(dataDir: string): string {
  return join(dataDir, 'makegood.sqlite');
}

/** What a backup wrote. */
export interface BackupResult {
  kind: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
  /** SQLite: integrity_check of the copy ('ok'). */
  integrity?: string;
}

function integrityOf(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/**
 * Takes a consistent online backup of the configured database into `file` (which must not exist).
 * SQLite: the backup API copies every page from one read snapshot (writers go on meanwhile); the copy
 * is made self-contained (rollback journal, no -wal file) and must pass integrity_check. PostgreSQL:
 * runs pg_dump --format=custom.
 */
export async function backupDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  file: string,
): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target))
    throw new BackupError(`${target} already exists: give a new file name (a backup never overwrites).`);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist.`);
  if (config.databaseUrl) {
    await runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`], config.databaseUrl);
    return { kind: 'postgres', file: target, bytes: statSync(target).size };
  }
  const source = sqliteFileOf(config.dataDir);
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source} (is MAKEGOOD_DATA_DIR right?).`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // The first step only starts the backup; then every remaining page in one step, from one read
    // snapshot (a step that copied part of the pages would restart whenever another connection writes).
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`the backup failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
  const copy = new SQLite(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE'); // one self-contained file
  } finally {
    copy.close();
  }
  const integrity = integrityOf(partial);
  if (integrity !== 'ok') {
    rmSync(partial, { force: true });
    throw new BackupError(`the backup copy failed integrity_check (${integrity}); nothing was written.`);
  }
  renameSync(partial, target);
  return { kind: 'sqlite', file: target, bytes: statSync(target).size, integrity };
}

/** What a restore did. */
export interface RestoreBackupResult {
  kind: 'sqlite' | 'postgres';
  /** The restored database file (SQLite) or database (PostgreSQL, without credentials). */
  into: string;
  integrity?: string;
}

/**
 * Restores a backup into an empty data folder (SQLite: refuses a folder that has anything in it,
 * checks the backup and then the restored file with integrity_check) or an empty PostgreSQL database
 * (pg_restore, in one transaction).
 */
export async function restoreBackup(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  file: string,
): Promise<RestoreBackupResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`there is no file ${source}.`);
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from information_schema.tables where table_schema = current_schema()`,
      );
      if (Number(rows[0]?.n ?? 0) > 0) {
        throw new BackupError(
          'the database in DATABASE_URL is not empty: restore into a new, empty database (createdb).',
        );
      }
    } finally {
      await client.end();
    }
    await runTool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', source], config.databaseUrl);
    const url = new URL(config.databaseUrl);
    return { kind: 'postgres', into: `${url.host}${url.pathname}` };
  }
  let backupIntegrity: string;
  try {
    backupIntegrity = integrityOf(source);
    const probe = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      const found = probe
        .prepare(
          `select count(*) as n from sqlite_master where type = 'table' and name in ('workspaces', 'kysely_migration')`,
        )
        .get() as { n: number };
      if (found.n < 2) throw new BackupError(`${source} is a SQLite database but not a makegood backup.`);
    } finally {
      probe.close();
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${source} is not a readable SQLite backup (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (backupIntegrity !== 'ok')
    throw new BackupError(`the backup ${source} fails integrity_check (${backupIntegrity}); nothing was restored.`);
  const dataDir = resolve(config.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`the data folder ${dataDir} is not empty: restore only into an empty (or new) data folder.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const target = sqliteFileOf(dataDir);
  const from = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(target, { progress: () => 0x7fffffff });
  } finally {
    from.close();
  }
  const restored = new SQLite(target, { fileMustExist: true });
  try {
    restored.pragma('journal_mode = WAL'); // as the server opens it
  } finally {
    restored.close();
  }
  const integrity = integrityOf(target);
  if (integrity !== 'ok') {
    rmSync(target, { force: true });
    throw new BackupError(`the restored database failed integrity_check (${integrity}); it was removed.`);
  }
  return { kind: 'sqlite', into: target, integrity };
}

/**
 * Runs pg_dump or pg_restore against a database URL. The password goes in PGPASSWORD, not on the
 * command line (where `ps` would show it).
 */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password && { PGPASSWORD: password }) };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, [...args, `--dbname=${url.toString()}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} is not on PATH: install the PostgreSQL client tools (e.g. apt install postgresql-client, the same major version as the server), or run ${tool} yourself (see the README).`,
            )
          : new BackupError(`${tool} could not start: ${error.message}`),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}
