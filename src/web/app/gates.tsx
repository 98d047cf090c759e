import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorBlock, LoadingBlock } from '../components/states.tsx';
import { SessionProvider, useSessionQuery, useSetupStatus } from './session.tsx';

function FullPage({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" p="md">
      <div style={{ width: 'min(480px, 100%)' }}>{children}</div>
    </Center>
  );
}

/** Renders its children only when signed in; otherwise sends to setup or sign-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const setup = useSetupStatus();
  const session = useSessionQuery();
  if (setup.isPending || session.isPending) {
    return (
      <FullPage>
        <LoadingBlock label="Opening makegood…" />
      </FullPage>
    );
  }
  if (setup.isError || session.isError) {
    const error = setup.error ?? session.error;
    return (
      <FullPage>
        <ErrorBlock
          error={error}
          title="makegood is not reachable"
          onRetry={() => {
            void setup.refetch();
            void session.refetch();
          }}
        />
      </FullPage>
    );
  }
  if (setup.data.needed) return <Navigate to="/setup" replace />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} replace />;
  }
  return <SessionProvider session={session.data}>{children}</SessionProvider>;
}

/** Wraps the public pages (setup, sign-in): a signed-in visitor goes to the app. */
export function PublicOnly({ children, page }: { children: ReactNode; page: 'setup' | 'sign-in' }) {
  const [params] = useSearchParams();
  const setup = useSetupStatus();
  const session = useSessionQuery();
  if (setup.isPending || session.isPending) {
    return (
      <FullPage>
        <LoadingBlock />
      </FullPage>
    );
  }
  if (setup.isError) {
    return (
      <FullPage>
        <ErrorBlock error={setup.error} title="makegood is not reachable" onRetry={() => void setup.refetch()} />
      </FullPage>
    );
  }
  if (page === 'sign-in' && setup.data.needed) return <Navigate to="/setup" replace />;
  if (page === 'setup' && !setup.data.needed) return <Navigate to={session.data ? '/' : '/sign-in'} replace />;
  if (page === 'sign-in' && session.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <>{children}</>;
}

/** Only same-app paths are followed after sign-in (never another origin). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
