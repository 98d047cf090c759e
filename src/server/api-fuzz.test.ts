import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../../test/factories.ts';

// Bad input, generated: every route in the OpenAPI document gets invalid bodies, path params and
// query strings. Whatever arrives, the answer is never a 5xx, always the one error shape, and a
// validation failure names the offending field. The route list comes from the live document, so a
// route added later is fuzzed without touching this file.

type Ctx = Awaited<ReturnType<typeof testApi>>;
let t: Ctx;

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

let routes: Route[] = [];
/** A real id for each kind of path parameter, so body and query fuzzing gets past the lookup. */
const realIds: Record<string, string> = {};

beforeAll(async () => {
  t = await testApi();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  const c = await t.api.request('POST', '/api/clients', { name: 'Serenity Day Spas', tier: 'key' });
  realIds.clientId = c.body.id;
  realIds.contactId = (
    await t.api.request('POST', `/api/clients/${c.body.id}/contacts`, { fullName: 'Lynn Carter' })
  ).body.id;
  realIds.factId = (
    await t.api.request('POST', `/api/clients/${c.body.id}/facts`, { kind: 'short_code', value: '55123' })
  ).body.id;
  realIds.mistakeId = (
    await t.api.request('POST', '/api/mistakes', { clientId: c.body.id, title: 'Wrong short code' })
  ).body.id;
  realIds.commitmentId = (
    await t.api.request('POST', `/api/clients/${c.body.id}/commitments`, {
      title: 'Resend',
      dueAt: '2026-04-01T12:00:00Z',
    })
  ).body.id;
  realIds.word = 'Handwrytten';
  // A fixed mistake of its own, so the check-in routes get a real check-in.
  const fixedMistake = (
    await t.api.request('POST', '/api/mistakes', { clientId: c.body.id, title: 'Misspelled name' })
  ).body.id;
  const fix = await t.api.request('POST', `/api/mistakes/${fixedMistake}/fix-commitment`, {
    title: 'Correct the name',
    dueAt: '2026-04-01T12:00:00Z',
  });
  await t.api.request('POST', `/api/commitments/${fix.body.id}/complete`);
  realIds.checkInId = (await t.api.request('GET', `/api/mistakes/${fixedMistake}/check-ins`)).body.items[0].id;
  // A well-formed satisfaction token (unknown: a valid body answers 404), so bodies get past the params.
  realIds.token = 'x'.repeat(43);
  await t.api.request('POST', '/api/vocabulary', { word: 'Handwrytten' });
}, 60_000);

afterAll(async () => {
  await t.close();
});

/** Routes that end the session or are not JSON APIs are exercised elsewhere. */
function fuzzable(r: Route): boolean {
  if (r.method === 'DELETE' && r.path === '/api/session') return false;
  return r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && r.path !== '/api/openapi.json';
}

function fillPath(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? realIds[name] ?? 'missing-id'),
  );
}

function typesOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf ?? []).flatMap(typesOf);
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return schema.nullable ? [...own, 'null'] : own;
}

/** A value no schema of these types accepts, or undefined when the schema is too loose to know. */
function wrongValueFor(schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (types.length === 0) return undefined;
  const candidates: [string, unknown][] = [
    ['boolean', true],
    ['number', 12_345.5],
    ['array', [1, 2]],
    ['object', { unexpected: 1 }],
    ['string', 12_345.5],
  ];
  for (const [type, value] of candidates) {
    const taken = types.includes(type) || (type === 'number' && types.includes('integer'));
    const stringTakesNumber = type === 'string' && (types.includes('number') || types.includes('integer'));
    if (!taken && !stringTakesNumber) return value;
  }
  return undefined;
}

interface Answer {
  status: number;
  body: {
    error?: { code?: unknown; message?: unknown; requestId?: unknown; details?: { issues?: { field: string }[] } };
  };
}

/** Sends `payload` as JSON, or as the raw text given when `raw` is set (broken JSON, forms). */
async function send(
  method: string,
  url: string,
  payload?: unknown,
  contentType = 'application/json',
  raw = false,
): Promise<Answer> {
  const r = await t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      cookie: t.api.cookie,
      'x-csrf-token': t.api.csrfToken,
      ...(payload !== undefined && { 'content-type': contentType }),
    },
    ...(payload !== undefined && { payload: raw && typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
  let body: Answer['body'] = {};
  try {
    body = r.json();
  } catch {
    body = {};
  }
  return { status: r.statusCode, body };
}

/** The shape every error answer has; returns what is wrong with it, or null. */
function shapeProblem(a: Answer): string | null {
  if (a.status >= 500) return `answered ${a.status}`;
  if (a.status < 400) return null;
  const e = a.body.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || typeof e.requestId !== 'string') {
    return `error shape missing in ${JSON.stringify(a.body).slice(0, 200)}`;
  }
  if (e.code === 'validation_failed' && !(e.details?.issues?.length ?? 0)) return 'validation_failed without issues';
  return null;
}

function fieldsOf(a: Answer): string[] {
  return a.body.error?.details?.issues?.map((i) => i.field) ?? [];
}

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    'a'.repeat(300),
    'null',
    '{}',
    '\u0000',
    '😀',
  ),
);

describe('every route under generated bad input', () => {
  it('lists the routes it fuzzes (the document is not empty)', () => {
    expect(routes.filter(fuzzable).length).toBeGreaterThan(40);
  });

  it('path parameters: never a 5xx; a malformed id is named, an unknown one is 404', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(fuzzable)) {
      const params = (route.op.parameters ?? []).filter((p) => p.in === 'path');
      if (params.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...params), nastyString, async (param, value) => {
          const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
          const a = await send(route.method, fillPath(route.path, { [param.name]: value }), body);
          const problem = shapeProblem(a);
          if (problem)
            problems.push(`${route.method} ${route.path} ${param.name}=${JSON.stringify(value)}: ${problem}`);
          const pattern = param.schema?.pattern ? new RegExp(param.schema.pattern) : null;
          const tooLong = param.schema?.maxLength !== undefined && value.length > param.schema.maxLength;
          if (value !== '' && !value.includes('/') && ((pattern && !pattern.test(value)) || tooLong)) {
            if (a.status !== 400 || !fieldsOf(a).includes(`params.${param.name}`)) {
              problems.push(
                `${route.method} ${route.path} ${param.name}=${JSON.stringify(value)}: ${a.status}, fields ${fieldsOf(a).join(',')}`,
              );
            }
          }
        }),
        { numRuns: 12, seed: 20261201 },
      );
    }
    expect(problems).toEqual([]);
  });

  it('bodies: non-objects, wrong-typed fields and unknown keys are refused naming the field', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(fuzzable)) {
      const schema = route.op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      const url = fillPath(route.path);
      const props = Object.entries(schema.properties ?? {});
      const wrongField = props.map(([name, s]) => [name, wrongValueFor(s)] as const).filter(([, v]) => v !== undefined);
      const cases = fc.oneof(
        fc.record({
          kind: fc.constant('not-an-object' as const),
          value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 })),
        }),
        ...(wrongField.length > 0
          ? [fc.record({ kind: fc.constant('wrong-field' as const), value: fc.constantFrom(...wrongField) })]
          : []),
        fc.record({ kind: fc.constant('unknown-key' as const), value: fc.stringMatching(/^zz[a-z]{1,8}$/) }),
        fc.record({ kind: fc.constant('any-json' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
      );
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          let payload: unknown;
          if (c.kind === 'wrong-field') payload = { [c.value[0]]: c.value[1] };
          else if (c.kind === 'unknown-key') payload = { [c.value]: 'x' };
          else payload = c.value;
          const a = await send(route.method, url, payload);
          const where = `${route.method} ${route.path} ${c.kind} ${JSON.stringify(payload).slice(0, 80)}`;
          const problem = shapeProblem(a);
          if (problem) problems.push(`${where}: ${problem}`);
          if (a.status === 429) return; // sign-in is rate limited before validation
          if (c.kind === 'not-an-object' && (a.status !== 400 || !fieldsOf(a).some((f) => f.startsWith('body')))) {
            problems.push(`${where}: ${a.status}, fields ${fieldsOf(a).join(',')}`);
          }
          if (c.kind === 'wrong-field' && (a.status !== 400 || !fieldsOf(a).includes(`body.${c.value[0]}`))) {
            problems.push(`${where}: ${a.status}, fields ${fieldsOf(a).join(',')}`);
          }
          if (c.kind === 'unknown-key' && schema.additionalProperties === false) {
            const named = a.status === 400 && JSON.stringify(a.body.error).includes(c.value);
            if (!named) problems.push(`${where}: unknown key not named (${a.status})`);
          }
        }),
        { numRuns: 25, seed: 20261201 },
      );
    }
    expect(problems).toEqual([]);
  });

  it('bodies in other encodings (form, text/plain) are refused without a 5xx', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(fuzzable)) {
      if (!route.op.requestBody) continue;
      for (const [type, payload] of [
        ['application/x-www-form-urlencoded', 'name=x&tier=key'],
        ['text/plain', '{"name":"x"}'],
        ['application/json', '{"name": '],
      ] as const) {
        const a = await send(route.method, fillPath(route.path), payload, type, true);
        const problem = shapeProblem(a);
        if (problem) problems.push(`${route.method} ${route.path} ${type}: ${problem}`);
        if (a.status !== 429 && (a.status < 400 || !fieldsOf(a).includes('body'))) {
          problems.push(`${route.method} ${route.path} ${type}: ${a.status}, fields ${fieldsOf(a).join(',')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('query strings: never a 5xx; a bad enum, number, date or flag is named', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(fuzzable)) {
      const params = (route.op.parameters ?? []).filter((p) => p.in === 'query');
      if (params.length === 0) continue;
      const url = fillPath(route.path);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...params), nastyString, async (param, value) => {
          const a = await send(route.method, `${url}?${param.name}=${encodeURIComponent(value)}`);
          const problem = shapeProblem(a);
          if (problem)
            problems.push(`${route.method} ${route.path} ?${param.name}=${JSON.stringify(value)}: ${problem}`);
          if (a.status === 400 && !fieldsOf(a).every((f) => f.startsWith('querystring'))) {
            problems.push(`${route.method} ${route.path} ?${param.name}: fields ${fieldsOf(a).join(',')}`);
          }
        }),
        { numRuns: 12, seed: 20261201 },
      );
      for (const param of params) {
        const s = param.schema ?? {};
        const types = typesOf(s);
        const bad = s.enum
          ? 'zz-not-a-choice'
          : s.format === 'date-time' || s.format === 'date'
            ? 'yesterday-ish'
            : types.includes('integer') || types.includes('number')
              ? 'twelve'
              : types.includes('boolean')
                ? 'perhaps'
                : undefined;
        if (bad === undefined) continue;
        const a = await send(route.method, `${url}?${param.name}=${bad}`);
        if (a.status !== 400 || !fieldsOf(a).includes(`querystring.${param.name}`)) {
          problems.push(
            `${route.method} ${route.path} ?${param.name}=${bad}: ${a.status}, fields ${fieldsOf(a).join(',')}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
