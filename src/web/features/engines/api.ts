import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnalysisDto,
  Client,
  FindingDto,
  GuardRule,
  GuardRuleInput,
  Mistake,
} from '../../../shared/contract/index.ts';
import { MAX_CHECK_TEXT } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';

// The engines feature's calls to the API, as TanStack Query hooks with one set of keys.

/** Query keys of the engines feature (everything under 'engines', so one invalidation reaches all). */
export const enginesKeys = {
  all: ['engines'] as const,
  analyse: (input: AnalyseRequest) => ['engines', 'analyse', input] as const,
  check: (input: CheckRequest) => ['engines', 'check', input] as const,
  checks: ['engines', 'check'] as const,
  rules: ['engines', 'guard-rules'] as const,
  vocabulary: ['engines', 'vocabulary'] as const,
  clients: ['engines', 'clients'] as const,
  mistakes: ['engines', 'mistakes'] as const,
};

/** What the panel sends to POST /api/analyse. */
export interface AnalyseRequest {
  text: string;
  mistakeId?: string;
  kind?: 'acknowledgment' | 'general';
}

/** What the panel sends to POST /api/check. */
export interface CheckRequest {
  text: string;
  clientId: string;
  /** Names the draft (one per editor), so lessons count what they caught on it. */
  draftId?: string;
  /** 0: nothing attached (an error on "see attached"); 'unknown': left empty (a warning that asks). */
  attachments?: number | 'unknown';
  date?: string;
}

/** An answer together with the exact request it answers, so stale offsets can be recognised. */
export interface Answered<I, R> {
  input: I;
  result: R;
}

/** True when the text is worth sending to the engines (not blank, not over the API's limit). */
export function checkable(text: string): boolean {
  return text.trim().length > 0 && text.length <= MAX_CHECK_TEXT;
}

/** The apology analysis of a text (null input: nothing to analyse). Keeps the last answer while typing. */
export function useAnalysis(input: AnalyseRequest | null) {
  return useQuery({
    queryKey: enginesKeys.analyse(input ?? { text: '' }),
    queryFn: async (): Promise<Answered<AnalyseRequest, AnalysisDto>> => ({
      input: input!,
      result: await api.post<AnalysisDto>('/analyse', input),
    }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The pre-send check of a text for a client (null input: nothing to check). */
export function useCheck(input: CheckRequest | null) {
  return useQuery({
    queryKey: enginesKeys.check(input ?? { text: '', clientId: '' }),
    queryFn: async (): Promise<Answered<CheckRequest, FindingDto[]>> => ({
      input: input!,
      result: (await api.post<{ findings: FindingDto[] }>('/check', input)).findings,
    }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    // What the guard knows changes elsewhere (contacts, facts, rules): re-check on every new mount.
    staleTime: 5_000,
  });
}

/** The workspace's clients, for pickers. */
export function useClients() {
  return useQuery({
    queryKey: enginesKeys.clients,
    queryFn: async () => (await api.get<{ items: Client[] }>('/clients')).items,
  });
}

/** The workspace's latest mistakes, for linking a guard rule to the mistake that taught it. */
export function useMistakes() {
  return useQuery({
    queryKey: enginesKeys.mistakes,
    queryFn: async () => (await api.get<{ items: Mistake[]; total: number }>('/mistakes?limit=200')).items,
  });
}

/** The workspace's guard rules. */
export function useGuardRules() {
  return useQuery({
    queryKey: enginesKeys.rules,
    queryFn: async () => (await api.get<{ items: GuardRule[] }>('/guard-rules')).items,
  });
}

/** The body the guard-rule form sends (the API trims and turns empty strings into null). */
export type GuardRuleBody = Omit<GuardRuleInput, 'clientId' | 'mistakeId'> & {
  clientId: string | null;
  mistakeId: string | null;
};

/** Adds (no id) or replaces (with id) a guard rule; every check is re-run afterwards. */
export function useSaveGuardRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: GuardRuleBody }) =>
      id
        ? api.put<GuardRule>(`/guard-rules/${encodeURIComponent(id)}`, body)
        : api.post<GuardRule>('/guard-rules', body),
    onSuccess: () => invalidateGuard(queryClient),
  });
}

/** Removes a guard rule. */
export function useDeleteGuardRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/guard-rules/${encodeURIComponent(id)}`),
    onSuccess: () => invalidateGuard(queryClient),
  });
}

/** The workspace's own words. */
export function useVocabulary() {
  return useQuery({
    queryKey: enginesKeys.vocabulary,
    queryFn: async () => (await api.get<{ items: string[] }>('/vocabulary')).items,
  });
}

/** Adds a word to the vocabulary. */
export function useAddWord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (word: string) => (await api.post<{ items: string[] }>('/vocabulary', { word })).items,
    onSuccess: async (items) => {
      queryClient.setQueryData(enginesKeys.vocabulary, items);
      await queryClient.invalidateQueries({ queryKey: enginesKeys.checks });
    },
  });
}

/** Removes a word from the vocabulary. */
export function useRemoveWord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (word: string) => api.delete(`/vocabulary/${encodeURIComponent(word)}`),
    onSuccess: () => invalidateGuard(queryClient),
  });
}

async function invalidateGuard(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: enginesKeys.rules }),
    queryClient.invalidateQueries({ queryKey: enginesKeys.vocabulary }),
    queryClient.invalidateQueries({ queryKey: enginesKeys.checks }),
  ]);
}
