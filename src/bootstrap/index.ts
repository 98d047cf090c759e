import { sql } from 'kysely';
import type { Config } from '../config/config.ts';
import { GuardCache } from '../domain/guard/check-text.ts';
import type { Mailer } from '../domain/messages/ports.ts';
import type { Clock, Crypto, Deps, Ids } from '../domain/ports.ts';
import type { ThrottleCounters } from '../domain/workspaces/sign-in-throttle.ts';
import { openDatabase, sqliteFileIn, type Database, type DatabaseTarget } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { createMailer, defaultSenders, mailSetupOf, senderDomain, type MailerConfig } from './mailer.ts';
import { createStore } from '../storage/repositories/store.ts';
import { createThrottleCounters } from '../storage/repositories/throttle.ts';
import { nodeCrypto, systemClock, timeOrderedIds } from './system.ts';
import type { WebhookRuntime } from '../domain/webhooks/ports.ts';
import type { MailSetup } from '../shared/contract/index.ts';
import { createWebhookRuntime } from './webhooks.ts';
import { createIcsFetcher } from './calendar-fetch.ts';
import type { IcsFetcher } from '../domain/calendars/ports.ts';

/** The composed application: everything the server and the CLI need, and how to close it. */
export interface Services {
  deps: Deps;
  database: Database;
  config: Pick<Config, 'dataDir'>;
  /** One built pre-send guard per workspace, rebuilt when its guard version moves. */
  guards: GuardCache;
  /** The outbox transport: .eml files in <dataDir>/outbox, or SMTP when SMTP_URL is set. */
  mailer: Mailer;
  /** Where mail goes (file outbox or SMTP) and from which addresses, for Settings. */
  mailSetup: MailSetup;
  /** Attempt counters in the database (sign-in throttle, route rate limits), shared by every instance on it. */
  throttle: ThrottleCounters;
  /** Webhook secrets, signatures, the SSRF address policy and the HTTP POST (WEBHOOK_* settings). */
  webhooks: WebhookRuntime;
  /** Fetches ICS calendar subscriptions under the same SSRF rules as webhooks. */
  calendars: IcsFetcher;
  /** One round trip to the database (for the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Overrides for tests: a fixed clock, predictable ids, cheap password hashing. */
export interface ServiceOverrides {
  clock?: Clock;
  ids?: Ids;
  crypto?: Crypto;
  mailer?: Mailer;
  webhooks?: WebhookRuntime;
  calendars?: IcsFetcher;
}

/** Where the configuration says the database is. */
export function databaseTarget(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'sqliteSynchronous'>>,
): DatabaseTarget {
  return config.databaseUrl
    ? { postgresUrl: config.databaseUrl }
    : { sqliteFile: sqliteFileIn(config.dataDir), synchronous: config.sqliteSynchronous ?? 'full' };
}

/** The one composition root: opens and migrates the database, then wires the domain's ports. */
export async function createServices(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'sqliteSynchronous' | 'webhookAllowPrivate' | 'webhookAllowHttp'>> &
    Omit<MailerConfig, 'dataDir'>,
  overrides: ServiceOverrides = {},
  target: DatabaseTarget = databaseTarget(config),
): Promise<Services> {
  const database = openDatabase(target);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const clock = overrides.clock ?? systemClock;
  const deps: Deps = {
    store: createStore(database.db, database.capabilities),
    clock,
    ids: overrides.ids ?? timeOrderedIds(clock),
    crypto: overrides.crypto ?? nodeCrypto(),
    speller: async (locale) => (await import('./spellers.ts')).loadSpeller(locale),
    mailDomain: senderDomain(config.mailFrom ?? defaultSenders.mailFrom),
  };
  const mailer = overrides.mailer ?? createMailer(config);
  return {
    deps,
    database,
    config: { dataDir: config.dataDir },
    guards: new GuardCache(),
    mailer,
    mailSetup: mailSetupOf(config),
    webhooks:
      overrides.webhooks ??
      createWebhookRuntime({
        allowPrivate: config.webhookAllowPrivate ?? [],
        allowHttp: config.webhookAllowHttp ?? false,
      }),
    calendars:
      overrides.calendars ??
      createIcsFetcher({
        allowPrivate: config.webhookAllowPrivate ?? [],
        allowHttp: config.webhookAllowHttp ?? false,
      }),
    throttle: createThrottleCounters(database),
    ping: async () => {
      await sql`select 1`.execute(database.db);
    },
    close: async () => {
      await mailer.close();
      await database.close();
    },
  };
}

/** Applies pending migrations to the configured database and closes it; returns the names applied. */
export async function migrateDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<string[]> {
  const database = openDatabase(databaseTarget(config));
  try {
    return await migrateToLatest(database);
  } finally {
    await database.close();
  }
}
