// The foundation journey in a real browser: first-run setup, a client with a contact and a fact,
// a logged mistake found again by filter, its acknowledgment and timeline.
import { afterAll, beforeAll, describe, expect as vexpect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, startApp, type LaunchedBrowser, type RunningApp } from './harness.ts';

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The text of an element as written (CSS text-transform does not apply). */
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
/** The text of the main area. */
const mainText = () => textOf(page.locator('main'));

describe('foundation', () => {
  it('sends a fresh install to first-run setup and explains what is missing', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('heading', { name: 'Set up makegood' }).waitFor();
    vexpect(new URL(page.url()).pathname).toBe('/setup');

    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Name your workspace').waitFor();
    await page.getByText('Use at least 10 characters').waitFor();
    await screenshot(page, '01-setup-validation');

    await page.getByLabel('Workspace name').fill('Northwind Studio');
    await page.getByLabel('Your name').fill('Dana Reyes');
    await page.getByLabel('Email').fill('dana@northwind.example');
    await page.locator('input[type=password]').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create workspace' }).click();

    // Home is the dashboard; a new workspace has nothing on it yet.
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    vexpect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('No mistakes in this period').waitFor();
    vexpect(await page.locator('header').innerText()).toContain('Northwind Studio');
  });

  it('adds a client with a contact and a fact', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByText('No clients yet').waitFor();

    await page.getByRole('button', { name: 'Add client' }).first().click();
    const clientForm = page.getByRole('form', { name: 'Add a client' });
    await clientForm.getByLabel('Client name').fill('Acme Dental');
    await clientForm.getByLabel('Tier').selectOption('key');
    await clientForm.getByLabel('Account value').fill('12,000');
    await clientForm.getByRole('button', { name: 'Add client' }).click();

    await page.getByRole('heading', { name: 'Acme Dental' }).waitFor();
    vexpect(await mainText()).toContain('Key account');
    vexpect(await mainText()).toContain('$12,000.00');

    await page.getByRole('button', { name: 'Add contact' }).click();
    const contactForm = page.getByRole('form', { name: 'Add a contact' });
    await contactForm.getByLabel('Honorific').selectOption('Dr');
    await contactForm.getByLabel('Full name').fill('Priya Raman');
    await contactForm.getByLabel('Preferred name').fill('Pri');
    await contactForm.getByLabel('Pronouns').fill('she/her');
    await contactForm.getByLabel('Pronunciation note').fill('PREE-yah rah-MAHN');
    await contactForm.getByLabel('Email').fill('priya@acme.example');
    await contactForm.getByRole('button', { name: 'Add contact' }).click();

    const card = page.getByRole('article', { name: 'Contact Priya Raman' });
    await card.waitFor();
    vexpect(await textOf(card)).toContain('Dr Priya Raman');
    vexpect(await textOf(card)).toContain('Goes by Pri');
    vexpect(await textOf(card)).toContain('she/her');

    const factForm = page.getByRole('form', { name: 'Add a fact' });
    await factForm.getByLabel('Kind').selectOption('short_code');
    await factForm.getByLabel('Value').fill('55123');
    await factForm.getByLabel('Label').fill('SMS short code');
    await factForm.getByRole('button', { name: 'Add fact' }).click();
    const facts = page.getByRole('table', { name: 'Facts' });
    await facts.getByText('55123').waitFor();
    vexpect(await textOf(facts)).toContain('Short code');
    vexpect(await textOf(facts)).toContain('SMS short code');

    // The client's timeline records each change.
    const timeline = page.getByRole('list', { name: /Client timeline/ });
    await timeline.getByText(/55123/).waitFor();
    await screenshot(page, '02-client-detail');
  });

  it('logs a mistake for the client from the client page', async () => {
    await page.getByRole('link', { name: 'Log a mistake for Acme Dental' }).click();
    const form = page.getByRole('form', { name: 'Log a mistake' });
    await form.waitFor();
    vexpect(await form.getByLabel(/^Client\b/).inputValue()).not.toBe('');

    // Nothing typed yet: the form says what is missing instead of sending.
    await form.getByRole('button', { name: 'Log mistake' }).click();
    await form.getByText('Say in a few words what went wrong').waitFor();

    await form.getByLabel('Title').fill('Wrong short code in the March newsletter');
    await form.getByLabel('What happened').fill('The newsletter told 4,000 patients to text 55132 instead of 55123.');
    await form.getByLabel('Category').selectOption('wrong_fact');
    await form.locator('label', { hasText: 'Major' }).click();
    await form.getByLabel('Impact').fill('250.00');
    await form.locator('label', { hasText: 'The client' }).click();
    await screenshot(page, '03-log-mistake');
    await form.getByRole('button', { name: 'Log mistake' }).click();

    await page.getByRole('heading', { name: /MG-1.*Wrong short code in the March newsletter/ }).waitFor();
    const text = await mainText();
    vexpect(text).toContain('Acme Dental');
    vexpect(text).toContain('Wrong fact');
    vexpect(text).toContain('$250.00');
    vexpect(text).toContain('by the client');
  });

  it('logs a second mistake with the keyboard shortcut', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('n');
    const form = page.getByRole('form', { name: 'Log a mistake' });
    await form.waitFor();
    await form.getByLabel(/^Client\b/).selectOption({ label: 'Acme Dental' });
    await form.getByLabel('Title').fill('Misspelled Dr Raman as Dr Ramen in the invoice');
    await form.getByLabel('Category').selectOption('communication');
    await form.getByRole('button', { name: 'Log mistake' }).click();
    await page.getByRole('heading', { name: /MG-2/ }).waitFor();
  });

  it('finds the first mistake again by filter and opens its timeline', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Mistakes' }).click();
    const table = page.getByRole('table', { name: 'Mistakes' });
    await table.getByText('MG-2').waitFor();
    vexpect(await textOf(table)).toContain('MG-1');
    await page.getByText('2 mistakes').waitFor();

    await page.getByLabel('Severity').selectOption('major');
    await page.getByText('1 mistake match').waitFor();
    vexpect(await textOf(table)).toContain('MG-1');
    vexpect(await textOf(table)).not.toContain('MG-2');
    vexpect(page.url()).toContain('severity=major');

    await page.getByLabel('Severity').selectOption('');
    await page.getByLabel('Search').fill('ramen');
    await page.waitForURL(/q=ramen/);
    await page.getByText('1 mistake match').waitFor();
    vexpect(await textOf(table)).toContain('MG-2');
    vexpect(await textOf(table)).not.toContain('MG-1');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Category').selectOption('wrong_fact');
    await page.getByText('1 mistake match').waitFor();
    await screenshot(page, '04-mistakes-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('2 mistakes').waitFor();
    await screenshot(page, '05-mistakes-list');

    await table.getByRole('link', { name: 'Wrong short code in the March newsletter' }).click();
    const timeline = page.getByRole('list', { name: /Mistake timeline/ });
    await timeline.waitFor();
    vexpect(await textOf(timeline)).toContain(
      'MG-1 logged: Wrong short code in the March newsletter (major, found by client)',
    );
    vexpect(await textOf(timeline)).toContain('Dana Reyes');
  });

  it('records an acknowledgment and the stage moves to acknowledged', async () => {
    // A call is an option of the guide's "Own it" step (there is no separate card).
    const guide = page.getByRole('region', { name: 'Recovery', exact: true });
    await guide.getByRole('button', { name: /Own it: tell the client/ }).click();
    await guide.getByText('By phone or in person').click();
    const form = page.getByRole('form', { name: 'Record an acknowledgment' });
    await form.getByLabel('To whom').selectOption({ label: 'Priya Raman' });
    await form.getByLabel('How').selectOption('phone');
    await form.getByLabel('Note').fill('Called Pri, owned it, promised a corrected send by Friday.');
    await form.getByRole('button', { name: 'Record acknowledgment' }).click();

    const timeline = page.getByRole('list', { name: /Mistake timeline/ });
    await timeline.getByText('MG-1 acknowledged to Priya Raman by phone').waitFor();
    await guide.getByRole('list', { name: 'Acknowledgments recorded' }).getByText('Told Priya Raman by phone').waitFor();
    const header = await textOf(page.locator('main').locator('h1').locator('..'));
    vexpect(header).toContain('Acknowledged');
    await screenshot(page, '06-mistake-detail');
  });

  it('promises the fix and completing it reaches fixed', async () => {
    const guide = page.getByRole('region', { name: 'Recovery', exact: true });
    const step = guide.getByRole('button', { name: /Fix it on time/ });
    if ((await step.getAttribute('aria-expanded')) !== 'true') await step.click();
    const fix = page.getByRole('form', { name: 'Fix timeline' });
    await fix.getByLabel(/What will be fixed/).fill('Resend the newsletter with 55123');
    await fix.getByLabel(/Due/).fill('2030-01-10T12:00');
    await fix.getByRole('button', { name: 'Promise the fix' }).click();
    await guide.getByRole('button', { name: 'Mark the fix done…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Mark the fix done' });
    const tell = confirm.getByRole('checkbox', { name: 'Tell the client it’s fixed' });
    if (await tell.isChecked()) await tell.uncheck();
    await confirm.getByRole('button', { name: 'Mark the fix done' }).click();
    const timeline = page.getByRole('list', { name: /Mistake timeline/ });
    await timeline
      .getByText(/Resend the newsletter with 55123/)
      .first()
      .waitFor();
    await guide.getByText(/^Fixed /).waitFor();
    const header = await textOf(page.locator('main').locator('h1').locator('..'));
    vexpect(header).toContain('Fixed');
    await screenshot(page, '08-mistake-fixed');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'mistake-detail-viewport', { fullPage: false });
  });
});

describe('workspace pages and signing out', () => {
  it('records a workspace-wide fact', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Workspace facts' })
      .click();
    await page.getByText('No facts yet').waitFor();
    const form = page.getByRole('form', { name: 'Add a fact' });
    await form.getByLabel('Kind').selectOption('phone');
    await form.getByLabel('Value').fill('+1 415 555 0100');
    await form.getByLabel('Label').fill('Our support line');
    await form.getByRole('button', { name: 'Add fact' }).click();
    const facts = page.getByRole('table', { name: 'Facts' });
    await facts.getByText('+1 415 555 0100').waitFor();
    vexpect(await textOf(facts)).toContain('Our support line');
  });

  it('changes a recovery target in settings and keeps it after a reload', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    const ack = page.getByLabel('Critical: acknowledge within minutes');
    await ack.fill('30');
    await page.getByLabel('Sender name', { exact: true }).fill('Northwind Studio');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    await screenshot(page, '07-settings');
    await page.reload();
    await vexpect.poll(() => page.getByLabel('Critical: acknowledge within minutes').inputValue()).toBe('30');
    vexpect(await page.getByLabel('Sender name', { exact: true }).inputValue()).toBe('Northwind Studio');
  });

  it('signs out, refuses a wrong password, and signs back in to the page asked for', async () => {
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.goto(`${app.baseUrl}/clients`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    vexpect(page.url()).toContain('next=%2Fclients');

    await page.getByLabel('Email').fill('dana@northwind.example');
    await page.locator('input[type=password]').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /password/i })
      .waitFor();

    await page.locator('input[type=password]').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
    vexpect(await textOf(page.getByRole('table', { name: 'Clients' }))).toContain('Acme Dental');
  });
});
