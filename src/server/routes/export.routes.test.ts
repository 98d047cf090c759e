import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';
import { testDialect } from '../../../test/database.ts';

// GET /api/export: the signed-in workspace's archive as a download, owner or admin only, and only
// ever that workspace's rows (whatever the query string says).

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;
let b: ApiClient;
let bWorkspaceId = '';

beforeAll(async () => {
  t = await testApi();
  await t.api.request('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
  for (const role of ['admin', 'member', 'viewer']) {
    const r = await t.api.request('POST', '/api/members', {
      name: `A ${role}`,
      email: `${role}@acme-export.example`,
      password: 'temporary pass 123',
      role,
    });
    if (r.status !== 201) throw new Error(`adding the ${role}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const other = await makeWorkspace(t.services, 'Rival Agency');
  bWorkspaceId = other.actor.workspaceId;
  b = await signedInClient(t.app, other.email, other.password);
  await b.request('POST', '/api/clients', { name: 'Blue Harbor Dental' });
}, 60_000);

afterAll(async () => {
  await t.close();
});

async function download(client: ApiClient, url = '/api/export') {
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  return r;
}

function filesOf(payload: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(payload))).map(([k, v]) => [k, strFromU8(v)]));
}

describe(`GET /api/export (${testDialect})`, () => {
  it("answers the owner's workspace as a zip download with a manifest, JSON and CSV files", async () => {
    const r = await download(t.api);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toBe('attachment; filename="makegood-acme-studio-2026-03-02.zip"');
    expect(r.headers['cache-control']).toBe('no-store');
    const files = filesOf(r.rawPayload);
    const manifest = JSON.parse(files['manifest.json']!) as {
      workspace: { id: string };
      tables: { name: string; rows: number }[];
    };
    expect(manifest.workspace.id).toBe(t.owner.actor.workspaceId);
    expect(manifest.tables.find((x) => x.name === 'clients')?.rows).toBe(1);
    expect(files['json/clients.json']).toContain('Serenity Day Spas');
    expect(files['csv/clients.csv']).toContain('Serenity Day Spas');
    expect(files['json/users.json']).not.toContain('password_hash');
    // The download is on the workspace timeline as the owner's.
    const { rows } = await sql<{ actor_id: string; summary: string }>`select actor_id, summary from events
      where workspace_id = ${t.owner.actor.workspaceId} and type = 'workspace.exported'`.execute(
      t.services.database.db,
    );
    expect(rows).toEqual([
      {
        actor_id: t.owner.actor.userId,
        summary: expect.stringMatching(/^Exported everything: \d+ rows in \d+ tables$/),
      },
    ]);
  });

  it("never holds another workspace's rows, whatever the query string names", async () => {
    for (const url of [
      '/api/export',
      `/api/export?workspaceId=${bWorkspaceId}`,
      `/api/export?workspace=${bWorkspaceId}`,
    ]) {
      const r = await download(t.api, url);
      expect(r.statusCode).toBe(200);
      for (const [name, text] of Object.entries(filesOf(r.rawPayload))) {
        expect(text.includes(bWorkspaceId), name).toBe(false);
        expect(text.includes('Blue Harbor Dental'), name).toBe(false);
      }
    }
    const theirs = await download(b, `/api/export?workspaceId=${t.owner.actor.workspaceId}`);
    expect(theirs.statusCode).toBe(200);
    for (const [name, text] of Object.entries(filesOf(theirs.rawPayload))) {
      expect(text.includes(t.owner.actor.workspaceId), name).toBe(false);
      expect(text.includes('Serenity Day Spas'), name).toBe(false);
    }
  });

  it('is for owners and admins: members and viewers get 403, no session 401', async () => {
    const admin = await signedInClient(t.app, 'admin@acme-export.example', 'temporary pass 123');
    expect((await download(admin)).statusCode).toBe(200);
    for (const role of ['member', 'viewer']) {
      const client = await signedInClient(t.app, `${role}@acme-export.example`, 'temporary pass 123');
      const r = await download(client);
      expect(r.statusCode, role).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/export' });
    expect(anonymous.statusCode).toBe(401);
  });
});
