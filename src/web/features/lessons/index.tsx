import { IconBulb } from '@tabler/icons-react';
import type { Feature } from '../types.ts';
import { LibraryPage } from './library-page.tsx';

export { LessonsPart, RepeatPart } from './lessons-part.tsx';
export { SimilarList } from './similar-list.tsx';

// The lessons feature: a mistake's lessons and the checks they become, marking a repeat, similar
// past mistakes while logging, and the workspace's lessons library.
export const lessonsFeature: Feature = {
  routes: [{ path: 'lessons', element: <LibraryPage /> }],
  navItems: [{ label: 'Lessons', path: '/lessons', icon: IconBulb }],
};
