import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';

// PRAGMA synchronous in WAL mode: FULL (2) unless NORMAL (1) is asked for. SQLite only; the
// PostgreSQL run has nothing to check here.

const dirs: string[] = [];
const open: Database[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
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

describe.skipIf(process.env.MAKEGOOD_TEST_DB === 'pg')('SQLite durability setting', () => {
  it('is FULL by default and NORMAL only when asked', async () => {
    expect(await synchronousOf()).toBe(2);
    expect(await synchronousOf('full')).toBe(2);
    expect(await synchronousOf('normal')).toBe(1);
  });
});
