import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../test/database.ts';
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
