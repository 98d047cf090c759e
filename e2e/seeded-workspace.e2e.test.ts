// A workspace seeded through the API (the harness's setupViaApi + signInBrowser), then read in the
// browser: the mistakes list shows every mistake with its stage, and the stage filter narrows it.
// Its viewport screenshot is the one the README shows (docs/screenshot.png).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Mistake } from '../src/shared/contract/index.ts';
import {
  launchBrowser,
  screenshot,
  setupViaApi,
  signInBrowser,
  startApp,
  type ApiSession,
  type LaunchedBrowser,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let api: ApiSession;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

beforeAll(async () => {
  app = await startApp();
  api = await setupViaApi(app.baseUrl);
  const client = (name: string, tier: 'key' | 'standard', amountMinor: number) =>
    api.post<Client>('/clients', { name, tier, value: { amountMinor, currency: 'USD' } });
  const acme = await client('Acme Dental', 'key', 4_800_000);
  const brightside = await client('Brightside Realty', 'standard', 1_200_000);
  const cobalt = await client('Cobalt Coffee Co.', 'key', 2_600_000);
  const delmar = await client('Delmar Law', 'standard', 900_000);
  const log = (
    c: Client,
    title: string,
    severity: string,
    category: string,
    impactMinor: number,
    foundBy: string,
    h: number,
  ) =>
    api.post<Mistake>('/mistakes', {
      clientId: c.id,
      title,
      severity,
      category,
      impact: { amountMinor: impactMinor, currency: 'USD' },
      foundBy,
      foundAt: hoursAgo(h),
    });
  const m1 = await log(acme, 'Wrong short code in the March newsletter', 'major', 'wrong_fact', 25_000, 'client', 70);
  const m2 = await log(
    brightside,
    'Listing photos sent to the wrong seller',
    'critical',
    'communication',
    120_000,
    'third_party',
    52,
  );
  const m3 = await log(cobalt, 'Invoice billed the February retainer twice', 'major', 'billing', 340_000, 'client', 30);
  await log(delmar, 'Misspelled Ms Okafor as Mrs Okafor in the brief', 'minor', 'communication', 0, 'us', 20);
  await log(acme, 'Appointment reminders went out a day late', 'major', 'deadline', 0, 'us', 6);
  await log(cobalt, 'Menu proofs missed the agreed Friday deadline', 'minor', 'deadline', 0, 'client', 2);
  for (const m of [m1, m2, m3])
    await api.post(`/mistakes/${m.id}/acknowledgments`, { channel: 'email', recipient: 'the client' });
  const fix = await api.post<{ id: string }>(`/mistakes/${m1.id}/fix-commitment`, {
    title: 'Resend with 55123',
    dueAt: hoursAgo(-24),
  });
  await api.post(`/commitments/${fix.id}/complete`);
  browser = await launchBrowser({ viewport: { width: 1360, height: 820 } });
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a seeded workspace', () => {
  it('shows the mistakes list signed in, newest first, each with its stage', async () => {
    // `/` is the dashboard; the list is one click away in the navigation.
    await page.goto(`${app.baseUrl}/mistakes`);
    const table = page.getByRole('table', { name: 'Mistakes' });
    await table.getByText('MG-6').waitFor();
    const refs = await table.locator('tbody tr td:first-child').allTextContents();
    expect(refs).toEqual(['MG-6', 'MG-5', 'MG-4', 'MG-3', 'MG-2', 'MG-1']);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[5]).toContain('Fixed');
    expect(rows[3]).toContain('Acknowledged');
    expect(rows[0]).toContain('Found');
    await page.getByText('6 mistakes').waitFor();
    await screenshot(page, 'seeded-mistakes-list', { fullPage: false });
  });

  it('narrows the list to one stage', async () => {
    await page.getByLabel('Stage').selectOption('acknowledged');
    await page.getByText('2 mistakes match').waitFor();
    const refs = await page
      .getByRole('table', { name: 'Mistakes' })
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(refs).toEqual(['MG-3', 'MG-2']);
  });
});
