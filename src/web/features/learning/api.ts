import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Action,
  ActionInput,
  EffectivenessCheckInput,
  ImprovementPlanDraft,
  ImprovementPlanInput,
  ImprovementPlanResult,
  Learning,
  LearningDecisions,
  MemberInfo,
  RootCauseInput,
} from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';
import { membersKey } from '../settings/members-section.tsx';

// The learning feature's calls: a mistake's root cause, actions and improvement plan, and the
// workspace's list of actions. The mistake's learning sits under ['mistakes', id] so the shell's
// changes refresh it; every change here refreshes the mistake (stage track), timeline and lists.

export type ActionFilter = 'open' | 'overdue' | 'done' | 'cancelled' | 'all';

export const learningKeys = {
  learning: (mistakeId: string) => ['mistakes', mistakeId, 'learning'] as const,
  actions: (filter: { status: ActionFilter; ownerId?: string | undefined }) => ['actions', filter] as const,
};

/** After any learning change: the mistake and its parts, the mistake lists, the actions, messages. */
export function invalidateLearning(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    ['mistakes', 'actions', 'messages', 'notifications'].map((root) =>
      queryClient.invalidateQueries({ queryKey: [root] }),
    ),
  );
}

/** Root cause, advisories, actions, recorded reasons and what is still missing per stage. */
export function useLearning(mistakeId: string) {
  return useQuery({
    queryKey: learningKeys.learning(mistakeId),
    queryFn: () => api.get<Learning>(`/mistakes/${mistakeId}/learning`),
  });
}

/** The workspace's members (action owners). */
export function useMembers() {
  return useQuery({
    queryKey: membersKey,
    queryFn: () => api.get<{ items: MemberInfo[] }>('/members'),
    select: (d) => d.items,
  });
}

/** Actions across the workspace, by status and owner. */
export function useActions(filter: { status: ActionFilter; ownerId?: string | undefined }) {
  return useQuery({
    queryKey: learningKeys.actions(filter),
    queryFn: () => api.get<{ items: Action[] }>(`/actions${queryString({ ...filter })}`),
    select: (d) => d.items,
  });
}

function useLearningChange<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => invalidateLearning(queryClient) });
}

export const useSaveRootCause = (mistakeId: string) =>
  useLearningChange((input: RootCauseInput) => api.put<Learning>(`/mistakes/${mistakeId}/root-cause`, input));

export const useSaveDecisions = (mistakeId: string) =>
  useLearningChange((input: LearningDecisions) => api.patch<Learning>(`/mistakes/${mistakeId}/learning`, input));

export const useAddAction = (mistakeId: string) =>
  useLearningChange((input: ActionInput) => api.post<Action>(`/mistakes/${mistakeId}/actions`, input));

export const useActionDone = () =>
  useLearningChange((actionId: string) => api.post<Action>(`/actions/${actionId}/done`));

export const useCancelAction = () =>
  useLearningChange((input: { actionId: string; reason: string }) =>
    api.post<Action>(`/actions/${input.actionId}/cancel`, { reason: input.reason }),
  );

export const useCheckAction = () =>
  useLearningChange((input: { actionId: string } & EffectivenessCheckInput) =>
    api.post<Action>(`/actions/${input.actionId}/check`, { result: input.result, note: input.note }),
  );

/** Asks the API for the improvement plan drafted for one contact. */
export function fetchPlanDraft(mistakeId: string, contactId: string): Promise<ImprovementPlanDraft> {
  return api.get<ImprovementPlanDraft>(`/mistakes/${mistakeId}/improvement-plan/draft${queryString({ contactId })}`);
}

/** Sends the improvement plan (422 blocking_findings without an override reason). */
export const useSendPlan = (mistakeId: string) =>
  useLearningChange((input: ImprovementPlanInput) =>
    api.post<ImprovementPlanResult>(`/mistakes/${mistakeId}/improvement-plan`, input),
  );
