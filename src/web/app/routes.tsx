import { Button } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link, Outlet, type RouteObject, useRouteError } from 'react-router';
import { EmptyBlock, ErrorBlock } from '../components/states.tsx';
import { AcceptInvitePage } from '../features/auth/accept-invite-page.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/reset-password-page.tsx';
import { SetupPage } from '../features/auth/setup-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { ClientDetailPage } from '../features/clients/client-detail-page.tsx';
import { ClientsPage } from '../features/clients/clients-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { enginesFeature } from '../features/engines/index.tsx';
import { learningFeature } from '../features/learning/index.tsx';
import { lessonsFeature } from '../features/lessons/index.tsx';
import { relayFeature } from '../features/relay/index.tsx';
import { WorkspaceFactsPage } from '../features/facts/workspace-facts-page.tsx';
import { LogMistakePage } from '../features/mistakes/log-mistake-page.tsx';
import { MistakeDetailPage } from '../features/mistakes/mistake-detail-page.tsx';
import { MistakesPage } from '../features/mistakes/mistakes-page.tsx';
import { recoveryFeature } from '../features/recovery/index.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { SatisfactionPage } from '../features/check-ins/satisfaction-page.tsx';
import { PublicOnly, RequireSession } from './gates.tsx';
import { AppLayout } from './layout.tsx';

function NotFound() {
  return (
    <EmptyBlock
      icon={<IconMoodEmpty size={28} />}
      title="Page not found"
      description="This address does not lead anywhere in makegood."
      action={
        <Button component={Link} to="/mistakes">
          Go to mistakes
        </Button>
      }
    />
  );
}

function RouteError() {
  const error = useRouteError();
  return (
    <div style={{ padding: 24 }}>
      <ErrorBlock error={error} title="Something went wrong on this page" onRetry={() => window.location.reload()} />
    </div>
  );
}

/** Every route of the app: the public pages, then the signed-in layout with core and feature pages. */
export function appRoutes(): RouteObject[] {
  return [
    {
      element: <Outlet />,
      errorElement: <RouteError />,
      children: [
        {
          path: 'setup',
          element: (
            <PublicOnly page="setup">
              <SetupPage />
            </PublicOnly>
          ),
        },
        {
          path: 'sign-in',
          element: (
            <PublicOnly page="sign-in">
              <SignInPage />
            </PublicOnly>
          ),
        },
        // The mailed links open whether or not someone is signed in on this browser.
        { path: 'invite/:token', element: <AcceptInvitePage /> },
        { path: 'reset/:token', element: <ResetPasswordPage /> },
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        // The client's satisfaction link: no sign-in, whoever opens it.
        { path: 'satisfaction/:token', element: <SatisfactionPage /> },
        {
          element: (
            <RequireSession>
              <AppLayout />
            </RequireSession>
          ),
          children: [
            {
              errorElement: <RouteError />,
              children: [
                { index: true, element: <DashboardPage /> },
                { path: 'mistakes', element: <MistakesPage /> },
                { path: 'mistakes/new', element: <LogMistakePage /> },
                { path: 'mistakes/:mistakeId', element: <MistakeDetailPage /> },
                { path: 'clients', element: <ClientsPage /> },
                { path: 'clients/:clientId', element: <ClientDetailPage /> },
                { path: 'facts', element: <WorkspaceFactsPage /> },
                { path: 'settings', element: <SettingsPage /> },
                ...recoveryFeature.routes,
                ...learningFeature.routes,
                ...lessonsFeature.routes,
                ...enginesFeature.routes,
                ...relayFeature.routes,
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}
