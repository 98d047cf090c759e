import { fileURLToPath } from 'node:url';
import { pino, type DestinationStream } from 'pino';
import { createServices } from '../bootstrap/index.ts';
import { createScheduler } from '../bootstrap/scheduler.ts';
import { loadConfig, type Config } from '../config/config.ts';
import { warmUpApologyModel } from '../engine/index.ts';
import { buildApp, loggerOptions } from './app.ts';

/** The built web app, next to the sources. */
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Where the log lines go instead of stdout (tests capture them). */
export interface StartOptions {
  logStream?: DestinationStream;
}

/** Starts the server from configuration; resolves once listening, with a stop function. */
export async function startServer(
  config: Config = loadConfig(),
  options: StartOptions = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const services = await createServices(config);
  // The analyser's language model loads in about half a second: at start, not in the first request.
  warmUpApologyModel();
  const app = await buildApp(services, {
    ...(options.logStream
      ? { loggerInstance: pino(loggerOptions(config.logLevel), options.logStream) }
      : {
          logger: {
            ...loggerOptions(config.logLevel),
            ...(process.stdout.isTTY && config.env !== 'production' ? { transport: { target: 'pino-pretty' } } : {}),
          },
        }),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    webRoot: defaultWebRoot,
    publicUrl: config.publicUrl,
  });
  // Fastify logs one info line per listening address; the server says it once, below, with the rest.
  const level = app.log.level;
  app.log.level = 'warn';
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } finally {
    app.log.level = level;
  }
  // Scheduled work (reminders, missed commitments, update flags, outbox delivery); SCHEDULER=false turns it off.
  const scheduler = config.scheduler
    ? createScheduler(services.deps, services.mailer, {
        webhooks: services.webhooks,
        calendars: services.calendars,
        onTick: (r) => {
          const did =
            r.reminders.sent +
            r.missed +
            r.updatesDue +
            r.delivery.sent +
            r.delivery.retried +
            r.delivery.failed +
            r.webhooks.delivered +
            r.webhooks.retried +
            r.webhooks.failed;
          if (did > 0) app.log.info({ scheduler: r }, 'scheduled work done');
          for (const e of r.errors) app.log.error(`scheduled work failed: ${e}`);
        },
        onError: (error) => app.log.error({ err: error }, 'scheduler tick failed'),
      })
    : null;
  scheduler?.start();
  // The SMTP relay with the server (RELAY=true), on the same services; `makegood relay` runs it alone.
  const relay = config.relay.enabled
    ? await (async () => {
        const { relayOptionsFrom, startRelayServer } = await import('../bootstrap/relay.ts');
        return startRelayServer(services, {
          ...(await relayOptionsFrom(config)),
          log: { warn: (m) => app.log.warn(m), error: (m) => app.log.error(m) },
        });
      })()
    : null;
  // The one start-up line at info; requests are logged at debug (LOG_LEVEL=debug shows them).
  app.log.info(
    `makegood is serving at ${address.replace('127.0.0.1', 'localhost')}; mail: ${services.mailer.description}; scheduler ${scheduler ? 'on' : 'off'}${relay ? `; SMTP relay on port ${relay.port}` : ''}`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await scheduler?.stop();
    await relay?.stop();
    await app.close();
    await services.close();
  };
  return { url: address, stop };
}
