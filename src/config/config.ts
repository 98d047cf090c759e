import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
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
  /** CLI remote mode: the makegood server to talk to, with MAKEGOOD_TOKEN (wins over `makegood login`). */
  MAKEGOOD_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /** CLI remote mode: a personal API token (Settings → API tokens). */
  MAKEGOOD_TOKEN: z
    .string()
    .trim()
    .regex(/^mg_pat_[A-Za-z0-9_-]{43}$/, 'must be a makegood API token (mg_pat_ and 43 characters)')
    .optional(),
  /** Where the CLI keeps its credentials ($XDG_CONFIG_HOME/makegood, else ~/.config/makegood). */
  XDG_CONFIG_HOME: z.string().min(1).optional(),
  HOME: z.string().min(1).optional(),
  SCHEDULER: bool.default(true),
  /**
   * SQLite only: `full` (default) syncs the WAL on every commit, so a committed transaction survives
   * power loss or an OS crash; `normal` survives a killed process but may lose the last commits on
   * power loss, for a faster write path.
   */
  /**
   * Address ranges webhooks may reach although they are private, loopback, link-local… (a
   * comma-separated list of CIDRs, e.g. 127.0.0.0/8,::1/128). Unset: only public addresses.
   */
  WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    )
    .refine(
      (cidrs) => cidrs.every((c) => ipaddr.isValidCIDR(c)),
      'must be a comma-separated list of CIDRs like 10.0.0.0/8,::1/128',
    )
    .default([]),
  /** Allow http:// webhook URLs (default: https only). */
  WEBHOOK_ALLOW_HTTP: bool.default(false),
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
  /** CLI remote mode from MAKEGOOD_URL + MAKEGOOD_TOKEN (both or neither); undefined = not set. */
  remote: { url: string; token: string } | undefined;
  /** The CLI's own folder (credentials.json of `makegood login`). */
  configDir: string;
  scheduler: boolean;
  /** CIDRs webhooks may reach although not public (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: string[];
  /** Whether webhook URLs may be http:// (WEBHOOK_ALLOW_HTTP). */
  webhookAllowHttp: boolean;
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
  if (Boolean(e.MAKEGOOD_URL) !== Boolean(e.MAKEGOOD_TOKEN)) {
    throw new ConfigError([
      `${e.MAKEGOOD_URL ? 'MAKEGOOD_TOKEN' : 'MAKEGOOD_URL'}: set MAKEGOOD_URL and MAKEGOOD_TOKEN together (or neither)`,
    ]);
  }
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
    remote: e.MAKEGOOD_URL && e.MAKEGOOD_TOKEN ? { url: e.MAKEGOOD_URL, token: e.MAKEGOOD_TOKEN } : undefined,
    configDir: resolve(e.XDG_CONFIG_HOME ?? join(e.HOME ?? homedir(), '.config'), 'makegood'),
    scheduler: e.SCHEDULER,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    webhookAllowHttp: e.WEBHOOK_ALLOW_HTTP,
  };
}
