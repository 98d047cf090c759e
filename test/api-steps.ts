import type { testApi } from './factories.ts';

type Api = Awaited<ReturnType<typeof testApi>>['api'];

/**
 * Small API steps for route tests: a request that must succeed (201 for POST, else 200, or the
 * status given) and answers its body; a key client; a major mistake.
 */
export function apiSteps(api: () => Api) {
  async function ok(method: string, url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
    const r = await api().request(method, url, body);
    if (r.status !== status) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  return {
    ok,
    client: (name: string) =>
      ok('POST', '/api/clients', { name, tier: 'key', value: { amountMinor: 1_000_000, currency: 'USD' } }),
    mistake: (clientId: string, title: string, category = 'wrong_fact', description?: string) =>
      ok('POST', '/api/mistakes', {
        clientId,
        title,
        category,
        severity: 'major',
        ...(description && { description }),
      }),
  };
}
