// `npm run bench -- --relay`: the SMTP relay under load. 20 mail clients (one pooled connection
// each, STARTTLS + AUTH with an API token) submit 1,000 messages to a known client's contact through
// the relay, which checks each with the client's guard, stores it (SQLite file, synchronous=full)
// before its 250 and relays it byte for byte to an upstream smtp-server on loopback. In the same run
// the same clients send the same messages straight to the upstream (plain SMTP, no TLS, no auth):
// the floor. Counts what arrived (0 lost, 0 duplicated is the requirement) and the added latency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { SMTPServer } from 'smtp-server';
import { createServices } from '../src/bootstrap/index.ts';
import { smtpRelayUpstream, startRelayServer } from '../src/bootstrap/relay.ts';
import { addContact, createClient } from '../src/domain/clients/clients.ts';
import { createApiToken } from '../src/domain/workspaces/api-tokens.ts';
import { createWorkspace } from '../src/domain/workspaces/workspaces.ts';
import { clientInputSchema, contactInputSchema } from '../src/shared/contract/index.ts';
import { selfSignedCert } from '../test/relay.ts';

/** What the relay bench measured. */
export interface RelayBenchResult {
  messages: number;
  clients: number;
  direct: { messagesPerSec: number; p50Ms: number; p99Ms: number; arrived: number };
  relay: {
    messagesPerSec: number;
    /** Client-side: MAIL … 250 after DATA (check + store included). */
    submitP50Ms: number;
    submitP99Ms: number;
    /** Submission start → arrival at the upstream. */
    endToEndP50Ms: number;
    endToEndP99Ms: number;
    arrived: number;
    lost: number;
    duplicated: number;
    byteIdentical: boolean;
  };
  addedLatencyP50Ms: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}

async function compose(id: string, n: number): Promise<Buffer> {
  const composer = new MailComposer({
    from: 'Dana <dana@studio.example>',
    to: 'Jane Lee <jane@lumen.example>',
    subject: `Weekly report ${n}`,
    text: `Dear Ms. Lee,\r\n\r\nThe weekly report number ${n} is ready; the numbers look good this week.\r\n\r\nBest,\r\nDana\r\n`,
    headers: { 'X-Bench-Id': id },
    newline: '\r\n',
  } as ConstructorParameters<typeof MailComposer>[0]);
  return composer.compile().build();
}

/** Runs the relay bench (defaults: 1,000 messages from 20 concurrent clients). */
export async function relayBench(messages = 1000, clients = 20): Promise<RelayBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-relay-bench-'));
  const tls = selfSignedCert();
  try {
    const { key, cert } = tls;

    // The upstream: records the arrival time of every message by its X-Bench-Id.
    const arrivals = new Map<string, { count: number; at: number; raw: Buffer }>();
    const upstream = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const id = /^X-Bench-Id: (\S+)/imu.exec(raw.toString('latin1'))?.[1] ?? '?';
          const seen = arrivals.get(id);
          if (seen) seen.count++;
          else arrivals.set(id, { count: 1, at: performance.now(), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    const upstreamPort = (upstream.server.address() as { port: number }).port;

    const services = await createServices(
      { databaseUrl: undefined, dataDir: dir },
      {},
      { sqliteFile: join(dir, 'makegood.db'), synchronous: 'full' },
    );
    const { workspaceId, userId } = await createWorkspace(services.deps, {
      workspaceName: 'Bench Studio',
      ownerName: 'Dana Reyes',
      email: 'dana@studio.example',
      password: 'correct horse battery staple',
    });
    const actor = { workspaceId, userId, name: 'Dana Reyes', role: 'owner' as const };
    const client = await createClient(services.deps, actor, clientInputSchema.parse({ name: 'Lumen Labs' }));
    await addContact(
      services.deps,
      actor,
      client.id,
      contactInputSchema.parse({ fullName: 'Jane Lee', honorific: 'Ms', email: 'jane@lumen.example' }),
    );
    const { token } = await createApiToken(
      services.deps,
      actor,
      { name: 'bench', scope: 'read_write', expiresAt: null },
      { viaToken: false },
    );
    const relay = await startRelayServer(services, {
      port: 0,
      host: '127.0.0.1',
      tls: { key, cert },
      maxBytes: 10 * 1024 * 1024,
      claimMs: 120_000,
      pollMs: 1_000,
      upstream: smtpRelayUpstream(`smtp://127.0.0.1:${upstreamPort}`, { timeoutMs: 30_000 }),
      serverName: 'localhost',
    });

    const envelope = { from: 'dana@studio.example', to: ['jane@lumen.example'] };
    const perClient = Math.ceil(messages / clients);
    const run = async (label: string, makeTransport: () => nodemailer.Transporter) => {
      const latencies: number[] = [];
      const started = new Map<string, number>();
      const sent = new Map<string, Buffer>();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          const transport = makeTransport();
          for (let i = 0; i < perClient; i++) {
            const n = c * perClient + i;
            if (n >= messages) break;
            const id = `${label}-${n}`;
            const raw = await compose(id, n);
            sent.set(id, raw);
            const s = performance.now();
            started.set(id, s);
            await transport.sendMail({ envelope, raw });
            latencies.push(performance.now() - s);
          }
          transport.close();
        }),
      );
      return { t0, latencies, started, sent, submittedAt: performance.now() };
    };
    // Warm-up: the guard is built and the dictionary loaded before timing starts.
    const warm = nodemailer.createTransport({
      host: '127.0.0.1',
      port: relay.port,
      requireTLS: true,
      tls: { ca: [cert], servername: 'localhost' },
      auth: { user: 'dana@studio.example', pass: token },
    });
    await warm.sendMail({ envelope, raw: await compose('warm-0', 0) });
    warm.close();
    await relay.drain();

    const direct = await run('direct', () =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: upstreamPort,
        ignoreTLS: true,
        pool: true,
        maxConnections: 1,
      }),
    );
    const directEnd = performance.now();
    const through = await run('relay', () =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: relay.port,
        requireTLS: true,
        pool: true,
        maxConnections: 1,
        tls: { ca: [cert], servername: 'localhost' },
        auth: { user: 'dana@studio.example', pass: token },
      }),
    );
    // Wait for the relay's queue to empty (nothing queued or sending), then count.
    for (;;) {
      await relay.drain();
      if ((await services.deps.store.relay.workspacesWithQueue()).length === 0) break;
    }
    const relayIds = [...through.sent.keys()];
    const arrivedRelay = relayIds.filter((id) => arrivals.has(id));
    const lastArrival = Math.max(...arrivedRelay.map((id) => arrivals.get(id)!.at));
    const endToEnd = arrivedRelay.map((id) => arrivals.get(id)!.at - through.started.get(id)!);
    const result: RelayBenchResult = {
      messages,
      clients,
      direct: {
        messagesPerSec: messages / ((directEnd - direct.t0) / 1000),
        p50Ms: percentile(direct.latencies, 50),
        p99Ms: percentile(direct.latencies, 99),
        arrived: [...direct.sent.keys()].filter((id) => arrivals.has(id)).length,
      },
      relay: {
        messagesPerSec: messages / ((lastArrival - through.t0) / 1000),
        submitP50Ms: percentile(through.latencies, 50),
        submitP99Ms: percentile(through.latencies, 99),
        endToEndP50Ms: percentile(endToEnd, 50),
        endToEndP99Ms: percentile(endToEnd, 99),
        arrived: arrivedRelay.length,
        lost: relayIds.length - arrivedRelay.length,
        duplicated: relayIds.reduce((n, id) => n + Math.max(0, (arrivals.get(id)?.count ?? 0) - 1), 0),
        byteIdentical: arrivedRelay.every((id) => arrivals.get(id)!.raw.equals(through.sent.get(id)!)),
      },
      addedLatencyP50Ms: 0,
    };
    result.addedLatencyP50Ms = result.relay.submitP50Ms - result.direct.p50Ms;
    await relay.stop();
    await services.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    tls.cleanup();
  }
}
