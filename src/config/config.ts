import { resolve } from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Every key is validated at start and every bad key is listed at once.

const port = z.coerce.number().int().min(0).max(65_535);
/** A yes/no setting: true/false, 1/0, on/off, yes/no (any case). */
const bool = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], {
      error: 'must be true or false (also 1/0, on/off, yes/no)',
    }),
  )
  .transform((v) => v === 'true' || v === '1' || v === 'on' || v === 'yes');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('localhost'),
  MAKEGOOD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (unset it to use the embedded SQLite database)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Serve the session cookie with `Secure` (on by default when PUBLIC_URL is https). */
  SECURE_COOKIES: bool.optional(),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: bool.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('makegood <makegood@localhost>'),
  ACCOUNTING_FROM: z.string().min(3).default('Accounting <accounting@localhost>'),
  SCHEDULER: bool.default(true),
  /**
   * SQLite only: `full` (default) syncs the WAL on every commit, so a committed transaction survives
   * power loss or an OS crash; `normal` survives a killed process but may lose the last commits on
   * power loss, for a faster write path.
   */
  SQLITE_SYNCHRONOUS: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(['full', 'normal'], { error: 'must be full or normal' }))
    .default('full'),
});

/** Validated runtime configuration. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  env: z.infer<typeof envSchema>['NODE_ENV'];
  secureCookies: boolean;
  publicUrl: string | undefined;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  accountingFrom: string;
  scheduler: boolean;
  /** SQLite `PRAGMA synchronous` in WAL mode (ignored on PostgreSQL). */
  sqliteSynchronous: 'full' | 'normal';
}

/** Thrown when the environment has bad keys; `problems` lists every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates configuration from an environment map (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.MAKEGOOD_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    secureCookies: e.SECURE_COOKIES ?? e.PUBLIC_URL?.startsWith('https:') ?? false,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    accountingFrom: e.ACCOUNTING_FROM,
    scheduler: e.SCHEDULER,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  };
}
