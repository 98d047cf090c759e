import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientHealth, HealthAlertResolve } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';

// Client health: one client's score with why, its history and alerts; deciding an alert.

export const healthKey = (clientId: string) => ['clients', clientId, 'health'] as const;

/** One client's health (recomputed by the server at read time). */
export function useClientHealth(clientId: string) {
  return useQuery({
    queryKey: healthKey(clientId),
    queryFn: () => api.get<ClientHealth>(`/clients/${clientId}/health`),
  });
}

/** Marks the client at risk (its status, recorded on the timeline) or dismisses an alert. */
export function useResolveHealthAlert(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, decision }: { alertId: string; decision: HealthAlertResolve['decision'] }) =>
      api.post<ClientHealth>(`/clients/${clientId}/health/alerts/${alertId}/resolve`, { decision }),
    onSuccess: async (health) => {
      queryClient.setQueryData(healthKey(clientId), health);
      // The status and the timeline changed too.
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
}
