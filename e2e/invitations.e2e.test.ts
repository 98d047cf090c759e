// Letting the team in (issue 14 B), in a real browser: the owner invites a member by email in
// Settings → Members; the invitation mail is read from the file outbox the server delivers into
// (<data>/outbox/*.eml, written by the scheduler); a second browser with a fresh profile opens the
// link, chooses a name and password and lands signed in as a member; signs out; signs in again
// with the chosen password. Screenshots of the members section and the accept page go to
// docs/screenshots/ at 1366×900 and 390×844.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  setupViaApi,
  shootBoth,
  signInBrowser,
  startApp,
  type ApiSession,
  type LaunchedBrowser,
  waitForMailLink,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let owner: LaunchedBrowser;
let invitee: LaunchedBrowser | undefined;
let api: ApiSession;
let page: Page;

const INVITEE = { email: 'jo.park@northwind.example', name: 'Jo Park', password: 'lantern orchard whistle' };

/** Waits for the scheduler to deliver a mail to `to` whose body has `/invite/<token>`; returns the link. */
const invitationLink = (to: string) => waitForMailLink(app, to, 'invite');

beforeAll(async () => {
  // The scheduler delivers the outbox into <data>/outbox as .eml files.
  app = await startApp({ scheduler: true });
  api = await setupViaApi(app.baseUrl);
  owner = await launchBrowser({ viewport: { width: 1366, height: 900 } });
  page = owner.page;
  await signInBrowser(owner.context, app.baseUrl, api);
});

afterAll(async () => {
  await invitee?.close();
  await owner?.close();
  await app?.stop();
});

describe('inviting a member by email', () => {
  it('the owner invites an email with a role; it is listed as pending', async () => {
    await page.goto(`${app.baseUrl}/settings`);
    await page.getByRole('button', { name: 'Invite by email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite by email' });
    await dialog.getByRole('textbox', { name: /^Email/ }).fill(INVITEE.email);
    await dialog.getByLabel('Role', { exact: true }).selectOption('member');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByText(INVITEE.email).waitFor();
    expect(await pending.getByRole('row').count()).toBe(2);
    await shootBoth(page, 'members-invitations', () => page.getByRole('region', { name: 'Members' }));
  });

  it('the outbox never shows the link, and the delivered mail carries it', async () => {
    const listed = await api.get<{ items: { kind: string; body: string }[] }>('/messages?kind=invitation');
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]!.body).toContain('/invite/[hidden');
    const link = await invitationLink(INVITEE.email);
    const token = link.split('/invite/')[1]!;
    const after = await api.get<{ items: { status: string; body: string }[] }>('/messages?kind=invitation');
    expect(JSON.stringify(after)).not.toContain(token);
    // Without PUBLIC_URL the link points at this server on localhost, never at a Host header.
    expect(link).toMatch(new RegExp(`^http://localhost:${new URL(app.baseUrl).port}/invite/`));
  });

  it('a second browser opens the link, chooses name and password, and lands signed in as a member', async () => {
    const link = await invitationLink(INVITEE.email);
    invitee = await launchBrowser({ viewport: { width: 1366, height: 900 } });
    const p = invitee.page;
    // The same server by the address the harness reached it at (localhost may resolve to ::1 first).
    await p.goto(`${app.baseUrl}/invite/${link.split('/invite/')[1]!}`);
    await p.getByRole('heading', { name: 'Join Northwind Studio' }).waitFor();
    await p.getByText('Dana Reyes invited').waitFor();
    await shootBoth(p, 'accept-invitation');
    await p.getByRole('textbox', { name: /^Your name/ }).fill(INVITEE.name);
    await p.getByLabel(/^Password/).fill(INVITEE.password);
    await p.getByRole('button', { name: 'Join Northwind Studio' }).click();
    // A new member lands on the dashboard, signed in.
    await p.waitForURL(`${app.baseUrl}/`);
    await p.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await p.getByRole('button', { name: `Account menu for ${INVITEE.name}` }).waitFor();
    const session = await p.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({ role: 'member', user: { name: INVITEE.name, email: INVITEE.email } });

    // The same link again: a plain message, no form.
    await p.goto(`${app.baseUrl}/invite/${link.split('/invite/')[1]!}`);
    await p.getByRole('alert').getByText('This invitation was already used').waitFor();
  });

  it('the new member signs out and signs in again with the chosen password', async () => {
    const p = invitee!.page;
    await p.goto(`${app.baseUrl}/mistakes`);
    await p.getByRole('button', { name: /Account menu/ }).click();
    await p.getByRole('menuitem', { name: 'Sign out' }).click();
    await p.getByRole('heading', { name: 'Sign in' }).waitFor();
    await p.getByRole('textbox', { name: /^Email/ }).fill(INVITEE.email);
    await p.getByLabel(/^Password/).fill(INVITEE.password);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.getByRole('button', { name: `Account menu for ${INVITEE.name}` }).waitFor();

    // The owner sees them as a member, and the invitation is no longer pending.
    await page.reload();
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByText(INVITEE.email).waitFor();
    expect(await page.getByRole('table', { name: 'Pending invitations' }).count()).toBe(0);
  });
});
