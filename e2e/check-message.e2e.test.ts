// "Check a message" in the browser: paste a text with a wrong honorific for a client's contact, see
// the guard mark it in the text with its explanation, apply the suggestion, and the text is fixed
// while the rest stays as typed. The apology checklist shows beside it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../src/shared/contract/index.ts';
import {
  launchBrowser,
  screenshot,
  setupViaApi,
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
  const serenity = await api.post<Client>('/clients', { name: 'Serenity Day Spas', tier: 'key' });
  await api.post(`/clients/${serenity.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
  await api.post(`/clients/${serenity.id}/facts`, { kind: 'short_code', value: '55123', label: 'SMS short code' });
  await api.post('/clients', { name: 'Blue Harbor Dental' });
  browser = await launchBrowser();
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const text =
  'Dear Mrs Carter,\n\nI sent the SMS blast with the wrong short code yesterday. That was my mistake, and I am sorry. ' +
  'We will resend it today with 55123, and I have added a check against your record so it cannot happen again.\n\nSam';

describe('Check a message', () => {
  it('marks a wrong honorific, explains it, and applies the suggestion', async () => {
    await page.goto(`${app.baseUrl}/check`);
    await page.getByRole('heading', { name: 'Check a message' }).waitFor();

    await page.getByRole('combobox', { name: /Client/ }).click();
    await page.getByRole('option', { name: 'Serenity Day Spas' }).click();
    const message = page.getByRole('textbox', { name: /^Message/ });
    await message.fill(text);

    const marked = page
      .getByRole('region', { name: 'Your text with findings marked' })
      .locator('mark', { hasText: 'Mrs Carter' });
    await marked.waitFor();
    const findings = page.getByRole('list', { name: 'Findings' });
    await expect.poll(() => findings.textContent()).toMatch(/Ms Carter/);
    await expect
      .poll(() => page.getByRole('list', { name: 'Apology components' }).textContent())
      .toMatch(/responsibility/i);
    await screenshot(page, 'check-message-finding');

    await page.getByRole('button', { name: 'Apply suggestion: replace “Mrs Carter” with “Ms Carter”' }).click();
    await expect.poll(() => message.inputValue()).toBe(text.replace('Mrs Carter', 'Ms Carter'));
    await expect
      .poll(async () =>
        page
          .getByRole('region', { name: 'Your text with findings marked' })
          .locator('mark', { hasText: 'Carter' })
          .count(),
      )
      .toBe(0);
    await screenshot(page, 'check-message-fixed');
  });

  it("flags another client's name and a near miss of the short code as errors", async () => {
    await page
      .getByRole('textbox', { name: /^Message/ })
      .fill('Hi Lynn, as we did for Blue Harbor Dental, text SPA to 55213.');
    const region = page.getByRole('region', { name: 'Your text with findings marked' });
    await region.locator('mark', { hasText: 'Blue Harbor Dental' }).waitFor();
    await region.locator('mark', { hasText: '55213' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Findings' }).textContent()).toMatch(/55123/);
  });
});
