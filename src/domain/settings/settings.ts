import {
  workspaceSettingsSchema,
  type SettingsView,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
} from '../../shared/contract/index.ts';
import { DomainError } from '../errors.ts';
import { requireRole } from '../access.ts';
import type { Actor, Deps, Store } from '../ports.ts';
import { recordEvent } from '../timeline/record-event.ts';

/** A workspace's settings with defaults filled in; stored values that no longer parse fall back to defaults. */
export async function loadSettings(store: Store, workspaceId: string): Promise<WorkspaceSettings> {
  const stored = await store.workspaces.getSettings(workspaceId);
  const parsed = workspaceSettingsSchema.safeParse(stored ?? {});
  const settings = parsed.success ? parsed.data : workspaceSettingsSchema.parse({});
  const named = typeof stored === 'object' && stored !== null && 'senderName' in stored && parsed.success;
  if (!named) {
    // A workspace from before setup recorded a sender name: its mail goes out under its own name.
    const workspace = await store.workspaces.get(workspaceId);
    if (workspace) settings.senderName = workspace.name.slice(0, 120);
  }
  return settings;
}

async function view(store: Store, workspaceId: string, settings: WorkspaceSettings): Promise<SettingsView> {
  const workspace = await store.workspaces.get(workspaceId);
  return { ...settings, timezone: workspace?.timezone ?? 'UTC' };
}

/** Reads the actor's workspace settings, with the workspace's time zone. */
export async function getSettings(deps: Deps, actor: Actor): Promise<SettingsView> {
  return view(deps.store, actor.workspaceId, await loadSettings(deps.store, actor.workspaceId));
}

/**
 * Changes settings (owners and admins); the change is on the timeline. The time zone is the
 * workspace's own column, written in the same transaction.
 */
export async function updateSettings(deps: Deps, actor: Actor, patch: WorkspaceSettingsPatch): Promise<SettingsView> {
  requireRole(actor, 'admin');
  const { timezone, ...rest } = patch;
  const current = await loadSettings(deps.store, actor.workspaceId);
  const next = workspaceSettingsSchema.parse({ ...current, ...rest });
  const workspace = await deps.store.workspaces.get(actor.workspaceId);
  if (!workspace) throw new DomainError('workspace_not_found');
  const zoneChanged = timezone !== undefined && timezone !== workspace.timezone;
  await deps.store.transaction(async (store) => {
    await store.workspaces.setSettings(actor.workspaceId, next);
    if (zoneChanged) await store.workspaces.setTimezone(actor.workspaceId, timezone);
    await recordEvent({ ...deps, store }, actor, {
      type: 'settings.updated',
      summary: `Settings updated: ${Object.keys(patch).join(', ')}`,
      data: { changed: Object.keys(patch) },
    });
  });
  return { ...next, timezone: zoneChanged ? timezone : workspace.timezone };
}
