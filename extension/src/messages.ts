// What the content script and the options page ask the service worker, and what it answers. Only
// the service worker holds the token and talks to makegood; the page never sees either.
import type { CheckResponse, FindingDto } from '../../src/shared/contract/index.ts';

/** A finding as the extension shows it. */
export type Finding = FindingDto;

/** Content script → service worker: check this compose window's text. */
export interface CheckRequestMessage {
  type: 'check';
  text: string;
  recipients: string[];
}

/** Options page → service worker: try the saved URL and token (GET /api/session). */
export interface TestConnectionMessage {
  type: 'test-connection';
}

/** Content script → service worker: open the options page (set-up link in the panel). */
export interface OpenOptionsMessage {
  type: 'open-options';
}

export type ExtensionMessage = CheckRequestMessage | TestConnectionMessage | OpenOptionsMessage;

/** Why a request could not be made or answered. */
export type FailureReason = 'not_configured' | 'no_permission' | 'bad_token' | 'unreachable' | 'server_error';

/** Answer to a check. */
export type CheckAnswer =
  | { ok: true; findings: Finding[]; client: CheckResponse['client'] }
  | { ok: false; reason: FailureReason; status?: number };

/** Answer to a connection test. */
export type ConnectionAnswer =
  { ok: true; workspaceName: string; userName: string } | { ok: false; reason: FailureReason; status?: number };

/** What is kept in chrome.storage.local (never synced: the token stays on this machine). */
export interface StoredSettings {
  /** makegood's address without a trailing slash, e.g. https://makegood.example.com or https://host/makegood */
  baseUrl?: string;
  token?: string;
}

/** The shape of an API token (src/domain/workspaces/api-tokens.ts). */
export const TOKEN_PATTERN = /^mg_pat_[A-Za-z0-9_-]{43}$/;

/**
 * A makegood address as typed into the options, normalised (no trailing slash, no query, no
 * fragment), or an error message. Plain http only for loopback: a token must not cross a network
 * in clear text.
 */
export function normaliseBaseUrl(input: string): { url: string; origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { error: 'Enter the full address, e.g. https://makegood.example.com' };
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { error: 'Use https:// (plain http only for localhost).' };
  }
  if (url.username || url.password) return { error: 'Leave the user name and password out of the address.' };
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.origin}${path}`, origin: url.origin };
}

/** The host permission pattern for an origin (Chrome match patterns take no port). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
