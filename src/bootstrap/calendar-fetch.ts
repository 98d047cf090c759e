import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { IcsFetcher } from '../domain/calendars/ports.ts';
import { DomainError } from '../domain/errors.ts';
import { MAX_ICS_SIZE } from '../shared/contract/index.ts';
import { parseAllowed, refusedRange } from './webhooks.ts';

// Fetching ICS subscriptions under the webhooks' SSRF rules (WEBHOOK_ALLOW_PRIVATE,
// WEBHOOK_ALLOW_HTTP): https only unless allowed, every resolved address public unless in an
// allowed range, the connection pinned to the checked address, no redirects, a size cap, a timeout.

/** The operator's options (the same settings as webhooks). */
export interface IcsFetcherOptions {
  allowPrivate?: readonly string[];
  allowHttp?: boolean;
  timeoutMs?: number;
  resolve?: (host: string) => Promise<string[]>;
}

function problem(message: string): DomainError {
  return new DomainError('validation_failed', `url: ${message}`, { issues: [{ field: 'url', message }] });
}

/** The ICS fetcher over the operator's options. */
export function createIcsFetcher(options: IcsFetcherOptions = {}): IcsFetcher {
  const allowed = parseAllowed(options.allowPrivate ?? []);
  const allowHttp = options.allowHttp ?? false;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const resolve =
    options.resolve ??
    (async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address));

  async function check(raw: string): Promise<{ url: URL; address: string } | { problem: string }> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { problem: 'must be an absolute URL like https://calendar.example.com/feed.ics' };
    }
    // webcal:// is how calendar apps spell an https subscription.
    if (url.protocol === 'webcal:') url = new URL(`https:${raw.slice('webcal:'.length)}`);
    if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
      return { problem: allowHttp ? 'must start with https:// or http://' : 'must start with https://' };
    if (url.username || url.password) return { problem: 'must not carry a user name or password' };
    const host = url.hostname.replace(/^\[|\]$/gu, '');
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await resolve(host);
    } catch {
      return { problem: `the host ${host} could not be resolved` };
    }
    if (addresses.length === 0) return { problem: `the host ${host} has no address` };
    for (const address of addresses) {
      const refused = refusedRange(address, allowed);
      // Why: a name with one public and one internal address could be steered to the internal one.
      if (refused) return { problem: `resolves to ${address} (${refused}), which may not be reached` };
    }
    return { url, address: addresses[0]! };
  }

  return {
    async checkUrl(raw) {
      const checked = await check(raw);
      if ('problem' in checked) throw problem(checked.problem);
    },
    async fetch(raw) {
      const checked = await check(raw);
      if ('problem' in checked) return { ok: false, error: `refused: ${checked.problem}` };
      const { url, address } = checked;
      const family = isIP(address);
      // Why: the connection goes to the checked address, whatever the name resolves to by now.
      const pinned: LookupFunction = (_host, opts, callback) => {
        if (opts.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((done) => {
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), timeoutMs);
        let settled = false;
        const finish = (result: { ok: true; text: string } | { ok: false; error: string }) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          done(result);
        };
        const req = send(
          url,
          {
            method: 'GET',
            lookup: pinned,
            signal: abort.signal,
            headers: { accept: 'text/calendar', 'user-agent': 'makegood-calendar/1' },
          },
          (res: IncomingMessage) => {
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              res.destroy();
              finish({
                ok: false,
                error: status >= 300 && status < 400 ? `redirects are not followed (${status})` : `HTTP ${status}`,
              });
              return;
            }
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > MAX_ICS_SIZE) {
                res.destroy();
                finish({ ok: false, error: `larger than ${MAX_ICS_SIZE} bytes` });
              } else chunks.push(chunk);
            });
            res.on('error', (error) => finish({ ok: false, error: error.message }));
            res.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', (error) =>
          finish({ ok: false, error: abort.signal.aborted ? `timed out after ${timeoutMs / 1000} s` : error.message }),
        );
        req.end();
      });
    },
  };
}
