// Importing clients from a CSV in a real browser: on the clients page, "Import from CSV" with a CRM
// export of five rows, one of them with a malformed email; the preview names that row and its error,
// the import takes the other four, and the clients page lists the imported clients. Screenshots of
// the preview go to docs/screenshots/ at 1366×900 and 390×844.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Contact } from '../src/shared/contract/index.ts';
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

let app: RunningApp;
let browser: LaunchedBrowser;
let page: Page;
let api: ApiSession;

const CSV = [
  'Company,Contact name,Email,Honorific,Pronouns,Fact kind,Value',
  'Serenity Day Spas,Lynn Carter,lynn@serenity.example,Ms,she/her,short code,55123',
  'Serenity Day Spas,Omar Haddad,omar@serenity.example,Mr,he/him,phone,+1 555 0100',
  'Northwind Dental,Priya Shah,priya@northwind.example,Dr,,url,https://northwind.example',
  'Harbor Hotels,Bob Stone,bob@,,,,',
  'Blue Fern Cafe,Ana Ruiz,ana@bluefern.example,Mx,they/them,price,$12',
].join('\n');

beforeAll(async () => {
  app = await startApp();
  api = await setupViaApi(app.baseUrl);
  browser = await launchBrowser({ viewport: viewports.desktop });
  page = browser.page;
  await signInBrowser(browser.context, app.baseUrl, api);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('import clients from CSV', () => {
  it('names the bad row in the preview and imports the others', async () => {
    await page.goto(`${app.baseUrl}/clients`);
    await page.getByRole('button', { name: 'Import from CSV' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'crm-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    const errors = dialog.getByRole('region', { name: 'Row errors' });
    await errors.waitFor();
    expect(await errors.textContent()).toContain('row 5: Email "bob@" is not an email address');
    expect(await dialog.getByLabel('Row counts').textContent()).toContain('1 invalid');
    expect(await dialog.getByLabel('Import column Company as').inputValue()).toBe('client.name');
    await shootBoth(page, 'import-csv-preview', () => page.getByRole('dialog'));

    await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
    await dialog.getByText('Import finished').waitFor();
    expect(await dialog.getByLabel('Import result').textContent()).toContain(
      '4 rows added, 0 changed, 0 already up to date, 1 skipped because of errors.',
    );
    await dialog.getByRole('button', { name: 'Done' }).click();

    const table = page.getByRole('table', { name: 'Clients' });
    await table.getByRole('link', { name: 'Serenity Day Spas' }).waitFor();
    const clients = (await api.get<{ items: Client[] }>('/clients')).items;
    expect(clients.map((c) => c.name).sort()).toEqual(['Blue Fern Cafe', 'Northwind Dental', 'Serenity Day Spas']);
    const serenity = clients.find((c) => c.name === 'Serenity Day Spas')!;
    const contacts = (await api.get<{ items: Contact[] }>(`/clients/${serenity.id}/contacts`)).items;
    expect(contacts.map((c) => `${c.honorific} ${c.fullName}`).sort()).toEqual(['Mr Omar Haddad', 'Ms Lynn Carter']);
  });
});
