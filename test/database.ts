import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../src/storage/database.ts';

/** Which database the storage and API suites run on: MAKEGOOD_TEST_DB=pg selects PostgreSQL. */
export const testDialect: 'sqlite' | 'postgres' = process.env.MAKEGOOD_TEST_DB === 'pg' ? 'postgres' : 'sqlite';

const adminUrl = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database for one test file; `drop` removes it (PostgreSQL) or does nothing (in-memory SQLite). */
export async function freshDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (testDialect === 'sqlite') return { target: { sqliteFile: ':memory:' }, drop: async () => {} };
  const name = `makegood_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { postgresUrl: url.toString(), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
