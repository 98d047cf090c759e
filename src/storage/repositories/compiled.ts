import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * A hot query compiled once: Kysely otherwise rebuilds and compiles the query tree on every call
 * (measured at about half the cost of a by-id read on SQLite). `build` must make a query whose
 * parameters are exactly `params`, in order, and whose shape never depends on them; it is
 * compiled with the first call's values (per dialect) and reused with each call's. The SQL is the
 * same for the database and a transaction of it, so one compiled query serves both (`db` routes it).
 */
export function compiledQuery<P extends readonly unknown[], R>(
  build: (db: Kysely<DB>, ...params: P) => { compile(): CompiledQuery<R> },
): (db: Kysely<DB>, ...params: P) => Promise<R[]> {
  // One compiled query per dialect: a process can hold a SQLite and a PostgreSQL database at once
  // (restoring an archive from one into the other), and their SQL differs (? and $1).
  const byDialect = new Map<unknown, CompiledQuery<R>>();
  return async (db, ...params) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      compiled = build(db, ...params).compile();
      if (compiled.parameters.length !== params.length) {
        throw new Error(`compiledQuery: ${compiled.parameters.length} parameters compiled, ${params.length} given`);
      }
      byDialect.set(dialect, compiled);
    }
    const result = await db.executeQuery<R>({ ...compiled, parameters: params });
    return result.rows;
  };
}
