import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Acknowledgment,
  AcknowledgmentInput,
  Commitment,
  Mistake,
  MistakeCategory,
  MistakePage,
  MistakePatch,
  RecoveryStage,
  Severity,
  TimelineEvent,
} from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';

// Queries and changes for mistakes: list and filter, log, read, acknowledge, fix commitment, timeline.

/** The list filters as the page keeps them (all optional, instants in UTC ISO). */
export interface MistakeListFilter {
  clientId?: string | undefined;
  stage?: RecoveryStage | undefined;
  severity?: Severity | undefined;
  category?: MistakeCategory | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  limit?: number;
}

export const mistakeKeys = {
  all: ['mistakes'] as const,
  list: (filter: MistakeListFilter) => ['mistakes', 'list', filter] as const,
  one: (id: string) => ['mistakes', id] as const,
  part: (id: string, part: 'timeline' | 'acknowledgments' | 'commitments') => ['mistakes', id, part] as const,
};

/** The first page of mistakes matching the filter, newest found first (total bounded: "1,000+"). */
export function useMistakes(filter: MistakeListFilter) {
  return useQuery({
    queryKey: mistakeKeys.list(filter),
    queryFn: () => api.get<MistakePage>(`/mistakes${queryString({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

/** Mistakes matching the filter, page after page (keyset cursor): `fetchNextPage` for "Load more". */
export function useMistakePages(filter: MistakeListFilter) {
  return useInfiniteQuery({
    queryKey: [...mistakeKeys.list(filter), 'pages'] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<MistakePage>(`/mistakes${queryString({ ...filter, ...(pageParam && { cursor: pageParam }) })}`),
    // A page without nextCursor (older servers, tests) is the last one.
    getNextPageParam: (last) => last.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** A page's count as shown: "12", or "1,000+" when the bounded count stopped at the bound. */
export function countText(page: Pick<MistakePage, 'total' | 'totalExact'>): string {
  const total = page.total ?? 0;
  // Pages from before bounded counts have no totalExact: they were exact.
  return `${total.toLocaleString('en-US')}${page.totalExact === false ? '+' : ''}`;
}

/** "1 mistake", "12 mistakes", "1,000+ mistakes". */
export function countLabel(page: Pick<MistakePage, 'total' | 'totalExact'>): string {
  const text = countText(page);
  return text === '1' ? '1 mistake' : `${text} mistakes`;
}

/** One mistake. */
export function useMistake(id: string) {
  return useQuery({ queryKey: mistakeKeys.one(id), queryFn: () => api.get<Mistake>(`/mistakes/${id}`) });
}

/** The mistake's timeline, oldest first. */
export function useMistakeTimeline(id: string) {
  return useQuery({
    queryKey: mistakeKeys.part(id, 'timeline'),
    queryFn: () => api.get<{ items: TimelineEvent[] }>(`/mistakes/${id}/timeline`),
    select: (d) => d.items,
  });
}

/** Acknowledgments recorded for the mistake. */
export function useAcknowledgments(id: string) {
  return useQuery({
    queryKey: mistakeKeys.part(id, 'acknowledgments'),
    queryFn: () => api.get<{ items: Acknowledgment[] }>(`/mistakes/${id}/acknowledgments`),
    select: (d) => d.items,
  });
}

/** Commitments tied to the mistake (the fix). */
export function useMistakeCommitments(id: string) {
  return useQuery({
    queryKey: mistakeKeys.part(id, 'commitments'),
    queryFn: () => api.get<{ items: Commitment[] }>(`/commitments${queryString({ mistakeId: id })}`),
    select: (d) => d.items,
  });
}

/** The log-a-mistake request body as the form builds it. */
export interface LogMistakeBody {
  clientId: string;
  title: string;
  description: string | null;
  category: MistakeCategory;
  severity: Severity;
  impact: { amountMinor: number; currency: string };
  foundBy: 'us' | 'client' | 'third_party';
  happenedAt: string | null;
  foundAt?: string;
}

/** Logs a mistake. */
export function useLogMistake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LogMistakeBody) => api.post<Mistake>('/mistakes', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mistakeKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
      ]),
  });
}

function useMistakeChange<I, O>(id: string, send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mistakeKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['commitments'] }),
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
      ]),
  });
}

/** Corrects what was logged (title, description, category, severity, impact, owner); never the stage. */
export const useUpdateMistake = (id: string) =>
  useMistakeChange(id, (patch: MistakePatch) => api.patch<Mistake>(`/mistakes/${id}`, patch));

/** A person in this workspace, as GET /api/members lists them. */
export interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
}

/** The people in this workspace (for choosing an owner); fetched only when `enabled`. */
export function useMembers(enabled = true) {
  return useQuery({
    queryKey: ['members', 'list'] as const,
    queryFn: () => api.get<{ items: Member[] }>('/members'),
    select: (d) => d.items,
    enabled,
  });
}

/** Records that the client was told. */
export const useRecordAcknowledgment = (id: string) =>
  useMistakeChange(
    id,
    (
      input: Omit<AcknowledgmentInput, 'contactId' | 'recipient' | 'note'> & {
        contactId?: string | null;
        recipient?: string | null;
        note?: string | null;
      },
    ) => api.post<Acknowledgment>(`/mistakes/${id}/acknowledgments`, input),
  );

/** Promises the fix by a due time. */
export const useAddFixCommitment = (id: string) =>
  useMistakeChange(id, (input: { title: string; dueAt: string }) =>
    api.post<Commitment>(`/mistakes/${id}/fix-commitment`, input),
  );

/** Marks a commitment done (a fix commitment reaches "fixed"). */
export const useCompleteFix = (id: string) =>
  useMistakeChange(id, (commitmentId: string) => api.post<Commitment>(`/commitments/${commitmentId}/complete`));
