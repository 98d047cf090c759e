import { Migrator, type Migration } from 'kysely';
import type { Database } from './database.ts';
import * as initial from './migrations/2026-11-22T00-00-00_initial.ts';
import * as recovery from './migrations/2026-11-22T01-00-00_recovery.ts';
import * as messaging from './migrations/2026-11-22T02-00-00_messaging.ts';
import * as updateDueQueue from './migrations/2026-12-02T10-00-00_update-due-queue.ts';
import * as installation from './migrations/2026-12-02T12-00-00_installation.ts';
import * as learning from './migrations/2026-12-02T13-00-00_learning.ts';
import * as repeats from './migrations/2026-12-02T14-00-00_repeats.ts';
import * as lessons from './migrations/2026-12-03T10-00-00_lessons.ts';
import * as regressed from './migrations/2026-12-03T16-30-00_regressed.ts';
import * as mistakeSearch from './migrations/2026-12-03T17-00-00_mistake-search.ts';
import * as hotIndexes from './migrations/2026-12-03T15-00-00_hot-indexes.ts';
import * as mistakeCounters from './migrations/2026-12-03T16-00-00_mistake-counters.ts';
import * as throttle from './migrations/2026-12-03T15-30-00_throttle.ts';
import * as csvUploads from './migrations/2026-12-03T18-30-00_csv-uploads.ts';
import * as invitations from './migrations/2026-12-03T19-10-00_invitations.ts';
import * as webhooks from './migrations/2026-12-03T19-20-00_webhooks.ts';
import * as apiTokens from './migrations/2026-12-03T19-00-00_api-tokens.ts';
import * as clientHealth from './migrations/2026-12-04T10-00-00_client-health.ts';
import * as relay from './migrations/2026-12-04T10-30-00_relay.ts';
import * as calendars from './migrations/2026-12-04T10-40-00_calendars.ts';
import * as checkInsSatisfaction from './migrations/2026-12-04T10-10-00_check-ins-satisfaction.ts';
import * as senderIdentity from './migrations/2026-12-04T11-30-00_sender-identity-time-zones.ts';
import * as metrics from './migrations/2026-12-04T10-20-00_metrics.ts';

// Listed statically (not read from a folder) so bundling and tsx behave the same; names sort by time.
const migrations: Record<string, Migration> = {
  '2026-11-22T00-00-00_initial': initial,
  '2026-11-22T01-00-00_recovery': recovery,
  '2026-11-22T02-00-00_messaging': messaging,
  '2026-12-02T10-00-00_update-due-queue': updateDueQueue,
  '2026-12-02T12-00-00_installation': installation,
  '2026-12-02T13-00-00_learning': learning,
  '2026-12-02T14-00-00_repeats': repeats,
  '2026-12-03T10-00-00_lessons': lessons,
  '2026-12-03T15-00-00_hot-indexes': hotIndexes,
  '2026-12-03T16-00-00_mistake-counters': mistakeCounters,
  '2026-12-03T15-30-00_throttle': throttle,
  '2026-12-03T16-30-00_regressed': regressed,
  '2026-12-03T17-00-00_mistake-search': mistakeSearch,
  '2026-12-03T18-30-00_csv-uploads': csvUploads,
  '2026-12-03T19-10-00_invitations': invitations,
  '2026-12-03T19-20-00_webhooks': webhooks,
  '2026-12-03T19-00-00_api-tokens': apiTokens,
  '2026-12-04T10-00-00_client-health': clientHealth,
  '2026-12-04T10-30-00_relay': relay,
  '2026-12-04T10-40-00_calendars': calendars,
  '2026-12-04T10-10-00_check-ins-satisfaction': checkInsSatisfaction,
  '2026-12-04T11-30-00_sender-identity-time-zones': senderIdentity,
  '2026-12-04T10-20-00_metrics': metrics,
};

/** Applies every pending migration; returns the names applied. Throws with the failing name. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // A database that already ran a later-named migration still takes an earlier-named new one.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
