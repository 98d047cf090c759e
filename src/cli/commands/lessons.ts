import type { Command } from 'commander';
import { searchLessons } from '../../domain/lessons/lessons.ts';
import { lessonQuerySchema, type LessonHit } from '../../shared/contract/index.ts';
import { CliError } from '../cli-error.ts';
import { openLocal } from '../local-actor.ts';

/** One lesson as a few plain lines: ref and title, what was learned, its checks and what they caught. */
export function formatLesson(l: LessonHit): string {
  const caught =
    l.checks.length === 0
      ? 'no checks yet'
      : `${l.checks.length} check${l.checks.length === 1 ? '' : 's'}, caught ${l.catches} time${l.catches === 1 ? '' : 's'}`;
  const repeats = l.repeats > 0 ? `, repeated ${l.repeats} time${l.repeats === 1 ? '' : 's'}` : '';
  return [
    `${l.mistakeRef}  ${l.title}  (${l.clientName}${l.scope === 'workspace' ? ', whole workspace' : ''})`,
    `  ${l.learned.replace(/\s+/gu, ' ')}`,
    `  ${caught}${repeats}; actions: ${l.effectiveness.replace('_', ' ')}`,
  ].join('\n');
}

/** `makegood lessons [QUERY] [--client NAME] [--json]`: searches the lessons library. */
export function registerLessons(program: Command): void {
  program
    .command('lessons')
    .description('Search the lessons library (every lesson, its mistake, root cause and actions)')
    .argument('[query]', 'words to search for (prefixes and word forms match)')
    .option('-c, --client <name>', 'only lessons from this client (by name)')
    .option('--limit <n>', 'at most this many lessons', '20')
    .option('--json', 'print the lessons as JSON')
    .action(async (query: string | undefined, options: Record<string, string | boolean | undefined>) => {
      const { services, actor } = await openLocal();
      try {
        let clientId: string | undefined;
        if (options.client) {
          const client = await services.deps.store.clients.findByName(actor.workspaceId, String(options.client));
          if (!client)
            throw new CliError(`unknown client "${String(options.client)}" (see the Clients page for names)`);
          clientId = client.id;
        }
        const parsed = lessonQuerySchema.safeParse({ q: query, clientId, limit: options.limit });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(
            `${issue?.path.join('.') === 'q' ? 'query' : (issue?.path.join('.') ?? 'input')}: ${issue?.message ?? 'invalid'}`,
          );
        }
        const lessons = await searchLessons(services.deps, actor, parsed.data);
        if (options.json) process.stdout.write(`${JSON.stringify(lessons)}\n`);
        else if (lessons.length === 0)
          process.stdout.write(query ? `No lessons match "${query}".\n` : 'No lessons yet.\n');
        else process.stdout.write(`${lessons.map(formatLesson).join('\n\n')}\n`);
      } finally {
        await services.close();
      }
    });
}
