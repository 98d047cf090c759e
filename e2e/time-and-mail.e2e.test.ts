// Time and identity (issue 13 A), in a real browser and through a real SMTP server on loopback:
// the workspace works in Europe/London, a due time typed there shows as London time (with BST) and is
// stored as UTC; the acknowledgment delivered by the scheduler over SMTP comes From the workspace's
// sender name, with Reply-To the member who sent it, a Message-ID on MAIL_FROM's domain, a Date, a
// text part, and a subject with no internal reference.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Commitment, Contact, Mistake } from '../src/shared/contract/index.ts';
import {
  defaultOwner,
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

let smtp: SMTPServer;
const received: ParsedMail[] = [];
let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let api: ApiSession;
let client: Client;
let contact: Contact;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          received.push(parsed);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  app = await startApp({
    scheduler: true,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'makegood <mail@northwind.example>' },
  });
  api = await setupViaApi(app.baseUrl);
  await api.patch('/settings', { timezone: 'Europe/London' });
  client = await api.post<Client>('/clients', { name: 'Serenity Day Spas', tier: 'key' });
  contact = await api.post<Contact>(`/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
  browser = await launchBrowser({ viewport: viewports.desktop });
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('the workspace time zone', () => {
  it('a due time typed in Europe/London shows as London time and is stored as UTC', async () => {
    const year = new Date().getUTCFullYear() + 1;
    await page.goto(`${app.baseUrl}/clients/${client.id}`);
    const form = page.getByRole('form', { name: /commitment/i });
    await form.getByLabel(/What was promised/).fill('Send the revised brochure proofs');
    const due = form.getByRole('textbox', { name: /^Due/ });
    await due.fill(`${year}-07-01 17:00`);
    // The field says how it read the text: London summer time.
    await form.getByText(/BST/).first().waitFor();
    await form.getByRole('button', { name: 'Add commitment' }).click();
    await page.getByText('Send the revised brochure proofs').first().waitFor();

    const stored = await api.get<{ items: Commitment[] }>(`/clients/${client.id}/commitments`);
    expect(stored.items.map((c) => c.dueAt)).toContain(`${year}-07-01T16:00:00.000Z`);
    // Shown back in the workspace's zone, not in UTC.
    const section = page.getByRole('region', { name: 'Commitments' });
    await expect(section.textContent()).resolves.toMatch(/17:00/);
    await expect(section.textContent()).resolves.not.toMatch(/16:00/);
    await shootBoth(page, 'time-zone-commitment', () => section);
  });
});

describe('mail from the sender', () => {
  it('the acknowledgment arrives over SMTP from the sender name, replying to the member', async () => {
    const mistake = await api.post<Mistake>('/mistakes', {
      clientId: client.id,
      title: 'Sent the wrong short code (55132) on the posters',
      description: 'The posters went to print with the short code 55132 instead of 55123.',
      category: 'wrong_fact',
      severity: 'major',
    });
    const draft = await api.get<{ subject: string; body: string }>(
      `/mistakes/${mistake.id}/acknowledgment-draft?contactId=${contact.id}`,
    );
    // The draft never pastes the internal title.
    expect(`${draft.subject}\n${draft.body}`).not.toContain('Sent the wrong short code');
    await api.post(`/mistakes/${mistake.id}/acknowledgment/send`, {
      contactId: contact.id,
      subject: draft.subject,
      body: draft.body,
      overrideReason: 'As drafted',
    });
    const deadline = Date.now() + 60_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const mail = received.find((m) => m.to && JSON.stringify(m.to).includes('lynn@serenity.example'));
    expect(mail, app.output()).toBeDefined();
    expect(mail!.from?.value[0]).toEqual({ name: defaultOwner.workspaceName, address: 'mail@northwind.example' });
    expect(mail!.replyTo?.value[0]).toEqual({ name: defaultOwner.ownerName, address: defaultOwner.email });
    expect(mail!.messageId).toMatch(/@northwind\.example>$/u);
    expect(mail!.date).toBeInstanceOf(Date);
    expect(mail!.text?.trim().length).toBeGreaterThan(0);
    expect(mail!.subject).not.toMatch(/MG-\d/u);
    expect(mail!.subject).not.toContain(mistake.id);
  });
});
