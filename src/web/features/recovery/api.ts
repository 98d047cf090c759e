import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Acknowledgment,
  AcknowledgmentChannel,
  AcknowledgmentDraft,
  Commitment,
  CompleteFixInput,
  CompleteFixResult,
  FixedNoticeDraft,
  Contact,
  Message,
  MessageStatus,
  Notification,
  ProgressUpdateInput,
  ProgressUpdateResult,
  RecoverySummary,
  RemedyDecline,
  RemedyEntry,
  RemedyProposal,
  RemedyResult,
  RemedyTotal,
  SendAcknowledgmentInput,
  SendAcknowledgmentResult,
  Sweep,
  SweepInput,
  SweepList,
} from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';

// The recovery feature's calls to the API as TanStack Query hooks. A mistake's recovery data sits
// under the shell's ['mistakes', id] key so the shell's own changes (fix commitment, acknowledgment)
// refresh it too, and every change here refreshes the shell's mistake, timeline and client pages.

export const recoveryKeys = {
  summary: (mistakeId: string) => ['mistakes', mistakeId, 'recovery'] as const,
  sweep: (mistakeId: string) => ['mistakes', mistakeId, 'sweep'] as const,
  proposal: (mistakeId: string, amountMinor: number | null, currency: string | null) =>
    ['mistakes', mistakeId, 'remedy-proposal', amountMinor, currency] as const,
  contacts: (clientId: string) => ['clients', clientId, 'contacts'] as const,
  remedies: (filter: { clientId?: string; mistakeId?: string }) => ['remedies', 'list', filter] as const,
  totals: (filter: { clientId?: string; mistakeId?: string }) => ['remedies', 'totals', filter] as const,
  messages: (filter: MessageQuery) => ['messages', filter] as const,
  notifications: ['notifications'] as const,
};

/** Filters of the messages list. */
export interface MessageQuery {
  mistakeId?: string;
  clientId?: string;
  status?: MessageStatus;
  limit?: number;
}

/** After any recovery change: the mistake, its timeline, the client, commitments, messages, remedies. */
export function invalidateRecovery(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    ['mistakes', 'clients', 'commitments', 'messages', 'remedies', 'notifications'].map((root) =>
      queryClient.invalidateQueries({ queryKey: [root] }),
    ),
  );
}

/** A mistake's recovery at a glance: stage, acknowledgment timing, fix, remedies, updates, messages. */
export function useRecoverySummary(mistakeId: string) {
  return useQuery({
    queryKey: recoveryKeys.summary(mistakeId),
    queryFn: () => api.get<RecoverySummary>(`/mistakes/${mistakeId}/recovery`),
  });
}

/** Everything open on the client's account, to check during the sweep. */
export function useSweep(mistakeId: string) {
  return useQuery({
    queryKey: recoveryKeys.sweep(mistakeId),
    queryFn: () => api.get<SweepList>(`/mistakes/${mistakeId}/sweep`),
  });
}

/** The client's contacts (who can be told). */
export function useContacts(clientId: string | undefined) {
  return useQuery({
    queryKey: recoveryKeys.contacts(clientId ?? ''),
    queryFn: () => api.get<{ items: Contact[] }>(`/clients/${clientId}/contacts`),
    select: (d) => d.items,
    enabled: Boolean(clientId),
  });
}

/** What the remedy policy says about the proposed amount, or about the given amount. */
export function useRemedyProposal(
  mistakeId: string,
  amountMinor: number | null = null,
  currency: string | null = null,
) {
  return useQuery({
    queryKey: recoveryKeys.proposal(mistakeId, amountMinor, currency),
    queryFn: () =>
      api.get<RemedyProposal>(`/mistakes/${mistakeId}/remedy-proposal${queryString({ amountMinor, currency })}`),
  });
}

/** Ledger entries for a client or a mistake, oldest first as the API answers. */
export function useRemedies(filter: { clientId?: string; mistakeId?: string }) {
  return useQuery({
    queryKey: recoveryKeys.remedies(filter),
    queryFn: () => api.get<{ items: RemedyEntry[] }>(`/remedies${queryString(filter)}`),
    select: (d) => d.items,
  });
}

/** Remedy totals, one row per currency. */
export function useRemedyTotals(filter: { clientId?: string; mistakeId?: string }) {
  return useQuery({
    queryKey: recoveryKeys.totals(filter),
    queryFn: () => api.get<{ items: RemedyTotal[] }>(`/remedies/totals${queryString(filter)}`),
    select: (d) => d.items,
  });
}

/** True while a message still waits for the outbox. */
export function inFlight(message: Message): boolean {
  return message.status === 'queued' || message.status === 'sending';
}

/** Messages to clients, newest first; polls while any is still on its way. */
export function useMessages(filter: MessageQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: recoveryKeys.messages(filter),
    queryFn: () => api.get<{ items: Message[] }>(`/messages${queryString({ ...filter })}`),
    select: (d) => d.items,
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (query.state.data?.items.some(inFlight) ? 5_000 : false),
  });
}

/** The signed-in user's notifications with the unread count; refreshed every minute. */
export function useNotifications() {
  return useQuery({
    queryKey: recoveryKeys.notifications,
    queryFn: () => api.get<{ items: Notification[]; unread: number }>('/notifications'),
    refetchInterval: 60_000,
  });
}

function useRecoveryChange<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => invalidateRecovery(queryClient) });
}

/** Asks the API for an acknowledgment draft addressed to one contact. */
export function fetchAcknowledgmentDraft(mistakeId: string, contactId: string): Promise<AcknowledgmentDraft> {
  return api.get<AcknowledgmentDraft>(`/mistakes/${mistakeId}/acknowledgment-draft${queryString({ contactId })}`);
}

/** Sends the acknowledgment (422 blocking_findings when the text has error findings and no override reason). */
export const useSendAcknowledgment = (mistakeId: string) =>
  useRecoveryChange((input: SendAcknowledgmentInput) =>
    api.post<SendAcknowledgmentResult>(`/mistakes/${mistakeId}/acknowledgment/send`, input),
  );

/** Sends a progress update (same guard as the acknowledgment). */
export const useSendUpdate = (mistakeId: string) =>
  useRecoveryChange((input: ProgressUpdateInput) =>
    api.post<ProgressUpdateResult>(`/mistakes/${mistakeId}/updates`, input),
  );

/** Records that the client noticed the mistake themselves. */
export const useClientNoticed = (mistakeId: string) =>
  useRecoveryChange(() => api.post<{ clientNoticedAt: string }>(`/mistakes/${mistakeId}/client-noticed`, {}));

/** Records the account sweep: what was checked. */
export const useRecordSweep = (mistakeId: string) =>
  useRecoveryChange((input: SweepInput) => api.post<Sweep>(`/mistakes/${mistakeId}/sweep`, input));

/** The body of a remedy as the form builds it (the idempotency key is added per submit). */
export interface RemedyBody {
  kind: 'credit' | 'discount' | 'refund' | 'rework' | 'gift' | 'other';
  currency: string;
  amountMinor?: number;
  hours?: number;
  rateMinor?: number;
  note: string | null;
}

/** Issues a remedy (or records it pending approval). */
export const useIssueRemedy = (mistakeId: string) =>
  useRecoveryChange((input: RemedyBody & { idempotencyKey: string }) =>
    api.post<RemedyResult>(`/mistakes/${mistakeId}/remedies`, input),
  );

/** Records the decision to give no money for this mistake. */
export const useDeclineRemedy = (mistakeId: string) =>
  useRecoveryChange((input: { reason: string }) =>
    api.post<RemedyDecline>(`/mistakes/${mistakeId}/remedies/decline`, input),
  );

/** Approves a remedy awaiting approval (owners and admins). */
export const useApproveRemedy = () =>
  useRecoveryChange((input: { remedyId: string; note?: string | null }) =>
    api.post<RemedyResult>(`/remedies/${input.remedyId}/approve`, { note: input.note ?? null }),
  );

/** Reverses an issued remedy with a reason (a new, negative ledger entry). */
export const useReverseRemedy = () =>
  useRecoveryChange((input: { remedyId: string; reason: string; idempotencyKey: string }) =>
    api.post<RemedyResult>(`/remedies/${input.remedyId}/reverse`, {
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
    }),
  );

/** Promises the fix by a due time. */
export const useAddFixCommitment = (mistakeId: string) =>
  useRecoveryChange((input: { title: string; dueAt: string }) =>
    api.post<Commitment>(`/mistakes/${mistakeId}/fix-commitment`, input),
  );

/** Marks a commitment done (a fix commitment reaches "fixed"). */
export const useCompleteCommitment = () =>
  useRecoveryChange((commitmentId: string) => api.post<Commitment>(`/commitments/${commitmentId}/complete`));

/** Every acknowledgment recorded for the mistake (email, phone, meeting…), oldest first. */
export function useAcknowledgmentList(mistakeId: string) {
  return useQuery({
    queryKey: ['mistakes', mistakeId, 'acknowledgments'] as const,
    queryFn: () => api.get<{ items: Acknowledgment[] }>(`/mistakes/${mistakeId}/acknowledgments`),
    select: (d) => d.items,
  });
}

/** What the "told them another way" form records. */
export interface RecordedAcknowledgment {
  at: string;
  channel: AcknowledgmentChannel;
  contactId: string | null;
  recipient: string | null;
  note: string | null;
}

/** Records an acknowledgment given by phone, in a meeting or elsewhere (reaches "acknowledged"). */
export const useRecordAcknowledgment = (mistakeId: string) =>
  useRecoveryChange((input: RecordedAcknowledgment) =>
    api.post<Acknowledgment>(`/mistakes/${mistakeId}/acknowledgments`, input),
  );

/** Asks the API for the "it's fixed" message addressed to one contact. */
export function fetchFixedNoticeDraft(mistakeId: string, contactId: string): Promise<FixedNoticeDraft> {
  return api.get<FixedNoticeDraft>(`/mistakes/${mistakeId}/fixed-notice-draft${queryString({ contactId })}`);
}

/** Marks the open fix done with a note and, optionally, the "it's fixed" message (422 blocking_findings as for sending). */
export const useCompleteFix = (mistakeId: string) =>
  useRecoveryChange((input: CompleteFixInput) =>
    api.post<CompleteFixResult>(`/mistakes/${mistakeId}/fix/complete`, input),
  );

/** Queues a failed message again. */
export const useRetryMessage = () =>
  useRecoveryChange((messageId: string) => api.post<Message>(`/messages/${messageId}/retry`));

/** Marks one notification read. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) => api.post<Notification>(`/notifications/${notificationId}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recoveryKeys.notifications }),
  });
}
