import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The one place that knows SQLite from PostgreSQL. Everything else asks this capability object
 * instead of branching on the driver.
 */
export interface DialectCapabilities {
  name: 'sqlite' | 'postgres';
  /** Column type for instants: timestamptz on PostgreSQL, ISO-8601 UTC text on SQLite (sorts correctly). */
  timestampType: 'timestamptz' | 'text';
  /** Whether `FOR UPDATE SKIP LOCKED` exists (PostgreSQL); SQLite has one writer at a time anyway. */
  skipLocked: boolean;
}

export const sqliteCapabilities: DialectCapabilities = { name: 'sqlite', timestampType: 'text', skipLocked: false };
export const postgresCapabilities: DialectCapabilities = {
  name: 'postgres',
  timestampType: 'timestamptz',
  skipLocked: true,
};

/** Capabilities of an open database (used by frozen migrations, which get only a Kysely<any>). */
export function capabilitiesOf(db: Kysely<unknown>): DialectCapabilities {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresCapabilities : sqliteCapabilities;
}

/** Normalises a driver timestamp (Date from pg, text from SQLite) to ISO-8601 UTC. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`not a timestamp: ${String(value)}`);
}

/** Like toIso, keeping null. */
export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

/** Normalises a driver integer (pg returns bigint as a string) to a safe JS number. */
export function toInt(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : Number(value);
  if (!Number.isSafeInteger(n)) throw new TypeError(`not a safe integer: ${String(value)}`);
  return n;
}

/** Normalises a stored 0/1 (or boolean) to a boolean. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
