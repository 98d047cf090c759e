import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sequentialIds, type FakeClock } from '../../test/clock.ts';
import { freshDatabase, testDialect } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import {
  composeRaw,
  freePort,
  relayWorkspace,
  selfSignedCert,
  startUpstream,
  submissionClient,
} from '../../test/relay.ts';
import { deliverWorkspaceOutbox } from '../domain/messages/deliver.ts';
import { releaseRelayMessage } from '../domain/relay/relay.ts';
import { updateSettings } from '../domain/settings/settings.ts';
import { createApiToken } from '../domain/workspaces/api-tokens.ts';
import { createServices, type Services } from './index.ts';
import { smtpMailer } from './mailer.ts';
import { smtpRelayUpstream, startRelayServer, type RelayServer } from './relay.ts';
import { nodeCrypto } from './system.ts';

// Issue 15 A/D: the SMTP relay with real SMTP on loopback: a nodemailer client submits with STARTTLS
// and an API token; an upstream smtp-server records what arrives. SQLite and PostgreSQL.

const tls = selfSignedCert();
let services: Services;
let clock: FakeClock;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let relay: RelayServer | null = null;
const cleanups: (() => Promise<void>)[] = [];

async function compose(upstreamPort: number) {
  const { target, drop } = await freshDatabase();
  clock = fakeClock();
  services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    {
      clock,
      ids: sequentialIds(),
      crypto: nodeCrypto({ fast: true }),
      // The outbox (the sender's notice) goes to the same upstream, as one SMTP_URL would.
      mailer: smtpMailer(`smtp://127.0.0.1:${upstreamPort}`, {
        mailFrom: 'makegood <makegood@studio.example>',
        accountingFrom: 'Accounting <accounting@studio.example>',
      }),
    },
    target,
  );
  cleanups.push(async () => {
    await services.close();
    await drop();
  });
}

async function startRelay(upstreamPort: number) {
  relay = await startRelayServer(services, {
    port: 0,
    host: '127.0.0.1',
    tls: { key: tls.key, cert: tls.cert },
    maxBytes: 64 * 1024,
    claimMs: 30_000,
    // The test drains by hand; the poll stays out of the way.
    pollMs: 3_600_000,
    upstream: smtpRelayUpstream(`smtp://127.0.0.1:${upstreamPort}`, { timeoutMs: 3_000 }),
    publicUrl: 'https://makegood.studio.example',
    serverName: 'localhost',
  });
  return relay;
}

beforeEach(async () => {
  upstream = await startUpstream();
  await compose(upstream.port);
});
afterEach(async () => {
  if (relay) await relay.stop();
  relay = null;
  await upstream.close();
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe(`SMTP relay on loopback (${testDialect})`, () => {
  it('relays a clean message to a known client byte for byte with its envelope', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    const r = await startRelay(upstream.port);
    const raw = await composeRaw({
      from: 'Dana <dana@studio.example>',
      to: 'Jane Lee <jane@lumen.example>',
      subject: 'Your report',
      text: 'Dear Ms. Lee,\r\n\r\nThe report is ready for you to review.\r\n\r\nBest,\r\nDana\r\n',
    });
    const info = await submissionClient(r.port, token, tls.cert).sendMail({
      envelope: { from: 'dana@studio.example', to: ['jane@lumen.example', 'archive@studio.example'] },
      raw,
    });
    expect(info.response).toMatch(/^250 .*Queued as /u);
    await r.drain();
    expect(upstream.received).toHaveLength(1);
    const [got] = upstream.received;
    expect(got!.raw.equals(raw)).toBe(true);
    expect(got!.from).toBe('dana@studio.example');
    expect(got!.to).toEqual(['jane@lumen.example', 'archive@studio.example']);
    const [stored] = await services.deps.store.relay.list(owner.actor.workspaceId, { limit: 10 });
    expect(stored).toMatchObject({ status: 'relayed', decision: 'clean', findings: [] });
  });

  it('passes mail to no known client untouched, unchecked', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    const r = await startRelay(upstream.port);
    const raw = await composeRaw({
      from: 'dana@studio.example',
      to: 'friend@elsewhere.example',
      subject: 'Lunch',
      text: 'Dear Mr. Lee, see attached.\r\n',
    });
    await submissionClient(r.port, token, tls.cert).sendMail({
      envelope: { from: 'dana@studio.example', to: ['friend@elsewhere.example'] },
      raw,
    });
    await r.drain();
    expect(upstream.received.map((m) => m.raw.equals(raw))).toEqual([true]);
    const [stored] = await services.deps.store.relay.list(owner.actor.workspaceId, { limit: 10 });
    expect(stored).toMatchObject({ status: 'relayed', decision: 'untouched', clientId: null });
  });

  it('holds a wrong honorific to a known contact, tells the sender, and a release delivers it once', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    const r = await startRelay(upstream.port);
    const raw = await composeRaw({
      from: 'dana@studio.example',
      to: 'jane@lumen.example',
      subject: 'Welcome aboard',
      text: 'Dear Mr. Lee,\r\n\r\nWelcome to the studio. Please see the attached brief.\r\n',
    });
    const info = await submissionClient(r.port, token, tls.cert).sendMail({
      envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] },
      raw,
    });
    expect(info.response).toMatch(/^250 .*held/u);
    await r.drain();
    expect(upstream.received).toHaveLength(0);

    const [held] = await services.deps.store.relay.list(owner.actor.workspaceId, { status: 'held', limit: 10 });
    expect(held).toBeDefined();
    const rules = held!.findings.map((f) => f.rule);
    expect(rules).toContain('honorific');
    // "see the attached brief" with no attachment: certain here, the relay knows there is none.
    expect(rules).toContain('missing_attachment');

    // The notice: in the app, and by email to the sender (never the client).
    const notes = await services.deps.store.notifications.list(owner.actor.workspaceId, owner.actor.userId!, {
      limit: 10,
    });
    expect(notes.map((n) => n.kind)).toEqual(['relay_held']);
    await deliverWorkspaceOutbox(services.deps, services.mailer, owner.actor.workspaceId, { claimant: 'test' });
    expect(upstream.received).toHaveLength(1);
    const notice = upstream.received[0]!;
    expect(notice.to).toEqual([owner.email]);
    const body = notice.raw.toString('utf8').replace(/=\r\n/gu, '');
    expect(body).toContain('Welcome aboard');
    expect(body).toContain(`https://makegood.studio.example/held-mail/${held!.id}`);

    await releaseRelayMessage(services.deps, owner.actor, held!.id);
    await r.drain();
    await r.drain();
    const delivered = upstream.received.filter((m) => m.to.includes('jane@lumen.example'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.raw.equals(raw)).toBe(true);
    const events = await services.deps.store.events.listForClient(owner.actor.workspaceId, held!.clientId!, {
      limit: 20,
    });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['relay.held', 'relay.released']));
  });

  it('in warn-only mode delivers the message with errors and then tells the sender', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    await updateSettings(services.deps, owner.actor, { relayMode: 'warn' });
    const r = await startRelay(upstream.port);
    const raw = await composeRaw({
      from: 'dana@studio.example',
      to: 'jane@lumen.example',
      subject: 'Hi',
      text: 'Dear Mr. Lee,\r\nThanks.\r\n',
    });
    await submissionClient(r.port, token, tls.cert).sendMail({
      envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] },
      raw,
    });
    await r.drain();
    expect(upstream.received.filter((m) => m.raw.equals(raw))).toHaveLength(1);
    const [row] = await services.deps.store.relay.list(owner.actor.workspaceId, { limit: 10 });
    expect(row).toMatchObject({ status: 'relayed', decision: 'warned' });
    const notes = await services.deps.store.notifications.list(owner.actor.workspaceId, owner.actor.userId!, {
      limit: 10,
    });
    expect(notes.map((n) => n.title)).toEqual(['Delivered with errors: "Hi" to Lumen Labs']);
  });

  it('answers 535 to a wrong or read-only token, and offers AUTH only after STARTTLS', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    await relayWorkspace(services, owner.actor);
    const { token: readToken } = await createApiToken(
      services.deps,
      owner.actor,
      { name: 'Read only', scope: 'read', expiresAt: null },
      { viaToken: false },
    );
    const r = await startRelay(upstream.port);
    const bad = `mg_pat_${'A'.repeat(43)}`;
    await expect(submissionClient(r.port, bad, tls.cert).verify()).rejects.toMatchObject({ responseCode: 535 });
    await expect(submissionClient(r.port, readToken, tls.cert).verify()).rejects.toMatchObject({ responseCode: 535 });
    // Without STARTTLS the server does not offer AUTH (RFC 4954 §4); a client insisting gets refused.
    const plain = nodemailer.createTransport({
      host: '127.0.0.1',
      port: r.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'x', pass: bad },
    });
    await expect(plain.verify()).rejects.toThrow();
    expect(upstream.received).toHaveLength(0);
  });

  it('refuses MAIL before AUTH (530) and a message over the advertised SIZE (552)', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    const r = await startRelay(upstream.port);
    const anonymous = nodemailer.createTransport({
      host: '127.0.0.1',
      port: r.port,
      requireTLS: true,
      tls: { ca: [tls.cert], servername: 'localhost' },
    });
    const small = await composeRaw({
      from: 'dana@studio.example',
      to: 'jane@lumen.example',
      subject: 'x',
      text: 'Hi.\r\n',
    });
    await expect(
      anonymous.sendMail({ envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] }, raw: small }),
    ).rejects.toMatchObject({ responseCode: 530 });
    const big = await composeRaw({
      from: 'dana@studio.example',
      to: 'jane@lumen.example',
      subject: 'Big',
      text: `${'Lorem ipsum dolor sit amet. '.repeat(40)}\r\n`.repeat(80),
    });
    expect(big.length).toBeGreaterThan(64 * 1024);
    const failure = await submissionClient(r.port, token, tls.cert)
      .sendMail({ envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] }, raw: big })
      .then(
        () => null,
        (error: unknown) => error as { responseCode?: number; message: string },
      );
    // SIZE is advertised; a message past it is refused after DATA with 552 and nothing is stored.
    expect(failure?.responseCode).toBe(552);
    await r.drain();
    expect(upstream.received).toHaveLength(0);
    expect(await services.deps.store.relay.list(owner.actor.workspaceId, { limit: 10 })).toEqual([]);
  });

  it('counts the real attachments: "see attached" with a file attached is no finding', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    const r = await startRelay(upstream.port);
    const raw = await composeRaw({
      from: 'dana@studio.example',
      to: 'jane@lumen.example',
      subject: 'Brief',
      text: 'Dear Ms. Lee,\r\n\r\nPlease see the attached brief.\r\n',
      attachments: [{ filename: 'brief.txt', content: 'The brief.' }],
    });
    await submissionClient(r.port, token, tls.cert).sendMail({
      envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] },
      raw,
    });
    await r.drain();
    const [row] = await services.deps.store.relay.list(owner.actor.workspaceId, { limit: 10 });
    expect(row).toMatchObject({ status: 'relayed', decision: 'clean', attachments: 1 });
    expect(upstream.received.map((m) => m.raw.equals(raw))).toEqual([true]);
  });

  it('queues while the upstream is down and delivers once it is back', async () => {
    const owner = await makeWorkspace(services, 'Studio');
    const { token } = await relayWorkspace(services, owner.actor);
    const downPort = await freePort();
    const r = await startRelay(downPort);
    const raw = await composeRaw({
      from: 'dana@studio.example',
      to: 'jane@lumen.example',
      subject: 'Later',
      text: 'Dear Ms. Lee,\r\nThanks.\r\n',
    });
    await submissionClient(r.port, token, tls.cert).sendMail({
      envelope: { from: 'dana@studio.example', to: ['jane@lumen.example'] },
      raw,
    });
    expect(await r.drain()).toMatchObject({ relayed: 0 });
    const [queued] = await services.deps.store.relay.list(owner.actor.workspaceId, { limit: 10 });
    expect(queued).toMatchObject({ status: 'queued', attempts: 1 });
    expect(queued!.lastError).toMatch(/ECONNREFUSED|connect/u);

    const back = await startUpstream(downPort);
    cleanups.push(() => back.close());
    // Not before its retry time (the outbox's backoff: 1 minute after the first failure).
    await r.drain();
    expect(back.received).toHaveLength(0);
    clock.advance(61_000);
    await r.drain();
    await r.drain();
    expect(back.received.map((m) => m.raw.equals(raw))).toEqual([true]);
  });
});
