import { useQuery } from '@tanstack/react-query';
import type { Action, AtRiskClient, Commitment, Metrics, MistakePage } from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';

// The dashboard's reads: the metrics of a period, clients at risk, and what is open or overdue.

/** A period of whole UTC days, both included. */
export interface Period {
  from: string;
  to: string;
  clientId?: string | undefined;
}

/** The metrics of a period (workspace-wide or one client). */
export function useMetrics(period: Period) {
  return useQuery({
    queryKey: ['metrics', period],
    queryFn: () => api.get<Metrics>(`/metrics${queryString({ ...period })}`),
  });
}

/** The address of the CSV export of a period (a plain GET the browser downloads with the session cookie). */
export function metricsCsvUrl(period: Period): string {
  return `/api/metrics.csv${queryString({ ...period })}`;
}

/** The clients with the lowest health first, with why. */
export function useAtRisk(limit = 5) {
  return useQuery({
    queryKey: ['health', 'at-risk', limit],
    queryFn: () => api.get<{ items: AtRiskClient[] }>(`/health/at-risk${queryString({ limit })}`),
    select: (d) => d.items,
  });
}

/** Mistakes nobody has acknowledged to the client yet, newest first. */
export function useUnacknowledged(limit = 5) {
  return useQuery({
    queryKey: ['mistakes', { stage: 'found', limit }],
    queryFn: () => api.get<MistakePage>(`/mistakes${queryString({ stage: 'found', limit })}`),
  });
}

/** Open commitments past their due time (fix promises first). */
export function useOverdueCommitments(now: Date) {
  return useQuery({
    queryKey: ['commitments', { status: 'open' }],
    queryFn: () => api.get<{ items: Commitment[] }>('/commitments?status=open'),
    select: (d) =>
      d.items
        .filter((c) => Date.parse(c.dueAt) < now.getTime())
        .sort((a, b) => Number(b.isFix) - Number(a.isFix) || a.dueAt.localeCompare(b.dueAt)),
  });
}

/** Corrective and preventive actions past their due date. */
export function useOverdueActions() {
  return useQuery({
    queryKey: ['actions', { status: 'overdue' }],
    queryFn: () => api.get<{ items: Action[] }>('/actions?status=overdue'),
    select: (d) => d.items,
  });
}
