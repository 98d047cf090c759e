import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';

/** `makegood relay`: the SMTP submission relay that checks mail to clients before it goes out (RELAY_* settings). */
export function registerRelay(program: Command): void {
  program
    .command('relay')
    .description(
      'Run the SMTP relay: members set it as their outgoing mail server (STARTTLS, an API token as password); ' +
        'mail to known clients is checked by the guard and held on errors (RELAY_PORT, RELAY_TLS_KEY, RELAY_TLS_CERT, RELAY_UPSTREAM_URL)',
    )
    .option('-p, --port <port>', 'port to listen on (default: RELAY_PORT or 2587)')
    .option('--host <host>', 'interface to listen on (default: RELAY_HOST, else HOST)')
    .action(async (options: { port?: string; host?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port !== undefined && { RELAY_PORT: options.port }),
        ...(options.host !== undefined && { RELAY_HOST: options.host }),
      });
      const { startRelay } = await import('../../bootstrap/relay.ts');
      const relay = await startRelay(config, {
        log: { warn: (m) => process.stderr.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) },
      });
      process.stdout.write(
        `makegood relay listening on ${config.relay.host}:${relay.port} (STARTTLS, AUTH with an API token)\n`,
      );
      const shutdown = () => {
        void relay.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await new Promise<never>(() => {});
    });
}
