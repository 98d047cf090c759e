// The browser extension in real Chromium: a test build (loopback added to the content script's
// matches) loaded with --load-extension into a persistent profile in the new headless mode. Its
// options page saves a real makegood server's address and a read API token; then, on loopback
// copies of Gmail's and Outlook's compose windows, a wrong honorific for a known contact is
// highlighted and fixed with one click, and Send with an error asks once before the mail goes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, freePort, setupViaApi, shootBoth, startApp, type RunningApp } from './harness.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let app: RunningApp;
let webmail: Server;
let webmailUrl: string;
let context: BrowserContext;
let extensionDir: string;
let profile: string;
let token: string;

async function buildExtension(out: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'extension/build.ts', '--out', out],
    {
      cwd: root,
      env: { ...process.env, MAKEGOOD_EXTENSION_TEST_ORIGIN: 'http://127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`build:extension exited with ${code}:\n${output}`);
}

beforeAll(async () => {
  app = await startApp();
  const api = await setupViaApi(app.baseUrl);
  const client = await api.post<{ id: string }>('/clients', { name: 'Serenity Day Spas', tier: 'key' });
  await api.post(`/clients/${client.id}/contacts`, {
    fullName: 'Lynn Carter',
    honorific: 'Ms',
    email: 'lynn@serenity.example',
  });
  token = (await api.post<{ token: string }>('/tokens', { name: 'Browser extension', scope: 'read' })).token;

  const pages: Record<string, string> = {
    '/gmail.html': readFileSync(join(root, 'e2e', 'fixtures', 'webmail', 'gmail.html'), 'utf8'),
    '/outlook.html': readFileSync(join(root, 'e2e', 'fixtures', 'webmail', 'outlook.html'), 'utf8'),
  };
  webmail = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => webmail.listen(port, '127.0.0.1', resolve));
  webmailUrl = `http://127.0.0.1:${port}`;

  extensionDir = mkdtempSync(join(tmpdir(), 'makegood-extension-'));
  await buildExtension(extensionDir);
  profile = mkdtempSync(join(tmpdir(), 'makegood-chromium-'));
  // Extensions need Chromium's new headless mode (headless: false here, --headless=new below).
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: false,
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  context.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => webmail?.close(resolve));
  await app?.stop();
  for (const dir of [extensionDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function extensionId(): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** The panel the content script puts beside the compose body (an open shadow root: locators reach in). */
const panelOf = (page: Page): Locator => page.getByRole('region', { name: 'makegood check' });

/** The text of the page's makegood error highlights (the Custom Highlight API registry is the document's). */
const highlighted = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('makegood-error') as unknown as Set<AbstractRange> | undefined;
    return [...(highlight ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  });

const sent = (page: Page) => page.getByRole('list', { name: 'Sent mail' }).getByRole('listitem');

describe('the browser extension', () => {
  it('saves the makegood address and token in its options, asking for that origin only, and connects', async () => {
    const id = await extensionId();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByLabel('makegood address').fill(`${app.baseUrl}/`);
    await options.getByLabel('API token').fill(token);
    await options.getByRole('button', { name: 'Save and test' }).click();
    await options.getByText('Connected to Northwind Studio as Dana Reyes.').waitFor();
    // The field is cleared; the token is kept in the extension's storage, shown only by its end.
    expect(await options.getByLabel('API token').inputValue()).toBe('');
    await options.getByText(`A token is saved (ending …${token.slice(-4)})`).waitFor();
    expect(await options.locator('body').textContent()).not.toContain(token);
    await options.close();
  });

  for (const kind of ['gmail', 'outlook'] as const) {
    const bodyName = kind === 'gmail' ? 'Message Body' : /Message body/;
    const recipientsBox = (page: Page) =>
      kind === 'gmail'
        ? page.getByRole('combobox', { name: 'To recipients' })
        : page.getByRole('textbox', { name: 'To', exact: true });

    async function compose(page: Page, text: string): Promise<void> {
      await page.goto(`${webmailUrl}/${kind}.html`);
      await recipientsBox(page).click();
      await page.keyboard.type('lynn@serenity.example');
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: bodyName }).click();
      await page.keyboard.type(text);
    }

    it(`${kind}: highlights a wrong honorific for a known contact and fixes it with one click`, async () => {
      const page = await context.newPage();
      await compose(page, 'Dear Mr Carter, thank you for your patience.');
      const panel = panelOf(page);
      await panel.getByText('for Serenity Day Spas').waitFor();
      const fix = panel.getByRole('button', { name: /^Replace “Mr/ });
      await fix.waitFor();
      expect((await highlighted(page)).join('|')).toContain('Mr');
      if (kind === 'gmail')
        await shootBoth(page, 'extension-gmail-finding', () => page.getByRole('dialog', { name: 'New Message' }));

      await fix.click();
      const body = page.getByRole('textbox', { name: bodyName });
      await expect.poll(() => body.innerText()).toContain('Dear Ms Carter, thank you for your patience.');
      await panel.getByText('checked against Serenity Day Spas: nothing found.').waitFor();
      expect(await highlighted(page)).toEqual([]);
      await page.close();
    });

    it(`${kind}: Send with an error asks once, and the mail goes only after "Send anyway"`, async () => {
      const page = await context.newPage();
      await compose(page, 'Dear Mr Carter, the proofs are ready.');
      // Pressed at once, before the debounced check: held until the answer, which has an error.
      await page.getByRole('button', { name: /^Send/ }).first().click();
      const ask = panelOf(page).getByRole('alertdialog', { name: 'Send with errors?' });
      await ask.getByText('This email still has 1 error. Send it anyway?').waitFor();
      expect(await sent(page).count()).toBe(0);

      await ask.getByRole('button', { name: 'Go back and fix' }).click();
      expect(await sent(page).count()).toBe(0);
      await page.getByRole('button', { name: /^Send/ }).first().click();
      await ask.getByRole('button', { name: 'Send anyway' }).click();
      await expect.poll(() => sent(page).count()).toBe(1);
      expect(await sent(page).first().textContent()).toContain('Dear Mr Carter');
      await page.close();
    });

    it(`${kind}: a clean email to the client goes on the first press of Send`, async () => {
      const page = await context.newPage();
      await compose(page, 'Dear Ms Carter, the proofs are ready.');
      await panelOf(page).getByText('checked against Serenity Day Spas: nothing found.').waitFor();
      await page.getByRole('button', { name: /^Send/ }).first().click();
      await expect.poll(() => sent(page).count()).toBe(1);
      await page.close();
    });
  }
});
