import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../bootstrap/index.ts';
import { createIcsFetcher } from '../../bootstrap/calendar-fetch.ts';
import { nodeCrypto } from '../../bootstrap/system.ts';
import { fakeClock, sequentialIds, type FakeClock } from '../../../test/clock.ts';
import { freshDatabase } from '../../../test/database.ts';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';
import { createScheduler } from '../../bootstrap/scheduler.ts';
import { buildApp } from '../app.ts';

// Calendars over HTTP with a real ICS feed on loopback (the fetcher allows 127.0.0.0/8 and http
// here, as WEBHOOK_ALLOW_PRIVATE / WEBHOOK_ALLOW_HTTP would): connect, the double booking with a
// client told once, the triple booking told again, calendar_conflict in POST /api/check, upload,
// failures and refusals naming the field. The clock stands at Monday 2 March 2026, 09:00 UTC.

let feed: Server;
let feedUrl: string;
let served: { status: number; body: string };
let requests = 0;
let services: Services;
let app: FastifyInstance;
let clock: FakeClock;
let api: ApiClient;
let drop: () => Promise<void>;

const ics = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const review = [
  'UID:review@test',
  'SUMMARY:Design review',
  'DTSTART:20260303T140000Z',
  'DTEND:20260303T150000Z',
  'ATTENDEE;CN=Lynn Carter:mailto:lynn@serenity.example',
];
const dentist = ['UID:dentist@test', 'SUMMARY:Dentist', 'DTSTART:20260303T143000Z', 'DTEND:20260303T153000Z'];
const call = ['UID:call@test', 'SUMMARY:Supplier call', 'DTSTART:20260303T144500Z', 'DTEND:20260303T151500Z'];
// Weekly on Mondays at 10:00 UTC from 2 March.
const standup = [
  'UID:standup@test',
  'SUMMARY:Stand-up',
  'DTSTART:20260302T100000Z',
  'DTEND:20260302T103000Z',
  'RRULE:FREQ=WEEKLY',
];

beforeEach(async () => {
  requests = 0;
  served = { status: 200, body: ics(review, dentist, standup) };
  feed = createServer((_request, response) => {
    requests++;
    response.writeHead(served.status, { 'content-type': 'text/calendar' });
    response.end(served.body);
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const address = feed.address();
  feedUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/private/8f3a9c2e/basic.ics`;
  const db = await freshDatabase();
  drop = db.drop;
  clock = fakeClock();
  services = await createServices(
    { databaseUrl: undefined, dataDir: '/nonexistent' },
    {
      clock,
      ids: sequentialIds(),
      crypto: nodeCrypto({ fast: true }),
      calendars: createIcsFetcher({ allowPrivate: ['127.0.0.0/8'], allowHttp: true }),
    },
    db.target,
  );
  app = await buildApp(services);
  const owner = await makeWorkspace(services, 'Northwind Studio');
  api = await signedInClient(app, owner.email, owner.password);
  const client = await api.request('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
  await api.request('POST', `/api/clients/${client.body.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
});

afterEach(async () => {
  await app.close();
  await services.close();
  await drop();
  await new Promise((resolve) => feed.close(resolve));
});

const conflictNotices = async () =>
  (
    (await api.request('GET', '/api/notifications')).body.items as { kind: string; title: string; body: string }[]
  ).filter((n) => n.kind === 'calendar_conflict');

describe('calendars API', () => {
  it('connects a subscription on loopback, stores the recurrences, and tells a double booking with a client once', async () => {
    const r = await api.request('POST', '/api/calendars', { name: 'Work', url: feedUrl });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: 'Work',
      source: 'url',
      lastError: null,
      urlHint: expect.stringMatching(/^127\.0\.0\.1:\d+\/private\/…$/),
    });
    // Two one-off events and the weekly stand-up over the window (yesterday to 120 days ahead).
    expect(r.body.eventCount).toBe(2 + 18);
    expect(JSON.stringify(r.body)).not.toContain('8f3a9c2e');
    expect((await api.request('GET', '/api/calendars')).body.items.map((c: { id: string }) => c.id)).toEqual([
      r.body.id,
    ]);

    const [notice, ...more] = await conflictNotices();
    expect(more).toEqual([]);
    expect(notice!.title).toBe('Double-booked with Serenity Day Spas');
    expect(notice!.body).toContain('Design review');
    expect(notice!.body).toContain('Dentist');

    // Fetched again (same feed): the same conflict is not told twice.
    const again = await api.request('POST', `/api/calendars/${r.body.id}/refresh`);
    expect(again.status).toBe(200);
    expect(requests).toBe(2);
    expect(await conflictNotices()).toHaveLength(1);

    // A third event lands in the same hour: a triple booking, told as a new conflict.
    served.body = ics(review, dentist, call, standup);
    await api.request('POST', `/api/calendars/${r.body.id}/refresh`);
    const notices = await conflictNotices();
    expect(notices.map((n) => n.title)).toEqual([
      'Triple-booked with Serenity Day Spas',
      'Double-booked with Serenity Day Spas',
    ]);
  });

  it('warns in POST /api/check when a proposed time is in busy time, naming the event', async () => {
    await api.request('POST', '/api/calendars', { name: 'Work', url: feedUrl });
    const text = 'Dear Ms Carter, Tuesday 3 March at 2pm works for me. Or how about 10:15 on Monday 9 March?';
    const r = await api.request('POST', '/api/check', { text, recipients: ['lynn@serenity.example'] });
    expect(r.status).toBe(200);
    const conflicts = (
      r.body.findings as { rule: string; start: number; end: number; message: string; severity: string }[]
    ).filter((f) => f.rule === 'calendar_conflict');
    expect(conflicts.map((f) => text.slice(f.start, f.end))).toEqual([
      'Tuesday 3 March at 2pm',
      '10:15 on Monday 9 March',
    ]);
    expect(conflicts[0]!.message).toContain('Design review');
    expect(conflicts[1]!.message).toContain('Stand-up');
    expect(conflicts.every((f) => f.severity === 'warning')).toBe(true);
    const free = await api.request('POST', '/api/check', {
      text: 'Dear Ms Carter, Tuesday 3 March at 5pm works for me.',
      recipients: ['lynn@serenity.example'],
    });
    expect((free.body.findings as { rule: string }[]).map((f) => f.rule)).not.toContain('calendar_conflict');
  });

  it('takes an uploaded .ics, and answers 400 naming the field for a bad file, both or neither source, and a bad URL', async () => {
    const uploaded = await api.request('POST', '/api/calendars', { name: 'Exported', ics: ics(review) });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ source: 'file', urlHint: null, eventCount: 1, nextSyncAt: null });

    const bad = await api.request('POST', '/api/calendars', { name: 'Broken', ics: 'hello' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('ics');
    for (const body of [
      { name: 'Both', ics: ics(review), url: feedUrl },
      { name: 'Neither' },
      { name: 'Ftp', url: 'ftp://x.example/a.ics' },
      { name: '', ics: ics(review) },
    ]) {
      const r = await api.request('POST', '/api/calendars', body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/url|name/);
    }
    served.status = 404;
    const missing = await api.request('POST', '/api/calendars', { name: 'Gone', url: feedUrl });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('url: could not be fetched: HTTP 404');
    expect((await api.request('GET', '/api/calendars')).body.items).toHaveLength(1);
  });

  it('keeps the events and records the error when a scheduled or manual fetch fails', async () => {
    const r = await api.request('POST', '/api/calendars', { name: 'Work', url: feedUrl });
    served.status = 500;
    const refreshed = await api.request('POST', `/api/calendars/${r.body.id}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ lastError: 'HTTP 500', eventCount: r.body.eventCount });
    const removed = await api.request('DELETE', `/api/calendars/${r.body.id}`);
    expect(removed.status).toBe(204);
    expect((await api.request('DELETE', `/api/calendars/${r.body.id}`)).status).toBe(404);
  });
});

describe('the hourly fetch', () => {
  it('fetches a subscription again when it is due and tells a conflict that appeared in the feed', async () => {
    served.body = ics(review, standup);
    await api.request('POST', '/api/calendars', { name: 'Work', url: feedUrl });
    expect(await conflictNotices()).toEqual([]);
    served.body = ics(review, dentist, standup);
    const scheduler = createScheduler(services.deps, services.mailer, { calendars: services.calendars });
    await scheduler.runDue();
    expect(requests).toBe(1);
    clock.advance(61 * 60_000);
    await scheduler.runDue();
    expect(requests).toBe(2);
    expect((await conflictNotices()).map((n) => n.title)).toEqual(['Double-booked with Serenity Day Spas']);
  });
});

describe('calendar subscriptions under the SSRF rules', () => {
  it('refuses a loopback feed where private addresses are not allowed, naming url', async () => {
    const t = await testApi();
    try {
      const r = await t.api.request('POST', '/api/calendars', { name: 'Work', url: 'https://127.0.0.1/feed.ics' });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain('url');
      expect(r.body.error.message).toContain('loopback');
      const other = await makeWorkspace(t.services, 'Other Studio');
      expect(other.actor.workspaceId).not.toBe(t.owner.actor.workspaceId);
    } finally {
      await t.close();
    }
  });
});
