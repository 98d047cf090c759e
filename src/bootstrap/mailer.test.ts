import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sequentialIds, type FakeClock } from '../../test/clock.ts';
import { freshDatabase } from '../../test/database.ts';
import { makeWorkspace } from '../../test/factories.ts';
import { maxAttempts, retryDelaysMinutes } from '../domain/messages/deliver.ts';
import { queueMessage, type MessageDraft } from '../domain/messages/outbox.ts';
import type { Mailer } from '../domain/messages/ports.ts';
import type { Message } from '../shared/contract/index.ts';
import { createServices, type Services } from './index.ts';
import { createMailer, emlFileName, fileMailer, smtpMailer } from './mailer.ts';
import { createScheduler } from './scheduler.ts';
import { nodeCrypto } from './system.ts';

let dataDir: string;
let services: Services;
let clock: FakeClock;
let drop: () => Promise<void>;
let workspaceId: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'makegood-mailer-'));
  const db = await freshDatabase();
  drop = db.drop;
  clock = fakeClock();
  services = await createServices(
    { databaseUrl: undefined, dataDir },
    { clock, ids: sequentialIds(), crypto: nodeCrypto({ fast: true }) },
    db.target,
  );
  workspaceId = (await makeWorkspace(services, 'Acme Studio')).actor.workspaceId;
});
afterEach(async () => {
  await services.close();
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const draft: MessageDraft = {
  kind: 'acknowledgment',
  clientId: null,
  mistakeId: null,
  fromName: 'Acme Studio',
  toName: 'Lynn Carter',
  toAddress: 'lynn@serenity.example',
  subject: 'The wrong short code in yesterday’s SMS',
  body: 'Dear Ms Carter,\r\n\r\nYesterday we sent the wrong short code. It is fixed.\r\n',
};

const first = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];

function outboxFiles(): string[] {
  try {
    return readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
}

async function parseFile(message: Message): Promise<{ parsed: ParsedMail; raw: string }> {
  const raw = readFileSync(join(dataDir, 'outbox', emlFileName(message)), 'utf8');
  return { parsed: await simpleParser(raw), raw };
}

/** A real SMTP server on loopback that records every message it accepts. */
async function smtpServer(port = 0, options: { reject550?: boolean } = {}) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject550) {
        const error = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('file outbox (the default transport)', () => {
  it('writes a queued message as an RFC 5322 .eml file with the right headers, once', async () => {
    const message = await queueMessage(services.deps, workspaceId, draft);
    const scheduler = createScheduler(services.deps, services.mailer);
    const tick = await scheduler.runDue();
    expect(tick.delivery).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(services.mailer.description).toBe(`file:${join(dataDir, 'outbox')}`);
    const { parsed, raw } = await parseFile(message);
    expect(first(parsed.from)).toEqual({ name: 'Acme Studio', address: 'makegood@localhost' });
    expect(first(parsed.to)).toEqual({ name: 'Lynn Carter', address: 'lynn@serenity.example' });
    expect(parsed.subject).toBe(draft.subject);
    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.date?.toISOString()).toBe(clock.now().toISOString());
    expect(parsed.text).toContain('Yesterday we sent the wrong short code.');
    // RFC 5322: every line ends in CRLF.
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const stored = await services.deps.store.messages.get(workspaceId, message.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now().toISOString(), lastError: null });
    // Another tick, and another later: still one file, nothing sent again.
    clock.advance(3_600_000);
    expect((await scheduler.runDue()).delivery.sent).toBe(0);
    expect(outboxFiles()).toEqual([emlFileName(message)]);
  });

  it('never writes a message twice: an existing file means it was delivered', async () => {
    const message = await queueMessage(services.deps, workspaceId, draft);
    const mailer = fileMailer(join(dataDir, 'outbox'), {
      mailFrom: 'x <a@b.example>',
      accountingFrom: 'y <c@d.example>',
    });
    await mailer.send(message, new Date('2026-03-02T09:00:00Z'));
    const before = readFileSync(join(dataDir, 'outbox', emlFileName(message)));
    await mailer.send({ ...message, subject: 'A different subject' }, new Date('2026-03-02T10:00:00Z'));
    await Promise.all([mailer.send(message, new Date()), mailer.send(message, new Date())]);
    expect(readFileSync(join(dataDir, 'outbox', emlFileName(message)))).toEqual(before);
    expect(readdirSync(join(dataDir, 'outbox'))).toEqual([emlFileName(message)]);
  });

  it('sends accounting notices from the accounting address', async () => {
    const mailer = createMailer({
      dataDir,
      mailFrom: 'makegood <hello@acme.example>',
      accountingFrom: 'Accounts <billing@acme.example>',
    });
    const notice = await queueMessage(services.deps, workspaceId, {
      ...draft,
      kind: 'accounting',
      fromName: 'Acme Accounting',
    });
    const ack = await queueMessage(services.deps, workspaceId, draft);
    await mailer.send(notice, clock.now());
    await mailer.send(ack, clock.now());
    expect(first((await parseFile(notice)).parsed.from)).toEqual({
      name: 'Acme Accounting',
      address: 'billing@acme.example',
    });
    expect(first((await parseFile(ack)).parsed.from)).toEqual({ name: 'Acme Studio', address: 'hello@acme.example' });
  });
});

describe('header injection', () => {
  const injected = {
    fromName: 'Acme\r\nBcc: victim@evil.example',
    toName: 'Lynn Carter\nX-Injected: yes',
    subject: 'Sorry\r\n\r\nBcc: victim@evil.example\r\nX-Evil: 1',
  };

  it('queueMessage strips CR/LF from names and subject, so no header can be added', async () => {
    const message = await queueMessage(services.deps, workspaceId, { ...draft, ...injected });
    expect(message.fromName).toBe('Acme Bcc: victim@evil.example');
    expect(message.subject).not.toMatch(/[\r\n]/);
    await createScheduler(services.deps, services.mailer).runDue();
    const { parsed, raw } = await parseFile(message);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.headers.has('x-evil')).toBe(false);
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(first(parsed.to)?.address).toBe('lynn@serenity.example');
    expect(parsed.subject).toBe('Sorry Bcc: victim@evil.example X-Evil: 1');
  });

  it('the transport itself neutralises CR/LF in a stored row, and refuses an address with a line break', async () => {
    const raw = await queueMessage(services.deps, workspaceId, draft);
    const tampered: Message = { ...raw, ...injected };
    const mailer = fileMailer(join(dataDir, 'outbox'), {
      mailFrom: 'makegood <a@b.example>',
      accountingFrom: 'x <c@d.example>',
    });
    await mailer.send(tampered, clock.now());
    const { parsed, raw: text } = await parseFile(tampered);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.headers.has('x-evil')).toBe(false);
    expect(text).not.toMatch(/^(Bcc|X-Injected|X-Evil):/im);
    const badAddress: Message = { ...raw, id: 'other', toAddress: 'lynn@serenity.example\r\nBcc: victim@evil.example' };
    await expect(mailer.send(badAddress, clock.now())).rejects.toThrow(/not an email address/);
    expect(outboxFiles()).toEqual([emlFileName(raw)]);
  });

  it('refuses to queue an address that is not one', async () => {
    await expect(
      queueMessage(services.deps, workspaceId, { ...draft, toAddress: 'lynn@x.example\r\nBcc: a@b.example' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('SMTP transport', () => {
  it('delivers through a real SMTP server with the right headers', async () => {
    const server = await smtpServer();
    const mailer = smtpMailer(`smtp://127.0.0.1:${server.port}`, {
      mailFrom: 'makegood <hello@acme.example>',
      accountingFrom: 'a <b@c.example>',
    });
    try {
      const message = await queueMessage(services.deps, workspaceId, {
        ...draft,
        ...{ toName: 'Lynn\r\nBcc: victim@evil.example' },
      });
      const tick = await createScheduler(services.deps, mailer).runDue();
      expect(tick.delivery.sent).toBe(1);
      expect(server.received).toHaveLength(1);
      const got = server.received[0]!;
      expect(first(got.from)).toEqual({ name: 'Acme Studio', address: 'hello@acme.example' });
      expect(first(got.to)).toEqual({ name: 'Lynn Bcc: victim@evil.example', address: 'lynn@serenity.example' });
      expect(got.bcc).toBeUndefined();
      expect(got.subject).toBe(draft.subject);
      expect(got.messageId).toBe(message.messageId);
      expect(got.date?.toISOString()).toBe(clock.now().toISOString());
      expect(got.text).toContain('It is fixed.');
    } finally {
      await mailer.close();
      await server.close();
    }
  });

  it("client mail is From the workspace's sender name, Reply-To the member who wrote it, with a Message-ID on the sender's domain", async () => {
    const server = await smtpServer();
    const mailer = smtpMailer(`smtp://127.0.0.1:${server.port}`, {
      mailFrom: 'makegood <hello@acme.example>',
      accountingFrom: 'a <b@c.example>',
    });
    try {
      const message = await queueMessage({ ...services.deps, mailDomain: 'acme.example' }, workspaceId, {
        ...draft,
        replyTo: { name: 'Dana Reyes', address: 'dana@acme.example' },
      });
      expect(message.messageId).toMatch(/^<[^@<>\s]+@acme\.example>$/u);
      expect(message.messageId).not.toContain(workspaceId);
      await createScheduler(services.deps, mailer).runDue();
      const got = server.received[0]!;
      expect(first(got.from)).toEqual({ name: 'Acme Studio', address: 'hello@acme.example' });
      expect(first(got.replyTo)).toEqual({ name: 'Dana Reyes', address: 'dana@acme.example' });
      expect(got.messageId).toBe(message.messageId);
      expect(got.date?.toISOString()).toBe(clock.now().toISOString());
      expect(got.text).toContain('It is fixed.');
      expect(got.html).toBe(false);
      expect(got.subject).not.toContain(message.id);
    } finally {
      await mailer.close();
      await server.close();
    }
  });

  it('SMTP down, then up: retries with backoff and delivers each message exactly once', async () => {
    const port = await freePort();
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, {
      mailFrom: 'makegood <hello@acme.example>',
      accountingFrom: 'a <b@c.example>',
    });
    const scheduler = createScheduler(services.deps, mailer);
    const queued: Message[] = [];
    for (let i = 0; i < 5; i++)
      queued.push(await queueMessage(services.deps, workspaceId, { ...draft, subject: `Update ${i}` }));
    const down = await scheduler.runDue();
    expect(down.delivery).toEqual({ sent: 0, retried: 5, failed: 0 });
    const waiting = await services.deps.store.messages.get(workspaceId, queued[0]!.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting?.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting?.nextAttemptAt).toBe(new Date(clock.now().getTime() + retryDelaysMinutes[0] * 60_000).toISOString());
    // Not yet due again: nothing is attempted.
    expect((await scheduler.runDue()).delivery).toEqual({ sent: 0, retried: 0, failed: 0 });
    const server = await smtpServer(port);
    try {
      clock.advance(retryDelaysMinutes[0] * 60_000);
      const up = await scheduler.runDue();
      expect(up.delivery).toEqual({ sent: 5, retried: 0, failed: 0 });
      clock.advance(86_400_000);
      expect((await scheduler.runDue()).delivery.sent).toBe(0);
      const ids = server.received.map((m) => m.messageId).sort();
      expect(ids).toEqual(queued.map((m) => m.messageId).sort());
      for (const m of queued) {
        expect(await services.deps.store.messages.get(workspaceId, m.id)).toMatchObject({
          status: 'sent',
          attempts: 2,
          lastError: null,
        });
      }
    } finally {
      await mailer.close();
      await server.close();
    }
  });

  it('after the last attempt a message is marked failed with its last error', async () => {
    const port = await freePort();
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, {
      mailFrom: 'makegood <hello@acme.example>',
      accountingFrom: 'a <b@c.example>',
    });
    const scheduler = createScheduler(services.deps, mailer);
    const message = await queueMessage(services.deps, workspaceId, draft);
    const seen: string[] = [];
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const tick = await scheduler.runDue();
      seen.push(attempt < maxAttempts ? `retried:${tick.delivery.retried}` : `failed:${tick.delivery.failed}`);
      clock.advance((retryDelaysMinutes[attempt - 1] ?? 0) * 60_000);
    }
    await mailer.close();
    expect(seen).toEqual([...Array.from({ length: maxAttempts - 1 }, () => 'retried:1'), 'failed:1']);
    const failed = await services.deps.store.messages.get(workspaceId, message.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: maxAttempts, nextAttemptAt: null, sentAt: null });
    expect(failed?.lastError).toMatch(/ECONNREFUSED/);
    clock.advance(86_400_000);
    expect((await scheduler.runDue()).delivery).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('a permanent 5xx refusal fails the message at once, without retries', async () => {
    const server = await smtpServer(0, { reject550: true });
    const mailer = smtpMailer(`smtp://127.0.0.1:${server.port}`, {
      mailFrom: 'makegood <hello@acme.example>',
      accountingFrom: 'a <b@c.example>',
    });
    try {
      const message = await queueMessage(services.deps, workspaceId, draft);
      const tick = await createScheduler(services.deps, mailer).runDue();
      expect(tick.delivery).toEqual({ sent: 0, retried: 0, failed: 1 });
      const failed = await services.deps.store.messages.get(workspaceId, message.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed?.lastError).toMatch(/550/);
      expect(server.received).toHaveLength(0);
    } finally {
      await mailer.close();
      await server.close();
    }
  });
});

describe('a mailer that throws is isolated per message', () => {
  it('one failing message does not stop the others', async () => {
    const sent: string[] = [];
    const flaky: Mailer = {
      description: 'test',
      async send(message) {
        if (message.subject === 'bad') throw new Error('boom');
        sent.push(message.id);
      },
      async close() {},
    };
    const a = await queueMessage(services.deps, workspaceId, draft);
    await queueMessage(services.deps, workspaceId, { ...draft, subject: 'bad' });
    const c = await queueMessage(services.deps, workspaceId, draft);
    const tick = await createScheduler(services.deps, flaky).runDue();
    expect(tick.delivery).toEqual({ sent: 2, retried: 1, failed: 0 });
    expect(sent.sort()).toEqual([a.id, c.id].sort());
  });
});
