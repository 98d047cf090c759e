// One compose window under the guard: checks its text (debounced) as it is written, shows the
// findings in a panel beside the body with the suggestion one click away, highlights the flagged
// words, and holds the Send button once when error findings are still in the text.
import {
  composeRootOf,
  rangeOf,
  readBody,
  readRecipients,
  replaceRange,
  sendButtonOf,
  type BodyText,
  type ComposeAdapter,
} from './compose.ts';
import type { CheckAnswer, FailureReason, Finding } from './messages.ts';

/** How long typing must pause before a check goes out. */
export const DEBOUNCE_MS = 600;

/** Asks makegood (through the service worker) to check a text for these recipients. */
export type Checker = (text: string, recipients: string[]) => Promise<CheckAnswer>;

const HIGHLIGHT = { error: 'makegood-error', warning: 'makegood-warning' } as const;

const PANEL_CSS = `
:host { all: initial; display: block; font: 13px/1.45 system-ui, sans-serif; color: #1f2328; }
.panel { margin: 6px 0; padding: 8px 10px; border: 1px solid #d0d7de; border-left: 4px solid #1f6feb; border-radius: 6px; background: #fff; }
.panel[data-state="errors"] { border-left-color: #cf222e; }
.panel[data-state="warnings"] { border-left-color: #bf8700; }
.panel[data-state="clean"] { border-left-color: #1a7f37; }
.head { display: flex; gap: 6px; align-items: baseline; font-weight: 600; }
.head small { font-weight: 400; color: #57606a; }
ul { list-style: none; margin: 6px 0 0; padding: 0; }
li { padding: 6px 0; border-top: 1px solid #eaeef2; }
.sev { display: inline-block; min-width: 4.5em; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.sev.error { color: #cf222e; } .sev.warning { color: #9a6700; } .sev.info { color: #57606a; }
q { font-style: italic; }
.suggestion { color: #57606a; margin-top: 2px; }
button { font: inherit; font-weight: 600; margin: 4px 6px 0 0; padding: 3px 10px; border-radius: 6px; border: 1px solid #1f6feb; background: #1f6feb; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f6feb; }
.confirm { margin-top: 8px; padding: 8px; background: #fff8f8; border: 1px solid #cf222e; border-radius: 6px; }
`;

const failures: Record<FailureReason, string> = {
  not_configured: 'Not set up yet: enter your makegood address and an API token in the options.',
  no_permission: 'Not allowed to reach makegood yet: save the address again in the options.',
  bad_token: 'makegood refused the API token (revoked?): enter a new one in the options.',
  unreachable: 'makegood did not answer; this email is not being checked.',
  server_error: 'makegood answered with an error; this email is not being checked.',
};

/** Puts the ::highlight styles into the page once (the Custom Highlight API draws them without touching the editor's DOM). */
function ensureHighlightStyle(doc: Document): void {
  if (doc.getElementById('makegood-highlight-style')) return;
  const style = doc.createElement('style');
  style.id = 'makegood-highlight-style';
  style.textContent =
    `::highlight(${HIGHLIGHT.error}) { background-color: rgba(207, 34, 46, 0.18); text-decoration: underline wavy #cf222e; }\n` +
    `::highlight(${HIGHLIGHT.warning}) { background-color: rgba(191, 135, 0, 0.18); text-decoration: underline wavy #bf8700; }`;
  (doc.head ?? doc.documentElement).append(style);
}

/** The guard on one compose window. */
export class ComposeSession {
  readonly root: Element;
  private readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  /** The text and recipients the shown findings are for. */
  private checked: { key: string; body: BodyText; findings: Finding[] } | null = null;
  private asking = false;
  /** Set while we press Send ourselves, after the user chose to send anyway. */
  private bypass = false;
  /** The user already said "send anyway" for this compose window: ask once, not again. */
  private confirmed = false;
  private failure: FailureReason | null = null;
  private clientName: string | null = null;

  constructor(
    private readonly adapter: ComposeAdapter,
    readonly body: HTMLElement,
    private readonly checker: Checker,
    private readonly openOptions: () => void,
  ) {
    this.root = composeRootOf(adapter, body) ?? body.parentElement ?? body;
    const doc = body.ownerDocument;
    this.host = doc.createElement('div');
    this.host.setAttribute('data-makegood-panel', '');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    ensureHighlightStyle(doc);
    this.attach();
    this.render();
  }

  /** Keeps the panel beside the body (webmail editors re-render their frames). */
  attach(): void {
    if (!this.host.isConnected) this.body.insertAdjacentElement('afterend', this.host);
  }

  private key(text: string, recipients: string[]): string {
    return JSON.stringify([text, recipients]);
  }

  private current(): { body: BodyText; recipients: string[]; key: string } {
    const body = readBody(this.body);
    const recipients = readRecipients(this.adapter, this.root);
    return { body, recipients, key: this.key(body.text, recipients) };
  }

  /** The text or recipients changed: check again once typing pauses. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, DEBOUNCE_MS);
  }

  /** Checks the compose window now; resolves when the findings for the current text are shown. */
  async run(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const now = this.current();
    if (this.checked?.key === now.key) return;
    const sequence = ++this.sequence;
    if (now.body.text.trim() === '' || now.recipients.length === 0) {
      this.checked = { key: now.key, body: now.body, findings: [] };
      this.failure = null;
      this.clientName = null;
      this.render();
      return;
    }
    let answer: CheckAnswer;
    try {
      answer = await this.checker(now.body.text, now.recipients);
    } catch {
      answer = { ok: false, reason: 'unreachable' };
    }
    // A newer check went out meanwhile: its answer wins.
    if (sequence !== this.sequence) return;
    if (answer.ok) {
      this.failure = null;
      this.clientName = answer.client?.name ?? null;
      this.checked = { key: now.key, body: now.body, findings: answer.findings };
    } else {
      this.failure = answer.reason;
      this.clientName = null;
      this.checked = { key: now.key, body: now.body, findings: [] };
    }
    this.render();
  }

  /** Findings still true of the text as it is now (what was checked is what is there). */
  private fresh(): Finding[] | null {
    if (!this.checked || this.timer) return null;
    return this.checked.key === this.current().key ? this.checked.findings : null;
  }

  private errors(findings: Finding[]): Finding[] {
    return findings.filter((f) => f.severity === 'error');
  }

  /** Whether a press of Send must wait: not checked yet, or error findings the user has not waved through. */
  shouldHold(): boolean {
    if (this.bypass || this.confirmed) return false;
    if (this.asking) return true;
    const findings = this.fresh();
    return findings === null || this.errors(findings).length > 0;
  }

  /** The user pressed Send (the press was held): check if needed, then ask once or send. */
  async attemptSend(): Promise<void> {
    if (this.asking) return;
    await this.run();
    const findings = this.fresh() ?? [];
    if (this.errors(findings).length === 0 || this.failure) {
      this.send();
      return;
    }
    this.asking = true;
    this.render();
    this.shadow.querySelector<HTMLButtonElement>('button[data-action="send-anyway"]')?.focus();
  }

  /** Presses Send for the user, letting our own press through. */
  private send(): void {
    const button = sendButtonOf(this.adapter, this.root);
    if (!button) return;
    this.bypass = true;
    try {
      const init = { bubbles: true, cancelable: true, composed: true, view: this.body.ownerDocument.defaultView };
      button.dispatchEvent(new MouseEvent('mousedown', init));
      button.dispatchEvent(new MouseEvent('mouseup', init));
      button.click();
    } finally {
      this.bypass = false;
    }
  }

  private replace(finding: Finding): void {
    if (!this.checked || finding.replacement === undefined) return;
    const range = rangeOf(this.body.ownerDocument, this.checked.body, finding.start, finding.end);
    if (!range) return;
    replaceRange(this.body.ownerDocument, this.body, range, finding.replacement);
    void this.run();
  }

  private highlight(findings: Finding[]): void {
    const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!registry || !HighlightClass) return;
    const checked = this.checked?.body;
    for (const severity of ['error', 'warning'] as const) {
      const ranges = findings
        .filter((f) => f.severity === severity && checked)
        .map((f) => rangeOf(this.body.ownerDocument, checked!, f.start, f.end))
        .filter((r): r is Range => r !== null);
      // One registry per page: every compose window's ranges together.
      const name = HIGHLIGHT[severity];
      const others = (registry.get(name) as Set<Range> | undefined) ?? new Set<Range>();
      const kept = [...others].filter((r) => r.startContainer.isConnected && !this.body.contains(r.startContainer));
      registry.set(name, new HighlightClass(...kept, ...ranges));
    }
  }

  private render(): void {
    const doc = this.body.ownerDocument;
    const findings = this.checked?.findings ?? [];
    const shown = findings.filter((f) => f.severity !== 'info' || f.replacement !== undefined);
    this.highlight(this.failure ? [] : shown);
    const panel = doc.createElement('section');
    panel.className = 'panel';
    panel.setAttribute('aria-label', 'makegood check');
    const head = doc.createElement('div');
    head.className = 'head';
    head.append('makegood');
    const sub = doc.createElement('small');
    head.append(sub);
    panel.append(head);
    if (this.failure) {
      panel.dataset['state'] = 'failure';
      sub.textContent = failures[this.failure];
      if (this.failure === 'not_configured' || this.failure === 'no_permission' || this.failure === 'bad_token') {
        const open = doc.createElement('button');
        open.className = 'secondary';
        open.textContent = 'Open options';
        open.addEventListener('click', () => this.openOptions());
        panel.append(open);
      }
    } else if (!this.checked || this.checked.body.text.trim() === '') {
      panel.dataset['state'] = 'idle';
      sub.textContent = 'checks this email once it has a recipient and text.';
    } else if (!this.clientName) {
      panel.dataset['state'] = 'idle';
      sub.textContent = 'no recipient is a known client contact.';
    } else {
      const errors = this.errors(shown).length;
      panel.dataset['state'] = errors > 0 ? 'errors' : shown.length > 0 ? 'warnings' : 'clean';
      sub.textContent =
        shown.length === 0
          ? `checked against ${this.clientName}: nothing found.`
          : `${shown.length} ${shown.length === 1 ? 'finding' : 'findings'} for ${this.clientName}`;
      if (shown.length > 0) panel.append(this.list(shown));
    }
    if (this.asking) panel.append(this.confirmBox(this.errors(shown)));
    this.shadow.replaceChildren(Object.assign(doc.createElement('style'), { textContent: PANEL_CSS }), panel);
  }

  private list(findings: Finding[]): HTMLUListElement {
    const doc = this.body.ownerDocument;
    const list = doc.createElement('ul');
    list.setAttribute('aria-label', 'Findings');
    for (const finding of findings) {
      const item = doc.createElement('li');
      const flagged = this.checked?.body.text.slice(finding.start, finding.end) ?? '';
      const sev = Object.assign(doc.createElement('span'), {
        className: `sev ${finding.severity}`,
        textContent: finding.severity,
      });
      item.append(sev, `${finding.message} `);
      if (flagged) item.append(Object.assign(doc.createElement('q'), { textContent: flagged }));
      if (finding.suggestion)
        item.append(
          Object.assign(doc.createElement('div'), { className: 'suggestion', textContent: finding.suggestion }),
        );
      if (finding.replacement !== undefined) {
        const fix = doc.createElement('button');
        fix.textContent = finding.replacement ? `Replace with “${finding.replacement}”` : 'Remove';
        fix.setAttribute(
          'aria-label',
          finding.replacement ? `Replace “${flagged}” with “${finding.replacement}”` : `Remove “${flagged}”`,
        );
        fix.addEventListener('click', () => this.replace(finding));
        item.append(doc.createElement('br'), fix);
      }
      list.append(item);
    }
    return list;
  }

  private confirmBox(errors: Finding[]): HTMLElement {
    const doc = this.body.ownerDocument;
    const box = doc.createElement('div');
    box.className = 'confirm';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Send with errors?');
    const count = errors.length;
    box.append(
      Object.assign(doc.createElement('strong'), {
        textContent: `This email still has ${count} ${count === 1 ? 'error' : 'errors'}. Send it anyway?`,
      }),
      doc.createElement('br'),
    );
    const sendAnyway = Object.assign(doc.createElement('button'), { textContent: 'Send anyway' });
    sendAnyway.dataset['action'] = 'send-anyway';
    sendAnyway.addEventListener('click', () => {
      this.asking = false;
      this.confirmed = true;
      this.render();
      this.send();
    });
    const back = Object.assign(doc.createElement('button'), { textContent: 'Go back and fix', className: 'secondary' });
    back.addEventListener('click', () => {
      this.asking = false;
      this.render();
      this.body.focus();
    });
    box.append(sendAnyway, back);
    return box;
  }

  /** The compose window is gone: stop and take the highlights away. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.sequence++;
    this.checked = null;
    this.highlight([]);
    this.host.remove();
  }
}
