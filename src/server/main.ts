import { fileURLToPath } from 'node:url';
import { createServices } from '../bootstrap/index.ts';
import { loadConfig, type Config } from '../config/config.ts';
import { buildApp, redactPaths } from './app.ts';

/** The built web app, next to the sources. */
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Starts the server from configuration; resolves once listening, with a stop function. */
export async function startServer(config: Config = loadConfig()): Promise<{ url: string; stop(): Promise<void> }> {
  const services = await createServices(config);
  const app = await buildApp(services, {
    logger: {
      level: config.logLevel,
      redact: { paths: redactPaths, censor: '[redacted]' },
      ...(process.stdout.isTTY && config.env !== 'production' ? { transport: { target: 'pino-pretty' } } : {}),
    },
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    webRoot: defaultWebRoot,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`makegood is serving at ${address.replace('127.0.0.1', 'localhost')}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await services.close();
  };
  return { url: address, stop };
}
