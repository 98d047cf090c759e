import type { ReactNode } from 'react';
import type { Feature } from '../types.ts';

// The recovery feature (owned by the recovery web work): acknowledgment composer, sweep, remedies,
// fix commitment, updates, outbox and reminders. The shell mounts `recoveryFeature` inside the
// signed-in layout and renders the two slots on the mistake and client detail pages.
export const recoveryFeature: Feature = { routes: [], navItems: [] };

/** Rendered on the mistake detail page, below the stage and above the timeline. */
export function MistakeRecovery(_props: { mistakeId: string }): ReactNode {
  return null;
}

/** Rendered on the client detail page (remedy totals, messages). */
export function ClientRecovery(_props: { clientId: string }): ReactNode {
  return null;
}

/** Rendered in the app header (in-app reminders). */
export function HeaderNotifications(): ReactNode {
  return null;
}
