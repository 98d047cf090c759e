import { IconMailPause } from '@tabler/icons-react';
import type { Feature } from '../types.ts';
import { HeldMailDetailPage, HeldMailPage } from './held-mail-page.tsx';

// The relay feature: mail the SMTP relay held for a client (issue 15 A), release or discard.
export const relayFeature: Feature = {
  routes: [
    { path: 'held-mail', element: <HeldMailPage /> },
    { path: 'held-mail/:relayMessageId', element: <HeldMailDetailPage /> },
  ],
  navItems: [{ label: 'Held mail', path: '/held-mail', icon: IconMailPause }],
};
