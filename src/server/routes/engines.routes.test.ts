import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi } from '../../../test/factories.ts';
import { MAX_CHECK_TEXT } from '../../shared/contract/index.ts';

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

interface Finding {
  rule: string;
  severity: string;
  start: number;
  end: number;
  message: string;
  suggestion: string;
  replacement?: string;
}

async function client(name = 'Serenity Day Spas', api = t.api) {
  const r = await api.request('POST', '/api/clients', { name, tier: 'key' });
  expect(r.status).toBe(201);
  return r.body as { id: string; name: string };
}

async function check(clientId: string, text: string, extra: Record<string, unknown> = {}): Promise<Finding[]> {
  const r = await t.api.request('POST', '/api/check', { text, clientId, ...extra });
  expect(r.status).toBe(200);
  return r.body.findings as Finding[];
}

/** The text each finding covers, with its rule. */
function spans(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}:${text.slice(f.start, f.end)}`);
}

/** A second workspace with its own signed-in owner. */
async function otherWorkspace() {
  const other = await makeWorkspace(t.services, 'Other Studio');
  return signedInClient(t.app, other.email, other.password);
}

describe('analyse API', () => {
  it('answers a verdict, a score, the six components with evidence, and findings', async () => {
    const text =
      'I am sorry. I sent the wrong short code to your customers, and that was my mistake. ' +
      'I will resend the corrected message by 5 pm today.';
    const r = await t.api.request('POST', '/api/analyse', { text });
    expect(r.status).toBe(200);
    expect(['good', 'mixed', 'non_apology']).toContain(r.body.verdict);
    expect(Number.isInteger(r.body.score)).toBe(true);
    expect(Object.keys(r.body.components).sort()).toEqual(
      ['explanation', 'forgiveness', 'regret', 'repair', 'repentance', 'responsibility'].sort(),
    );
    expect(r.body.components.responsibility).toBe(true);
    expect(r.body.components.regret).toBe(true);
    expect(r.body.components.repair).toBe(true);
    for (const span of r.body.evidence.responsibility as { start: number; end: number }[]) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
    }
    expect(r.body.evidence.responsibility.length).toBeGreaterThan(0);
    expect(Array.isArray(r.body.findings)).toBe(true);
  });

  it('calls a conditional non-apology what it is, with a finding on the span', async () => {
    const text = "We're sorry if you were upset by the delay.";
    const r = await t.api.request('POST', '/api/analyse', { text });
    expect(r.status).toBe(200);
    expect(r.body.verdict).toBe('non_apology');
    const rules = (r.body.findings as Finding[]).map((f) => f.rule);
    expect(rules.length).toBeGreaterThan(0);
    for (const f of r.body.findings as Finding[]) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.message.length).toBeGreaterThan(0);
    }
  });

  it('with a mistake, flags an acknowledgment that never names what went wrong', async () => {
    const c = await client();
    const m = await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: 'Wrong short code in SMS blast' });
    expect(m.status).toBe(201);
    const vague = 'I am so sorry for the trouble. It was my fault and I apologise.';
    const withMistake = await t.api.request('POST', '/api/analyse', { text: vague, mistakeId: m.body.id });
    expect(withMistake.status).toBe(200);
    expect((withMistake.body.findings as Finding[]).map((f) => f.rule)).toContain('unnamed_mistake');
    const without = await t.api.request('POST', '/api/analyse', { text: vague });
    expect((without.body.findings as Finding[]).map((f) => f.rule)).not.toContain('unnamed_mistake');
    const named = await t.api.request('POST', '/api/analyse', {
      text: 'I am sorry: I sent the wrong short code in the SMS blast. That was my mistake.',
      mistakeId: m.body.id,
    });
    expect((named.body.findings as Finding[]).map((f) => f.rule)).not.toContain('unnamed_mistake');
  });

  it("answers 404 for another workspace's mistake", async () => {
    const other = await otherWorkspace();
    const c = await client('Blue Harbor Dental', other);
    const m = await other.request('POST', '/api/mistakes', { clientId: c.id, title: 'Late proof' });
    expect(m.status).toBe(201);
    const r = await t.api.request('POST', '/api/analyse', { text: 'Sorry.', mistakeId: m.body.id });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('mistake_not_found');
  });

  it('refuses a text over the maximum length and a wrong kind, naming the field', async () => {
    const long = await t.api.request('POST', '/api/analyse', { text: 'a'.repeat(MAX_CHECK_TEXT + 1) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('validation_failed');
    expect(long.body.error.message).toContain('text');
    const kind = await t.api.request('POST', '/api/analyse', { text: 'Sorry.', kind: 'poem' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toContain('kind');
    const missing = await t.api.request('POST', '/api/analyse', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('text');
  });
});

describe('check API', () => {
  it("flags a wrong honorific and a misspelled contact name from the client's contacts", async () => {
    const c = await client();
    const contact = await t.api.request('POST', `/api/clients/${c.id}/contacts`, {
      fullName: 'Lynn Carter',
      honorific: 'Ms',
    });
    expect(contact.status).toBe(201);
    const text = 'Dear Mr Carter,\n\nThank you for your patience.';
    const findings = await check(c.id, text);
    expect(findings.map((f) => f.rule)).toContain('honorific');
    const misspelled = 'Dear Lynn Cartre,\n\nThank you for your patience.';
    const named = await check(c.id, misspelled);
    const nameFinding = named.find((f) => f.rule === 'contact_name');
    expect(nameFinding).toBeDefined();
    expect(misspelled.slice(nameFinding!.start, nameFinding!.end)).toContain('Cartre');
  });

  it("flags a fact of the client's with the wrong value", async () => {
    const c = await client();
    const fact = await t.api.request('POST', `/api/clients/${c.id}/facts`, {
      kind: 'short_code',
      value: '55123',
      label: 'SMS short code',
    });
    expect(fact.status).toBe(201);
    const text = 'Text SPA to 55132 to book your next visit.';
    const findings = await check(c.id, text);
    const mismatch = findings.find((f) => f.rule === 'fact_mismatch');
    expect(mismatch).toBeDefined();
    expect(text.slice(mismatch!.start, mismatch!.end)).toBe('55132');
    expect(await check(c.id, 'Text SPA to 55123 to book your next visit.')).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'fact_mismatch' })]),
    );
  });

  it('accepts a word of the workspace vocabulary that it would otherwise flag as spelling', async () => {
    const c = await client();
    const text = 'Your new glowpeel facial is booked.';
    const before = await check(c.id, text);
    expect(spans(text, before)).toContain('spelling:glowpeel');
    const added = await t.api.request('POST', '/api/vocabulary', { word: 'glowpeel' });
    expect(added.status).toBe(201);
    expect(added.body.items).toContain('glowpeel');
    const after = await check(c.id, text);
    expect(spans(text, after)).not.toContain('spelling:glowpeel');
  });

  it("flags another client's name in this client's message", async () => {
    const c = await client('Serenity Day Spas');
    await client('Blue Harbor Dental');
    const text = 'Thanks again for choosing Blue Harbor Dental for your spa day.';
    const findings = await check(c.id, text);
    const other = findings.find((f) => f.rule === 'other_client');
    expect(other).toBeDefined();
    expect(text.slice(other!.start, other!.end)).toBe('Blue Harbor Dental');
  });

  it("flags a guard rule's phrase with the rule's message, and sees a rule added after the last check", async () => {
    const c = await client();
    const m = await t.api.request('POST', '/api/mistakes', { clientId: c.id, title: 'Promised a free upgrade' });
    const text = 'We can offer a free upgrade to every guest.';
    const before = await check(c.id, text);
    expect(before.map((f) => f.rule)).not.toContain('guard_rule');
    const rule = await t.api.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'free upgrade',
      message: 'Upgrades need an approved remedy first.',
      mistakeId: m.body.id,
    });
    expect(rule.status).toBe(201);
    expect(rule.body.mistakeRef).toBe('MG-1');
    const after = await check(c.id, text);
    const hit = after.find((f) => f.rule === 'guard_rule');
    expect(hit).toBeDefined();
    expect(hit!.message).toContain('Upgrades need an approved remedy first.');
    expect(text.slice(hit!.start, hit!.end)).toBe('free upgrade');

    const removed = await t.api.request('DELETE', `/api/guard-rules/${rule.body.id}`);
    expect(removed.status).toBe(204);
    expect((await check(c.id, text)).map((f) => f.rule)).not.toContain('guard_rule');
  });

  it('rebuilds when a contact is added after the last check', async () => {
    const c = await client();
    const text = 'Dear Mr Okafor,\n\nYour booking is confirmed.';
    expect((await check(c.id, text)).map((f) => f.rule)).not.toContain('honorific');
    await t.api.request('POST', `/api/clients/${c.id}/contacts`, { fullName: 'Adaeze Okafor', honorific: 'Ms' });
    expect((await check(c.id, text)).map((f) => f.rule)).toContain('honorific');
  });

  it('flags "see attached" as an error when nothing is attached, and asks when the count was left empty', async () => {
    const c = await client();
    const text = 'Please see the attached invoice.';
    expect((await check(c.id, text, { attachments: 0 })).map((f) => f.rule)).toContain('missing_attachment');
    expect((await check(c.id, text, { attachments: 1 })).map((f) => f.rule)).not.toContain('missing_attachment');
    // Left empty in the form ("unknown"): asked as a warning, not refused; absent: not mentioned.
    const asked = (await check(c.id, text, { attachments: 'unknown' })).filter((f) => f.rule === 'missing_attachment');
    expect(asked).toMatchObject([{ severity: 'warning', message: expect.stringContaining('Did you mean to attach') }]);
    expect((await check(c.id, text)).map((f) => f.rule)).not.toContain('missing_attachment');
  });

  it("answers 404 for another workspace's client and 400s naming the field", async () => {
    const other = await otherWorkspace();
    const theirs = await client('Blue Harbor Dental', other);
    const cross = await t.api.request('POST', '/api/check', { text: 'Hello', clientId: theirs.id });
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe('client_not_found');

    const c = await client();
    const noClient = await t.api.request('POST', '/api/check', { text: 'Hello' });
    expect(noClient.status).toBe(400);
    expect(noClient.body.error.message).toContain('clientId');
    const badAttachments = await t.api.request('POST', '/api/check', {
      text: 'Hello',
      clientId: c.id,
      attachments: -1,
    });
    expect(badAttachments.status).toBe(400);
    expect(badAttachments.body.error.message).toContain('attachments');
    const badDate = await t.api.request('POST', '/api/check', { text: 'Hello', clientId: c.id, date: '2026-13-45' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toContain('date');
    const long = await t.api.request('POST', '/api/check', { text: 'a '.repeat(MAX_CHECK_TEXT), clientId: c.id });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('text');
    const extra = await t.api.request('POST', '/api/check', { text: 'Hello', clientId: c.id, colour: 'red' });
    expect(extra.status).toBe(400);
  });
});

describe('check API by recipients', () => {
  async function contact(clientId: string, fullName: string, email: string, api = t.api) {
    const r = await api.request('POST', `/api/clients/${clientId}/contacts`, { fullName, honorific: 'Ms', email });
    expect(r.status).toBe(201);
  }

  it("finds the client from a recipient's email (any case) and checks against that client's contacts", async () => {
    const c = await client();
    await contact(c.id, 'Lynn Carter', 'lynn@serenity.example');
    const text = 'Dear Mr Carter,\n\nThank you for your patience.';
    const r = await t.api.request('POST', '/api/check', { text, recipients: ['Lynn@Serenity.example'] });
    expect(r.status).toBe(200);
    expect(r.body.client).toEqual({ id: c.id, name: 'Serenity Day Spas' });
    const honorific = (r.body.findings as Finding[]).find((f) => f.rule === 'honorific');
    expect(text.slice(honorific!.start, honorific!.end)).toContain('Mr');
    expect(honorific!.replacement).toMatch(/^Ms/);
  });

  it('picks the client with the most recipients among its contacts, and the first one on a tie', async () => {
    const serenity = await client();
    const harbor = await client('Blue Harbor Dental');
    await contact(serenity.id, 'Lynn Carter', 'lynn@serenity.example');
    await contact(harbor.id, 'Ada Okafor', 'ada@harbor.example');
    await contact(harbor.id, 'Mina Park', 'mina@harbor.example');
    const most = await t.api.request('POST', '/api/check', {
      text: 'Hello',
      recipients: ['lynn@serenity.example', 'ada@harbor.example', 'mina@harbor.example'],
    });
    expect(most.body.client.id).toBe(harbor.id);
    const tie = await t.api.request('POST', '/api/check', {
      text: 'Hello',
      recipients: ['someone@else.example', 'lynn@serenity.example', 'ada@harbor.example'],
    });
    expect(tie.body.client.id).toBe(serenity.id);
  });

  it('answers no findings and no client for recipients who are nobody\'s contact, nor another workspace\'s', async () => {
    const other = await otherWorkspace();
    const theirs = await client('Blue Harbor Dental', other);
    await contact(theirs.id, 'Ada Okafor', 'ada@harbor.example', other);
    const r = await t.api.request('POST', '/api/check', {
      text: 'Dear Mr Okafor, see attached.',
      recipients: ['ada@harbor.example'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ findings: [], client: null });
  });

  it('lets a read API token check by recipients, and 400s naming the field for bad recipients', async () => {
    const c = await client();
    await contact(c.id, 'Lynn Carter', 'lynn@serenity.example');
    const created = await t.api.request('POST', '/api/tokens', { name: 'Browser extension', scope: 'read' });
    expect(created.status).toBe(201);
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/check',
      headers: { authorization: `Bearer ${created.body.token}` },
      payload: { text: 'Dear Mr Carter,', recipients: ['lynn@serenity.example'] },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json<{ findings: Finding[] }>().findings.map((f) => f.rule)).toContain('honorific');

    for (const recipients of [['not an email'], [], Array.from({ length: 101 }, (_, i) => `r${i}@x.example`)]) {
      const bad = await t.api.request('POST', '/api/check', { text: 'Hello', recipients });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('recipients');
    }
  });
});

describe('guard rules API', () => {
  it('creates, lists, replaces and removes rules of each kind', async () => {
    const c = await client();
    const forbidden = await t.api.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'no worries',
      message: 'Too casual.',
    });
    expect(forbidden.status).toBe(201);
    expect(forbidden.body).toMatchObject({
      kind: 'forbidden',
      phrase: 'no worries',
      pattern: null,
      when: null,
      clientId: null,
      mistakeId: null,
    });
    const pattern = await t.api.request('POST', '/api/guard-rules', {
      kind: 'pattern',
      pattern: '\\bASAP\\b',
      message: 'Give a date, not ASAP.',
      clientId: c.id,
    });
    expect(pattern.status).toBe(201);
    expect(pattern.body).toMatchObject({ kind: 'pattern', pattern: '\\bASAP\\b', phrase: null, clientId: c.id });
    const required = await t.api.request('POST', '/api/guard-rules', {
      kind: 'required',
      phrase: 'opt out',
      when: 'text SPA',
      message: 'SMS offers must say how to opt out.',
    });
    expect(required.status).toBe(201);
    expect(required.body.when).toBe('text SPA');

    const list = await t.api.request('GET', '/api/guard-rules');
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([
      forbidden.body.id,
      pattern.body.id,
      required.body.id,
    ]);

    const replaced = await t.api.request('PUT', `/api/guard-rules/${forbidden.body.id}`, {
      kind: 'forbidden',
      phrase: 'no problem',
      message: 'Still too casual.',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: forbidden.body.id,
      phrase: 'no problem',
      message: 'Still too casual.',
      createdAt: forbidden.body.createdAt,
    });
    const text = 'No problem at all, text SPA to book.';
    const findings = await check(c.id, text);
    const ruleMessages = findings.filter((f) => f.rule === 'guard_rule').map((f) => f.message);
    expect(ruleMessages).toEqual(
      expect.arrayContaining([expect.stringContaining('Still too casual.'), expect.stringContaining('opt out')]),
    );
    expect(ruleMessages.join(' ')).not.toContain('Too casual.');

    const gone = await t.api.request('DELETE', `/api/guard-rules/${pattern.body.id}`);
    expect(gone.status).toBe(204);
    const again = await t.api.request('DELETE', `/api/guard-rules/${pattern.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('guard_rule_not_found');
    const after = await t.api.request('GET', '/api/guard-rules');
    expect(after.body.items).toHaveLength(2);
  });

  it('accepts the nested-repeat attack patterns and checks 10 kB against them (they run on RE2)', async () => {
    for (const pattern of ['(.{0,10}){10}x', '(a?){28}a{32}']) {
      const r = await t.api.request('POST', '/api/guard-rules', { kind: 'pattern', pattern, message: 'r' });
      expect(r.status).toBe(201);
    }
    const text = `${'a'.repeat(5000)} ${'b'.repeat(4990)}x`;
    const c = await client();
    const rules = (await check(c.id, text)).filter((f) => f.rule === 'guard_rule');
    // (a?){28}a{32} matches greedy runs of 60 a's; (.{0,10}){10}x matches the 100 characters before "x".
    expect(rules.some((f) => f.end - f.start === 60)).toBe(true);
    expect(rules.some((f) => f.end === text.length && f.end - f.start === 101)).toBe(true);
  });

  it('refuses a pattern RE2 cannot run with a 400 naming pattern and the construct', async () => {
    const r = await t.api.request('POST', '/api/guard-rules', { kind: 'pattern', pattern: '(a)\\1', message: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.message).toContain('pattern');
    expect(r.body.error.message).toContain('backreference');
    expect(JSON.stringify(r.body.error.details)).toContain('body.pattern');
    const look = await t.api.request('POST', '/api/guard-rules', { kind: 'pattern', pattern: 'a(?!b)', message: 'x' });
    expect(look.status).toBe(400);
    expect(look.body.error.message).toContain('lookahead');
    const invalid = await t.api.request('POST', '/api/guard-rules', {
      kind: 'pattern',
      pattern: '([a-z',
      message: 'x',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('pattern');
    expect((await t.api.request('GET', '/api/guard-rules')).body.items).toHaveLength(0);
  });

  it('refuses missing parts of a rule with 400s naming the field', async () => {
    const noPhrase = await t.api.request('POST', '/api/guard-rules', { kind: 'forbidden', message: 'x' });
    expect(noPhrase.status).toBe(400);
    expect(noPhrase.body.error.message).toContain('phrase');
    const noPattern = await t.api.request('POST', '/api/guard-rules', { kind: 'pattern', message: 'x' });
    expect(noPattern.status).toBe(400);
    expect(noPattern.body.error.message).toContain('pattern');
    const noMessage = await t.api.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'x',
      message: '  ',
    });
    expect(noMessage.status).toBe(400);
    expect(noMessage.body.error.message).toContain('message');
    const badKind = await t.api.request('POST', '/api/guard-rules', { kind: 'maybe', phrase: 'x', message: 'x' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toContain('kind');
    const rule = await t.api.request('POST', '/api/guard-rules', {
      kind: 'pattern',
      pattern: '\\bASAP\\b',
      message: 'Give a date.',
    });
    const badPut = await t.api.request('PUT', `/api/guard-rules/${rule.body.id}`, {
      kind: 'pattern',
      pattern: '(?<=a)b',
      message: 'x',
    });
    expect(badPut.status).toBe(400);
    expect(badPut.body.error.message).toContain('pattern');
    expect((await t.api.request('GET', '/api/guard-rules')).body.items).toEqual([rule.body]);
    const unknown = await t.api.request('PUT', '/api/guard-rules/nope', {
      kind: 'forbidden',
      phrase: 'x',
      message: 'x',
    });
    expect(unknown.status).toBe(404);
  });

  it("keeps each workspace's rules to itself: another workspace's rule, client or mistake answers 404", async () => {
    const other = await otherWorkspace();
    const theirClient = await client('Blue Harbor Dental', other);
    const theirMistake = await other.request('POST', '/api/mistakes', {
      clientId: theirClient.id,
      title: 'Late proof',
    });
    const theirRule = await other.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'asap',
      message: 'Give a date.',
    });
    expect(theirRule.status).toBe(201);

    expect((await t.api.request('GET', '/api/guard-rules')).body.items).toEqual([]);
    const del = await t.api.request('DELETE', `/api/guard-rules/${theirRule.body.id}`);
    expect(del.status).toBe(404);
    const put = await t.api.request('PUT', `/api/guard-rules/${theirRule.body.id}`, {
      kind: 'forbidden',
      phrase: 'soon',
      message: 'x',
    });
    expect(put.status).toBe(404);
    const withClient = await t.api.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'x',
      message: 'x',
      clientId: theirClient.id,
    });
    expect(withClient.status).toBe(404);
    expect(withClient.body.error.code).toBe('client_not_found');
    const withMistake = await t.api.request('POST', '/api/guard-rules', {
      kind: 'forbidden',
      phrase: 'x',
      message: 'x',
      mistakeId: theirMistake.body.id,
    });
    expect(withMistake.status).toBe(404);
    expect(withMistake.body.error.code).toBe('mistake_not_found');
    expect((await other.request('GET', '/api/guard-rules')).body.items).toHaveLength(1);
  });
});

describe('vocabulary API', () => {
  it('adds words idempotently, lists them and removes them', async () => {
    const a = await t.api.request('POST', '/api/vocabulary', { word: 'Glowpeel' });
    expect(a.status).toBe(201);
    const b = await t.api.request('POST', '/api/vocabulary', { word: 'Glowpeel' });
    expect(b.status).toBe(201);
    await t.api.request('POST', '/api/vocabulary', { word: 'Serenitea' });
    const list = await t.api.request('GET', '/api/vocabulary');
    expect(list.body.items.slice().sort()).toEqual(['Glowpeel', 'Serenitea']);
    const removed = await t.api.request('DELETE', '/api/vocabulary/Glowpeel');
    expect(removed.status).toBe(204);
    expect((await t.api.request('GET', '/api/vocabulary')).body.items).toEqual(['Serenitea']);
    const again = await t.api.request('DELETE', '/api/vocabulary/Glowpeel');
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('vocabulary_word_not_found');
  });

  it('refuses a phrase or an empty word, naming word', async () => {
    const spaced = await t.api.request('POST', '/api/vocabulary', { word: 'two words' });
    expect(spaced.status).toBe(400);
    expect(spaced.body.error.message).toContain('word');
    const empty = await t.api.request('POST', '/api/vocabulary', { word: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('word');
  });

  it("keeps each workspace's words to itself", async () => {
    const other = await otherWorkspace();
    await other.request('POST', '/api/vocabulary', { word: 'Glowpeel' });
    expect((await t.api.request('GET', '/api/vocabulary')).body.items).toEqual([]);
    const del = await t.api.request('DELETE', '/api/vocabulary/Glowpeel');
    expect(del.status).toBe(404);
    expect((await other.request('GET', '/api/vocabulary')).body.items).toEqual(['Glowpeel']);
  });
});
