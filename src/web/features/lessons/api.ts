import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CheckAccept,
  CheckProposal,
  Lesson,
  LessonHit,
  LessonInput,
  LessonPatch,
  SimilarMistake,
} from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';
import { invalidateLearning } from '../learning/api.ts';

// The lessons feature's calls: a mistake's lessons and the checks they become, the lessons
// library, similar past mistakes while logging, and marking a repeat. A mistake's lessons sit
// under ['mistakes', id] so every change to the mistake refreshes them too.

export const lessonKeys = {
  ofMistake: (mistakeId: string) => ['mistakes', mistakeId, 'lessons'] as const,
  proposals: (lessonId: string) => ['lessons', lessonId, 'proposals'] as const,
  library: (q: LibraryQuery) => ['lessons', 'library', q] as const,
  similar: (q: SimilarRequest) => ['mistakes', 'similar', q] as const,
};

export interface LibraryQuery {
  q?: string | undefined;
  clientId?: string | undefined;
  category?: string | undefined;
  cause?: string | undefined;
  effective?: string | undefined;
}

export interface SimilarRequest {
  title: string;
  description?: string | null;
  clientId?: string;
  category?: string;
  excludeId?: string;
}

export function useMistakeLessons(mistakeId: string) {
  return useQuery({
    queryKey: lessonKeys.ofMistake(mistakeId),
    queryFn: () => api.get<{ items: Lesson[] }>(`/mistakes/${mistakeId}/lessons`),
    select: (d) => d.items,
  });
}

/** Lessons, guard rules, facts and contacts all move together: refresh whatever shows them. */
function useInvalidateLessons() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      invalidateLearning(queryClient),
      ...['lessons', 'guard-rules', 'clients', 'facts', 'check'].map((root) =>
        queryClient.invalidateQueries({ queryKey: [root] }),
      ),
    ]);
}

export function useCreateLesson(mistakeId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (input: LessonInput) => api.post<Lesson>(`/mistakes/${mistakeId}/lessons`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateLesson(lessonId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (patch: LessonPatch) => api.patch<Lesson>(`/lessons/${lessonId}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteLesson(lessonId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({ mutationFn: () => api.delete(`/lessons/${lessonId}`), onSuccess: invalidate });
}

/** "Turn it into a check": the proposals, fetched only when asked for. */
export function useProposals(lessonId: string, enabled: boolean) {
  return useQuery({
    queryKey: lessonKeys.proposals(lessonId),
    queryFn: () => api.get<{ items: CheckProposal[] }>(`/lessons/${lessonId}/proposals`),
    select: (d) => d.items,
    enabled,
  });
}

export function useAcceptCheck(lessonId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (input: CheckAccept) => api.post<Lesson>(`/lessons/${lessonId}/checks`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveCheck(lessonId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (checkId: string) => api.delete<Lesson>(`/lessons/${lessonId}/checks/${checkId}`),
    onSuccess: invalidate,
  });
}

export function useLessonLibrary(query: LibraryQuery) {
  return useQuery({
    queryKey: lessonKeys.library(query),
    queryFn: () => api.get<{ items: LessonHit[] }>(`/lessons${queryString({ ...query })}`),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

/** Past mistakes most like one being logged (null: not enough words yet). */
export function useSimilarMistakes(request: SimilarRequest | null) {
  return useQuery({
    queryKey: lessonKeys.similar(request ?? { title: '' }),
    queryFn: () => api.post<{ items: SimilarMistake[] }>('/mistakes/similar', request),
    select: (d) => d.items,
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useMarkRepeat(mistakeId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({
    mutationFn: (repeatOfId: string) => api.post(`/mistakes/${mistakeId}/repeat-of`, { mistakeId: repeatOfId }),
    onSuccess: invalidate,
  });
}

export function useUnmarkRepeat(mistakeId: string) {
  const invalidate = useInvalidateLessons();
  return useMutation({ mutationFn: () => api.delete(`/mistakes/${mistakeId}/repeat-of`), onSuccess: invalidate });
}
