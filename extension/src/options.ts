/// <reference types="chrome" />
// The options page: the makegood address and an API token, kept in chrome.storage.local (never
// synced). Saving asks for the host permission of that one origin (the manifest asks for none up
// front), then tests the connection through the service worker.
import {
  normaliseBaseUrl,
  originPattern,
  TOKEN_PATTERN,
  type ConnectionAnswer,
  type FailureReason,
  type StoredSettings,
  type TestConnectionMessage,
} from './messages.ts';

const form = document.getElementById('settings') as HTMLFormElement;
const baseUrlInput = document.getElementById('baseUrl') as HTMLInputElement;
const tokenInput = document.getElementById('token') as HTMLInputElement;
const tokenHint = document.getElementById('token-hint') as HTMLParagraphElement;
const status = document.getElementById('status') as HTMLParagraphElement;

function say(text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  status.textContent = text;
  status.className = kind;
}

const reasons: Record<FailureReason, string> = {
  not_configured: 'Enter the address and a token.',
  no_permission: 'The extension was not allowed to reach this address.',
  bad_token: 'makegood refused the token: it may be revoked, or mistyped.',
  unreachable: 'makegood did not answer at this address.',
  server_error: 'makegood answered with an error.',
};

async function showSaved(): Promise<void> {
  const saved = await chrome.storage.local.get<StoredSettings>(['baseUrl', 'token']);
  if (saved.baseUrl) baseUrlInput.value = saved.baseUrl;
  if (saved.token)
    tokenHint.textContent = `A token is saved (ending …${saved.token.slice(-4)}). Leave the field empty to keep it.`;
}

async function save(url: string, origin: string, token: string): Promise<void> {
  const saved = await chrome.storage.local.get<StoredSettings>(['baseUrl', 'token']);
  if (!token && !saved.token) return say('Enter an API token.', 'error');
  const pattern = originPattern(origin);
  const previous = saved.baseUrl ? originPattern(new URL(saved.baseUrl).origin) : null;
  await chrome.storage.local.set({ baseUrl: url, ...(token && { token }) });
  // The old address is no longer ours to reach.
  if (previous && previous !== pattern) await chrome.permissions.remove({ origins: [previous] }).catch(() => false);
  tokenInput.value = '';
  await showSaved();
  say('Saved. Testing the connection…');
  const answer = await chrome.runtime.sendMessage<TestConnectionMessage, ConnectionAnswer>({ type: 'test-connection' });
  if (answer.ok) say(`Connected to ${answer.workspaceName} as ${answer.userName}.`, 'ok');
  else say(`Saved, but ${reasons[answer.reason].charAt(0).toLowerCase()}${reasons[answer.reason].slice(1)}`, 'error');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = normaliseBaseUrl(baseUrlInput.value);
  if ('error' in parsed) return say(parsed.error, 'error');
  const token = tokenInput.value.trim();
  if (token && !TOKEN_PATTERN.test(token)) return say('That is not a makegood API token (mg_pat_…).', 'error');
  // Asked for first, while the click still counts as the user's gesture.
  chrome.permissions.request({ origins: [originPattern(parsed.origin)] }).then(
    async (granted) => {
      if (!granted) return say(`Without access to ${parsed.origin} the extension cannot reach makegood.`, 'error');
      await save(parsed.url, parsed.origin, token);
    },
    (error: unknown) => say(String(error), 'error'),
  );
});

void showSaved();
