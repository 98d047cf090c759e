import type { Kysely } from 'kysely';
import type { RecoveryRepositories } from '../../domain/remedies/ports.ts';
import type { DialectCapabilities } from '../dialect.ts';
import type { DB } from '../schema.ts';

/** The recovery repositories over a Kysely handle (the database or one open transaction). */
export function createRecoveryRepositories(_db: Kysely<DB>, _capabilities: DialectCapabilities): RecoveryRepositories {
  return {};
}
