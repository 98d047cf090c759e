// The e2e harness: start a real makegood server on a fresh data folder, drive Debian's Chromium
// through playwright-core, take screenshots, and seed a workspace through the API when a test does
// not need to click through setup.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where screenshots go (git-ignored). */
export const screenshotDir = join(root, 'e2e', 'screenshots');
/** The system Chromium; never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';

/** A running makegood server. */
export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The temp MAKEGOOD_DATA_DIR (SQLite file, outbox). Removed by stop(). */
  dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes the data folder. */
  stop(): Promise<void>;
}

/** Options for startApp. */
export interface StartOptions {
  /** Run the scheduler (reminders, outbox delivery). Default false, so tests are deterministic. */
  scheduler?: boolean;
  /** Extra environment variables (e.g. SMTP settings, DATABASE_URL). */
  env?: Record<string, string>;
  /** Keep the data folder after stop() (to inspect the outbox). Default false. */
  keepData?: boolean;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`makegood exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`makegood did not answer /api/health within 60 s:\n${output()}`);
}

/** Spawns `node bin/makegood serve` on a free port with a fresh temp data folder; resolves when healthy. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is not built: run `node scripts/ensure-web-build.mjs` (npm run test:e2e does).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'makegood-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MAKEGOOD_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SCHEDULER: options.scheduler ? 'true' : 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    TZ: 'UTC',
    ...options.env,
  };
  // An inherited DATABASE_URL would point every test at one shared database.
  if (!options.env?.['DATABASE_URL']) delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [join(root, 'bin', 'makegood'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output, stop };
}

/** A Chromium with a fresh profile, and its first page. */
export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations seen so far on any page of this browser. */
  cspViolations(): readonly string[];
  /**
   * Closes the browser and removes its profile folder; then fails (throws) if any page reported a
   * CSP violation, so every e2e test that launches a browser checks that the app runs under its CSP.
   */
  close(): Promise<void>;
}

/**
 * Collects CSP violations on every page of a context: the page's `securitypolicyviolation` event
 * (reported through a binding, which the page's CSP cannot block) and Chromium's console errors
 * about refused content (what the event misses, e.g. before the document's script runs).
 */
async function watchCsp(context: BrowserContext): Promise<() => string[]> {
  const seen: string[] = [];
  await context.exposeBinding('__makegoodCspViolation', (source, detail: string) => {
    seen.push(`${source.page?.url() ?? '?'}: ${detail}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __makegoodCspViolation?: (d: string) => void }).__makegoodCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const watch = (page: Page) =>
    page.on('console', (message) => {
      const text = message.text();
      if (
        message.type() === 'error' &&
        /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)
      ) {
        seen.push(`${page.url()}: console: ${text}`);
      }
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return () => [...new Set(seen)];
}

/** Launches Debian's Chromium headless with a fresh profile (1280×900 viewport). */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<LaunchedBrowser> {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: install it with \`apt-get install -y chromium\`.`);
  const profile = mkdtempSync(join(tmpdir(), 'makegood-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  const violations = await watchCsp(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    cspViolations: violations,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      const found = violations();
      if (found.length > 0) {
        throw new Error(`Content-Security-Policy violations in the browser:\n${found.join('\n')}`);
      }
    },
  };
}

/** Saves a screenshot to e2e/screenshots/<name>.png (full page, toasts hidden by default); returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; showToasts?: boolean } = {},
): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  const fullPage = options.fullPage ?? true;
  // Fixed headers are drawn where the viewport is; from the top they land at the top of the image.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path,
    fullPage,
    animations: 'disabled',
    // Success toasts float over the header; they are transient, so they are left out unless asked for.
    ...(!options.showToasts && { style: '.mantine-Notifications-root { display: none !important; }' }),
  });
  return path;
}

/** The two sizes every documented screenshot is taken at. */
export const viewports = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const docsShots = join(root, 'docs', 'screenshots');

/**
 * One PNG per viewport in docs/screenshots/<name>-desktop.png and -phone.png, of an element or
 * the whole page (toasts hidden); the page is left at the desktop size.
 */
export async function shootBoth(page: Page, name: string, target?: () => Locator): Promise<void> {
  mkdirSync(docsShots, { recursive: true });
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    const style = '.mantine-Notifications-root { display: none !important; }';
    const path = join(docsShots, `${name}-${label}.png`);
    if (target) await target().screenshot({ path, animations: 'disabled', style });
    else await page.screenshot({ path, fullPage: true, animations: 'disabled', style });
  }
  await page.setViewportSize(viewports.desktop);
}

/** The owner an API-seeded workspace is created with. */
export const defaultOwner = {
  workspaceName: 'Northwind Studio',
  ownerName: 'Dana Reyes',
  email: 'dana@northwind.example',
  password: 'correct horse battery',
} as const;

/** A signed-in API session (cookie + CSRF token) for seeding data without clicking. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

function sessionFor(baseUrl: string, cookie: string, csrfToken: string): ApiSession {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        cookie,
        ...(method !== 'GET' && { 'x-csrf-token': csrfToken }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    cookie,
    csrfToken,
    get: (path) => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}

/** Runs first-run setup through the API (no browser) and returns a signed-in API session. */
export async function setupViaApi(baseUrl: string, owner: Partial<typeof defaultOwner> = {}): Promise<ApiSession> {
  const input = { ...defaultOwner, ...owner, timezone: 'UTC' };
  const response = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (response.status !== 201) throw new Error(`setup answered ${response.status}: ${await response.text()}`);
  const session = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return sessionFor(baseUrl, cookie, session.csrfToken);
}

/** Puts an API session's cookie into the browser, so its pages open signed in. */
export async function signInBrowser(context: BrowserContext, baseUrl: string, session: ApiSession): Promise<void> {
  const [name, ...rest] = session.cookie.split('=');
  await context.addCookies([{ name: name ?? 'mg_session', value: rest.join('='), url: baseUrl }]);
}

/** The body of a delivered .eml, quoted-printable decoded (soft line breaks joined). */
export function emlText(raw: string): string {
  return raw
    .replace(/=\r?\n/gu, '')
    .replace(/=([0-9A-F]{2})/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Waits (up to 75 s) for the scheduler to deliver into <data>/outbox a mail to `to` whose body has a
 * link `…/<path>/<token>`; returns the link as written in the mail (a query string included).
 */
export async function waitForMailLink(app: RunningApp, to: string, path: string): Promise<string> {
  const dir = join(app.dataDir, 'outbox');
  const pattern = new RegExp(`https?://[^\\s]+/${path}/[A-Za-z0-9_-]{20,}(?:\\?[\\w=&]*)?`, 'u');
  const deadline = Date.now() + 75_000;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    } catch {
      // Nothing delivered yet: the folder appears with the first mail.
    }
    for (const file of files) {
      const text = emlText(readFileSync(join(dir, file), 'utf8'));
      const link = pattern.exec(text)?.[0];
      if (link && text.includes(to)) return link;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail to ${to} with a /${path}/ link in ${dir} within 75 s:\n${app.output()}`);
}
