/// <reference types="chrome" />
// The service worker: the only part of the extension that reads the token and talks to makegood.
// It answers the content script's checks and the options page's connection test, always at the
// address saved in the options (never one a page supplies), with the token as a bearer header, no
// cookies, and no redirects followed.
import {
  originPattern,
  type CheckAnswer,
  type ConnectionAnswer,
  type ExtensionMessage,
  type FailureReason,
  type Finding,
  type StoredSettings,
} from './messages.ts';

const TIMEOUT_MS = 10_000;

async function settings(): Promise<{ baseUrl: string; token: string } | null> {
  const stored = await chrome.storage.local.get<StoredSettings>(['baseUrl', 'token']);
  return stored.baseUrl && stored.token ? { baseUrl: stored.baseUrl, token: stored.token } : null;
}

type Call = { ok: true; body: unknown } | { ok: false; reason: FailureReason; status?: number };

/** One request to the configured makegood, or why it could not be made. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Call> {
  const saved = await settings();
  if (!saved) return { ok: false, reason: 'not_configured' };
  const origin = new URL(saved.baseUrl).origin;
  // Without the host permission the request would be a CORS request and fail anyway; say why.
  if (!(await chrome.permissions.contains({ origins: [originPattern(origin)] })))
    return { ok: false, reason: 'no_permission' };
  let response: Response;
  try {
    response = await fetch(`${saved.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${saved.token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403)
    return { ok: false, reason: 'bad_token', status: response.status };
  if (!response.ok) return { ok: false, reason: 'server_error', status: response.status };
  try {
    return { ok: true, body: await response.json() };
  } catch {
    return { ok: false, reason: 'server_error', status: response.status };
  }
}

async function check(text: string, recipients: string[]): Promise<CheckAnswer> {
  const answer = await call('POST', '/api/check', { text, recipients });
  if (!answer.ok) return answer;
  const body = answer.body as { findings?: unknown; client?: unknown };
  if (!Array.isArray(body.findings)) return { ok: false, reason: 'server_error' };
  return {
    ok: true,
    findings: body.findings as Finding[],
    client: (body.client ?? null) as { id: string; name: string } | null,
  };
}

async function testConnection(): Promise<ConnectionAnswer> {
  const answer = await call('GET', '/api/session');
  if (!answer.ok) return answer;
  const body = answer.body as { user?: { name?: string }; workspace?: { name?: string } };
  return { ok: true, workspaceName: body.workspace?.name ?? '', userName: body.user?.name ?? '' };
}

const MAX_TEXT = 50_000;
const MAX_RECIPIENTS = 100;

chrome.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
  // Only this extension's own pages and content scripts (pages cannot reach us: no externally_connectable).
  if (sender.id !== chrome.runtime.id) return false;
  const message = raw as ExtensionMessage;
  switch (message.type) {
    case 'check': {
      const text = String(message.text).slice(0, MAX_TEXT);
      const recipients = (Array.isArray(message.recipients) ? message.recipients : [])
        .map(String)
        .slice(0, MAX_RECIPIENTS);
      void check(text, recipients).then(sendResponse);
      return true;
    }
    case 'test-connection':
      // The options page only: a content script has a tab, the options page is our own URL.
      if (sender.tab && !sender.url?.startsWith(chrome.runtime.getURL(''))) return false;
      void testConnection().then(sendResponse);
      return true;
    case 'open-options':
      void chrome.runtime.openOptionsPage();
      return false;
    default:
      return false;
  }
});
