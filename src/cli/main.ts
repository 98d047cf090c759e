import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { DomainError } from '../domain/errors.ts';
import { CliError } from './cli-error.ts';
import { exitCodes } from './exit-codes.ts';

/** Builds the `makegood` command tree; each command registers itself from its own file. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('makegood')
    .description('makegood: own client mistakes fast, make them right, never repeat them.')
    .showHelpAfterError()
    .exitOverride();
  const commands = await Promise.all([
    import('./commands/serve.ts').then((m) => m.registerServe),
    import('./commands/relay.ts').then((m) => m.registerRelay),
    import('./commands/db.ts').then((m) => m.registerDb),
    import('./commands/log.ts').then((m) => m.registerLog),
    import('./commands/analyse.ts').then((m) => m.registerAnalyse),
    import('./commands/check.ts').then((m) => m.registerCheck),
    import('./commands/lessons.ts').then((m) => m.registerLessons),
    import('./commands/login.ts').then((m) => m.registerLogin),
    import('./commands/import.ts').then((m) => m.registerImport),
    import('./commands/archive.ts').then((m) => m.registerArchive),
  ]);
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI with `argv` (as process.argv) and resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`makegood: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`makegood: ${error.message}\n`);
      return exitCodes[error.code];
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`makegood: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
