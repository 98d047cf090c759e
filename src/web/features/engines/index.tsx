import { IconMessageCheck, IconShieldCheck, IconVocabulary } from '@tabler/icons-react';
import type { Feature } from '../types.ts';
import { CheckPage } from './check-page.tsx';
import { GuardRulesPage } from './guard-rules-page.tsx';
import { VocabularyPage } from './vocabulary-page.tsx';

// The engines feature: the analysis panel (embedded by other features), "Check a message", guard
// rules and vocabulary pages. The shell mounts `enginesFeature` inside the signed-in layout.

export {
  AnalysisPanel,
  ApologyChecklist,
  componentLabels,
  verdictLabels,
  type AnalysisPanelProps,
  type AnalysisStatus,
  type PanelFinding,
} from './analysis-panel.tsx';
export { ruleLabel } from './text-marks.ts';

/** Routes and navigation of the engines feature. */
export const enginesFeature: Feature = {
  routes: [
    { path: 'check', element: <CheckPage /> },
    { path: 'guard-rules', element: <GuardRulesPage /> },
    { path: 'vocabulary', element: <VocabularyPage /> },
  ],
  navItems: [
    { label: 'Check a message', path: '/check', icon: IconMessageCheck },
    { label: 'Guard rules', path: '/guard-rules', icon: IconShieldCheck },
    { label: 'Vocabulary', path: '/vocabulary', icon: IconVocabulary },
  ],
};
