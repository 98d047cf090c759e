import { afterEach, describe, expect, it } from 'vitest';
import { testServices } from '../../../test/factories.ts';
import { buildApp } from '../app.ts';

// First-run setup and sessions through the API, on an empty database.

type Services = Awaited<ReturnType<typeof testServices>>;
let s: Services | null = null;
afterEach(async () => {
  await s?.cleanup();
  s = null;
});

const owner = {
  workspaceName: 'Northwind Studio',
  ownerName: 'Dana Reyes',
  email: 'Dana@Northwind.example',
  password: 'correct horse battery',
};

describe('first-run setup', () => {
  it('is needed on an empty database, creates the workspace and signs the owner in, then is refused', async () => {
    s = await testServices();
    const app = await buildApp(s.services);
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
    const r = await app.inject({ method: 'POST', url: '/api/setup', payload: owner });
    expect(r.statusCode).toBe(201);
    const session = r.json<{ user: { email: string }; role: string; workspace: { name: string } }>();
    expect(session.user.email).toBe('dana@northwind.example');
    expect(session.role).toBe('owner');
    expect(session.workspace.name).toBe('Northwind Studio');
    const cookie = r.cookies.find((c) => c.name === 'mg_session');
    expect(cookie?.value).toBeTruthy();
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `mg_session=${cookie?.value ?? ''}` },
    });
    expect(me.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
    const again = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...owner, email: 'mallory@example.com' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('setup_already_done');
    await app.close();
  });

  it('two setups sent at once make one workspace: one 201, one 409', async () => {
    s = await testServices();
    const app = await buildApp(s.services);
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/setup', payload: owner }),
      app.inject({ method: 'POST', url: '/api/setup', payload: { ...owner, email: 'second@northwind.example' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const rows = await s.services.database.db.selectFrom('workspaces').select('id').execute();
    expect(rows).toHaveLength(1);
    await app.close();
  });

  it('names the offending field of a bad setup', async () => {
    s = await testServices();
    const app = await buildApp(s.services);
    const r = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...owner, email: 'not an email', password: 'short' },
    });
    expect(r.statusCode).toBe(400);
    const fields = r
      .json<{ error: { details: { issues: { field: string }[] } } }>()
      .error.details.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
    await app.close();
  });
});
