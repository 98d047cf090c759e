// Learn, correct, don't repeat, in a real browser, the way seed 001 tells it: a key client's posters
// went out with the wrong short code; the acknowledgment drafted by the app is sent without an
// override, a 2× credit is given and the fix is done (set up through the API: the recovery e2e clicks
// those); then the learning is clicked in the UI: root cause, two preventive actions with owners and
// dates (learned), both done and checked effective (verified), the improvement plan drafted,
// analysed and sent (closed). Screenshots go to docs/screenshots/ at 1366×900 and 390×844.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Contact, Learning, Mistake, TimelineEvent } from '../src/shared/contract/index.ts';
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
let contact: Contact;
let mistake: Mistake;

const shoot = (name: string, target?: () => Locator) => shootBoth(page, name, target);

const learn = () => page.getByRole('region', { name: 'Learn', exact: true });
const stage = async () => (await api.get<Mistake>(`/mistakes/${mistake.id}`)).stage;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startApp();
  api = await setupViaApi(app.baseUrl);
  client = await api.post<Client>('/clients', {
    name: 'Serenity Day Spas',
    tier: 'key',
    value: { amountMinor: 1_200_000, currency: 'USD' },
  });
  contact = await api.post<Contact>(`/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
  await api.post(`/clients/${client.id}/facts`, { kind: 'short_code', value: '55123', label: 'SMS short code' });
  mistake = await api.post<Mistake>('/mistakes', {
    clientId: client.id,
    title: 'Wrong short code on the posters',
    description: 'The posters went to print with the short code 55132.',
    category: 'wrong_fact',
    severity: 'major',
    impact: { amountMinor: 400_000, currency: 'USD' },
  });
  // The recovery so far (the recovery e2e clicks these): the app's own draft goes out without an override.
  const draft = await api.get<{ subject: string; body: string }>(
    `/mistakes/${mistake.id}/acknowledgment-draft?contactId=${contact.id}`,
  );
  const ack = await api.post<{ overridden: boolean }>(`/mistakes/${mistake.id}/acknowledgment/send`, {
    contactId: contact.id,
    subject: draft.subject,
    body: draft.body,
  });
  expect(ack.overridden).toBe(false);
  const proposal = await api.get<{ proposed: { amountMinor: number | string; currency: string } }>(
    `/mistakes/${mistake.id}/remedy-proposal`,
  );
  const remedy = await api.post<{ entry: { id: string; status: string } }>(`/mistakes/${mistake.id}/remedies`, {
    kind: 'credit',
    currency: proposal.proposed.currency,
    amountMinor: proposal.proposed.amountMinor,
    note: '2× the impact for a key client',
    idempotencyKey: 'learning-e2e-credit',
  });
  if (remedy.entry.status === 'pending_approval')
    await api.post(`/remedies/${remedy.entry.id}/approve`, { note: null });
  const fix = await api.post<{ id: string }>(`/mistakes/${mistake.id}/fix-commitment`, {
    title: 'Reprint the posters with 55123',
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await api.post(`/commitments/${fix.id}/complete`);
  expect(await stage()).toBe('fixed');

  browser = await launchBrowser({ viewport: viewports.desktop });
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('learning from a mistake', () => {
  it('records the root cause in the form', async () => {
    await page.goto(`${app.baseUrl}/mistakes/${mistake.id}`);
    const form = learn().getByRole('form', { name: 'Root cause' });
    await form.waitFor();
    await form.getByLabel('Why 1', { exact: true }).fill('The posters had the wrong short code');
    await form.getByRole('button', { name: 'Ask why again' }).click();
    await form.getByLabel('Why 2', { exact: true }).fill('Nobody compared the proof with the client facts');
    await form.getByRole('button', { name: 'Ask why again' }).click();
    await form.getByLabel('Why 3', { exact: true }).fill('The proof review has no facts check');
    await form.getByLabel(/Main cause/).selectOption('process');
    await form.getByLabel(/Escape point/).selectOption('no_check');
    await form
      .getByLabel(/Where it should have been caught/)
      .fill('proof review: the proof was never checked against the facts card');
    await form
      .getByLabel(/Summary for the client/)
      .fill('Our proof review did not compare the posters against the details you gave us.');
    await form.getByRole('button', { name: 'Record the root cause' }).click();
    await learn().getByRole('button', { name: 'Save the root cause' }).waitFor();
    await shoot('learning-root-cause-form', () => learn().getByRole('form', { name: 'Root cause' }));
  });

  it('adds the two preventive actions with owners and dates, and the mistake is learned', async () => {
    for (const [index, [title, days]] of (
      [
        ['Collateral check before print', 7],
        ['New account manager', 3],
      ] as const
    ).entries()) {
      if (index > 0) await learn().getByRole('button', { name: 'Add an action' }).click();
      const form = learn().getByRole('form', { name: 'Add an action' });
      await form.getByLabel(/^Action/).fill(title);
      await form.getByLabel(/Owner/).selectOption({ label: 'Dana Reyes' });
      await form.getByLabel(/Due/).fill(inDays(days));
      await form.getByRole('button', { name: 'Add the action' }).click();
      await learn()
        .getByRole('region', { name: `Action: ${title}` })
        .or(learn().getByLabel(`Action: ${title}`))
        .waitFor();
    }
    await expect.poll(stage).toBe('learned');
    await page.goto(`${app.baseUrl}/actions`);
    await page.getByRole('table', { name: 'Actions' }).getByText('New account manager').waitFor();
    await shoot('learning-actions-page');
  });

  it('marks both done, checks them effective, and the mistake is verified', async () => {
    await page.goto(`${app.baseUrl}/mistakes/${mistake.id}`);
    for (const title of ['Collateral check before print', 'New account manager']) {
      await learn()
        .getByRole('button', { name: `Mark done: ${title}` })
        .click();
      await learn()
        .getByRole('button', { name: `Check effectiveness: ${title}` })
        .click();
      const check = learn().getByRole('form', { name: `Effectiveness check of ${title}` });
      await check.getByLabel('Note').fill('Three proofs checked since, no errors');
      await check.getByRole('button', { name: 'Record the check' }).click();
      await check.waitFor({ state: 'detached' });
    }
    await expect.poll(stage).toBe('verified');
  });

  it('drafts, analyses and sends the improvement plan, and the mistake is closed', async () => {
    const plan = learn();
    await plan.getByLabel('To', { exact: true }).selectOption(contact.id);
    const subject = plan.getByLabel('Subject', { exact: true });
    await expect.poll(async () => subject.inputValue()).not.toBe('');
    await plan.getByRole('button', { name: 'Send the improvement plan' }).click();
    await plan.getByText('Improvement plan sent').waitFor();
    await expect.poll(stage).toBe('closed');
    const learning = await api.get<Learning>(`/mistakes/${mistake.id}/learning`);
    expect(learning.missing.closed).toEqual([]);
    const types = (await api.get<{ items: TimelineEvent[] }>(`/mistakes/${mistake.id}/timeline`)).items.map(
      (e) => e.type,
    );
    for (const type of [
      'root_cause.recorded',
      'action.added',
      'action.done',
      'action.checked',
      'mistake.learned',
      'mistake.verified',
      'mistake.plan_sent',
      'mistake.closed',
    ])
      expect(types).toContain(type);
    await page.reload();
    await page.getByRole('heading', { name: /Wrong short code on the posters/ }).waitFor();
    await learn().getByText('Improvement plan sent').waitFor();
    await shoot('learning-closed-mistake');
  });
});
