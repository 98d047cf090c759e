import type { Command } from 'commander';
import { findSimilarMistakes } from '../../domain/learning/recurrence.ts';
import { logMistake } from '../../domain/mistakes/mistakes.ts';
import { finders, mistakeCategories, mistakeInputSchema, severities } from '../../shared/contract/index.ts';
import { CliError } from '../cli-error.ts';
import { openLocal } from '../local-actor.ts';

/** `makegood log --client NAME "title"`: logs a mistake into the local database. */
export function registerLog(program: Command): void {
  program
    .command('log')
    .description('Log a mistake into the local database')
    .argument('<title>', 'what went wrong, in a few words')
    .requiredOption('-c, --client <name>', 'the client it reached (by name)')
    .option('-s, --severity <severity>', `one of ${severities.join(', ')}`, 'minor')
    .option('--category <category>', `one of ${mistakeCategories.join(', ')}`, 'other')
    .option('--found-by <finder>', `one of ${finders.join(', ')}`, 'us')
    .option('-d, --description <text>', 'what happened')
    .option('--json', 'print the logged mistake as JSON')
    .action(async (title: string, options: Record<string, string | boolean | undefined>) => {
      const { services, actor } = await openLocal();
      try {
        const client = await services.deps.store.clients.findByName(actor.workspaceId, String(options.client));
        if (!client) throw new CliError(`unknown client "${String(options.client)}" (see the Clients page for names)`);
        const parsed = mistakeInputSchema.safeParse({
          clientId: client.id,
          title,
          description: options.description,
          severity: options.severity,
          category: options.category,
          foundBy: options.foundBy,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(`${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? 'invalid'}`);
        }
        const mistake = await logMistake(services.deps, actor, parsed.data);
        // The earlier mistakes most like this one, so a repeat is noticed when it is logged.
        const similar = await findSimilarMistakes(services.deps, actor, {
          title: mistake.title,
          description: mistake.description,
          clientId: mistake.clientId,
          category: mistake.category,
          excludeId: mistake.id,
          limit: 3,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ...mistake, similar })}\n`);
          return;
        }
        const lines = [`${mistake.ref} logged for ${mistake.clientName}: ${mistake.title}`];
        if (similar.length > 0) lines.push('', 'Like earlier mistakes:');
        for (const s of similar) {
          const worked =
            s.preventive.total === 0
              ? 'no preventive action'
              : `${s.preventive.effective}/${s.preventive.total} preventive actions effective`;
          lines.push(
            `  ${s.likelyRepeat ? 'LIKELY REPEAT ' : ''}${s.mistake.ref} ${s.mistake.title} (${s.mistake.clientName}; ${s.reasons.join(', ')}; ${worked})`,
            ...s.lessons.map((l) => `    lesson: ${l.title} (caught ${l.catches} time${l.catches === 1 ? '' : 's'})`),
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await services.close();
      }
    });
}
