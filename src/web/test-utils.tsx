// Renders the real app (routes, gates, providers) at a path with `fetch` answered by a table of
// fake API routes, and records every request so tests can check what was sent.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { SessionInfo } from '../shared/contract/index.ts';
import { setCsrfToken } from './api/client.ts';
import { Providers } from './app/providers.tsx';
import { appRoutes } from './app/routes.tsx';

/** A fake answer: a status and a JSON body (204 has none). */
export interface FakeResponse {
  status?: number;
  body?: unknown;
}
/** One recorded request. */
export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}
type Handler = FakeResponse | ((call: RecordedCall) => FakeResponse);

export const testSession: SessionInfo = {
  user: { id: 'u1', name: 'Dana Reyes', email: 'dana@northwind.example', timezone: null },
  workspace: { id: 'w1', name: 'Northwind Studio', timezone: 'UTC' },
  role: 'owner',
  csrfToken: 'csrf-123',
};

/** The API error body for a validation failure on some fields. */
export function validationError(issues: { field: string; message: string }[]): FakeResponse {
  return {
    status: 400,
    body: {
      error: {
        code: 'validation_failed',
        message: `${issues[0]?.field}: ${issues[0]?.message}`,
        details: { issues },
        requestId: 'r1',
      },
    },
  };
}

/** Renders the app at `path`; `routes` maps "GET /api/clients" (no query) to an answer. */
export function renderApp(path: string, routes: Record<string, Handler> = {}) {
  const table: Record<string, Handler> = {
    'GET /api/setup': { body: { needed: false } },
    'GET /api/session': { body: testSession },
    'GET /api/clients': { body: { items: [] } },
    ...routes,
  };
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const handler = table[`${method} ${url.pathname}`];
    const answer: FakeResponse = !handler
      ? {
          status: 404,
          body: {
            error: { code: 'route_not_found', message: `No fake for ${method} ${url.pathname}`, requestId: 'r' },
          },
        }
      : typeof handler === 'function'
        ? handler(call)
        : handler;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken(null);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(appRoutes(), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  /** Requests with this method and path. */
  const sent = (method: string, p: string) => calls.filter((c) => c.method === method && c.path === p);
  return { ...view, user, router, calls, sent };
}
