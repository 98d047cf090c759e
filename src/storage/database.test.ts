import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from './checkpointer.ts';
import { openDatabase, type Database } from './database.ts';

// PRAGMA synchronous in WAL mode: FULL (2) unless NORMAL (1) is asked for.

const dirs: string[] = [];
const open: Database[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
  for (const drop of drops.splice(0)) await drop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function synchronousOf(synchronous?: 'full' | 'normal'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-sync-'));
  dirs.push(dir);
  const database = openDatabase({ sqliteFile: join(dir, 'db.sqlite'), ...(synchronous ? { synchronous } : {}) });
  open.push(database);
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
  return Number(rows[0]?.synchronous);
}

// Runs on both suites: the SQLite pragma is checked on a file of its own either way, and on the
// PostgreSQL run the server the suites use must commit durably too (synchronous_commit on).
describe('durability setting', () => {
  it('SQLite is FULL by default and NORMAL only when asked', async () => {
    expect(await synchronousOf()).toBe(2);
    expect(await synchronousOf('full')).toBe(2);
    expect(await synchronousOf('normal')).toBe(1);
  });

  it("the suite's own database commits durably", async () => {
    if (testDialect === 'sqlite') {
      expect(await synchronousOf()).toBe(2);
      return;
    }
    const fresh = await freshDatabase();
    drops.push(fresh.drop);
    const database = openDatabase(fresh.target);
    open.push(database);
    const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(database.db);
    expect(rows[0]?.synchronous_commit).toBe('on');
  });
});

// A commit that crosses wal_autocheckpoint would copy the WAL into the database file inside the
// commit, blocking the event loop (better-sqlite3 is synchronous). The worker thread does it instead.
describe('WAL checkpoints', () => {
  it('run in a worker thread: the database file takes the WAL in while the app connection only keeps a high fallback threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'makegood-wal-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const database = openDatabase({ sqliteFile: file });
    open.push(database);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
    expect(Number(rows[0]?.wal_autocheckpoint)).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    await sql`create table filler (id integer primary key, body text not null)`.execute(database.db);
    const before = statSync(file).size;
    // About 4 MB of WAL: far below the fallback threshold (80 MB), so only the worker can move it.
    for (let i = 0; i < 40; i++) {
      await sql`insert into filler (body) values (${'x'.repeat(100_000)})`.execute(database.db);
    }
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(4_000_000);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 4_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 4_000_000);
  });
});
