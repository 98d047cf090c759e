import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../domain/ports.ts';
import { getSettings, updateSettings } from '../../domain/settings/settings.ts';
import { workspaceSettingsPatchSchema, workspaceSettingsSchema } from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** Workspace settings: recovery targets, remedy policy, reminders, sender names. */
export function settingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings',
      { schema: { tags: ['settings'], summary: 'Workspace settings with defaults', response: { 200: workspaceSettingsSchema } } },
      async (request) => getSettings(deps, actorOf(request)),
    );
    app.patch(
      '/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'Change workspace settings (owner or admin)',
          body: workspaceSettingsPatchSchema,
          response: { 200: workspaceSettingsSchema },
        },
      },
      async (request) => updateSettings(deps, actorOf(request), request.body),
    );
  };
}
