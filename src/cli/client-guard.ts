import type { GuardKnowledge } from '../engine/index.ts';
import { loadGuardKnowledge } from '../domain/guard/check-text.ts';
import { loadSettings } from '../domain/settings/settings.ts';
import { CliError } from './cli-error.ts';
import { openLocal } from './local-actor.ts';

/** The guard knowledge of the local workspace, for checking a text meant for the named client. */
export async function loadClientGuardContext(name: string): Promise<{ knowledge: GuardKnowledge; clientId: string }> {
  const { services, actor } = await openLocal();
  try {
    const client = await services.deps.store.clients.findByName(actor.workspaceId, name);
    if (!client) throw new CliError(`unknown client "${name}"`);
    const settings = await loadSettings(services.deps.store, actor.workspaceId);
    const knowledge = await loadGuardKnowledge(services.deps.store, actor.workspaceId, settings.locale);
    return { knowledge, clientId: client.id };
  } finally {
    await services.close();
  }
}
