import type { Kysely } from 'kysely';
import type { MessagingRepositories } from '../../domain/messages/ports.ts';
import type { DialectCapabilities } from '../dialect.ts';
import type { DB } from '../schema.ts';

/** The messaging repositories over a Kysely handle (the database or one open transaction). */
export function createMessagingRepositories(_db: Kysely<DB>, _capabilities: DialectCapabilities): MessagingRepositories {
  return {};
}
