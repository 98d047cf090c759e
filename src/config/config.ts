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
  /** Start the SMTP relay (issue 15) with the server; `makegood relay` runs it on its own. */
  RELAY: bool.default(false),
  RELAY_PORT: port.default(2587),
  /** The interface the relay listens on (default: HOST). */
  RELAY_HOST: z.string().min(1).optional(),
  /** PEM private key and certificate for the relay's STARTTLS (the operator's, e.g. from Let's Encrypt). */
  RELAY_TLS_KEY: z.string().min(1).optional(),
  RELAY_TLS_CERT: z.string().min(1).optional(),
  /** Largest message accepted, in bytes (advertised with SIZE). */
  RELAY_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** Where relayed mail goes (the real outgoing server); default SMTP_URL. */
  RELAY_UPSTREAM_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** How long a relay instance's claim on a queued message lasts (a relay that dies frees it after this). */
  RELAY_CLAIM_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
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
  /** The SMTP relay (RELAY_*): started with the server when `enabled`, or by `makegood relay`. */
  relay: RelayConfig;
}

/** The SMTP relay's settings. */
export interface RelayConfig {
  enabled: boolean;
  port: number;
  host: string;
  tlsKeyPath: string | undefined;
  tlsCertPath: string | undefined;
  maxBytes: number;
  /** The upstream SMTP URL (RELAY_UPSTREAM_URL, else SMTP_URL); undefined: none configured. */
  upstreamUrl: string | undefined;
  claimMs: number;
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
  if (Boolean(e.RELAY_TLS_KEY) !== Boolean(e.RELAY_TLS_CERT)) {
    throw new ConfigError([
      `${e.RELAY_TLS_KEY ? 'RELAY_TLS_CERT' : 'RELAY_TLS_KEY'}: set RELAY_TLS_KEY and RELAY_TLS_CERT together`,
    ]);
  }
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
    relay: {
      enabled: e.RELAY,
      port: e.RELAY_PORT,
      host: e.RELAY_HOST ?? e.HOST,
      tlsKeyPath: e.RELAY_TLS_KEY && resolve(e.RELAY_TLS_KEY),
      tlsCertPath: e.RELAY_TLS_CERT && resolve(e.RELAY_TLS_CERT),
      maxBytes: e.RELAY_MAX_BYTES,
      upstreamUrl: e.RELAY_UPSTREAM_URL ?? e.SMTP_URL,
      claimMs: e.RELAY_CLAIM_SECONDS * 1000,
    },
  };
}
