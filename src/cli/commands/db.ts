import type { Command } from 'commander';
import { migrateDatabase } from '../../bootstrap/index.ts';
import { loadConfig } from '../../config/config.ts';

/** `makegood db migrate`: applies pending migrations to the configured database. */
export function registerDb(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations to the configured database (SQLite in MAKEGOOD_DATA_DIR or DATABASE_URL)')
    .action(async () => {
      const applied = await migrateDatabase(loadConfig());
      process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Database is up to date.\n');
    });
}
