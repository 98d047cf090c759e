import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type {
  Contact,
  Message,
  RecoverySummary,
  RemedyEntry,
  RemedyProposal,
  Role,
  SessionInfo,
} from '../../../shared/contract/index.ts';
import { Providers } from '../../app/providers.tsx';
import { SessionProvider } from '../../app/session.tsx';

// Test helpers of the recovery feature: a fake API answering fetch by "METHOD /path" (query kept
// apart), every request recorded, and builders for the contract's shapes.

/** One request the fake API received. */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
}
/** An answer; `network: true` makes fetch reject like a dropped connection. */
export interface Answer {
  status?: number;
  body?: unknown;
  network?: boolean;
}
export type Routes = Record<string, Answer | ((seen: Seen) => Answer)>;

/** Replaces fetch; unknown routes answer 404 in the API's error shape. */
export function fakeApi(routes: Routes): { seen: Seen[]; sent: (method: string, path: string) => Seen[] } {
  const seen: Seen[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const request: Seen = {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api/, ''),
        query: url.searchParams,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      seen.push(request);
      const route = routes[`${request.method} ${request.path}`];
      const answer: Answer = !route
        ? {
            status: 404,
            body: {
              error: { code: 'not_found', message: `No fake for ${request.method} ${request.path}`, requestId: 't' },
            },
          }
        : typeof route === 'function'
          ? route(request)
          : route;
      if (answer.network) throw new TypeError('Failed to fetch');
      const status = answer.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { seen, sent: (method, path) => seen.filter((s) => s.method === method && s.path === path) };
}

/** A signed-in session with the given role. */
export function sessionAs(role: Role = 'owner'): SessionInfo {
  return {
    user: { id: 'u1', name: 'Dana Reyes', email: 'dana@northwind.example', timezone: null },
    workspace: { id: 'w1', name: 'Northwind Studio', timezone: 'UTC' },
    role,
    csrfToken: 'csrf-1',
  };
}

/** Renders inside the app's providers, a signed-in session and a memory router. */
export function renderRecovery(ui: ReactElement, options: { role?: Role } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(
    <Providers queryClient={queryClient}>
      <SessionProvider session={sessionAs(options.role)}>
        <MemoryRouter>{ui}</MemoryRouter>
      </SessionProvider>
    </Providers>,
  );
  return { ...view, user, queryClient };
}

export const at = '2026-03-02T09:00:00.000Z';

/** Dr Amara Okafor of the client, with an email. */
export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'ct1',
    clientId: 'c1',
    fullName: 'Amara Okafor',
    preferredName: null,
    honorific: 'Dr',
    pronouns: null,
    pronunciation: null,
    email: 'amara@acme.example',
    isBilling: false,
    createdAt: at,
    ...overrides,
  };
}

/** A fresh major mistake's recovery: nothing done yet. */
export function summary(overrides: Partial<RecoverySummary> = {}): RecoverySummary {
  return {
    mistakeId: 'm1',
    ref: 'MG-1',
    clientId: 'c1',
    stage: 'found',
    severity: 'major',
    foundBy: 'us',
    foundAt: at,
    clientNoticedAt: null,
    acknowledgeTarget: { targetMinutes: 240, dueAt: '2099-01-01T00:00:00.000Z' },
    acknowledgment: null,
    fixCommitment: null,
    remedies: [],
    totals: [],
    remedyDecline: null,
    nextUpdateDueAt: null,
    updateIntervalHours: 24,
    messages: [],
    lastSweep: null,
    ...overrides,
  };
}

/** The policy for a key client's major mistake with $500 impact: 2×, approval above 150% or $2,000; `priorMinor` already given. */
export function proposal(amountMinor = 100_000, currency = 'USD', priorMinor = 0): RemedyProposal {
  const requiresApproval = amountMinor > 75_000 || currency !== 'USD';
  return {
    mistakeId: 'm1',
    clientId: 'c1',
    tier: 'key',
    severity: 'major',
    impact: { amountMinor: 50_000, currency: 'USD' },
    multiplierPercent: 200,
    fullProposalMinor: 100_000,
    priorMinor,
    proposed: { amountMinor: Math.max(0, 100_000 - priorMinor), currency: 'USD' },
    capPercent: 150,
    capAmountMinor: 75_000,
    approvalThresholdMinor: 200_000,
    assessment: {
      amount: { amountMinor, currency },
      priorMinor: currency === 'USD' ? priorMinor : 0,
      percentOfImpact: currency === 'USD' ? Math.floor((amountMinor * 100) / 50_000) : null,
      requiresApproval,
      reasons: requiresApproval
        ? [
            {
              code: 'above_cap',
              message: `${Math.floor((amountMinor * 100) / 50_000)}% of the impact is above the 150% cap.`,
            },
          ]
        : [],
      warning: requiresApproval ? 'Beyond about 150% of the impact, more money stops buying loyalty.' : null,
    },
  };
}

/** A ledger entry. */
export function entry(overrides: Partial<RemedyEntry> = {}): RemedyEntry {
  return {
    id: 'r1',
    mistakeId: 'm1',
    mistakeRef: 'MG-1',
    clientId: 'c1',
    kind: 'credit',
    amountMinor: 30_000,
    currency: 'USD',
    hours: null,
    rateMinor: null,
    note: null,
    status: 'issued',
    requiresApproval: false,
    approvalReasons: [],
    approval: null,
    reversesId: null,
    reversedById: null,
    accountingMessageId: null,
    createdBy: { id: 'u1', name: 'Dana Reyes' },
    createdAt: at,
    ...overrides,
  };
}

/** A message in the outbox. */
export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'msg1',
    clientId: 'c1',
    mistakeId: 'm1',
    kind: 'acknowledgment',
    status: 'sent',
    fromName: 'Northwind Studio',
    toName: 'Amara Okafor',
    toAddress: 'amara@acme.example',
    subject: 'We got your newsletter wrong',
    body: 'Dear Dr Okafor, …',
    messageId: '<1@northwind.example>',
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    sentAt: at,
    createdAt: at,
    ...overrides,
  };
}

/** An apology analysis with nothing found. */
export function emptyAnalysis() {
  const none = {
    responsibility: false,
    repair: false,
    regret: false,
    explanation: false,
    repentance: false,
    forgiveness: false,
  };
  return {
    verdict: 'mixed',
    score: 0,
    components: none,
    evidence: { responsibility: [], repair: [], regret: [], explanation: [], repentance: [], forgiveness: [] },
    findings: [],
  };
}
