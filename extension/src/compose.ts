// The compose windows of Gmail and Outlook on the web, as the content script sees them: where the
// body, the recipients and the Send button are, the body's text with a map back to the DOM (so a
// finding's span becomes a Range), and replacing a span the way typing would.

/** One webmail's compose window, found by its DOM. */
export interface ComposeAdapter {
  name: 'gmail' | 'outlook';
  /** Editable message bodies anywhere in the document. */
  bodySelector: string;
  /** The Send button of a compose window (not "More send options"). */
  sendSelector: string;
  /** Elements of a compose window that hold recipients (chips, inputs, the To/Cc/Bcc wells). */
  recipientSelector: string;
}

/** Gmail (mail.google.com): the body is a contenteditable "Message Body", recipients are chips with the address. */
export const gmail: ComposeAdapter = {
  name: 'gmail',
  bodySelector:
    'div[contenteditable="true"][aria-label="Message Body"], div[contenteditable="true"][g_editable="true"]',
  sendSelector: '[role="button"][data-tooltip^="Send"], [role="button"][aria-label^="Send"]',
  recipientSelector:
    '[email], [data-hovercard-id*="@"], input[name="to"], input[name="cc"], input[name="bcc"], textarea[name="to"]',
};

/** Outlook on the web (outlook.office.com, outlook.live.com): "Message body" and the To/Cc/Bcc wells. */
export const outlook: ComposeAdapter = {
  name: 'outlook',
  bodySelector: 'div[contenteditable="true"][aria-label^="Message body" i]',
  sendSelector: 'button[aria-label="Send"], button[title^="Send"]',
  recipientSelector: '[aria-label="To"], [aria-label="Cc"], [aria-label="Bcc"]',
};

/** The adapter for a page, by its host; a test build may serve fixtures of either on loopback. */
export function adapterFor(location: { hostname: string; pathname: string }): ComposeAdapter {
  if (location.hostname.startsWith('outlook.') || location.pathname.includes('outlook')) return outlook;
  return gmail;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * The compose window a body belongs to: its nearest ancestor that also holds a Send button.
 * Null when none within a reasonable depth (a body that is not a compose window, e.g. a chat box).
 */
export function composeRootOf(adapter: ComposeAdapter, body: Element): Element | null {
  let node: Element | null = body.parentElement;
  for (let depth = 0; node && depth < 30; depth++, node = node.parentElement) {
    if (node.querySelector(adapter.sendSelector)) return node;
  }
  return null;
}

/** The Send button of a compose window. */
export function sendButtonOf(adapter: ComposeAdapter, root: Element): HTMLElement | null {
  return root.querySelector<HTMLElement>(adapter.sendSelector);
}

/** Every distinct email address among the compose window's recipients (To, Cc, Bcc), in order, lower-cased. */
export function readRecipients(adapter: ComposeAdapter, root: Element): string[] {
  const found: string[] = [];
  const add = (value: string | null | undefined) => {
    for (const match of (value ?? '').matchAll(EMAIL)) {
      const email = match[0].toLowerCase();
      if (!found.includes(email)) found.push(email);
    }
  };
  for (const holder of root.querySelectorAll(adapter.recipientSelector)) {
    for (const el of [holder, ...holder.querySelectorAll('*')]) {
      add(el.getAttribute('email'));
      add(el.getAttribute('data-hovercard-id'));
      add(el.getAttribute('title'));
      if (el !== holder) add(el.getAttribute('aria-label'));
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) add(el.value);
    }
    add(holder.textContent);
  }
  return found;
}

/** Quoted replies and forwarded mail in a body: the client's own words, not ours to check. */
const QUOTED = '.gmail_quote, blockquote, #divRplyFwdMsg, #appendonsend, [data-makegood-panel]';
const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE']);

/** A body's text as the guard reads it, with where each character came from. */
export interface BodyText {
  text: string;
  /** Text nodes in order, each with the offset of its first character in `text`. */
  pieces: { node: Text; start: number }[];
}

/** The body's own text (quoted mail left out), blocks and <br> as line breaks. */
export function readBody(body: Element): BodyText {
  let text = '';
  const pieces: BodyText['pieces'] = [];
  const breakLine = () => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length > 0) {
          pieces.push({ node: child as Text, start: text.length });
          text += data;
        }
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(QUOTED)) continue;
        if (el.tagName === 'BR') {
          text += '\n';
          continue;
        }
        const block = BLOCKS.has(el.tagName);
        if (block) breakLine();
        walk(el);
        if (block) breakLine();
      }
    }
  };
  walk(body);
  return { text, pieces };
}

/** Where a character offset of the text is in the DOM (at or after it, skipping line breaks we added). */
function position(body: BodyText, offset: number, end: boolean): { node: Text; offset: number } | null {
  for (const piece of body.pieces) {
    const length = piece.node.data.length;
    const inside = end ? offset > piece.start && offset <= piece.start + length : offset < piece.start + length;
    if (inside || (!end && offset <= piece.start)) {
      return { node: piece.node, offset: Math.max(0, Math.min(length, offset - piece.start)) };
    }
  }
  return null;
}

/** The DOM range of [start, end) of a body's text, or null when the text moved on since it was read. */
export function rangeOf(doc: Document, body: BodyText, start: number, end: number): Range | null {
  if (start < 0 || end > body.text.length || start >= end) return null;
  const from = position(body, start, false);
  const to = position(body, end, true);
  if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Replaces a range of the body as if the user typed the replacement: selected, then
 * `insertText`, so the webmail's editor sees an ordinary edit (and Undo works). Where the browser
 * has no `execCommand` (a test DOM), the text is swapped directly and an input event fired.
 */
export function replaceRange(doc: Document, editable: HTMLElement, range: Range, replacement: string): void {
  editable.focus();
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const typed = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, replacement);
  if (!typed) {
    range.deleteContents();
    range.insertNode(doc.createTextNode(replacement));
    editable.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
