import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionInfo, SetupInput, SignInInput } from '../../shared/contract/index.ts';
import { api, ApiError, setCsrfToken } from '../api/client.ts';

// Who is signed in: the setup status, the session (with its CSRF token) and the sign-in/out actions.

export const sessionKey = ['session'] as const;
export const setupKey = ['setup'] as const;

/** Whether the first-run setup still has to happen. */
export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: () => api.get<{ needed: boolean }>('/setup'), staleTime: Infinity });
}

/** The current session, or null when signed out. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    staleTime: Infinity,
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        const session = await api.get<SessionInfo>('/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
  });
}

const SessionContext = createContext<SessionInfo | null>(null);

/** Provides the signed-in session to the pages below. */
export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session (only inside the signed-in layout). */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only available inside the signed-in layout');
  return session;
}

/** The zone times are shown and read in: the member's own, else the workspace's. */
export function useTimeZone(): string {
  const session = useContext(SessionContext);
  return session?.user.timezone ?? session?.workspace.timezone ?? 'UTC';
}

/** Signs in and stores the session. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<SessionInfo>('/session', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

/** Creates the workspace and its owner, and signs in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<SessionInfo>('/setup', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(setupKey, { needed: false });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

/** Signs out and forgets every cached answer. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/session'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' && q.queryKey[0] !== 'session' });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
