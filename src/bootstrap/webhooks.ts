import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';
import { DomainError } from '../domain/errors.ts';
import type { WebhookRuntime, WebhookSendOutcome } from '../domain/webhooks/ports.ts';

// The webhook runtime: Standard Webhooks secrets and signatures (the `standardwebhooks` package),
// the SSRF address policy (ipaddr.js ranges) and the HTTP POST that connects to exactly the address
// it checked.

/** What the operator configured (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_ALLOW_HTTP). */
export interface WebhookRuntimeOptions {
  /** CIDRs whose addresses are allowed although private, loopback, … (e.g. 127.0.0.0/8). */
  allowPrivate?: readonly string[];
  /** Allow http:// URLs (default: https only). */
  allowHttp?: boolean;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** Name resolution (tests may pin names); default node:dns lookup of every address. */
  resolve?: (host: string) => Promise<string[]>;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Why an address is refused, or null when it is a public unicast address or in an allowed range. */
export function refusedRange(address: string, allowed: readonly [Address, number][]): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let parsed: Address = ipaddr.parse(address);
  // ::ffff:169.254.169.254 is 169.254.169.254.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  for (const range of allowed) {
    if (range[0].kind() === parsed.kind() && parsed.match(range)) return null;
  }
  // Everything but public unicast: loopback, private, linkLocal (169.254.169.254), uniqueLocal
  // (fd00:ec2::254), carrierGradeNat, multicast, unspecified, broadcast, reserved, 6to4, teredo…
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** Parses the allowed CIDRs (the config has already checked them). */
export function parseAllowed(cidrs: readonly string[]): [Address, number][] {
  return cidrs.map((cidr) => ipaddr.parseCIDR(cidr));
}

function urlProblem(field: string, message: string): DomainError {
  return new DomainError('validation_failed', `${field}: ${message}`, { issues: [{ field, message }] });
}

async function systemResolve(host: string): Promise<string[]> {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

/** The webhook runtime over the operator's options. */
export function createWebhookRuntime(options: WebhookRuntimeOptions = {}): WebhookRuntime {
  const allowed = parseAllowed(options.allowPrivate ?? []);
  const allowHttp = options.allowHttp ?? false;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const resolve = options.resolve ?? systemResolve;

  /** The URL's addresses, every one allowed; else the reason, for the field `url`. */
  async function addressesOf(raw: string): Promise<{ url: URL; addresses: string[] } | { problem: string }> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { problem: 'must be an absolute URL like https://example.com/hooks' };
    }
    if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
      return { problem: allowHttp ? 'must start with https:// or http://' : 'must start with https://' };
    }
    if (url.username || url.password) return { problem: 'must not carry a user name or password' };
    const host = url.hostname.replace(/^\[|\]$/gu, '');
    let addresses: string[];
    if (isIP(host)) addresses = [host];
    else {
      try {
        addresses = await withTimeout(resolve(host), Math.min(timeoutMs, 5_000));
      } catch {
        return { problem: `the host ${host} could not be resolved` };
      }
    }
    if (addresses.length === 0) return { problem: `the host ${host} has no address` };
    for (const address of addresses) {
      const refused = refusedRange(address, allowed);
      // Why: a name with one public and one internal address could be steered to the internal one.
      if (refused) return { problem: `resolves to ${address} (${refused}), which webhooks may not reach` };
    }
    return { url, addresses };
  }

  return {
    newSecret: () => `whsec_${randomBytes(24).toString('base64')}`,

    async checkUrl(raw) {
      const checked = await addressesOf(raw);
      if ('problem' in checked) throw urlProblem('url', checked.problem);
    },

    async send({ url: raw, secret, id, body }): Promise<WebhookSendOutcome> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      // Checked again at send time, on the address actually connected to (DNS may have changed).
      const checked = await addressesOf(raw);
      if ('problem' in checked) {
        return {
          ok: false,
          failure: 'final',
          status: null,
          error: `refused: ${checked.problem}`,
          durationMs: elapsed(),
        };
      }
      const { url, addresses } = checked;
      const pinned = addresses[0] as string;
      const family = isIP(pinned);
      // Why: the connection goes to the checked address, whatever the name resolves to by now; the
      // Host header and TLS server name stay the URL's host.
      const pinnedLookup: LookupFunction = (_host, opts, callback) => {
        if (opts.all) callback(null, [{ address: pinned, family }]);
        else callback(null, pinned, family);
      };
      let signature: string;
      const timestamp = new Date();
      try {
        signature = new Webhook(secret).sign(id, timestamp, body);
      } catch (error) {
        return { ok: false, failure: 'final', status: null, error: `cannot sign: ${String(error)}`, durationMs: 0 };
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise<WebhookSendOutcome>((done) => {
        let settled = false;
        const timeout = new AbortController();
        const timer = setTimeout(() => timeout.abort(), timeoutMs);
        const finish = (outcome: WebhookSendOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          done(outcome);
        };
        const req = send(
          url,
          {
            method: 'POST',
            lookup: pinnedLookup,
            signal: timeout.signal,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'makegood-webhooks/1',
              'webhook-id': id,
              'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
              'webhook-signature': signature,
              'content-length': Buffer.byteLength(body),
            },
          },
          (res: IncomingMessage) => {
            const status = res.statusCode ?? 0;
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              if (size < 1024) chunks.push(chunk);
              size += chunk.length;
              // Only the status matters: a receiver that streams a large body is cut off.
              if (size > 65_536) {
                finish(classify(status, Buffer.concat(chunks).toString('utf8').slice(0, 200), res, elapsed()));
                res.destroy();
              }
            });
            res.on('error', () => finish(classify(status, '', res, elapsed())));
            res.on('end', () =>
              finish(classify(status, Buffer.concat(chunks).toString('utf8').slice(0, 200), res, elapsed())),
            );
          },
        );
        req.on('error', (error) => {
          const reason = timeout.signal.aborted ? `timed out after ${timeoutMs / 1000} s` : describe(error);
          finish({ ok: false, failure: 'retry', status: null, error: reason, durationMs: elapsed() });
        });
        req.end(body);
      });
    },
  };
}

/** `promise`, or a rejection after `ms` (a name server that never answers must not hold a request). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function classify(status: number, text: string, res: IncomingMessage, durationMs: number): WebhookSendOutcome {
  if (status >= 200 && status < 300) return { ok: true, status, durationMs };
  if (status >= 300 && status < 400) {
    const location = typeof res.headers.location === 'string' ? ` to ${res.headers.location.slice(0, 200)}` : '';
    return {
      ok: false,
      failure: 'final',
      status,
      error: `redirects are not followed (${status}${location})`,
      durationMs,
    };
  }
  const error = `HTTP ${status}${text ? `: ${text.replace(/\s+/gu, ' ').trim()}` : ''}`;
  if (status === 429 || status >= 500) return { ok: false, failure: 'retry', status, error, durationMs };
  return { ok: false, failure: 'refused', status, error, durationMs };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/gu, ' ').slice(0, 300);
}
