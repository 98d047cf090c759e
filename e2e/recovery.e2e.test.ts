// The recovery of one mistake in a real browser, the way the model case (seed 001) tells it: a key
// client's mistake is logged, the whole account is swept, the client is told (after the guard
// catches a wrong honorific and its suggestion is applied), a 2× remedy is proposed and approved,
// accounting's separate notice is queued, the fix is completed, and the timeline shows every step.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Contact } from '../src/shared/contract/index.ts';
import {
  launchBrowser,
  screenshot,
  setupViaApi,
  shootBoth,
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
let client: Client;

const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const recovery = () => page.getByRole('region', { name: 'Recovery', exact: true });
const step = (title: string) => recovery().getByRole('region', { name: new RegExp(title) });

beforeAll(async () => {
  app = await startApp();
  api = await setupViaApi(app.baseUrl);
  client = await api.post<Client>('/clients', {
    name: 'Acme Dental',
    tier: 'key',
    value: { amountMinor: 4_800_000, currency: 'USD' },
  });
  await api.post<Contact>(`/clients/${client.id}/contacts`, {
    fullName: 'Amara Okafor',
    honorific: 'Dr',
    email: 'amara@acme.example',
  });
  await api.post<Contact>(`/clients/${client.id}/contacts`, {
    fullName: 'Ben Lowe',
    honorific: 'Mr',
    email: 'accounts@acme.example',
    isBilling: true,
  });
  // Something else open on the account, for the sweep to find.
  await api.post(`/clients/${client.id}/commitments`, {
    title: 'Send the Q2 campaign plan',
    dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  browser = await launchBrowser();
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('recovery of a mistake', () => {
  it('logs a mistake for a key client and opens its recovery guide at the sweep', async () => {
    await page.goto(`${app.baseUrl}/mistakes/new`);
    const form = page.getByRole('form', { name: 'Log a mistake' });
    await form.waitFor();
    await form.getByLabel(/^Client\b/).selectOption({ label: 'Acme Dental' });
    await form.getByLabel('Title').fill('Wrong short code on the spa posters');
    await form.getByLabel('What happened').fill('We sent 55132 instead of 55123 to the printer; posters went out.');
    await form.getByLabel('Category').selectOption('wrong_fact');
    await form.locator('label', { hasText: 'Major' }).click();
    await form.getByLabel('Impact').fill('250.00');
    await form.getByRole('button', { name: 'Log mistake' }).click();
    await page.getByRole('heading', { name: /MG-1.*Wrong short code on the spa posters/ }).waitFor();

    await recovery().waitFor();
    // Five steps shown, five counted (a major mistake owes updates, so "keep them informed" is not done).
    expect(await textOf(recovery())).toContain('0 of 5 steps done');
    const sweep = step('Check the whole account');
    await sweep.getByText('Send the Q2 campaign plan').waitFor();
    await screenshot(page, 'recovery-01-sweep');
  });

  it('sweeps the whole account', async () => {
    const sweep = step('Check the whole account');
    await sweep.getByRole('checkbox', { name: /Check all/ }).check();
    await sweep.getByLabel('Note').fill('Q2 plan on track; nothing else affected.');
    await sweep.getByRole('button', { name: 'Record the sweep' }).click();
    await recovery()
      .getByText(/Swept .* · 1 checked/)
      .waitFor();
    expect(await textOf(recovery())).toContain('1 of 5 steps done');
  });

  it('drafts the acknowledgment, catches the wrong honorific, applies the fix and sends it', async () => {
    const ack = step('Own it: tell the client');
    await ack.getByLabel('To').selectOption({ label: 'Dr Amara Okafor <amara@acme.example>' });
    const body = ack.getByRole('textbox', { name: 'Acknowledgment' });
    await expect.poll(async () => (await body.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(40);
    const drafted = await body.inputValue();
    expect(drafted).toContain('Dr Okafor');
    expect(await ack.getByLabel('Subject').inputValue()).not.toBe('');

    // A slip while editing: "Ms" for a doctor. The guard flags it; its suggestion puts "Dr" back.
    await body.fill(drafted.replace('Dr Okafor', 'Ms Okafor'));
    const apply = ack.getByRole('button', { name: 'Apply suggestion: replace “Ms Okafor” with “Dr Okafor”' });
    await apply.waitFor({ timeout: 10_000 });
    expect(await textOf(ack.getByRole('list', { name: 'Findings' }))).toContain(
      'Amara Okafor is recorded as Dr, not Ms.',
    );
    await screenshot(page, 'recovery-02-honorific-flagged');
    await apply.click();
    await expect.poll(() => body.inputValue()).toBe(drafted);
    await ack.getByText('Checking…').waitFor({ state: 'hidden' });

    await ack.getByRole('button', { name: 'Send the acknowledgment' }).click();
    await recovery()
      .getByText(/Told in .* target/)
      .waitFor();
    await recovery().getByText('Within target', { exact: true }).waitFor();
    await recovery().getByText('Told before they noticed', { exact: true }).waitFor();
    await screenshot(page, 'recovery-03-acknowledged');
  });

  it('proposes a 2× remedy that needs approval, approves it and queues the accounting notice', async () => {
    const remedy = step('Make it right');
    const proposal = remedy.getByRole('region', { name: 'Remedy proposal' });
    await proposal.waitFor();
    expect(await textOf(proposal)).toContain('Proposed: $500.00 (2× the impact)');
    expect(await textOf(proposal)).toContain('$250.00 × 2× = $500.00');
    expect(await remedy.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('500.00');
    await remedy.getByText('Approval needed').waitFor();
    await remedy.getByLabel('Rationale').fill('Double the cost of the reprint, as promised on the phone.');
    await screenshot(page, 'recovery-04-remedy-proposed');
    await remedy.getByRole('button', { name: 'Record remedy' }).click();

    const ledger = remedy.getByRole('table', { name: 'Remedy ledger' });
    await ledger.getByText('Awaiting approval').waitFor();
    await ledger.getByRole('button', { name: /Approve account credit of \$500\.00/ }).click();
    // Approving asks first, with an optional note.
    const confirm = page.getByRole('dialog', { name: 'Approve this remedy' });
    await confirm.waitFor();
    expect(await ledger.getByText('Awaiting approval').count()).toBe(1);
    await confirm.getByRole('textbox', { name: 'Note' }).fill('Key client; agreed on the phone.');
    await shootBoth(page, 'recovery-approve-confirm', () => confirm);
    await confirm.getByRole('button', { name: 'Approve $500.00' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await ledger.getByText('Issued', { exact: true }).waitFor();
    await ledger.getByText(/Approved by Dana Reyes/).waitFor();
    await ledger.getByLabel('Accounting notice queued').waitFor();
    const outcome = remedy.getByText(/^Issued \$500\.00\./);
    await outcome.waitFor();
    expect(await textOf(outcome)).toBe('Issued $500.00. Accounting notice queued to Ben Lowe <accounts@acme.example>.');
    const totals = remedy.getByRole('group', { name: 'Totals in USD' });
    expect(await textOf(totals)).toContain('$500.00');

    const messages = page.getByRole('table', { name: 'Messages about this mistake' });
    await messages.getByText('Accounting notice').waitFor();
    await messages.getByText('Acknowledgment').waitFor();
    expect(await textOf(messages)).toContain('accounts@acme.example');
    expect(await textOf(messages)).toContain('amara@acme.example');
    await screenshot(page, 'recovery-05-remedy-approved');
  });

  it('promises the fix and marks it done after a confirmation, with a note and the "it\'s fixed" message', async () => {
    const fix = step('Fix it on time');
    const form = fix.getByRole('form', { name: 'Fix timeline' });
    await form.getByLabel(/What will be fixed/).fill('Reprint and deliver the posters with 55123');
    await form.getByLabel(/^Due/).fill('2030-01-10T12:00');
    await form.getByRole('button', { name: 'Promise the fix' }).click();
    await fix.getByRole('button', { name: 'Mark the fix done…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Mark the fix done' });
    await confirm.waitFor();
    await confirm.getByRole('textbox', { name: 'Note' }).fill('Reprinted 400 posters; code checked against the record.');
    await confirm.getByLabel('To').selectOption({ label: 'Dr Amara Okafor <amara@acme.example>' });
    const body = confirm.getByRole('textbox', { name: 'Message' });
    await expect.poll(async () => body.inputValue(), { timeout: 10_000 }).toContain('The fix we promised is done');
    expect(await body.inputValue()).not.toContain('Reprinted 400 posters');
    await confirm.getByText('Checking…').waitFor({ state: 'hidden' });
    await shootBoth(page, 'recovery-fix-done-confirm', () => confirm);
    await confirm.getByRole('button', { name: 'Mark done and send' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await recovery()
      .getByText(/^Fixed /)
      .waitFor();
    expect(await textOf(recovery())).toContain('5 of 5 steps done');
    const messages = page.getByRole('table', { name: 'Messages about this mistake' });
    await messages.getByText(/Fixed: Reprint and deliver the posters/).waitFor();
    await screenshot(page, 'recovery-06-fixed');
    await shootBoth(page, 'recovery-guide-done', () => recovery());
  });

  it('shows every step on the timeline', async () => {
    const timeline = page.getByRole('list', { name: /Mistake timeline/ });
    await timeline.getByText(/Fix done: Reprint and deliver the posters/).waitFor();
    expect(await textOf(timeline)).toContain('note: Reprinted 400 posters; code checked against the record.');
    const text = await textOf(timeline);
    expect(text).toContain('MG-1 logged: Wrong short code on the spa posters');
    expect(text).toMatch(/Account of Acme Dental swept for MG-1: 1 of 1 open item checked/);
    expect(text).toMatch(/MG-1 acknowledged to Amara Okafor by email/);
    expect(text).toMatch(/Remedy proposed: credit of \$500\.00, awaiting approval/);
    // Dana is the workspace's only owner or admin, so her approval of her own proposal is recorded as self-approved.
    expect(text).toMatch(/Remedy self-approved \(the only owner or admin\) by Dana Reyes: credit of \$500\.00/);
    expect(text).toMatch(/Accounting notice queued to Ben Lowe/);
    expect(text).toMatch(/Fix promised: Reprint and deliver the posters with 55123/);
    await screenshot(page, 'recovery-07-timeline');
  });

  it('lists the three messages in the outbox with their delivery status', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outbox' }).click();
    const outbox = page.getByRole('table', { name: 'Outbox' });
    await outbox.waitFor();
    const text = await textOf(outbox);
    expect(text).toContain('Accounting notice');
    expect(text).toContain('Acknowledgment');
    // The scheduler is off in this test, so both wait in the queue.
    // The acknowledgment, the accounting notice and the "it's fixed" message.
    expect(await outbox.getByText('Queued', { exact: true }).count()).toBe(3);
    await screenshot(page, 'recovery-08-outbox');

    // No reminders yet (the scheduler is off): the bell says so.
    await page.getByRole('button', { name: 'Notifications', exact: true }).click();
    await page.getByText(/Nothing yet\. Reminders before a commitment is due/).waitFor();
    await screenshot(page, 'recovery-08b-notifications', { fullPage: false });
    await page.keyboard.press('Escape');
  });

  it('shows the remedy on the client page, in its own currency', async () => {
    await page.goto(`${app.baseUrl}/clients/${client.id}`);
    const usd = page.getByRole('group', { name: 'Totals in USD' });
    await usd.waitFor();
    expect(await textOf(usd)).toContain('$500.00');
    const recent = page.getByRole('list', { name: 'Recent messages to this client' });
    await recent.waitFor();
    expect(await textOf(recent)).toContain('Accounting notice to Ben Lowe');
    await screenshot(page, 'recovery-09-client');
  });
});
