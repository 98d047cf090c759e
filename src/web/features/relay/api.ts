import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RelayMessageDetail, RelayMessageDto, RelayStatus } from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';

// The relay feature's calls: mail submitted through the SMTP relay, one message with its findings,
// release and discard.

export const relayKeys = {
  list: (status: RelayStatus | undefined) => ['relay', 'list', status ?? 'all'] as const,
  one: (id: string) => ['relay', 'one', id] as const,
};

/** Relayed mail, newest first (held only with `status: 'held'`). */
export function useRelayMessages(status: RelayStatus | undefined) {
  return useQuery({
    queryKey: relayKeys.list(status),
    queryFn: () => api.get<{ items: RelayMessageDto[] }>(`/relay/messages${queryString({ status, limit: 200 })}`),
    select: (d) => d.items,
  });
}

/** One relayed message with its text and findings. */
export function useRelayMessage(id: string) {
  return useQuery({
    queryKey: relayKeys.one(id),
    queryFn: () => api.get<RelayMessageDetail>(`/relay/messages/${encodeURIComponent(id)}`),
  });
}

/** Release (send as it is) or discard a held message. */
export function useResolveHeld(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (outcome: 'release' | 'discard') =>
      api.post<RelayMessageDetail>(`/relay/messages/${encodeURIComponent(id)}/${outcome}`),
    onSuccess: async (message) => {
      queryClient.setQueryData(relayKeys.one(id), message);
      await queryClient.invalidateQueries({ queryKey: ['relay', 'list'] });
    },
  });
}
