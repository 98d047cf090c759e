import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi } from '../../../test/factories.ts';

// Every route's schema errors come out of one presenter, worded for people (issue 13).

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

describe('validation messages', () => {
  it('refuses a 10,000-character title with "Title can be at most 200 characters", naming the field', async () => {
    const c = await t.api.request('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
    expect(c.status).toBe(201);
    const r = await t.api.request('POST', '/api/mistakes', { clientId: c.body.id, title: 'x'.repeat(10_000) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.issues).toEqual([
      { field: 'body.title', message: 'Title can be at most 200 characters' },
    ]);
    expect(r.body.error.message).toBe('Title can be at most 200 characters (body.title)');
    expect(r.body.error.message).not.toMatch(/Too big|expected string/u);
  });

  it('words a missing field, a wrong choice and a bad query value the same way on other routes', async () => {
    const missing = await t.api.request('POST', '/api/mistakes', { title: 'Wrong code' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues).toEqual([{ field: 'body.clientId', message: 'Client is required' }]);
    const choice = await t.api.request('POST', '/api/clients', { name: 'Blue Harbor', tier: 'gold' });
    expect(choice.status).toBe(400);
    expect(choice.body.error.details.issues[0]).toEqual({
      field: 'body.tier',
      message: 'Tier must be one of: key, standard',
    });
    const query = await t.api.request('GET', '/api/mistakes?severity=huge');
    expect(query.status).toBe(400);
    expect(query.body.error.details.issues[0].field).toBe('querystring.severity');
    expect(query.body.error.details.issues[0].message).toMatch(/^Severity must be one of: /u);
  });
});
