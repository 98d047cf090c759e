// Every page of the web app, as the accessibility and phone-layout e2e run opens them. One array to
// extend: src/web/app/route-coverage.test.ts fails when the router has a page this list lacks.

/** A page the audit opens: its route pattern (as in src/web/app/routes.tsx) and how to reach it. */
export interface AuditedPage {
  /** Used in the screenshot name: docs/screenshots/page-<name>-desktop|phone.png. */
  name: string;
  /** The route pattern, e.g. `mistakes/:mistakeId` (`''` is the index page); `:params` come from the seeded ids. */
  route: string;
  /** Opened before setup (setup), signed out (sign-in) or signed in. */
  when: 'before-setup' | 'signed-out' | 'signed-in';
}

/** The pages, in the order the audit visits them. Add new pages at the end. */
export const auditedPages: AuditedPage[] = [
  { name: 'setup', route: 'setup', when: 'before-setup' },
  { name: 'sign-in', route: 'sign-in', when: 'signed-out' },
  { name: 'forgot-password', route: 'forgot-password', when: 'signed-out' },
  { name: 'mistakes', route: 'mistakes', when: 'signed-in' },
  { name: 'log-mistake', route: 'mistakes/new', when: 'signed-in' },
  { name: 'mistake', route: 'mistakes/:mistakeId', when: 'signed-in' },
  { name: 'clients', route: 'clients', when: 'signed-in' },
  { name: 'client', route: 'clients/:clientId', when: 'signed-in' },
  { name: 'facts', route: 'facts', when: 'signed-in' },
  { name: 'settings', route: 'settings', when: 'signed-in' },
  { name: 'outbox', route: 'outbox', when: 'signed-in' },
  { name: 'actions', route: 'actions', when: 'signed-in' },
  { name: 'lessons', route: 'lessons', when: 'signed-in' },
  { name: 'check', route: 'check', when: 'signed-in' },
  { name: 'guard-rules', route: 'guard-rules', when: 'signed-in' },
  { name: 'vocabulary', route: 'vocabulary', when: 'signed-in' },
  { name: 'dashboard', route: '', when: 'signed-in' },
  { name: 'held-mail', route: 'held-mail', when: 'signed-in' },
];

/**
 * Routes the audit does not open, each with the reason. The invitation and reset pages need a
 * one-time token from a mailed link (their own e2e files open them); `*` is the not-found page.
 */
export const routesNotAudited: Record<string, string> = {
  'invite/:token': 'needs a mailed one-time token (e2e/invitations.e2e.test.ts opens it)',
  'reset/:token': 'needs a mailed one-time token (e2e/invitations.e2e.test.ts opens it)',
  'satisfaction/:token': "needs a mailed one-time token (the client's satisfaction check link)",
  '*': 'the not-found page',
  'held-mail/:relayMessageId': 'needs a message held by the SMTP relay (src/bootstrap/relay.test.ts)',
};
