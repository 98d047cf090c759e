import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import { apiTokenPattern } from '../shared/contract/index.ts';
import { CliError } from './cli-error.ts';

// CLI remote mode: talk to a makegood server with a personal API token instead of opening the
// local database. Credentials come from MAKEGOOD_URL + MAKEGOOD_TOKEN (read by src/config), else
// from the file `makegood login` wrote (credentials.json in the config folder, mode 0600).

/** Exit status when the server cannot be reached (EX_UNAVAILABLE), distinct from usage errors. */
export const SERVER_UNREACHABLE = 69;
/** Exit status when the server refuses the token (401) or the token may not do this (403). */
export const NOT_AUTHORISED = 4;
/** How long one API call may take before the CLI gives up. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Where a remote makegood is and the token to use there. */
export interface RemoteCredentials {
  url: string;
  token: string;
}

const credentialsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  token: z.string().regex(apiTokenPattern),
});

/** The credentials file of `makegood login`. */
export function credentialsFile(config: Pick<Config, 'configDir'>): string {
  return join(config.configDir, 'credentials.json');
}

/** A server URL as typed ("https://mg.example.com/") to its base ("https://mg.example.com"); null when not http(s). */
export function normaliseServerUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The remote credentials in effect: the environment's, else the login file's; null when neither. */
export async function loadRemoteCredentials(
  config: Pick<Config, 'remote' | 'configDir'>,
): Promise<RemoteCredentials | null> {
  if (config.remote) {
    const url = normaliseServerUrl(config.remote.url);
    if (!url) throw new CliError(`MAKEGOOD_URL: must be an http:// or https:// URL without a query`);
    return { url, token: config.remote.token };
  }
  const file = credentialsFile(config);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`${file}: cannot be read (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(`${file}: not valid JSON; run \`makegood logout\` and \`makegood login\` again`);
  }
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${file}: ${issue?.path.join('.') || 'content'} is invalid; run \`makegood logout\` and \`makegood login\` again`,
    );
  }
  return { url: normaliseServerUrl(parsed.data.url) ?? parsed.data.url, token: parsed.data.token };
}

/** Writes the login file (folder 0700, file 0600), replacing any earlier one in one rename. */
export async function saveRemoteCredentials(
  config: Pick<Config, 'configDir'>,
  credentials: RemoteCredentials,
): Promise<string> {
  const file = credentialsFile(config);
  await mkdir(config.configDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  // The mode is set at creation, so the token is never readable by others, not even briefly.
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  return file;
}

/** Removes the login file; false when there was none. */
export async function removeRemoteCredentials(config: Pick<Config, 'configDir'>): Promise<boolean> {
  const file = credentialsFile(config);
  try {
    await readFile(file);
  } catch {
    return false;
  }
  await rm(file, { force: true });
  return true;
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/** A client for one remote makegood: JSON over fetch with the bearer token; every failure a CliError. */
export class RemoteApi {
  constructor(readonly credentials: RemoteCredentials) {}

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = `${this.credentials.url}/api${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.credentials.token}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new CliError(`cannot reach the makegood server at ${this.credentials.url} (${reason})`, SERVER_UNREACHABLE);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      throw new CliError(
        `${this.credentials.url} answered ${response.status} without JSON: is it a makegood server?`,
        SERVER_UNREACHABLE,
      );
    }
    if (response.ok) return parsed as T;
    const error = (parsed as ErrorBody | null)?.error;
    const detail = error?.message ? `: ${error.message}` : '';
    if (response.status === 401) {
      throw new CliError(
        `the server refused the token (401 ${error?.code ?? 'unauthenticated'})${detail} Create a new one in Settings → API tokens and run \`makegood login\`.`,
        NOT_AUTHORISED,
      );
    }
    if (response.status === 403) {
      throw new CliError(`not allowed (403 ${error?.code ?? 'forbidden'})${detail}`, NOT_AUTHORISED);
    }
    if (response.status === 404 && !error) {
      throw new CliError(`${url} answered 404: is ${this.credentials.url} a makegood server?`, SERVER_UNREACHABLE);
    }
    const status = response.status >= 500 ? SERVER_UNREACHABLE : 2;
    throw new CliError(`the server answered ${response.status} ${error?.code ?? ''}${detail}`.trim(), status);
  }
}
