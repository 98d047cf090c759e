import { IconChecklist } from '@tabler/icons-react';
import type { Feature } from '../types.ts';
import { ActionsPage } from './actions-page.tsx';

export { LearnSection } from './learn-section.tsx';

// The learning feature: the Learn section of a mistake (root cause, actions, effectiveness checks,
// the improvement plan) and the workspace's Actions page.
export const learningFeature: Feature = {
  routes: [{ path: 'actions', element: <ActionsPage /> }],
  navItems: [{ label: 'Actions', path: '/actions', icon: IconChecklist }],
};
