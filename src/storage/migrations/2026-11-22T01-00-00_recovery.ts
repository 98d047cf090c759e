import type { Kysely } from 'kysely';

// Frozen: remedies ledger, sweeps. Written against Kysely<any>; never imports app code.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
