import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Mailer } from '../../domain/messages/ports.ts';
import { composeTestMessage } from '../../domain/messages/test-message.ts';
import type { Deps } from '../../domain/ports.ts';
import { getSettings, updateSettings } from '../../domain/settings/settings.ts';
import {
  mailSetupSchema,
  mailTestResultSchema,
  settingsViewSchema,
  workspaceSettingsPatchSchema,
  type MailSetup,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** Workspace settings: recovery targets, remedy policy, reminders, sender names, time zone; where mail goes. */
export function settingsRoutes(deps: Deps, mail: { mailer: Mailer; setup: MailSetup }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings/mail',
      {
        schema: {
          tags: ['settings'],
          summary: 'Where mail goes: the file outbox or an SMTP server, and the sender addresses (from the configuration)',
          response: { 200: mailSetupSchema },
        },
      },
      async (request) => {
        actorOf(request);
        return mail.setup;
      },
    );
    app.post(
      '/settings/mail/test',
      {
        schema: {
          tags: ['settings'],
          summary: 'Send yourself a test message through the configured transport, at once',
          response: { 200: mailTestResultSchema },
        },
      },
      async (request) => {
        const message = await composeTestMessage(deps, actorOf(request));
        try {
          await mail.mailer.send(message, deps.clock.now());
          return { delivered: true, toAddress: message.toAddress, messageId: message.messageId, error: null };
        } catch (error) {
          const reason = error instanceof Error ? error.message : 'the transport refused it';
          return { delivered: false, toAddress: message.toAddress, messageId: message.messageId, error: reason.slice(0, 500) };
        }
      },
    );
    app.get(
      '/settings',
      { schema: { tags: ['settings'], summary: 'Workspace settings with defaults', response: { 200: settingsViewSchema } } },
      async (request) => getSettings(deps, actorOf(request)),
    );
    app.patch(
      '/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'Change workspace settings (owner or admin)',
          body: workspaceSettingsPatchSchema,
          response: { 200: settingsViewSchema },
        },
      },
      async (request) => updateSettings(deps, actorOf(request), request.body),
    );
  };
}
