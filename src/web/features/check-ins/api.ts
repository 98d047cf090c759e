import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CheckIn,
  CheckInDraft,
  CheckInRecordInput,
  CheckInSendInput,
  CheckInSendResult,
  SatisfactionAnswerInput,
  SatisfactionList,
  SatisfactionPublic,
  SatisfactionRequest,
} from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';

// The check-ins and satisfaction calls as TanStack Query hooks. Their keys sit under the shell's
// ['mistakes', id] and ['clients', id] keys, so the shell's changes (a fix marked done) refresh them.

export const checkInKeys = {
  mistake: (mistakeId: string) => ['mistakes', mistakeId, 'check-ins'] as const,
  client: (clientId: string) => ['clients', clientId, 'check-ins'] as const,
  satisfaction: (mistakeId: string) => ['mistakes', mistakeId, 'satisfaction'] as const,
  clientSatisfaction: (clientId: string) => ['clients', clientId, 'satisfaction'] as const,
  publicPage: (token: string) => ['public-satisfaction', token] as const,
};

/** After any change: the mistake (timeline), the client (health), messages and notifications. */
function invalidate(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    ['mistakes', 'clients', 'messages', 'notifications', 'health'].map((root) =>
      queryClient.invalidateQueries({ queryKey: [root] }),
    ),
  );
}

/** The check-ins of a mistake, in due order. */
export function useCheckIns(mistakeId: string) {
  return useQuery({
    queryKey: checkInKeys.mistake(mistakeId),
    queryFn: () => api.get<{ items: CheckIn[] }>(`/mistakes/${mistakeId}/check-ins`),
    select: (d) => d.items,
  });
}

/** The check-ins of a client's mistakes. */
export function useClientCheckIns(clientId: string) {
  return useQuery({
    queryKey: checkInKeys.client(clientId),
    queryFn: () => api.get<{ items: CheckIn[] }>(`/clients/${clientId}/check-ins`),
    select: (d) => d.items,
  });
}

/** Fetches a drafted check-in message for one contact (on demand). */
export function fetchCheckInDraft(checkInId: string, contactId: string): Promise<CheckInDraft> {
  return api.get<CheckInDraft>(`/check-ins/${checkInId}/draft${queryString({ contactId })}`);
}

export function useSendCheckIn(checkInId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInSendInput) => api.post<CheckInSendResult>(`/check-ins/${checkInId}/send`, input),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useRecordCheckIn(checkInId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInRecordInput) => api.post<CheckIn>(`/check-ins/${checkInId}/record`, input),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useSkipCheckIn(checkInId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<CheckIn>(`/check-ins/${checkInId}/skip`, { reason }),
    onSuccess: () => invalidate(queryClient),
  });
}

/** Satisfaction requests and answers of a mistake. */
export function useSatisfaction(mistakeId: string) {
  return useQuery({
    queryKey: checkInKeys.satisfaction(mistakeId),
    queryFn: () => api.get<SatisfactionList>(`/mistakes/${mistakeId}/satisfaction`),
  });
}

/** Satisfaction answers of a client's mistakes. */
export function useClientSatisfaction(clientId: string) {
  return useQuery({
    queryKey: checkInKeys.clientSatisfaction(clientId),
    queryFn: () => api.get<SatisfactionList>(`/clients/${clientId}/satisfaction`),
  });
}

export function useRequestSatisfaction(mistakeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      api.post<SatisfactionRequest>(`/mistakes/${mistakeId}/satisfaction`, { contactId }),
    onSuccess: () => invalidate(queryClient),
  });
}

/** The public page's question (no sign-in). */
export function usePublicSatisfaction(token: string) {
  return useQuery({
    queryKey: checkInKeys.publicPage(token),
    queryFn: () => api.get<SatisfactionPublic>(`/public/satisfaction/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAnswerSatisfaction(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SatisfactionAnswerInput) =>
      api.post<SatisfactionPublic>(`/public/satisfaction/${encodeURIComponent(token)}`, input),
    onSuccess: (data) => queryClient.setQueryData(checkInKeys.publicPage(token), data),
  });
}
