// API tokens in the browser: create one in Settings, see the secret once with its warning, use it
// as a bearer token from outside the browser, then revoke it there and see it refused.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  setupViaApi,
  shootBoth,
  signInBrowser,
  startApp,
  type LaunchedBrowser,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  const api = await setupViaApi(app.baseUrl);
  await api.post('/clients', { name: 'Serenity Day Spas', tier: 'key' });
  browser = await launchBrowser();
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const bearerGet = (token: string, path: string) =>
  fetch(`${app.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('API tokens in Settings', () => {
  it('creates a token shown once, which works from a script until it is revoked', async () => {
    await page.goto(`${app.baseUrl}/settings`);
    const section = page.getByRole('region', { name: 'API tokens' });
    await section.getByText('No API tokens yet').waitFor();
    await section.getByRole('button', { name: 'Create token' }).click();

    const form = page.getByRole('dialog', { name: 'Create an API token' });
    await form.getByRole('textbox', { name: /Name/ }).fill('GitHub Actions');
    await form.getByRole('combobox', { name: /Access/ }).selectOption('read');
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy your new token' });
    await shown.getByText("You won't see this token again").waitFor();
    const token = (await shown.getByLabel('New API token').textContent())?.trim() ?? '';
    expect(token).toMatch(/^mg_pat_[A-Za-z0-9_-]{43}$/);
    await shootBoth(page, 'api-token-created', () => shown);
    await shown.getByRole('button', { name: 'Done' }).click();

    const clients = await bearerGet(token, '/clients');
    expect(clients.status).toBe(200);
    expect(((await clients.json()) as { items: { name: string }[] }).items.map((c) => c.name)).toEqual([
      'Serenity Day Spas',
    ]);
    const write = await fetch(`${app.baseUrl}/api/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Blue Harbor Dental' }),
    });
    expect(write.status).toBe(403);

    // The list shows the use (the page refetches on reload), never the secret.
    await page.reload();
    const table = section.getByRole('table', { name: 'API tokens' });
    const row = table.getByRole('row', { name: /GitHub Actions/ });
    await row.getByText('Read only').waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).not.toBe('Never');
    expect(await section.textContent()).not.toContain(token);
    await shootBoth(page, 'api-tokens', () => section);

    await row.getByRole('button', { name: 'Revoke GitHub Actions' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this token?' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await section.getByText('No API tokens yet').waitFor();
    expect((await bearerGet(token, '/clients')).status).toBe(401);
  });
});
