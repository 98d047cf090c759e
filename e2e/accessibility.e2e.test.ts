// Every page of the app (e2e/pages.ts: the list the router is checked against) at 1366×900 and at
// 390×844: axe-core finds no WCAG 2.1 A/AA violation, and the page fits the width of the screen
// (no sideways scrolling). Each page is photographed in both sizes into docs/screenshots/page-*.png.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Contact, Mistake } from '../src/shared/contract/index.ts';
import {
  launchBrowser,
  setupViaApi,
  shootBoth,
  signInBrowser,
  startApp,
  viewports,
  type ApiSession,
  type LaunchedBrowser,
  type RunningApp,
} from './harness.ts';
import { auditedPages, type AuditedPage } from './pages.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let api: ApiSession;
const ids: Record<string, string> = {};
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A workspace with something on every page: clients, contacts, facts, mistakes at two stages, a message, a remedy, an action, a lesson, a token, an invitation. */
async function seed(session: ApiSession): Promise<void> {
  const client = await session.post<Client>('/clients', {
    name: 'Serenity Day Spas',
    tier: 'key',
    value: { amountMinor: 1_200_000, currency: 'USD' },
  });
  await session.post<Client>('/clients', {
    name: 'Brightside Realty',
    tier: 'standard',
    value: { amountMinor: 300_000, currency: 'USD' },
  });
  const contact = await session.post<Contact>(`/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn.carter@serenity-day-spas.example',
  });
  await session.post(`/clients/${client.id}/facts`, { kind: 'short_code', value: '55123', label: 'SMS short code' });
  await session.post('/facts', { kind: 'url', value: 'https://northwind.example/support', label: 'Support page' });
  await session.post(`/clients/${client.id}/commitments`, {
    title: 'Send the spring campaign plan',
    dueAt: hoursFromNow(72),
  });
  const mistake = await session.post<Mistake>('/mistakes', {
    clientId: client.id,
    title: 'Wrong short code on the spa posters for the spring campaign',
    description: 'The posters went to print with the short code 55132 instead of 55123.',
    category: 'wrong_fact',
    severity: 'major',
    impact: { amountMinor: 400_000, currency: 'USD' },
    foundBy: 'client',
  });
  await session.post<Mistake>('/mistakes', {
    clientId: client.id,
    title: 'Appointment reminders went out a day late',
    category: 'deadline',
    severity: 'minor',
    foundBy: 'us',
  });
  const draft = await session.get<{ subject: string; body: string }>(
    `/mistakes/${mistake.id}/acknowledgment-draft?contactId=${contact.id}`,
  );
  await session.post(`/mistakes/${mistake.id}/acknowledgment/send`, {
    contactId: contact.id,
    subject: draft.subject,
    body: draft.body,
    overrideReason: 'Read and approved by the account lead',
  });
  await session.post(`/mistakes/${mistake.id}/fix-commitment`, {
    title: 'Reprint the posters with 55123 and deliver them to all four spas',
    dueAt: hoursFromNow(24),
  });
  const owner = (await session.get<{ items: { id: string }[] }>('/members')).items[0]!;
  await session.post(`/mistakes/${mistake.id}/actions`, {
    kind: 'preventive',
    title: 'Compare every proof with the client facts before print',
    ownerId: owner.id,
    dueAt: hoursFromNow(24 * 7),
  });
  await session.post(`/mistakes/${mistake.id}/lessons`, {
    title: 'Check codes against the facts before print',
    learned: 'A proof is compared with the client facts card before it goes to the printer.',
    scope: 'workspace',
  });
  const proposal = await session.get<{ proposed: { amountMinor: number | string; currency: string } }>(
    `/mistakes/${mistake.id}/remedy-proposal`,
  );
  await session.post(`/mistakes/${mistake.id}/remedies`, {
    kind: 'credit',
    currency: proposal.proposed.currency,
    amountMinor: proposal.proposed.amountMinor,
    note: '2× the impact for a key client',
    idempotencyKey: 'audit-credit',
  });
  // Settings with a token and a pending invitation, so their tables are audited too.
  await session.post('/tokens', { name: 'Nightly export', scope: 'read' });
  await session.post('/invitations', { email: 'sam.okafor@northwind.example', role: 'member' });
  ids['mistakeId'] = mistake.id;
  ids['clientId'] = client.id;
}

/** The page's address with its `:params` filled from the seeded ids. */
function urlOf(p: AuditedPage): string {
  const path = p.route.replace(/:(\w+)/g, (_, key: string) => {
    const id = ids[key];
    if (!id) throw new Error(`no seeded id for :${key} in ${p.route}`);
    return id;
  });
  return `${app.baseUrl}/${path}`;
}

/** Waits until the page has its heading, no loader and no request in flight. */
async function settle(): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Buttons keep a hidden loader of their own; a visible one means a section is still loading.
  await page.locator('.mantine-Loader-root:visible').first().waitFor({ state: 'hidden' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** axe's WCAG 2.1 A/AA violations on the current page, one line per rule and node. */
async function violations(): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
  );
}

/** How far the page scrolls sideways (0 when it fits the screen). */
const sidewaysOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** What to do on a page before it is checked, so the state worth checking is on screen. */
const prepare: Record<string, () => Promise<void>> = {
  // The analysis panel with findings (a wrong honorific), not the empty form.
  check: async () => {
    await page.getByRole('combobox', { name: /Client/ }).click();
    await page.getByRole('option', { name: 'Serenity Day Spas' }).click();
    await page
      .getByRole('textbox', { name: /^Message/ })
      .fill('Dear Mrs Carter, I am sorry: I sent the posters with the wrong short code. Reprints go out Friday.');
    await page.getByRole('list', { name: 'Findings' }).waitFor();
  },
};

/** Opens a page and checks it at both sizes; then photographs it at both. */
async function audit(p: AuditedPage): Promise<void> {
  await page.setViewportSize(viewports.desktop);
  await page.goto(urlOf(p));
  await settle();
  await prepare[p.name]?.();
  const found: string[] = [];
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    // Mantine's media-query hooks re-render after the resize: two frames later the layout is the phone's.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await settle();
    for (const v of await violations()) found.push(`${label}: ${v}`);
    const overflow = await sidewaysOverflow();
    if (overflow > 0) found.push(`${label}: scrolls sideways by ${overflow}px`);
  }
  await shootBoth(page, `page-${p.name}`);
  expect(found, `${p.name} (${p.route})`).toEqual([]);
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ viewport: viewports.desktop });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('every page is accessible and fits a phone', () => {
  for (const p of auditedPages.filter((x) => x.when === 'before-setup')) {
    it(`${p.name}, before setup`, async () => audit(p));
  }

  it('is set up (through the API) and seeded', async () => {
    api = await setupViaApi(app.baseUrl);
    await seed(api);
    expect(Object.keys(ids).sort()).toEqual(['clientId', 'mistakeId']);
  });

  for (const p of auditedPages.filter((x) => x.when === 'signed-out')) {
    it(`${p.name}, signed out`, async () => audit(p));
  }

  it('signs in', async () => {
    await signInBrowser(browser.context, app.baseUrl, api);
    await page.goto(`${app.baseUrl}/mistakes`);
    await page
      .getByRole('table', { name: 'Mistakes' })
      .or(page.getByRole('list', { name: 'Mistakes' }))
      .waitFor();
  });

  for (const p of auditedPages.filter((x) => x.when === 'signed-in')) {
    it(`${p.name}, signed in`, async () => audit(p));
  }
});
