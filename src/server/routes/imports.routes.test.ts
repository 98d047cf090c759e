import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, testApi, type ApiClient } from '../../../test/factories.ts';
import { apiSteps } from '../../../test/api-steps.ts';

// CSV import of clients, contacts and facts through the API (SQLite, and PostgreSQL with
// MAKEGOOD_TEST_DB=pg): preview, row errors in words, import of the valid rows only, natural keys,
// encodings, malformed files, size limit, formula cells, roles and workspaces.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;
const steps = apiSteps(() => t.api);

beforeEach(async () => {
  t = await testApi();
});
afterEach(async () => {
  await t.close();
});

const CRM = [
  'Company,Contact name,Email,Honorific,Pronouns,Fact kind,Value',
  'Serenity Day Spas,Lynn Carter,lynn@serenity.example,Ms.,she/her,short code,55123',
  'Serenity Day Spas,Omar Haddad,omar@serenity.example,Mr,he/him,phone,+1 555 0100',
  'Northwind Dental,Priya Shah,priya@northwind.example,Dr,,url,https://northwind.example',
  'Northwind Dental,Bob Stone,bob@,,,,',
  'Blue Fern Cafe,Ana Ruiz,ana@bluefern.example,Mx,they/them,price,$12',
].join('\n');

/** Sends a CSV file as the raw text/csv body, as curl --data-binary does. */
async function postFile(url: string, bytes: Buffer | string, api: ApiClient = t.api) {
  const r = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken, 'content-type': 'text/csv' },
    payload: bytes,
  });
  return { status: r.statusCode, body: r.json() };
}

async function preview(csv: string, mapping?: Record<string, string>) {
  const r = await t.api.request('POST', '/api/import/clients/preview', { csv, ...(mapping && { mapping }) });
  if (r.status !== 200) throw new Error(`preview → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function importCsv(body: Record<string, unknown>, api: ApiClient = t.api) {
  const r = await api.request('POST', '/api/import/clients', body);
  if (r.status !== 200) throw new Error(`import → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function everything(api: ApiClient = t.api) {
  const clients = (await api.request('GET', '/api/clients')).body.items;
  const out: Record<string, { contacts: string[]; facts: string[]; tier: string; aliases: string[] }> = {};
  for (const c of clients) {
    const contacts = (await api.request('GET', `/api/clients/${c.id}/contacts`)).body.items;
    const facts = (await api.request('GET', `/api/clients/${c.id}/facts`)).body.items;
    out[c.name] = {
      tier: c.tier,
      aliases: c.aliases,
      contacts: contacts
        .map(
          (x: { fullName: string; email: string | null; honorific: string }) =>
            `${x.fullName} <${x.email}> ${x.honorific}`,
        )
        .sort(),
      facts: facts
        .map(
          (f: { kind: string; value: string; label: string | null }) =>
            `${f.kind}=${f.value}${f.label ? ` (${f.label})` : ''}`,
        )
        .sort(),
    };
  }
  return out;
}

describe('preview', () => {
  it('proposes a mapping from the headers (case-insensitive, synonyms) and writes no client', async () => {
    const p = await preview(CRM.replace('Company', 'COMPANY').replace('Email', 'E-mail address'));
    expect(p.columns.map((c: { header: string; field: string | null }) => `${c.header}→${c.field}`)).toEqual([
      'COMPANY→client.name',
      'Contact name→contact.fullName',
      'E-mail address→contact.email',
      'Honorific→contact.honorific',
      'Pronouns→contact.pronouns',
      'Fact kind→fact.kind',
      'Value→fact.value',
    ]);
    expect(p.totalRows).toBe(5);
    expect(p.counts).toEqual({ new: 4, changed: 0, unchanged: 0, invalid: 1 });
    expect(p.entities.clients).toEqual({ new: 3, changed: 0, unchanged: 0 });
    expect(p.entities.contacts.new).toBe(4);
    expect(p.encoding).toBe('utf-8');
    expect((await t.api.request('GET', '/api/clients')).body.items).toEqual([]);
  });

  it('names each bad row and field in words', async () => {
    const p = await preview(CRM);
    expect(p.errors).toEqual([
      { row: 5, field: 'contact.email', message: 'row 5: Email "bob@" is not an email address' },
    ]);
    const row = p.rows.find((r: { row: number }) => r.row === 5);
    expect(row.status).toBe('invalid');
    expect(row.cells[1]).toBe('Bob Stone');
    const more = await preview(
      ['Client,Tier,Status,Account value,Billing', 'Acme,gold,active,12000,yes', 'Beta,key,asleep,ten,maybe'].join(
        '\n',
      ),
    );
    expect(more.errors.map((e: { message: string }) => e.message)).toEqual([
      'row 2: Tier "gold" is not one of key, standard',
      'row 3: Account value "ten" is not an amount like 12000 or 12000.50',
      'row 3: Status "asleep" is not one of active, at_risk, lost',
      'row 3: Billing "maybe" is not yes or no',
    ]);
  });

  it('lets the user change the mapping (by header or #position) and refuses a column that does not exist', async () => {
    const csv = ['Org,Who,Notes', 'Acme,Jo Park,likes tea'].join('\n');
    const p = await preview(csv);
    expect(p.columns.map((c: { field: string | null }) => c.field)).toEqual([null, null, null]);
    expect(p.counts.invalid).toBe(1);
    expect(p.errors[0].message).toBe('row 2: the row has no client name, contact or fact to import');
    const mapped = await preview(csv, { org: 'client.name', '#2': 'contact.fullName', Notes: 'ignore' });
    expect(mapped.mapping).toEqual({ Org: 'client.name', Who: 'contact.fullName', Notes: 'ignore' });
    expect(mapped.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 0 });
    const bad = await t.api.request('POST', '/api/import/clients/preview', {
      csv,
      mapping: { Company: 'client.name' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('mapping.Company');
    const twice = await t.api.request('POST', '/api/import/clients/preview', {
      csv,
      mapping: { Org: 'client.name', Who: 'client.name' },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('2 columns are mapped to client.name');
  });

  it('re-previews an upload by previewId with another mapping', async () => {
    const first = await postFile('/api/import/clients/preview', 'Org,Who\nAcme,Jo Park\n');
    expect(first.status).toBe(200);
    expect(first.body.fileName).toBeNull();
    const again = await t.api.request('POST', '/api/import/clients/preview', {
      previewId: first.body.previewId,
      mapping: { Org: 'client.name', Who: 'contact.fullName' },
    });
    expect(again.status).toBe(200);
    expect(again.body.previewId).toBe(first.body.previewId);
    expect(again.body.counts.new).toBe(1);
  });
});

describe('import', () => {
  it('imports only the valid rows, with the honorific, pronouns and facts read from the cells', async () => {
    const p = await preview(CRM);
    const summary = await importCsv({ previewId: p.previewId });
    expect(summary.counts).toEqual({ new: 4, changed: 0, unchanged: 0, invalid: 1 });
    expect(summary.errors[0].row).toBe(5);
    expect(await everything()).toEqual({
      'Blue Fern Cafe': {
        tier: 'standard',
        aliases: [],
        contacts: ['Ana Ruiz <ana@bluefern.example> Mx'],
        facts: ['price=$12'],
      },
      'Northwind Dental': {
        tier: 'standard',
        aliases: [],
        contacts: ['Priya Shah <priya@northwind.example> Dr'],
        facts: ['url=https://northwind.example'],
      },
      'Serenity Day Spas': {
        tier: 'standard',
        aliases: [],
        contacts: ['Lynn Carter <lynn@serenity.example> Ms', 'Omar Haddad <omar@serenity.example> Mr'],
        facts: ['phone=+1 555 0100', 'short_code=55123'],
      },
    });
    const serenity = (await t.api.request('GET', '/api/clients?q=serenity')).body.items[0];
    const timeline = (await t.api.request('GET', `/api/clients/${serenity.id}/timeline`)).body.items;
    expect(timeline.map((e: { type: string; summary: string }) => `${e.type}: ${e.summary}`)).toEqual([
      'client.imported: Serenity Day Spas imported from CSV: client added, 2 contacts added, 2 facts recorded',
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    await importCsv({ csv: CRM });
    const before = await everything();
    const events = async () => (await t.services.database.db.selectFrom('events').select('id').execute()).length;
    const eventCount = await events();
    const p = await preview(CRM);
    expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: 4, invalid: 1 });
    const again = await importCsv({ csv: CRM });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 4, invalid: 1 });
    expect(await everything()).toEqual(before);
    expect(await events()).toBe(eventCount);
  });

  it('updates a changed field of a record found by its natural key (spaces and case in the name, email of the contact)', async () => {
    await importCsv({ csv: CRM });
    const changed = [
      'company,email,contact name,honorific,tier',
      '  serenity   DAY spas ,LYNN@serenity.example,Lynn Carter-Ames,Dr,key',
    ].join('\n');
    const p = await preview(changed);
    expect(p.counts).toEqual({ new: 0, changed: 1, unchanged: 0, invalid: 0 });
    expect(p.entities.clients).toEqual({ new: 0, changed: 1, unchanged: 0 });
    await importCsv({ csv: changed });
    const all = await everything();
    expect(Object.keys(all).sort()).toEqual(['Blue Fern Cafe', 'Northwind Dental', 'Serenity Day Spas']);
    expect(all['Serenity Day Spas']!.tier).toBe('key');
    expect(all['Serenity Day Spas']!.contacts).toEqual([
      'Lynn Carter-Ames <lynn@serenity.example> Dr',
      'Omar Haddad <omar@serenity.example> Mr',
    ]);
    // A labelled fact is keyed by kind + label: a new value changes it instead of adding one.
    await importCsv({ csv: 'Client,Fact kind,Label,Value\nBlue Fern Cafe,price,Latte,$4\n' });
    await importCsv({ csv: 'Client,Fact kind,Label,Value\nBlue Fern Cafe,price,latte,$5\n' });
    expect((await everything())['Blue Fern Cafe']!.facts).toEqual(['price=$12', 'price=$5 (Latte)']);
  });

  it('imports in ranges of rows (what the web app does 500 at a time), the later range seeing the earlier one', async () => {
    const lines = ['Client,Contact,Email'];
    for (let i = 1; i <= 30; i++) lines.push(`Client ${Math.ceil(i / 3)},Person ${i},p${i}@x.example`);
    const p = await preview(lines.join('\n'));
    const a = await importCsv({ previewId: p.previewId, fromRow: 1, toRow: 14 });
    const b = await importCsv({ previewId: p.previewId, fromRow: 15, toRow: 30 });
    expect([a.fromRow, a.toRow, b.fromRow, b.toRow]).toEqual([1, 14, 15, 30]);
    expect(a.entities.clients.new + b.entities.clients.new).toBe(10);
    expect(a.entities.contacts.new + b.entities.contacts.new).toBe(30);
    const all = await everything();
    expect(Object.keys(all)).toHaveLength(10);
    expect(all['Client 5']!.contacts).toHaveLength(3);
  });

  it('answers two imports of the same new clients at once without a 5xx, each client once', async () => {
    const answers = await Promise.all([1, 2].map(() => t.api.request('POST', '/api/import/clients', { csv: CRM })));
    for (const r of answers) {
      expect([200, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.error.code).toBe('client_name_taken');
    }
    await importCsv({ csv: CRM });
    const all = await everything();
    expect(Object.keys(all).sort()).toEqual(['Blue Fern Cafe', 'Northwind Dental', 'Serenity Day Spas']);
    expect(all['Serenity Day Spas']!.contacts).toHaveLength(2);
  });

  it('stores a formula-looking cell as its literal text and says so in the preview', async () => {
    const csv = 'Client,Contact,Fact kind,Value\n"=HYPERLINK(""http://evil.example"")",@SUM(A1),term,-cmd|calc\n';
    const p = await preview(csv);
    expect(p.formulaCells).toBe(3);
    expect(p.notices.join(' ')).toContain('imported as plain text and never run');
    await importCsv({ csv });
    const client = (await t.api.request('GET', '/api/clients')).body.items[0];
    expect(client.name).toBe('=HYPERLINK("http://evil.example")');
    expect((await t.api.request('GET', `/api/clients/${client.id}/contacts`)).body.items[0].fullName).toBe('@SUM(A1)');
    expect((await t.api.request('GET', `/api/clients/${client.id}/facts`)).body.items[0].value).toBe('-cmd|calc');
  });

  it('records a fact on a row without a client as a workspace-wide fact', async () => {
    await importCsv({ csv: 'Client,Fact kind,Value\n,term,Handwrytten\n' });
    const facts = (await t.api.request('GET', '/api/facts')).body.items;
    expect(facts.map((f: { kind: string; value: string }) => `${f.kind}=${f.value}`)).toEqual(['term=Handwrytten']);
  });
});

describe('encodings', () => {
  const text = 'Client,Contact\nCafé Zoë,José Müller\n';
  const names = async () => {
    const c = (await t.api.request('GET', '/api/clients')).body.items[0];
    return `${c.name} / ${(await t.api.request('GET', `/api/clients/${c.id}/contacts`)).body.items[0].fullName}`;
  };
  const cases: [string, Buffer, string][] = [
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    [
      'UTF-16 BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      'utf-16be',
    ],
    ['Windows-1252', Buffer.from(text, 'latin1'), 'windows-1252'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`reads ${name}`, async () => {
      const p = await postFile('/api/import/clients/preview', bytes);
      expect(p.status).toBe(200);
      expect(p.body.encoding).toBe(encoding);
      expect(p.body.columns[0].header).toBe('Client');
      if (encoding === 'windows-1252') expect(p.body.notices[0]).toContain('not valid UTF-8');
      await importCsv({ previewId: p.body.previewId });
      expect(await names()).toBe('Café Zoë / José Müller');
    });
  }

  it('takes the bytes in base64 in a JSON body too (how the web app sends a file)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const s = await importCsv({ csvBase64: bytes.toString('base64'), fileName: 'x.csv' });
    expect(s.counts.new).toBe(1);
    expect(await names()).toBe('Café Zoë / José Müller');
  });
});

describe('bad files', () => {
  it('answers a malformed file with 400 naming the line', async () => {
    const unclosed = await postFile('/api/import/clients/preview', 'Client,Contact\nAcme,Jo\n"Beta,Al\nGamma,Su\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.details.issues[0]).toEqual({
      field: 'csv',
      message: 'line 3: a quoted cell is never closed (a " is missing)',
    });
    const ragged = await postFile('/api/import/clients/preview', 'Client,Contact\nAcme,Jo\nBeta\n');
    expect(ragged.status).toBe(400);
    expect(ragged.body.error.message).toBe(
      'csv: line 3: the row has 1 cells but the header has 2 (every row needs as many cells as the header)',
    );
    expect((await t.api.request('GET', '/api/clients')).body.items).toEqual([]);
  });

  it('says so for an empty file or a header without rows', async () => {
    const empty = await postFile('/api/import/clients/preview', '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('the file is empty');
    const headerOnly = await t.api.request('POST', '/api/import/clients/preview', { csv: 'Client,Contact\n' });
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error.message).toContain('a header row but no rows of data');
    const none = await t.api.request('POST', '/api/import/clients/preview', {});
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0].field).toBe('body.csv');
  });

  it('refuses a 50 MB upload with 413 and a message saying the limit', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a,b\n');
    const r = await postFile('/api/import/clients/preview', big);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
    expect(r.body.error.message).toContain('larger than 20 MB');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/import/clients',
      headers: { cookie: t.api.cookie, 'x-csrf-token': t.api.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ csv: 'x'.repeat(30 * 1024 * 1024) }),
    });
    expect(json.statusCode).toBe(413);
  });

  it('answers an unknown previewId with 404', async () => {
    const r = await t.api.request('POST', '/api/import/clients', { previewId: 'nope123' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('import_not_found');
  });

  it('needs the CSRF header for a cookie request with a text/csv body', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/import/clients/preview',
      headers: { cookie: t.api.cookie, 'content-type': 'text/csv' },
      payload: 'Client\nAcme\n',
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('who may import', () => {
  it('refuses a viewer (403) and lets a member import', async () => {
    for (const role of ['viewer', 'member'] as const) {
      const email = `${role}@acme.example`;
      await steps.ok('POST', '/api/members', { name: role, email, password: 'temporary pass 123', role });
      const api = await signedInClient(t.app, email, 'temporary pass 123');
      const p = await api.request('POST', '/api/import/clients/preview', { csv: `Client\n${role} co\n` });
      const r = await api.request('POST', '/api/import/clients', { csv: `Client\n${role} co\n` });
      if (role === 'viewer') {
        expect([p.status, r.status]).toEqual([403, 403]);
        expect(r.body.error.code).toBe('forbidden');
      } else {
        expect([p.status, r.status]).toEqual([200, 200]);
      }
    }
    expect(Object.keys(await everything())).toEqual(['member co']);
  });

  it('lands imported rows only in the caller’s workspace, and never matches another workspace’s client', async () => {
    await steps.client('Serenity Day Spas');
    const other = await makeWorkspace(t.services, 'Other Studio');
    const b = await signedInClient(t.app, other.email, other.password);
    const p = (await b.request('POST', '/api/import/clients/preview', { csv: CRM })).body;
    expect(p.entities.clients).toEqual({ new: 3, changed: 0, unchanged: 0 });
    await importCsv({ previewId: p.previewId }, b);
    expect(Object.keys(await everything(b)).sort()).toEqual([
      'Blue Fern Cafe',
      'Northwind Dental',
      'Serenity Day Spas',
    ]);
    expect(await everything()).toEqual({ 'Serenity Day Spas': { tier: 'key', aliases: [], contacts: [], facts: [] } });
    // A's upload is not B's.
    const a = await preview('Client\nAcme\n');
    const stolen = await b.request('POST', '/api/import/clients', { previewId: a.previewId });
    expect(stolen.status).toBe(404);
  });
});
