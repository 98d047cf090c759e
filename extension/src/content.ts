/// <reference types="chrome" />
// The content script on Gmail's and Outlook's web pages: finds compose windows, puts each under a
// ComposeSession, and holds a press of Send (mouse, keyboard, Ctrl/Cmd+Enter) until the session
// says it may go. It never sees the token: checks go through the service worker.
import { adapterFor } from './compose.ts';
import type { CheckAnswer, CheckRequestMessage } from './messages.ts';
import { ComposeSession } from './session.ts';

const adapter = adapterFor(window.location);
const sessions = new Map<HTMLElement, ComposeSession>();

const checker = (text: string, recipients: string[]) =>
  chrome.runtime.sendMessage<CheckRequestMessage, CheckAnswer>({ type: 'check', text, recipients });
const openOptions = () => void chrome.runtime.sendMessage({ type: 'open-options' });

/** Starts a session for every new compose body and ends those whose body is gone. */
function scan(): void {
  for (const body of document.querySelectorAll<HTMLElement>(adapter.bodySelector)) {
    if (!sessions.has(body)) {
      const session = new ComposeSession(adapter, body, checker, openOptions);
      sessions.set(body, session);
      session.schedule();
    }
  }
  for (const [body, session] of sessions) {
    if (!body.isConnected) {
      session.dispose();
      sessions.delete(body);
    } else session.attach();
  }
}

/** The session whose compose window an event happened in. */
function sessionOf(target: EventTarget | null): ComposeSession | null {
  if (!(target instanceof Node)) return null;
  for (const session of sessions.values()) if (session.root.contains(target)) return session;
  return null;
}

function isSendButton(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(adapter.sendSelector) !== null;
}

/** A press of Send: held (and the session asked) while it should not go yet. */
function onSendEvent(event: Event): void {
  const keyboard = event instanceof KeyboardEvent;
  const shortcut = keyboard && event.key === 'Enter' && (event.ctrlKey || event.metaKey);
  const pressOnButton = isSendButton(event.target) && (!keyboard || event.key === 'Enter' || event.key === ' ');
  if (!shortcut && !pressOnButton) return;
  const session = sessionOf(event.target);
  if (!session || !session.shouldHold()) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  // mousedown and mouseup are held too (some webmails send on them); the click or the key asks.
  if (event.type === 'click' || event.type === 'keydown') void session.attemptSend();
}

for (const type of ['mousedown', 'mouseup', 'click', 'keydown']) {
  // Capture on window: before any listener of the page's own.
  window.addEventListener(type, onSendEvent, true);
}

// Typing, pasting, replacing and recipient chips all change the DOM: check again when it pauses.
const observer = new MutationObserver((mutations) => {
  scan();
  for (const mutation of mutations) {
    const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
    if (target?.closest('[data-makegood-panel]')) continue;
    sessionOf(mutation.target)?.schedule();
  }
});
observer.observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: ['email', 'data-hovercard-id', 'title', 'aria-label', 'value'],
});
document.addEventListener('input', (event) => sessionOf(event.target)?.schedule(), true);
scan();
