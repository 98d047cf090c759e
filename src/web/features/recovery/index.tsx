import { IconMailForward } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Feature } from '../types.ts';
import { ClientRecoveryPanel } from './client-recovery.tsx';
import { NotificationBell } from './header-notifications.tsx';
import { MistakeRecoveryPanel } from './mistake-recovery.tsx';
import { OutboxPage } from './outbox-page.tsx';

// The recovery feature: the guided recovery of a mistake (sweep, acknowledgment, remedies, fix,
// updates), the client's remedy ledger, the outbox and in-app reminders. The shell mounts
// `recoveryFeature` inside the signed-in layout and renders the slots below on its pages.
export const recoveryFeature: Feature = {
  routes: [{ path: 'outbox', element: <OutboxPage /> }],
  navItems: [{ label: 'Outbox', path: '/outbox', icon: IconMailForward }],
};

/** Rendered on the mistake detail page, below the stage and above the timeline. */
export function MistakeRecovery({ mistakeId }: { mistakeId: string }): ReactNode {
  return <MistakeRecoveryPanel mistakeId={mistakeId} />;
}

/** Rendered on the client detail page (remedy totals, ledger, recent messages). */
export function ClientRecovery({ clientId }: { clientId: string }): ReactNode {
  return <ClientRecoveryPanel clientId={clientId} />;
}

/** Rendered in the app header (in-app reminders). */
export function HeaderNotifications(): ReactNode {
  return <NotificationBell />;
}
