import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, testServices } from '../../test/factories.ts';
import { buildApp } from './app.ts';

// Security headers (issue 12 C): every header on the web app, the API and the API docs.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function boot(publicUrl?: string) {
  const { services, cleanup } = await testServices();
  const webRoot = mkdtempSync(join(tmpdir(), 'mg-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  const app = await buildApp(services, { webRoot, publicUrl });
  cleanups.push(async () => {
    await app.close();
    await cleanup();
    rmSync(webRoot, { recursive: true, force: true });
  });
  return { app, services };
}

function expectCommonHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('sends CSP, frame, nosniff and referrer headers on the web app, the API and the API docs; no HSTS over http', async () => {
    const { app } = await boot('http://localhost:3000');
    for (const url of ['/', '/mistakes/abc', '/api/session', '/api/openapi.json', '/api/docs/']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBeLessThan(500);
      expectCommonHeaders(r.headers);
      expect(r.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS only when PUBLIC_URL is https', async () => {
    const { app } = await boot('https://makegood.example');
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('marks session and CSRF answers Cache-Control: no-store; the web app is not', async () => {
    const { app, services } = await boot();
    const owner = await makeWorkspace(services, 'Acme Studio');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: owner.email, password: owner.password },
    });
    expect(signIn.statusCode).toBeLessThan(300);
    expect(signIn.json().csrfToken).toBeTruthy();
    expect(signIn.headers['cache-control']).toBe('no-store');
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.headers['cache-control']).toBe('no-store');
    // The API docs (swagger-ui) still load under the CSP.
    const docs = await app.inject({ method: 'GET', url: '/api/docs/', headers: { cookie } });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    expectCommonHeaders(docs.headers);
    const refused = await app.inject({ method: 'GET', url: '/api/session' });
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/' })).headers['cache-control']).not.toBe('no-store');
  });
});
