import {
  workspaceSettingsSchema,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';

/** A workspace's settings with defaults filled in; stored values that no longer parse fall back to defaults. */
export async function loadSettings(store: Store, workspaceId: string): Promise<WorkspaceSettings> {
  const stored = await store.workspaces.getSettings(workspaceId);
  const parsed = workspaceSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : workspaceSettingsSchema.parse({});
}

/** Reads the actor's workspace settings. */
export function getSettings(deps: Deps, actor: Actor): Promise<WorkspaceSettings> {
  return loadSettings(deps.store, actor.workspaceId);
}

/** Changes settings (owners and admins); the change is on the timeline. */
export async function updateSettings(deps: Deps, actor: Actor, patch: WorkspaceSettingsPatch): Promise<WorkspaceSettings> {
  requireRole(actor, 'admin');
  const current = await loadSettings(deps.store, actor.workspaceId);
  const next = workspaceSettingsSchema.parse({ ...current, ...patch });
  await deps.store.transaction(async (store) => {
    await store.workspaces.setSettings(actor.workspaceId, next);
    await recordEvent({ ...deps, store }, actor, {
      type: 'settings.updated',
      summary: `Settings updated: ${Object.keys(patch).join(', ')}`,
      data: { changed: Object.keys(patch) },
    });
  });
  return next;
}
