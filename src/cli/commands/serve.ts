import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';

/** `makegood serve`: runs the web app and API. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app and API (PORT, HOST, MAKEGOOD_DATA_DIR, DATABASE_URL from the environment)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'interface to listen on (default: HOST or localhost)')
    .action(async (options: { port?: string; host?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port !== undefined && { PORT: options.port }),
        ...(options.host !== undefined && { HOST: options.host }),
      });
      const { startServer } = await import('../../server/main.ts');
      const server = await startServer(config);
      const shutdown = () => {
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      // Keep the command pending while the server runs.
      await new Promise<never>(() => {});
    });
}
