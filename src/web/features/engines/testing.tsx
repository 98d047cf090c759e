import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';

// Test helpers of the engines feature: the app's providers around a component, and a fake API
// answering fetch by method and path (and recording every request it saw).

/** One request the fake API received. */
export interface SeenRequest {
  method: string;
  path: string;
  body: any;
}

type Handler = (request: SeenRequest) => { status: number; body?: unknown } | undefined;

/** Replaces global fetch with `handler`; unknown routes answer 404 in the API's error shape. */
export function fakeApi(handler: Handler): { requests: SeenRequest[] } {
  const requests: SeenRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const seen: SeenRequest = {
        method: init?.method ?? 'GET',
        path: String(url).replace(/^\/api/, ''),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      requests.push(seen);
      const answer = handler(seen) ?? {
        status: 404,
        body: { error: { code: 'not_found', message: `No fake for ${seen.method} ${seen.path}`, requestId: 't' } },
      };
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? null), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { requests };
}

/** Renders with Mantine, a fresh query client (no retries) and a memory router. */
export function renderWithApp(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** An analysis with no components and no findings, to build on. */
export function emptyAnalysis() {
  return {
    verdict: 'mixed' as const,
    score: 0,
    components: {
      responsibility: false,
      repair: false,
      regret: false,
      explanation: false,
      repentance: false,
      forgiveness: false,
    },
    evidence: { responsibility: [], repair: [], regret: [], explanation: [], repentance: [], forgiveness: [] },
    findings: [] as unknown[],
  };
}
