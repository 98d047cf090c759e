import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../test/factories.ts';
import { createScheduler } from '../bootstrap/scheduler.ts';
import { acceptRelayMessage } from '../domain/relay/relay.ts';

// Tenant isolation: workspace A owns one of everything; workspace B, signed in, tries every route
// that takes an id with A's ids (and every body that references a record). Each attempt answers
// 404 — never 403, never A's data — and A's rows are byte-for-byte what they were. The route list
// comes from the OpenAPI document: a new route with an id fails the coverage check until a case
// for it is added below.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;
let b: ApiClient;
const a: Record<string, string> = {};
/** B's own records, for routes where B's record is combined with A's in the body. */
const own: Record<string, string> = {};
let routeTemplates: string[] = [];

beforeAll(async () => {
  t = await testApi();
  const api = t.api;
  const client = (
    await api.request('POST', '/api/clients', { name: 'Serenity Day Spas', aliases: ['Serenity'], tier: 'key' })
  ).body;
  a.clientId = client.id;
  a.contactId = (
    await api.request('POST', `/api/clients/${client.id}/contacts`, {
      fullName: 'Lynn Carter',
      honorific: 'Ms',
      email: 'lynn@serenity.example',
      isBilling: true,
    })
  ).body.id;
  a.factId = (
    await api.request('POST', `/api/clients/${client.id}/facts`, { kind: 'short_code', value: '55123' })
  ).body.id;
  a.workspaceFactId = (await api.request('POST', '/api/facts', { kind: 'term', value: 'Handwrytten' })).body.id;
  a.previewId = (
    await api.request('POST', '/api/import/clients/preview', { csv: 'Client,Contact\nSerenity Day Spas,Lynn Carter\n' })
  ).body.previewId;
  const dueAt = new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString();
  a.commitmentId = (
    await api.request('POST', `/api/clients/${client.id}/commitments`, { title: 'Send the price list', dueAt })
  ).body.id;
  a.mistakeId = (
    await api.request('POST', '/api/mistakes', {
      clientId: client.id,
      title: 'Wrong short code in the SMS blast',
      severity: 'major',
    })
  ).body.id;
  await api.request('POST', `/api/mistakes/${a.mistakeId}/acknowledgments`, {
    channel: 'email',
    contactId: a.contactId,
  });
  a.fixId = (
    await api.request('POST', `/api/mistakes/${a.mistakeId}/fix-commitment`, { title: 'Resend with 55123', dueAt })
  ).body.id;
  // A fixed mistake of A's with its rebuild check-ins (issue 11 B).
  const fixedId = (await api.request('POST', '/api/mistakes', { clientId: a.clientId, title: 'Misspelled name' })).body
    .id;
  const fixedFix = (
    await api.request('POST', `/api/mistakes/${fixedId}/fix-commitment`, { title: 'Correct the name', dueAt })
  ).body.id;
  await api.request('POST', `/api/commitments/${fixedFix}/complete`);
  a.fixedMistakeId = fixedId;
  a.checkInId = (await api.request('GET', `/api/mistakes/${fixedId}/check-ins`)).body.items[0].id;
  a.ruleId = (
    await api.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'per my last email',
      message: 'Lesson MG-1',
      mistakeId: a.mistakeId,
    })
  ).body.id;
  await api.request('PUT', `/api/mistakes/${a.mistakeId}/root-cause`, {
    whySteps: ['No facts check on proofs'],
    category: 'process',
  });
  a.actionId = (
    await api.request('POST', `/api/mistakes/${a.mistakeId}/actions`, {
      kind: 'preventive',
      title: 'Facts check before print',
      ownerId: t.owner.actor.userId,
      dueAt,
    })
  ).body.id;
  const lesson = (
    await api.request('POST', `/api/mistakes/${a.mistakeId}/lessons`, {
      title: 'Check the short code against the facts card',
      learned: 'Proofs went out unchecked.',
    })
  ).body;
  a.lessonId = lesson.id;
  a.lessonCheckId = (
    await api.request('POST', `/api/lessons/${lesson.id}/checks`, {
      kind: 'fact',
      factKind: 'short_code',
      value: '55123',
    })
  ).body.checks[0].id;
  await api.request('POST', '/api/vocabulary', { word: 'Kestrelly' });
  a.word = 'Kestrelly';
  a.userId = t.owner.actor.userId ?? '';
  a.memberId = (
    await api.request('POST', '/api/members', {
      name: 'Avery Member',
      email: 'avery@serenity-agency.example',
      password: 'temporary pass 123',
      role: 'member',
    })
  ).body.id;
  a.invitationId = (
    await api.request('POST', '/api/invitations', { email: 'robin@serenity-agency.example', role: 'viewer' })
  ).body.id;
  a.tokenId = (await api.request('POST', '/api/tokens', { name: 'CI', scope: 'read' })).body.apiToken.id;
  // A literal public address: registration resolves nothing, and nothing is sent in this file.
  a.webhookId = (
    await api.request('POST', '/api/webhooks', { url: 'https://93.184.215.14/hooks', events: ['mistake.logged'] })
  ).body.endpoint.id;
  a.webhookDeliveryId = (await api.request('POST', `/api/webhooks/${a.webhookId}/test`)).body.id;
  // A message A's owner submitted through the SMTP relay, held for a wrong honorific (issue 15 A).
  a.relayMessageId = (
    await acceptRelayMessage(
      t.services.deps,
      t.services.guards,
      { ...t.owner.actor, userId: t.owner.actor.userId!, email: t.owner.email },
      {
        envelopeFrom: t.owner.email,
        envelopeTo: ['lynn@serenity.example'],
        raw: new TextEncoder().encode('Subject: Hello\r\n\r\nDear Mr. Carter,\r\n'),
        subject: 'Hello',
        text: 'Dear Mr. Carter,\n',
        attachments: 0,
      },
    )
  ).id;
  // A calendar A's owner uploaded (issue 15 C).
  a.calendarId = (
    await api.request('POST', '/api/calendars', {
      name: 'Work',
      ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Serenity review\r\nDTSTART:20260303T140000Z\r\nDTEND:20260303T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    })
  ).body.id;
  const remedy = await api.request('POST', `/api/mistakes/${a.mistakeId}/remedies`, {
    kind: 'credit',
    amountMinor: 5_000,
    currency: 'USD',
    idempotencyKey: 'tenant-a-remedy-1',
  });
  a.remedyId = remedy.body.entry.id;
  // A reminder is due: the scheduler writes A's notification and queues A's email.
  t.clock.advance(3 * 3_600_000);
  await createScheduler(t.services.deps, t.services.mailer).runDue();
  a.messageId = (await api.request('GET', '/api/messages')).body.items[0].id;
  a.notificationId = (await api.request('GET', '/api/notifications')).body.items[0].id;
  // A cluster alert on A's client (written directly: logging three mistakes would add mail above).
  const healthAlertId = 'health-alert-a';
  a.healthAlertId = healthAlertId;
  await t.services.deps.store.health.insertAlert(t.owner.actor.workspaceId, {
    id: healthAlertId,
    clientId: client.id,
    kind: 'cluster',
    alertKey: 'cluster:test',
    mistakeIds: [a.mistakeId ?? ''],
    lastFoundAt: t.clock.now().toISOString(),
    score: 70,
    threshold: null,
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
    createdAt: t.clock.now().toISOString(),
    updatedAt: t.clock.now().toISOString(),
  });
  for (const [k, v] of Object.entries(a)) if (!v) throw new Error(`setup of workspace A failed at ${k}`);

  const other = await makeWorkspace(t.services, 'Rival Agency');
  b = await signedInClient(t.app, other.email, other.password);
  const bClient = (await b.request('POST', '/api/clients', { name: 'Blue Harbor Dental' })).body;
  own.clientId = bClient.id;
  own.mistakeId = (await b.request('POST', '/api/mistakes', { clientId: bClient.id, title: 'Late brochure' })).body.id;
  own.lessonId = (
    await b.request('POST', `/api/mistakes/${own.mistakeId}/lessons`, { title: 'Book print early', learned: 'x' })
  ).body.id;
  own.webhookId = (
    await b.request('POST', '/api/webhooks', { url: 'https://93.184.215.15/hooks', events: ['lesson.written'] })
  ).body.endpoint.id;

  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  routeTemplates = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 60_000);

afterAll(async () => {
  await t.close();
});

interface Attempt {
  route: string;
  url: string;
  body?: unknown;
}

/** Every route with an id in its path, called by B with A's ids and an otherwise valid body. */
function idRouteAttempts(): Attempt[] {
  const dueAt = '2026-06-01T12:00:00Z';
  return [
    { route: 'GET /api/clients/{clientId}', url: `/api/clients/${a.clientId}` },
    { route: 'PATCH /api/clients/{clientId}', url: `/api/clients/${a.clientId}`, body: { name: 'Hijacked' } },
    { route: 'GET /api/clients/{clientId}/timeline', url: `/api/clients/${a.clientId}/timeline` },
    { route: 'GET /api/clients/{clientId}/health', url: `/api/clients/${a.clientId}/health` },
    {
      route: 'POST /api/clients/{clientId}/health/alerts/{alertId}/resolve',
      url: `/api/clients/${a.clientId}/health/alerts/${a.healthAlertId}/resolve`,
      body: { decision: 'mark_at_risk' },
    },
    {
      route: 'POST /api/clients/{clientId}/health/alerts/{alertId}/resolve',
      url: `/api/clients/${own.clientId}/health/alerts/${a.healthAlertId}/resolve`,
      body: { decision: 'dismiss' },
    },
    { route: 'GET /api/clients/{clientId}/contacts', url: `/api/clients/${a.clientId}/contacts` },
    {
      route: 'POST /api/clients/{clientId}/contacts',
      url: `/api/clients/${a.clientId}/contacts`,
      body: { fullName: 'Mallory' },
    },
    {
      route: 'PATCH /api/clients/{clientId}/contacts/{contactId}',
      url: `/api/clients/${a.clientId}/contacts/${a.contactId}`,
      body: { fullName: 'Mallory' },
    },
    {
      route: 'PATCH /api/clients/{clientId}/contacts/{contactId}',
      url: `/api/clients/${own.clientId}/contacts/${a.contactId}`,
      body: { fullName: 'Mallory' },
    },
    {
      route: 'DELETE /api/clients/{clientId}/contacts/{contactId}',
      url: `/api/clients/${a.clientId}/contacts/${a.contactId}`,
    },
    { route: 'GET /api/clients/{clientId}/facts', url: `/api/clients/${a.clientId}/facts` },
    {
      route: 'POST /api/clients/{clientId}/facts',
      url: `/api/clients/${a.clientId}/facts`,
      body: { kind: 'phone', value: '555-0100' },
    },
    { route: 'DELETE /api/clients/{clientId}/facts/{factId}', url: `/api/clients/${a.clientId}/facts/${a.factId}` },
    { route: 'DELETE /api/clients/{clientId}/facts/{factId}', url: `/api/clients/${own.clientId}/facts/${a.factId}` },
    { route: 'DELETE /api/facts/{factId}', url: `/api/facts/${a.workspaceFactId}` },
    { route: 'GET /api/clients/{clientId}/commitments', url: `/api/clients/${a.clientId}/commitments` },
    {
      route: 'POST /api/clients/{clientId}/commitments',
      url: `/api/clients/${a.clientId}/commitments`,
      body: { title: 'x', dueAt },
    },
    { route: 'POST /api/commitments/{commitmentId}/complete', url: `/api/commitments/${a.commitmentId}/complete` },
    { route: 'POST /api/commitments/{commitmentId}/complete', url: `/api/commitments/${a.fixId}/complete` },
    { route: 'GET /api/mistakes/{mistakeId}', url: `/api/mistakes/${a.mistakeId}` },
    { route: 'PATCH /api/mistakes/{mistakeId}', url: `/api/mistakes/${a.mistakeId}`, body: { title: 'Hijacked' } },
    { route: 'GET /api/mistakes/{mistakeId}/timeline', url: `/api/mistakes/${a.mistakeId}/timeline` },
    { route: 'GET /api/mistakes/{mistakeId}/acknowledgments', url: `/api/mistakes/${a.mistakeId}/acknowledgments` },
    {
      route: 'POST /api/mistakes/{mistakeId}/acknowledgments',
      url: `/api/mistakes/${a.mistakeId}/acknowledgments`,
      body: { channel: 'email', recipient: 'Lynn' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/fix-commitment',
      url: `/api/mistakes/${a.mistakeId}/fix-commitment`,
      body: { title: 'x', dueAt },
    },
    {
      route: 'GET /api/mistakes/{mistakeId}/fixed-notice-draft',
      url: `/api/mistakes/${a.mistakeId}/fixed-notice-draft?contactId=${a.contactId}`,
    },
    // A's open fix stays open: B cannot mark it done (nor queue A's "it's fixed" message).
    {
      route: 'POST /api/mistakes/{mistakeId}/fix/complete',
      url: `/api/mistakes/${a.mistakeId}/fix/complete`,
      body: { note: 'Hijacked' },
    },
    {
      route: 'PUT /api/guard-rules/{ruleId}',
      url: `/api/guard-rules/${a.ruleId}`,
      body: { kind: 'forbidden', phrase: 'x', message: 'y' },
    },
    { route: 'DELETE /api/guard-rules/{ruleId}', url: `/api/guard-rules/${a.ruleId}` },
    { route: 'DELETE /api/vocabulary/{word}', url: `/api/vocabulary/${a.word}` },
    {
      route: 'GET /api/mistakes/{mistakeId}/acknowledgment-draft',
      url: `/api/mistakes/${a.mistakeId}/acknowledgment-draft?contactId=${a.contactId}`,
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/acknowledgment/send',
      url: `/api/mistakes/${a.mistakeId}/acknowledgment/send`,
      body: { contactId: a.contactId, subject: 'Hi', body: 'Sorry, I sent the wrong code.' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/client-noticed',
      url: `/api/mistakes/${a.mistakeId}/client-noticed`,
      body: {},
    },
    { route: 'GET /api/mistakes/{mistakeId}/sweep', url: `/api/mistakes/${a.mistakeId}/sweep` },
    { route: 'POST /api/mistakes/{mistakeId}/sweep', url: `/api/mistakes/${a.mistakeId}/sweep`, body: { checked: [] } },
    { route: 'GET /api/mistakes/{mistakeId}/remedy-proposal', url: `/api/mistakes/${a.mistakeId}/remedy-proposal` },
    {
      route: 'POST /api/mistakes/{mistakeId}/remedies',
      url: `/api/mistakes/${a.mistakeId}/remedies`,
      body: { kind: 'credit', amountMinor: 100, currency: 'USD', idempotencyKey: 'tenant-b-try-1' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/remedies/decline',
      url: `/api/mistakes/${a.mistakeId}/remedies/decline`,
      body: { reason: 'no' },
    },
    { route: 'GET /api/remedies/{remedyId}', url: `/api/remedies/${a.remedyId}` },
    { route: 'POST /api/remedies/{remedyId}/approve', url: `/api/remedies/${a.remedyId}/approve`, body: {} },
    {
      route: 'POST /api/remedies/{remedyId}/reverse',
      url: `/api/remedies/${a.remedyId}/reverse`,
      body: { reason: 'no', idempotencyKey: 'tenant-b-try-2' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/updates',
      url: `/api/mistakes/${a.mistakeId}/updates`,
      body: { contactId: a.contactId, subject: 'Update', body: 'We are on it.' },
    },
    { route: 'GET /api/mistakes/{mistakeId}/recovery', url: `/api/mistakes/${a.mistakeId}/recovery` },
    {
      route: 'GET /api/mistakes/{mistakeId}/accounting-notice-draft',
      url: `/api/mistakes/${a.mistakeId}/accounting-notice-draft?kind=credit&amountMinor=100&currency=USD`,
    },
    { route: 'GET /api/mistakes/{mistakeId}/learning', url: `/api/mistakes/${a.mistakeId}/learning` },
    {
      route: 'PUT /api/mistakes/{mistakeId}/root-cause',
      url: `/api/mistakes/${a.mistakeId}/root-cause`,
      body: { whySteps: ['Hijacked'], category: 'other' },
    },
    {
      route: 'PATCH /api/mistakes/{mistakeId}/learning',
      url: `/api/mistakes/${a.mistakeId}/learning`,
      body: { noPlanReason: 'Hijacked' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/actions',
      url: `/api/mistakes/${a.mistakeId}/actions`,
      body: { kind: 'preventive', title: 'x', ownerId: 'nobody', dueAt },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/repeat-of',
      url: `/api/mistakes/${a.mistakeId}/repeat-of`,
      body: { mistakeId: a.mistakeId },
    },
    { route: 'DELETE /api/mistakes/{mistakeId}/repeat-of', url: `/api/mistakes/${a.mistakeId}/repeat-of` },
    {
      route: 'POST /api/mistakes/{mistakeId}/lessons',
      url: `/api/mistakes/${a.mistakeId}/lessons`,
      body: { title: 'Hijacked', learned: 'x' },
    },
    { route: 'GET /api/mistakes/{mistakeId}/lessons', url: `/api/mistakes/${a.mistakeId}/lessons` },
    { route: 'GET /api/lessons/{lessonId}', url: `/api/lessons/${a.lessonId}` },
    { route: 'PATCH /api/lessons/{lessonId}', url: `/api/lessons/${a.lessonId}`, body: { title: 'Hijacked' } },
    { route: 'DELETE /api/lessons/{lessonId}', url: `/api/lessons/${a.lessonId}` },
    { route: 'GET /api/lessons/{lessonId}/proposals', url: `/api/lessons/${a.lessonId}/proposals` },
    {
      route: 'POST /api/lessons/{lessonId}/checks',
      url: `/api/lessons/${a.lessonId}/checks`,
      body: { kind: 'forbidden', phrase: 'hijacked', message: 'x' },
    },
    {
      route: 'DELETE /api/lessons/{lessonId}/checks/{checkId}',
      url: `/api/lessons/${a.lessonId}/checks/${a.lessonCheckId}`,
    },
    { route: 'GET /api/actions/{actionId}', url: `/api/actions/${a.actionId}` },
    { route: 'PATCH /api/actions/{actionId}', url: `/api/actions/${a.actionId}`, body: { title: 'Hijacked' } },
    { route: 'POST /api/actions/{actionId}/done', url: `/api/actions/${a.actionId}/done` },
    { route: 'POST /api/actions/{actionId}/cancel', url: `/api/actions/${a.actionId}/cancel`, body: { reason: 'x' } },
    {
      route: 'POST /api/actions/{actionId}/check',
      url: `/api/actions/${a.actionId}/check`,
      body: { result: 'effective' },
    },
    {
      route: 'GET /api/mistakes/{mistakeId}/improvement-plan/draft',
      url: `/api/mistakes/${a.mistakeId}/improvement-plan/draft?contactId=${a.contactId}`,
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/improvement-plan',
      url: `/api/mistakes/${a.mistakeId}/improvement-plan`,
      body: { contactId: a.contactId, subject: 'Plan', body: 'Our plan.', overrideReason: 'test' },
    },
    { route: 'GET /api/messages/{messageId}', url: `/api/messages/${a.messageId}` },
    { route: 'POST /api/messages/{messageId}/retry', url: `/api/messages/${a.messageId}/retry` },
    { route: 'POST /api/notifications/{notificationId}/read', url: `/api/notifications/${a.notificationId}/read` },
    { route: 'PATCH /api/members/{userId}', url: `/api/members/${a.memberId}`, body: { role: 'viewer' } },
    { route: 'PATCH /api/members/{userId}', url: `/api/members/${a.userId}`, body: { role: 'admin' } },
    { route: 'DELETE /api/members/{userId}', url: `/api/members/${a.memberId}` },
    { route: 'DELETE /api/members/{userId}', url: `/api/members/${a.userId}` },
    { route: 'DELETE /api/tokens/{tokenId}', url: `/api/tokens/${a.tokenId}` },
    { route: 'GET /api/relay/messages/{relayMessageId}', url: `/api/relay/messages/${a.relayMessageId}` },
    {
      route: 'POST /api/relay/messages/{relayMessageId}/release',
      url: `/api/relay/messages/${a.relayMessageId}/release`,
    },
    {
      route: 'POST /api/relay/messages/{relayMessageId}/discard',
      url: `/api/relay/messages/${a.relayMessageId}/discard`,
    },
    { route: 'GET /api/webhooks/{id}', url: `/api/webhooks/${a.webhookId}` },
    {
      route: 'PATCH /api/webhooks/{id}',
      url: `/api/webhooks/${a.webhookId}`,
      body: { url: 'https://93.184.215.16/stolen', enabled: false },
    },
    { route: 'DELETE /api/webhooks/{id}', url: `/api/webhooks/${a.webhookId}` },
    { route: 'POST /api/webhooks/{id}/rotate-secret', url: `/api/webhooks/${a.webhookId}/rotate-secret` },
    { route: 'GET /api/webhooks/{id}/deliveries', url: `/api/webhooks/${a.webhookId}/deliveries` },
    {
      route: 'POST /api/webhooks/{id}/deliveries/{deliveryId}/resend',
      url: `/api/webhooks/${a.webhookId}/deliveries/${a.webhookDeliveryId}/resend`,
    },
    {
      route: 'POST /api/webhooks/{id}/deliveries/{deliveryId}/resend',
      url: `/api/webhooks/${own.webhookId}/deliveries/${a.webhookDeliveryId}/resend`,
    },
    { route: 'POST /api/webhooks/{id}/test', url: `/api/webhooks/${a.webhookId}/test` },
    { route: 'POST /api/invitations/{invitationId}/resend', url: `/api/invitations/${a.invitationId}/resend` },
    { route: 'DELETE /api/invitations/{invitationId}', url: `/api/invitations/${a.invitationId}` },
    { route: 'POST /api/calendars/{calendarId}/refresh', url: `/api/calendars/${a.calendarId}/refresh` },
    { route: 'DELETE /api/calendars/{calendarId}', url: `/api/calendars/${a.calendarId}` },
    { route: 'GET /api/mistakes/{mistakeId}/check-ins', url: `/api/mistakes/${a.fixedMistakeId}/check-ins` },
    { route: 'GET /api/clients/{clientId}/check-ins', url: `/api/clients/${a.clientId}/check-ins` },
    {
      route: 'GET /api/check-ins/{checkInId}/draft',
      url: `/api/check-ins/${a.checkInId}/draft?contactId=${a.contactId}`,
    },
    {
      route: 'POST /api/check-ins/{checkInId}/send',
      url: `/api/check-ins/${a.checkInId}/send`,
      body: { contactId: a.contactId, subject: 'Hi', body: 'Hello' },
    },
    {
      route: 'POST /api/check-ins/{checkInId}/record',
      url: `/api/check-ins/${a.checkInId}/record`,
      body: { method: 'call' },
    },
    { route: 'POST /api/check-ins/{checkInId}/skip', url: `/api/check-ins/${a.checkInId}/skip`, body: { reason: 'x' } },
    { route: 'GET /api/mistakes/{mistakeId}/satisfaction', url: `/api/mistakes/${a.fixedMistakeId}/satisfaction` },
    {
      route: 'POST /api/mistakes/{mistakeId}/satisfaction',
      url: `/api/mistakes/${a.fixedMistakeId}/satisfaction`,
      body: { contactId: a.contactId },
    },
    { route: 'GET /api/clients/{clientId}/satisfaction', url: `/api/clients/${a.clientId}/satisfaction` },
    // A check-in's id (padded to a token's length) is no satisfaction token either.
    {
      route: 'GET /api/public/satisfaction/{token}',
      url: `/api/public/satisfaction/${(a.checkInId ?? '').padEnd(43, 'x')}`,
    },
    {
      route: 'POST /api/public/satisfaction/{token}',
      url: `/api/public/satisfaction/${(a.checkInId ?? '').padEnd(43, 'x')}`,
      body: { answer: 1 },
    },
    // The public token routes: an invitation's id is no credential, in any workspace.
    { route: 'GET /api/invitations/accept/{token}', url: `/api/invitations/accept/${a.invitationId}` },
    { route: 'GET /api/auth/password-reset/{token}', url: `/api/auth/password-reset/${a.invitationId}` },
  ];
}

/** Routes without an id in the path whose body points at a record: B names A's record there. */
function bodyReferenceAttempts(): Attempt[] {
  return [
    { route: 'POST /api/import/clients/preview', url: '/api/import/clients/preview', body: { previewId: a.previewId } },
    { route: 'POST /api/import/clients', url: '/api/import/clients', body: { previewId: a.previewId } },
    { route: 'POST /api/mistakes', url: '/api/mistakes', body: { clientId: a.clientId, title: 'x' } },
    { route: 'POST /api/check', url: '/api/check', body: { clientId: a.clientId, text: 'Hi Lynn' } },
    {
      route: 'POST /api/analyse',
      url: '/api/analyse',
      body: { mistakeId: a.mistakeId, text: 'Sorry, I sent the wrong code.' },
    },
    {
      route: 'POST /api/guard-rules',
      url: '/api/guard-rules',
      body: { kind: 'forbidden', phrase: 'x', message: 'y', mistakeId: a.mistakeId },
    },
    {
      route: 'POST /api/guard-rules',
      url: '/api/guard-rules',
      body: { kind: 'forbidden', phrase: 'x', message: 'y', clientId: a.clientId },
    },
    { route: 'POST /api/clients', url: '/api/clients', body: { name: 'x', ownerId: a.userId } },
    { route: 'PATCH /api/clients/{clientId}', url: `/api/clients/${own.clientId}`, body: { ownerId: a.userId } },
    { route: 'PATCH /api/mistakes/{mistakeId}', url: `/api/mistakes/${own.mistakeId}`, body: { ownerId: a.userId } },
    {
      route: 'POST /api/mistakes/{mistakeId}/acknowledgments',
      url: `/api/mistakes/${own.mistakeId}/acknowledgments`,
      body: { channel: 'email', contactId: a.contactId },
    },
    {
      route: 'POST /api/clients/{clientId}/commitments',
      url: `/api/clients/${own.clientId}/commitments`,
      body: { title: 'x', dueAt: '2026-06-01T12:00:00Z', ownerId: a.userId },
    },
    {
      route: 'GET /api/mistakes/{mistakeId}/acknowledgment-draft',
      url: `/api/mistakes/${own.mistakeId}/acknowledgment-draft?contactId=${a.contactId}`,
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/acknowledgment/send',
      url: `/api/mistakes/${own.mistakeId}/acknowledgment/send`,
      body: { contactId: a.contactId, subject: 'Hi', body: 'Sorry, I sent the wrong code.', overrideReason: 'test' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/updates',
      url: `/api/mistakes/${own.mistakeId}/updates`,
      body: { contactId: a.contactId, subject: 'Update', body: 'We are on it.', overrideReason: 'test' },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/actions',
      url: `/api/mistakes/${own.mistakeId}/actions`,
      body: { kind: 'preventive', title: 'x', ownerId: a.userId, dueAt: '2026-06-01T12:00:00Z' },
    },
    {
      route: 'GET /api/mistakes/{mistakeId}/improvement-plan/draft',
      url: `/api/mistakes/${own.mistakeId}/improvement-plan/draft?contactId=${a.contactId}`,
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/repeat-of',
      url: `/api/mistakes/${own.mistakeId}/repeat-of`,
      body: { mistakeId: a.mistakeId },
    },
    {
      route: 'POST /api/lessons/{lessonId}/checks',
      url: `/api/lessons/${own.lessonId}/checks`,
      body: { kind: 'contact', contactId: a.contactId, fullName: 'Mallory', honorific: 'Ms' },
    },
    {
      route: 'GET /api/metrics/repeat-rate',
      url: `/api/metrics/repeat-rate?clientId=${a.clientId}`,
    },
    { route: 'GET /api/metrics', url: `/api/metrics?clientId=${a.clientId}` },
    { route: 'GET /api/metrics.csv', url: `/api/metrics.csv?clientId=${a.clientId}` },
    {
      route: 'POST /api/mistakes/similar',
      url: '/api/mistakes/similar',
      body: { title: 'Wrong short code in the SMS blast', clientId: a.clientId },
    },
    {
      route: 'POST /api/mistakes/{mistakeId}/improvement-plan',
      url: `/api/mistakes/${own.mistakeId}/improvement-plan`,
      body: { contactId: a.contactId, subject: 'Plan', body: 'Our plan.', overrideReason: 'test' },
    },
    {
      route: 'POST /api/invitations/accept',
      url: '/api/invitations/accept',
      body: { token: a.invitationId, name: 'Mallory', password: 'lantern orchard whistle' },
    },
  ];
}

/** Every row of every tenant table that belongs to workspace A, in a stable order. */
async function snapshotOfA(): Promise<Record<string, string[]>> {
  const db = t.services.database.db;
  const tables = await db.introspection.getTables();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    if (!table.columns.some((c) => c.name === 'workspace_id')) continue;
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table.name)} where workspace_id = ${t.owner.actor.workspaceId}`.execute(db);
    out[table.name] = rows.rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
      .sort();
  }
  return out;
}

describe('two workspaces', () => {
  it('every route that takes an id is covered by an attempt', () => {
    const withIds = routeTemplates.filter((r) => r.includes('{'));
    const covered = new Set(idRouteAttempts().map((x) => x.route));
    expect(withIds.filter((r) => !covered.has(r))).toEqual([]);
  });

  it("answers 404 to every attempt on the other workspace's records and changes nothing", async () => {
    const before = await snapshotOfA();
    expect(Object.values(before).flat().length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const attempt of [...idRouteAttempts(), ...bodyReferenceAttempts()]) {
      const [method] = attempt.route.split(' ');
      const r = await b.request(method!, attempt.url, attempt.body);
      if (r.status !== 404)
        wrong.push(`${attempt.route} ${attempt.url}: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
      else if (r.body?.error?.code === undefined) wrong.push(`${attempt.route}: 404 without the error shape`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("lists and filters never show the other workspace's records", async () => {
    const listRoutes = routeTemplates.filter(
      (r) => r.startsWith('GET ') && !r.includes('{') && !r.includes('/docs') && !r.endsWith('openapi.json'),
    );
    expect(listRoutes.length).toBeGreaterThan(8);
    const secrets = [...Object.values(a), 'Serenity', 'Lynn', 'Kestrelly', 'Wrong short code'];
    const leaks: string[] = [];
    const queries = ['', `?clientId=${a.clientId}`, `?mistakeId=${a.mistakeId}`, '?q=Serenity', '?currency=USD'];
    for (const route of listRoutes) {
      const url = route.slice(4);
      for (const q of queries) {
        const r = await b.request('GET', url + q);
        const text = JSON.stringify(r.body);
        const seen = secrets.filter((s) => text.includes(s));
        if (seen.length > 0) leaks.push(`${url}${q}: ${seen.join(', ')}`);
      }
    }
    // GET /api/export answers a zip (compressed, so the text search above cannot see into it).
    for (const q of queries) {
      const r = await t.app.inject({ method: 'GET', url: `/api/export${q}`, headers: { cookie: b.cookie } });
      for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(r.rawPayload)))) {
        const seen = secrets.filter((s) => strFromU8(bytes).includes(s));
        if (seen.length > 0) leaks.push(`/api/export${q} ${name}: ${seen.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
