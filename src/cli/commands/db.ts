import type { Command } from 'commander';
import { databaseTarget } from '../../bootstrap/index.ts';
import { loadConfig } from '../../config/config.ts';
import { openDatabase } from '../../storage/database.ts';
import { migrateToLatest } from '../../storage/migrate.ts';

/** `makegood db migrate`: applies pending migrations to the configured database. */
export function registerDb(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations to the configured database (SQLite in MAKEGOOD_DATA_DIR or DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(databaseTarget(config));
      try {
        const applied = await migrateToLatest(database);
        process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Database is up to date.\n');
      } finally {
        await database.close();
      }
    });
}
