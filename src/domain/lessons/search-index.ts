import type { Store } from '../ports.ts';

/**
 * Rebuilds the library document of every lesson of a mistake, in the caller's transaction: the
 * lesson, the mistake's title and description, its root cause and its actions are all searchable.
 */
export async function reindexLessons(store: Store, workspaceId: string, mistakeId: string): Promise<void> {
  const lessons = await store.lessons.list(workspaceId, { mistakeId, limit: 200 });
  if (lessons.length === 0) return;
  const [mistake, rootCause, actions] = await Promise.all([
    store.mistakes.get(workspaceId, mistakeId),
    store.rootCauses.get(workspaceId, mistakeId),
    store.actions.list(workspaceId, { mistakeId }),
  ]);
  const context = [
    mistake?.title,
    mistake?.description,
    rootCause?.summary,
    ...(rootCause?.whySteps ?? []),
    rootCause?.escapePoint?.where,
    ...actions.filter((a) => a.status !== 'cancelled').map((a) => a.title),
  ]
    .filter(Boolean)
    .join('\n');
  for (const l of lessons) {
    await store.lessons.index(workspaceId, l.id, { title: l.title, body: `${l.learned}\n${context}` });
  }
}
