// Never twice, in a real browser, the way seed 001 ends: "Mistakes happen. Just make sure they don't
// happen twice." The wrong-short-code mistake (set up through the API) gets a lesson in its Learn
// section, the lesson is turned into a check (the right short code on the facts card), a later poster
// proof with the digits swapped is stopped in "Check a message" with a finding that names the lesson,
// the text is fixed and the lesson counts one catch; then "wrong short code on the flyers" is logged,
// the form suggests the earlier mistake, it is marked a repeat, and the earlier mistake shows regressed
// with its action not effective. Screenshots go to docs/screenshots/ at 1366×900 and 390×844.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Lesson, Learning, Mistake } from '../src/shared/contract/index.ts';
import {
  launchBrowser,
  shootBoth,
  setupViaApi,
  signInBrowser,
  viewports,
  startApp,
  type ApiSession,
  type LaunchedBrowser,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let api: ApiSession;
let client: Client;
let mistake: Mistake;

const shoot = (name: string, target?: () => Locator) => shootBoth(page, name, target);

const learn = () => page.getByRole('region', { name: 'Learn', exact: true });
const lessons = async () => (await api.get<{ items: Lesson[] }>(`/mistakes/${mistake.id}/lessons`)).items;

beforeAll(async () => {
  app = await startApp();
  api = await setupViaApi(app.baseUrl);
  client = await api.post<Client>('/clients', {
    name: 'Serenity Day Spas',
    tier: 'key',
    value: { amountMinor: 1_200_000, currency: 'USD' },
  });
  await api.post(`/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
  mistake = await api.post<Mistake>('/mistakes', {
    clientId: client.id,
    title: 'Wrong short code on the posters',
    description: 'The posters went to print with 55132 instead of 55123.',
    category: 'wrong_fact',
    severity: 'major',
  });
  // A preventive action done and checked effective: the repeat later overturns it.
  const owner = (await api.get<{ items: { id: string }[] }>('/members')).items[0]!;
  const action = await api.post<{ id: string }>(`/mistakes/${mistake.id}/actions`, {
    kind: 'preventive',
    title: 'Collateral check before print',
    ownerId: owner.id,
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  await api.post(`/actions/${action.id}/done`);
  await api.post(`/actions/${action.id}/check`, { result: 'effective', note: 'Two proofs checked since' });

  browser = await launchBrowser({ viewport: viewports.desktop });
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('never twice', () => {
  it('writes a lesson from the mistake and turns it into a check', async () => {
    await page.goto(`${app.baseUrl}/mistakes/${mistake.id}`);
    const form = learn().getByRole('form', { name: 'Write a lesson' });
    await form.getByLabel('Lesson', { exact: true }).fill('Check every code against the facts card before print');
    await form
      .getByLabel(/What we learned/)
      .fill('The proof was approved without comparing the short code to what the client gave us.');
    await form.getByRole('button', { name: 'Save lesson' }).click();
    const card = learn().getByRole('article', { name: 'Lesson: Check every code against the facts card before print' });
    await card.getByRole('button', { name: 'Turn it into a check' }).click();
    const proposal = card.getByRole('form', { name: 'Proposed check: Fact on the facts card' });
    await expect.poll(() => proposal.getByLabel('Right value').inputValue()).toBe('55123');
    await proposal.getByLabel('Label (optional)').fill('SMS short code');
    await shoot('lessons-proposal', () => card);
    await proposal.getByRole('button', { name: 'Add check' }).click();
    await card.getByText('SMS short code is 55123').waitFor();
    await card.getByText(/^No catches yet since/).waitFor();
    expect((await lessons())[0]?.checks).toHaveLength(1);
  });

  it('stops a later proof with the digits swapped, names the lesson, and counts one catch when it is fixed', async () => {
    await page.goto(`${app.baseUrl}/check`);
    await page.getByRole('combobox', { name: /Client/ }).click();
    await page.getByRole('option', { name: 'Serenity Day Spas' }).click();
    const message = page.getByRole('textbox', { name: /^Message/ });
    await message.fill('Spring poster: text SPA to 55213 for 20% off your first massage.');
    const findings = page.getByRole('list', { name: 'Findings' });
    await expect.poll(() => findings.textContent()).toMatch(/Lesson from MG-1/);
    await shoot('lessons-check-caught');
    // Read it, then fix it (a finding gone within 2 s is typing, not a catch).
    await page.waitForTimeout(2_500);
    await message.fill('Spring poster: text SPA to 55123 for 20% off your first massage.');
    await expect
      .poll(async () => (await findings.count()) === 0 || !/Lesson from/.test((await findings.textContent()) ?? ''))
      .toBe(true);
    await expect.poll(async () => (await lessons())[0]?.catches).toBe(1);
    await page.goto(`${app.baseUrl}/lessons`);
    await page
      .getByRole('article', { name: /Lesson: Check every code/ })
      .getByText(/^Caught 1 time since/)
      .waitFor();
    await page.getByLabel('Search').fill('proof');
    await page.getByText('1 lesson, best match first').waitFor();
    await shoot('lessons-library');
  });

  it('suggests the earlier mistake while logging the flyers, marks it a repeat, and the earlier one regresses', async () => {
    await page.goto(`${app.baseUrl}/mistakes/new?clientId=${client.id}`);
    await page.getByLabel('Title').fill('Wrong short code on the flyers');
    await page.getByLabel(/Category/).selectOption('wrong_fact');
    const similar = page
      .getByRole('list', { name: 'Similar past mistakes' })
      .or(page.getByLabel('Similar past mistakes'));
    await similar.getByText('MG-1 Wrong short code on the posters').waitFor();
    await page.getByText('Very likely a repeat of MG-1').waitFor();
    await shoot('lessons-log-suggests');
    await page.getByLabel('This is a repeat of MG-1').check();
    await page.getByRole('button', { name: 'Log mistake' }).click();
    await page.waitForURL(/\/mistakes\/(?!new)[^/]+$/u);
    await learn().getByText('Repeat of MG-1').waitFor();

    const earlier: Learning = await api.get<Learning>(`/mistakes/${mistake.id}/learning`);
    expect(earlier.regressed).toBe(true);
    expect(earlier.actions[0]?.checkResult).toBe('not_effective');
    expect((await lessons())[0]?.repeats).toBe(1);
    await page.goto(`${app.baseUrl}/mistakes/${mistake.id}`);
    await learn().getByText('Regressed', { exact: true }).waitFor();
    await learn().getByText('Happened again 1 time').waitFor();
    await shoot('lessons-regressed', () => learn());
  });
});
