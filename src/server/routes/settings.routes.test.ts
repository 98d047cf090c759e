import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../bootstrap/index.ts';
import { nodeCrypto } from '../../bootstrap/system.ts';
import { fakeClock, sequentialIds } from '../../../test/clock.ts';
import { freshDatabase } from '../../../test/database.ts';
import { makeWorkspace, signedInClient, type ApiClient } from '../../../test/factories.ts';
import { buildApp } from '../app.ts';

// Issue 13 A: the workspace's time zone (set up, changed in Settings, validated), a member's own
// zone, the sender's identity on client mail and "Send a test message" — on both databases.

let services: Services;
let app: Awaited<ReturnType<typeof buildApp>>;
let api: ApiClient;
let dataDir: string;
let drop: () => Promise<void>;
let owner: Awaited<ReturnType<typeof makeWorkspace>>;

beforeEach(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  dataDir = await mkdtemp(join(tmpdir(), 'mg-settings-'));
  services = await createServices(
    { databaseUrl: undefined, dataDir, mailFrom: 'Northwind mail <mail@northwind.example>' },
    { clock: fakeClock(), ids: sequentialIds(), crypto: nodeCrypto({ fast: true }) },
    fresh.target,
  );
  app = await buildApp(services);
  owner = await makeWorkspace(services, 'Northwind Studio');
  api = await signedInClient(app, owner.email, owner.password);
});
afterEach(async () => {
  await app.close();
  await services.close();
  await drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function ok(method: string, url: string, body?: unknown, client: ApiClient = api) {
  const r = await client.request(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The field a 400 names (from the error details). */
function namedFields(body: { error: { details?: { issues?: { field: string }[]; field?: string } } }): string[] {
  const details = body.error.details ?? {};
  return [...(details.issues ?? []).map((i) => i.field), ...(details.field ? [details.field] : [])];
}

let people = 0;
async function member(role: 'admin' | 'member' | 'viewer', by: ApiClient = api) {
  const email = `${role}${++people}@northwind.example`;
  const password = 'temporary pass 123';
  await ok('POST', '/api/members', { name: `Jo ${role} ${people}`, email, password, role }, by);
  return { email, client: await signedInClient(app, email, password) };
}

describe('the workspace time zone', () => {
  it('is read and changed through settings, is what the session shows, and is stored as given', async () => {
    expect((await ok('GET', '/api/settings')).timezone).toBe('UTC');
    const saved = await ok('PATCH', '/api/settings', { timezone: 'Europe/London' });
    expect(saved.timezone).toBe('Europe/London');
    expect((await ok('GET', '/api/settings')).timezone).toBe('Europe/London');
    expect((await ok('GET', '/api/session')).workspace.timezone).toBe('Europe/London');
    const row = await services.database.db
      .selectFrom('workspaces')
      .select('timezone')
      .where('id', '=', owner.actor.workspaceId)
      .executeTakeFirstOrThrow();
    expect(row.timezone).toBe('Europe/London');
    // Not copied into the settings JSON: one place holds it.
    expect(JSON.stringify(await services.deps.store.workspaces.getSettings(owner.actor.workspaceId))).not.toContain(
      'Europe/London',
    );
  });

  it('refuses a name that is not an IANA zone with 400 naming timezone, and changes nothing', async () => {
    for (const bad of ['Mars/Olympus_Mons', '+01:00', 'GMT+1 (London)', '', 'Europe/London; drop table']) {
      const r = await api.request('PATCH', '/api/settings', { timezone: bad });
      expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
      expect(namedFields(r.body)).toContain('body.timezone');
    }
    expect((await ok('GET', '/api/settings')).timezone).toBe('UTC');
  });

  it("is a workspace's own: another workspace changing its zone leaves this one's alone", async () => {
    const other = await makeWorkspace(services, 'Other Agency');
    const theirs = await signedInClient(app, other.email, other.password);
    await ok('PATCH', '/api/settings', { timezone: 'Asia/Tokyo' }, theirs);
    expect((await ok('GET', '/api/settings')).timezone).toBe('UTC');
    expect((await ok('GET', '/api/settings', undefined, theirs)).timezone).toBe('Asia/Tokyo');
  });

  it('may only be changed by an owner or admin', async () => {
    const jo = await member('member');
    expect((await jo.client.request('PATCH', '/api/settings', { timezone: 'Europe/Paris' })).status).toBe(403);
    expect((await ok('GET', '/api/settings')).timezone).toBe('UTC');
  });
});

describe("a member's own time zone", () => {
  it("overrides the workspace's for that member only, and null goes back to it", async () => {
    await ok('PATCH', '/api/settings', { timezone: 'Europe/London' });
    const jo = await member('viewer');
    const set = await ok('PUT', '/api/account/timezone', { timezone: 'America/New_York' }, jo.client);
    expect(set).toEqual({ timezone: 'America/New_York', effective: 'America/New_York' });
    const session = await ok('GET', '/api/session', undefined, jo.client);
    expect(session.user.timezone).toBe('America/New_York');
    expect(session.workspace.timezone).toBe('Europe/London');
    expect((await ok('GET', '/api/session')).user.timezone).toBeNull();

    expect(await ok('PUT', '/api/account/timezone', { timezone: null }, jo.client)).toEqual({
      timezone: null,
      effective: 'Europe/London',
    });
    expect((await ok('GET', '/api/session', undefined, jo.client)).user.timezone).toBeNull();
    const events = await services.database.db
      .selectFrom('events')
      .select(['type', 'workspace_id'])
      .where('type', '=', 'member.timezone_changed')
      .execute();
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.workspace_id === owner.actor.workspaceId)).toBe(true);
  });

  it('refuses a bad zone or a missing field with 400 naming timezone', async () => {
    for (const body of [{ timezone: 'Nowhere/Special' }, {}, { timezone: 42 }]) {
      const r = await api.request('PUT', '/api/account/timezone', body);
      expect(r.status).toBe(400);
      expect(namedFields(r.body)).toContain('body.timezone');
    }
  });
});

describe('first-run setup', () => {
  it('keeps the zone the browser guessed and names client mail after the workspace; a bad zone is a 400', async () => {
    const fresh = await freshDatabase();
    const own = await createServices(
      { databaseUrl: undefined, dataDir },
      { clock: fakeClock(), ids: sequentialIds(), crypto: nodeCrypto({ fast: true }) },
      fresh.target,
    );
    const ownApp = await buildApp(own);
    try {
      const body = {
        workspaceName: 'Okafor Design',
        ownerName: 'Amara Okafor',
        email: 'amara@okafor.example',
        password: 'a long and unusual passphrase',
      };
      const bad = await ownApp.inject({ method: 'POST', url: '/api/setup', payload: { ...body, timezone: 'Lagos' } });
      expect(bad.statusCode).toBe(400);
      expect(namedFields(bad.json())).toContain('body.timezone');
      const good = await ownApp.inject({ method: 'POST', url: '/api/setup', payload: { ...body, timezone: 'Africa/Lagos' } });
      expect(good.statusCode).toBe(201);
      expect(good.json().workspace.timezone).toBe('Africa/Lagos');
      const client = await signedInClient(ownApp, body.email, body.password);
      const settings = (await client.request('GET', '/api/settings')).body;
      expect(settings).toMatchObject({ senderName: 'Okafor Design', timezone: 'Africa/Lagos', voice: 'auto' });
    } finally {
      await ownApp.close();
      await own.close();
      await fresh.drop();
    }
  });
});

describe('where mail goes', () => {
  it('says plainly it is the file outbox, with the folder and the sender address', async () => {
    const jo = await member('viewer');
    expect(await ok('GET', '/api/settings/mail', undefined, jo.client)).toEqual({
      transport: 'file',
      destination: join(dataDir, 'outbox'),
      fromAddress: 'mail@northwind.example',
      accountingFromAddress: 'accounting@localhost',
    });
  });

  it('sends a test message to the member themself: From the sender name, Reply-To them, Message-ID on the sender domain', async () => {
    await ok('PATCH', '/api/settings', { senderName: 'Northwind Studio' });
    const jo = await member('member');
    const result = await ok('POST', '/api/settings/mail/test', undefined, jo.client);
    expect(result).toMatchObject({ delivered: true, toAddress: jo.email, error: null });
    expect(result.messageId).toMatch(/^<[^@<>\s]+@northwind\.example>$/u);
    const files = (await readdir(join(dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(await readFile(join(dataDir, 'outbox', files[0]!)));
    expect(mail.from?.value).toEqual([{ name: 'Northwind Studio', address: 'mail@northwind.example' }]);
    expect(mail.replyTo?.value).toEqual([{ name: expect.stringMatching(/^Jo member/u), address: jo.email }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(jo.email);
    expect(mail.messageId).toBe(result.messageId);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.text).toContain('replies come to you');
    expect(mail.html).toBe(false);
    expect(mail.subject).toBe('Test message from Northwind Studio');
  });

  it('a viewer may not send one (403), and nothing is written', async () => {
    const viewer = await member('viewer');
    expect((await viewer.client.request('POST', '/api/settings/mail/test')).status).toBe(403);
    await expect(readdir(join(dataDir, 'outbox'))).rejects.toThrow();
  });
});

describe('the voice setting', () => {
  it('accepts auto, i and we, and refuses anything else naming voice', async () => {
    expect((await ok('GET', '/api/settings')).voice).toBe('auto');
    expect((await ok('PATCH', '/api/settings', { voice: 'we' })).voice).toBe('we');
    const r = await api.request('PATCH', '/api/settings', { voice: 'royal we' });
    expect(r.status).toBe(400);
    expect(namedFields(r.body)).toContain('body.voice');
  });
});
