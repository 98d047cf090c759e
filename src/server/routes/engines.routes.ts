import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analyseText, checkText, type GuardCache } from '../../domain/guard/check-text.ts';
import {
  addGuardRule,
  addVocabularyWord,
  listGuardRules,
  listVocabulary,
  removeGuardRule,
  removeVocabularyWord,
  replaceGuardRule,
} from '../../domain/guard/guard-rules.ts';
import { getClient } from '../../domain/clients/clients.ts';
import { clientForRecipients } from '../../domain/clients/recipients.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  analyseInputSchema,
  analysisSchema,
  checkRequestSchema,
  checkResponseSchema,
  guardRuleInputSchema,
  guardRuleSchema,
  idSchema,
  vocabularyInputSchema,
  vocabularySchema,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** The judgement engines over HTTP: apology analysis, the pre-send check, guard rules and vocabulary. */
export function engineRoutes(deps: Deps, guards: GuardCache): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/analyse',
      {
        // Changes nothing: a read-scope API token may call it.
        config: { readOnly: true },
        schema: {
          tags: ['engines'],
          summary: 'Analyse an apology (with mistakeId: as the acknowledgment of that mistake)',
          body: analyseInputSchema,
          response: { 200: analysisSchema },
        },
      },
      async (request) => analyseText(deps, actorOf(request), request.body),
    );

    app.post(
      '/check',
      {
        // Changes nothing without a draftId: a read-scope API token may call it (CI's `makegood check`).
        config: { readOnly: true },
        schema: {
          tags: ['engines'],
          summary:
            "Check a text before it goes to a client, against the workspace's knowledge and lessons; the client by clientId or found from the email's recipients",
          body: checkRequestSchema,
          response: { 200: checkResponseSchema },
        },
      },
      async (request) => {
        // With a draftId the check records what lessons caught on the draft: a write.
        if (request.body.draftId !== undefined && request.apiToken?.scope === 'read') {
          throw new DomainError(
            'api_token_read_only',
            'A read API token cannot record a draft (draftId); leave it out.',
            {
              field: 'body.draftId',
            },
          );
        }
        const actor = actorOf(request);
        const { recipients, clientId, ...rest } = request.body;
        const client =
          clientId !== undefined
            ? await getClient(deps, actor, clientId)
            : await clientForRecipients(deps, actor, recipients ?? []);
        // Recipients of no known client: not a client email, nothing to check it against.
        if (!client) return { findings: [], client: null };
        return {
          findings: await checkText(deps, guards, actor, { ...rest, clientId: client.id }),
          client: { id: client.id, name: client.name },
        };
      },
    );

    app.get(
      '/guard-rules',
      {
        schema: {
          tags: ['guard rules'],
          summary: 'Guard rules learned from mistakes',
          response: { 200: z.object({ items: z.array(guardRuleSchema) }) },
        },
      },
      async (request) => ({ items: await listGuardRules(deps, actorOf(request)) }),
    );

    app.post(
      '/guard-rules',
      {
        schema: {
          tags: ['guard rules'],
          summary: 'Add a guard rule',
          body: guardRuleInputSchema,
          response: { 201: guardRuleSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await addGuardRule(deps, actorOf(request), request.body)),
    );

    app.put(
      '/guard-rules/:ruleId',
      {
        schema: {
          tags: ['guard rules'],
          summary: "Replace a guard rule's content (kind, phrase or pattern, trigger, message, client, mistake)",
          params: z.object({ ruleId: idSchema }),
          body: guardRuleInputSchema,
          response: { 200: guardRuleSchema },
        },
      },
      async (request) => replaceGuardRule(deps, actorOf(request), request.params.ruleId, request.body),
    );

    app.delete(
      '/guard-rules/:ruleId',
      {
        schema: {
          tags: ['guard rules'],
          summary: 'Remove a guard rule',
          params: z.object({ ruleId: idSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeGuardRule(deps, actorOf(request), request.params.ruleId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/vocabulary',
      { schema: { tags: ['guard rules'], summary: "The workspace's own words", response: { 200: vocabularySchema } } },
      async (request) => ({ items: await listVocabulary(deps, actorOf(request)) }),
    );

    app.post(
      '/vocabulary',
      {
        schema: {
          tags: ['guard rules'],
          summary: 'Add a word',
          body: vocabularyInputSchema,
          response: { 201: vocabularySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ items: await addVocabularyWord(deps, actorOf(request), request.body.word) }),
    );

    app.delete(
      '/vocabulary/:word',
      {
        schema: {
          tags: ['guard rules'],
          summary: 'Remove a word',
          params: z.object({ word: z.string().min(1).max(80) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeVocabularyWord(deps, actorOf(request), request.params.word);
        return reply.code(204).send(null);
      },
    );
  };
}
