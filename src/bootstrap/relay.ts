import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import type { Config } from '../config/config.ts';
import { PermanentRelayError, type RelayUpstream } from '../domain/relay/ports.ts';
import {
  acceptRelayMessage,
  authenticateRelaySender,
  deliverRelayQueue,
  type RelayDeliveryResult,
  type RelaySender,
  type SubmittedMail,
} from '../domain/relay/relay.ts';
import type { Services } from './index.ts';

// The SMTP relay (issue 15 A): a submission server (RFC 6409) that members point their mail
// client's outgoing server at. STARTTLS (RFC 3207) with the operator's certificate, AUTH PLAIN/LOGIN
// (RFC 4954) only after it, with a member's API token as the password; SIZE advertised (RFC 1870).
// Each message is parsed (mailparser), checked and stored before the 250 reply (domain/relay), then
// relayed byte for byte to the upstream by a leased-queue drain that a crash or restart resumes.

/** Most recipients one message may have (RFC 5321 §4.5.3.1.8 asks servers to take at least 100). */
const MAX_RECIPIENTS = 100;

/** The running relay. */
export interface RelayServer {
  /** The port it listens on (the configured one, or the one picked for port 0). */
  readonly port: number;
  /** Sends every due queued message now (also runs on its own after each accept and every poll). */
  drain(): Promise<RelayDeliveryResult>;
  /** Stops taking connections, waits for the drain in progress and closes the upstream. */
  stop(): Promise<void>;
}

/** How the relay runs; tests set a short poll and claim, and their own upstream. */
export interface RelayServerOptions {
  port: number;
  host: string;
  tls: { key: Buffer | string; cert: Buffer | string };
  maxBytes: number;
  upstream: RelayUpstream;
  claimMs: number;
  publicUrl?: string | undefined;
  /** How often queued messages (retries, releases from the web app) are looked for; default 5 s. */
  pollMs?: number;
  /** Name in the greeting and EHLO reply; default the host name. */
  serverName?: string;
  claimant?: string;
  log?: { warn(message: string): void; error(message: string): void };
}

/** An upstream that takes the bytes unchanged (nodemailer `raw`) with the given envelope, pooled. */
export function smtpRelayUpstream(url: string, options: { timeoutMs: number }): RelayUpstream {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 8,
    // A send must finish well inside its claim, or another instance could take it and send it again.
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const safe = new URL(url);
  return {
    description: `${safe.protocol}//${safe.host}`,
    async send(envelope, raw) {
      try {
        await transport.sendMail({ envelope, raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) {
          throw new PermanentRelayError(`SMTP ${code}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** The text the guard reads: the text part (mailparser makes one from HTML), without quoted lines of a reply. */
export function textToCheck(text: string): string {
  return text
    .split(/\r?\n/u)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

/** Parses the submitted bytes into what the domain checks. */
export async function parseSubmitted(raw: Buffer, envelope: { from: string; to: string[] }): Promise<SubmittedMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  return {
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
    subject: parsed.subject ?? '',
    text: textToCheck(parsed.text ?? ''),
    // Inline images of an HTML body (cid: parts) are not what "see attached" means.
    attachments: parsed.attachments.filter((a) => !a.related).length,
  };
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Starts the SMTP relay over composed services; resolves once it listens. */
export async function startRelayServer(services: Services, options: RelayServerOptions): Promise<RelayServer> {
  const { deps, guards } = services;
  const claimant = options.claimant ?? `relay:${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const log = options.log ?? { warn: () => {}, error: () => {} };

  // The drain: one at a time; a kick while one runs makes it go round again.
  let draining: Promise<RelayDeliveryResult> | null = null;
  let again = false;
  let stopped = false;
  const drainOnce = async (): Promise<RelayDeliveryResult> => {
    const total: RelayDeliveryResult = { relayed: 0, retried: 0, failed: 0 };
    for (const workspaceId of await deps.store.relay.workspacesWithQueue()) {
      const r = await deliverRelayQueue(deps, options.upstream, workspaceId, { claimant, leaseMs: options.claimMs });
      total.relayed += r.relayed;
      total.retried += r.retried;
      total.failed += r.failed;
    }
    return total;
  };
  const drain = (): Promise<RelayDeliveryResult> => {
    if (draining) {
      again = true;
      return draining;
    }
    const run = (async () => {
      const total: RelayDeliveryResult = { relayed: 0, retried: 0, failed: 0 };
      do {
        again = false;
        const r = await drainOnce();
        total.relayed += r.relayed;
        total.retried += r.retried;
        total.failed += r.failed;
      } while (again && !stopped);
      return total;
    })();
    draining = run.finally(() => {
      draining = null;
    });
    return draining;
  };
  const kick = () => {
    drain().catch((error: unknown) => log.error(`relay drain failed: ${String(error)}`));
  };

  const server = new SMTPServer({
    name: options.serverName ?? hostname(),
    banner: 'makegood relay (ESMTP submission)',
    secure: false,
    key: options.tls.key,
    cert: options.tls.cert,
    // RFC 4954 §4 and RFC 6409 §4.3: no AUTH on a clear connection; RFC 6409: no mail without AUTH.
    allowInsecureAuth: false,
    authOptional: false,
    authMethods: ['PLAIN', 'LOGIN'],
    size: options.maxBytes,
    // The relay's own ESMTP extensions only; no VRFY/EXPN answers about members.
    disabledCommands: [],
    hidePIPELINING: false,
    logger: false,
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      // The username may be the member's email or anything: the token alone says who it is.
      authenticateRelaySender(deps, auth.password ?? '')
        .then((result) => {
          if (result.ok) return callback(null, { user: result.sender });
          callback(
            smtpError(
              result.reason === 'read_only'
                ? '5.7.8 This API token has the read scope; the relay needs a read and write token'
                : '5.7.8 Authentication credentials invalid (the password is a makegood API token)',
              535,
            ),
          );
        })
        .catch((error: unknown) => {
          log.error(`relay AUTH failed: ${String(error)}`);
          // RFC 4954 §6: 454 temporary authentication failure; the client tries again later.
          callback(smtpError('4.7.0 Temporary authentication failure, try again later', 454));
        });
    },
    onRcptTo(_address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) {
        return callback(smtpError(`4.5.3 Too many recipients (at most ${MAX_RECIPIENTS} per message)`, 452));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit nothing more is kept; smtp-server answers 552 itself.
        if (size <= options.maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded || size > options.maxBytes) {
          return callback(smtpError(`5.3.4 Message too big (at most ${options.maxBytes} bytes)`, 552));
        }
        const sender = session.user as unknown as RelaySender;
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        parseSubmitted(Buffer.concat(chunks, size), envelope)
          .then((mail) => acceptRelayMessage(deps, guards, sender, mail, { publicUrl: options.publicUrl }))
          .then((accepted) => {
            // Stored (committed) before this reply: from here on the message is the relay's to deliver.
            callback(
              null,
              accepted.status === 'held'
                ? `2.0.0 Accepted and held (${accepted.id}): the guard found errors; see the makegood notice`
                : `2.0.0 Queued as ${accepted.id}`,
            );
            if (accepted.status === 'queued') kick();
          })
          .catch((error: unknown) => {
            log.error(`relay could not accept a message: ${String(error)}`);
            // Nothing was stored: 451 so the client keeps the message and tries again.
            callback(smtpError('4.3.0 Temporary problem storing the message, try again later', 451));
          });
      });
    },
  });
  server.on('error', (error) => log.warn(`relay connection error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  const poll = setInterval(kick, options.pollMs ?? 5_000);
  // The first drain picks up whatever was accepted but not relayed before a crash or restart.
  kick();

  return {
    port,
    drain,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (draining) await draining.catch(() => undefined);
      await options.upstream.close();
    },
  };
}

/** The relay as configured (RELAY_*): reads the certificate files and builds the upstream from the URL. */
export async function relayOptionsFrom(config: Config): Promise<RelayServerOptions> {
  const relay = config.relay;
  if (!relay.tlsKeyPath || !relay.tlsCertPath) {
    throw new Error(
      'The relay needs RELAY_TLS_KEY and RELAY_TLS_CERT (PEM files): AUTH is only offered after STARTTLS',
    );
  }
  if (!relay.upstreamUrl) throw new Error('The relay needs RELAY_UPSTREAM_URL (or SMTP_URL): where relayed mail goes');
  const [key, cert] = await Promise.all([readFile(relay.tlsKeyPath), readFile(relay.tlsCertPath)]);
  return {
    port: relay.port,
    host: relay.host,
    tls: { key, cert },
    maxBytes: relay.maxBytes,
    claimMs: relay.claimMs,
    upstream: smtpRelayUpstream(relay.upstreamUrl, { timeoutMs: Math.max(1_000, Math.floor(relay.claimMs / 4)) }),
    publicUrl: config.publicUrl,
  };
}

/**
 * `makegood relay` on its own: composes the services from configuration and starts the relay. Its
 * drain sends what was accepted before a crash or restart, retries, and releases from the web app.
 */
export async function startRelay(
  config: Config,
  overrides: Partial<Pick<RelayServerOptions, 'pollMs' | 'log'>> = {},
): Promise<RelayServer & { services: Services }> {
  const { createServices } = await import('./index.ts');
  const services = await createServices(config);
  try {
    const relay = await startRelayServer(services, { ...(await relayOptionsFrom(config)), ...overrides });
    return {
      services,
      port: relay.port,
      drain: () => relay.drain(),
      async stop() {
        await relay.stop();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
