import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type KyselyConfig } from 'kysely';
import pg from 'pg';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.ts';
import { postgresCapabilities, sqliteCapabilities, type DialectCapabilities } from './dialect.ts';
import type { DB } from './schema.ts';

/** An open database with the capabilities of its dialect. */
export interface Database {
  db: Kysely<DB>;
  capabilities: DialectCapabilities;
  /** The SQLite file (':memory:' in tests); absent on PostgreSQL. */
  sqliteFile?: string;
  close(): Promise<void>;
}

/** Where to connect: a PostgreSQL URL, or a SQLite file (':memory:' for tests). */
export type DatabaseTarget = (
  | { postgresUrl: string; poolSize?: number }
  | {
      sqliteFile: string;
      synchronous?: SqliteSynchronous;
      /** A second, read-only connection beside the app's (a long read that must not hold the app's one connection). */
      readonly?: boolean;
    }
) & {
  /** Sees every executed query with its parameters (the EXPLAIN check of the test suite). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
};

/**
 * SQLite `PRAGMA synchronous` in WAL mode. FULL (the default) syncs the WAL on every commit: a
 * committed transaction survives power loss and OS crashes. NORMAL survives a killed process but
 * can lose the last commits on power loss.
 */
export type SqliteSynchronous = 'full' | 'normal';

/** The default embedded database file inside the data folder. */
export function sqliteFileIn(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'makegood.sqlite');
}

/**
 * better-sqlite3 with a prepared-statement cache: Kysely prepares every query again, and caching
 * was measured at 2.4x on selects (shared/NOTES.md). Statements are keyed by SQL text.
 */
function cachingSqlite(file: string, synchronous: SqliteSynchronous, readonly = false): SQLite.Database {
  const raw = new SQLite(file, { readonly });
  if (!readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma(synchronous === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
  // Checkpoints run in a worker thread (checkpointer.ts); this threshold is only the safety net.
  if (file !== ':memory:' && !readonly) raw.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const cache = new Map<string, SQLite.Statement>();
  const prepare = raw.prepare.bind(raw);
  return new Proxy(raw, {
    get(target, key, receiver) {
      if (key === 'prepare') {
        return (sql: string) => {
          let statement = cache.get(sql);
          if (!statement) {
            statement = prepare(sql);
            if (cache.size > 500) cache.clear();
            cache.set(sql, statement);
          }
          return statement;
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function logOption(target: DatabaseTarget): Pick<KyselyConfig, 'log'> {
  const onQuery = target.onQuery;
  if (!onQuery) return {};
  return {
    log: (event) => {
      if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
    },
  };
}

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL behind one Kysely type. */
export function openDatabase(target: DatabaseTarget): Database {
  if ('postgresUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.postgresUrl, max: target.poolSize ?? 10 });
    // An idle pooled connection can be closed by the server (restart, admin termination, a dropped
    // test database). pg then emits 'error' on the pool; unhandled, that would crash the process.
    // The pool has already discarded the client and the next query opens a new one, so there is
    // nothing to do here; a query in flight still rejects with its own error.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...logOption(target) });
    return { db, capabilities: postgresCapabilities, close: () => db.destroy() };
  }
  const synchronous = target.synchronous ?? 'full';
  const readonly = target.readonly ?? false;
  const sqlite = cachingSqlite(target.sqliteFile, synchronous, readonly);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), ...logOption(target) });
  const checkpointer =
    target.sqliteFile === ':memory:' || readonly ? null : startCheckpointer(target.sqliteFile, { synchronous });
  return {
    db,
    capabilities: sqliteCapabilities,
    sqliteFile: target.sqliteFile,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
