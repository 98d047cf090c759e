import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Client,
  ClientInput,
  Commitment,
  CommitmentInput,
  Contact,
  ContactInput,
  ContactPatch,
  Fact,
  FactInput,
  HealthSummary,
  TimelinePage,
} from '../../../shared/contract/index.ts';
import { api, queryString } from '../../api/client.ts';

// Queries and changes for clients, their contacts, facts, commitments and timeline, and workspace facts.

type Items<T> = { items: T[] };

export const clientKeys = {
  all: ['clients'] as const,
  list: (q: string, sort: 'name' | 'risk' = 'name') => ['clients', 'list', q, sort] as const,
  one: (id: string) => ['clients', id] as const,
  part: (id: string, part: 'contacts' | 'facts' | 'commitments' | 'timeline') => ['clients', id, part] as const,
};
export const workspaceFactsKey = ['facts', 'workspace'] as const;

/** Clients with their health, optionally filtered by a name search; `risk` sorts the lowest health first. */
export function useClients(q = '', sort: 'name' | 'risk' = 'name') {
  return useQuery({
    queryKey: clientKeys.list(q, sort),
    queryFn: () =>
      api.get<Items<Client & { health: HealthSummary }>>(
        `/clients${queryString({ q, ...(sort === 'risk' && { sort }) })}`,
      ),
    select: (data) => data.items,
  });
}

/** One client. */
export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.one(id), queryFn: () => api.get<Client>(`/clients/${id}`) });
}

function usePart<T>(id: string, part: 'contacts' | 'facts' | 'commitments' | 'timeline') {
  return useQuery({
    queryKey: clientKeys.part(id, part),
    queryFn: () => api.get<Items<T>>(`/clients/${id}/${part}`),
    select: (data) => data.items,
  });
}

export const useContacts = (id: string) => usePart<Contact>(id, 'contacts');
export const useFacts = (id: string) => usePart<Fact>(id, 'facts');
export const useCommitments = (id: string) => usePart<Commitment>(id, 'commitments');
/** The client's timeline, newest first, page after page (keyset cursor): `fetchNextPage` for "Load more". */
export function useClientTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: clientKeys.part(id, 'timeline'),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<TimelinePage>(`/clients/${id}/timeline${queryString({ ...(pageParam && { cursor: pageParam }) })}`),
    getNextPageParam: (last) => last.nextCursor ?? null,
    select: (data) => data.pages.flatMap((p) => p.items),
  });
}

/** Adds a client. */
export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ClientInput> & { name: string }) => api.post<Client>('/clients', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
}

/** Edits a client's name, tier, status or value. */
export function useUpdateClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ClientInput> & { name: string }) => api.patch<Client>(`/clients/${clientId}`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['mistakes'] }),
      ]),
  });
}

function useClientChange<I, O>(clientId: string, send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // The timeline and the mistake pages may show what changed: refresh everything about this client.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.one(clientId) }),
        queryClient.invalidateQueries({ queryKey: ['commitments'] }),
        queryClient.invalidateQueries({ queryKey: ['mistakes'] }),
      ]),
  });
}

export const useAddContact = (clientId: string) =>
  useClientChange(clientId, (input: Partial<ContactInput> & { fullName: string }) =>
    api.post<Contact>(`/clients/${clientId}/contacts`, input),
  );
export const useUpdateContact = (clientId: string) =>
  useClientChange(clientId, ({ contactId, patch }: { contactId: string; patch: ContactPatch }) =>
    api.patch<Contact>(`/clients/${clientId}/contacts/${contactId}`, patch),
  );
export const useRemoveContact = (clientId: string) =>
  useClientChange(clientId, (contactId: string) => api.delete(`/clients/${clientId}/contacts/${contactId}`));
export const useAddFact = (clientId: string) =>
  useClientChange(clientId, (input: { kind: FactInput['kind']; value: string; label?: string | null }) =>
    api.post<Fact>(`/clients/${clientId}/facts`, input),
  );
export const useRemoveFact = (clientId: string) =>
  useClientChange(clientId, (factId: string) => api.delete(`/clients/${clientId}/facts/${factId}`));
export const useAddCommitment = (clientId: string) =>
  useClientChange(clientId, (input: { title: string; dueAt: CommitmentInput['dueAt'] }) =>
    api.post<Commitment>(`/clients/${clientId}/commitments`, input),
  );
export const useCompleteCommitment = (clientId: string) =>
  useClientChange(clientId, (commitmentId: string) => api.post<Commitment>(`/commitments/${commitmentId}/complete`));

/** Facts that hold for every client. */
export function useWorkspaceFacts() {
  return useQuery({
    queryKey: workspaceFactsKey,
    queryFn: () => api.get<Items<Fact>>('/facts'),
    select: (d) => d.items,
  });
}

/** Records a workspace-wide fact. */
export function useAddWorkspaceFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: FactInput['kind']; value: string; label?: string | null }) =>
      api.post<Fact>('/facts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceFactsKey }),
  });
}

/** Removes a workspace-wide fact. */
export function useRemoveWorkspaceFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (factId: string) => api.delete(`/facts/${factId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceFactsKey }),
  });
}
