import type { Services } from '../bootstrap/index.ts';
import { createServices } from '../bootstrap/index.ts';
import { loadConfig } from '../config/config.ts';
import type { Actor } from '../domain/ports.ts';
import { CliError } from './cli-error.ts';

/** Opens the configured local database and acts as its workspace's owner (the CLI runs on the server). */
export async function openLocal(): Promise<{ services: Services; actor: Actor }> {
  const services = await createServices(loadConfig());
  const workspace = await services.deps.store.workspaces.first();
  if (!workspace) {
    await services.close();
    throw new CliError('no workspace yet: run `makegood serve` and finish first-run setup in the browser.');
  }
  return { services, actor: { workspaceId: workspace.id, userId: null, name: 'makegood CLI', role: 'owner' } };
}
