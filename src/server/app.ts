import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../bootstrap/index.ts';
import { DomainError } from '../domain/errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { apiTokenRoutes } from './routes/api-tokens.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { clientRoutes } from './routes/clients.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { engineRoutes } from './routes/engines.routes.ts';
import { learningRoutes } from './routes/learning.routes.ts';
import { lessonRoutes } from './routes/lessons.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { importRoutes } from './routes/imports.routes.ts';
import { invitationRoutes } from './routes/invitations.routes.ts';
import { messagingRoutes } from './routes/messaging.routes.ts';
import { mistakeRoutes } from './routes/mistakes.routes.ts';
import { recoveryRoutes } from './routes/recovery.routes.ts';
import { settingsRoutes } from './routes/settings.routes.ts';
import { webhookRoutes } from './routes/webhooks.routes.ts';
import { calendarRoutes } from './routes/calendars.routes.ts';
import { relayRoutes } from './routes/relay.routes.ts';
import { exportRoutes } from './routes/export.routes.ts';
import { checkInRoutes } from './routes/check-ins.routes.ts';

/** How the app is built: logging, cookies, where the built web app lives. */
export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** A ready pino logger (tests capture the log lines with one); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  secureCookies?: boolean;
  trustProxy?: boolean;
  /** Folder with the built web app (index.html); omitted or missing = API only. */
  webRoot?: string;
  /** PUBLIC_URL: HSTS is sent only when it is https. */
  publicUrl?: string | undefined;
}

/** The API document's introduction (shown at /api/docs): what it is and how to authenticate. */
const API_DESCRIPTION = `Own client mistakes fast, make them right, never repeat them.

## Authentication

Every route except \`/api/health\`, \`/api/setup\` and signing in needs one of two credentials:

- **Browser session** (the web app): \`POST /api/session\` with email and password sets the \`mg_session\`
  cookie and answers a \`csrfToken\`. Every change (POST, PUT, PATCH, DELETE) made with the cookie must
  carry that token in the \`x-csrf-token\` header.
- **API token** (scripts, CI, the \`makegood\` CLI): create one in Settings → API tokens (shown once),
  then send \`Authorization: Bearer mg_pat_…\`. No cookie and no CSRF header are needed. The token acts as
  you, with your current role; a \`read\` token may only read (GET, HEAD, and the analyse and check
  routes), a \`read_write\` token may do whatever your role allows. A malformed, unknown, revoked or
  expired token answers \`401 invalid_api_token\`; a write with a read token \`403 api_token_read_only\`.
  A request carrying both uses the bearer token.

\`\`\`
curl -H "Authorization: Bearer $MAKEGOOD_TOKEN" https://makegood.example.com/api/mistakes
\`\`\``;

/** Log redaction: credentials never reach the logs. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'body.password',
  'csrfToken',
  'token',
];

/** The pino options the server logs with: level and redaction of credentials. */
export function loggerOptions(level: string): { level: string; redact: { paths: string[]; censor: string } } {
  return { level, redact: { paths: redactPaths, censor: '[redacted]' } };
}

/**
 * Fastify's request log lines, moved from info to debug: one line per request when its response is
 * sent (none when it arrives), 4xx answers and unknown routes at debug too. Errors stay at error and
 * warnings at warn; info is left to start-up and the server's own news.
 */
class RequestsAtDebug extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ req: request, res: reply, err: error }, error.message);
    else reply.log.debug({ res: reply, err: error }, error.message);
  }
  override streamError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') reply.log.debug({ res: reply }, 'stream closed prematurely');
    else super.streamError(error, request, reply);
  }
  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`Route ${request.raw.method}:${request.raw.url} not found`);
  }
}

/**
 * Request ids for logs and error answers: a random prefix per app instance and a counter, unique
 * across instances without drawing random bytes for every request.
 */
function requestIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${(++n).toString(36).padStart(8, '0')}`;
}

/** Builds the Fastify app around composed services, without listening (tests use inject). */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? false }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
    genReqId: requestIds(services.deps.crypto.randomToken().slice(0, 8)),
    logController: new RequestsAtDebug(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // The API speaks JSON only: a text/plain body (what a cross-site form can send) is refused with 415.
  app.removeContentTypeParser('text/plain');

  registerSecurityHeaders(app, { publicUrl: options.publicUrl });
  await app.register(fastifyCookie);
  // Counters in the database: a limit holds across every instance on it, not once per process.
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(services.throttle, services.deps.clock),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'makegood API',
        version: '0.1.0',
        description: API_DESCRIPTION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mg_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token (mg_pat_…) from Settings → API tokens.',
          },
        },
      },
      // Either credential: the browser's session cookie (with the CSRF header on changes), or a bearer token.
      security: [{ session: [], csrf: [] }, { bearer: [] }],
    },
    // Routes reachable signed out say so (security: []); every other route takes either scheme.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      return input.route.config?.public ? { ...out, schema: { ...out.schema, security: [] } } : out;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuth(app, services.deps);

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { public: true },
          schema: {
            tags: ['health'],
            summary: 'Liveness with a database round trip',
            response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }) },
          },
        },
        async () => {
          await services.ping();
          return { status: 'ok' as const, database: 'ok' as const };
        },
      );
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await api.register(
        authRoutes(services.deps, { secureCookies: options.secureCookies ?? false, throttle: services.throttle }),
      );
      await api.register(clientRoutes(services.deps));
      await api.register(healthRoutes(services.deps));
      await api.register(mistakeRoutes(services.deps));
      await api.register(settingsRoutes(services.deps, { mailer: services.mailer, setup: services.mailSetup }));
      await api.register(engineRoutes(services.deps, services.guards));
      await api.register(recoveryRoutes(services.deps, services.guards));
      await api.register(learningRoutes(services.deps, services.guards));
      await api.register(lessonRoutes(services.deps));
      await api.register(metricsRoutes(services.deps));
      await api.register(importRoutes(services.deps));
      await api.register(
        invitationRoutes(services.deps, {
          secureCookies: options.secureCookies ?? false,
          throttle: services.throttle,
          publicUrl: options.publicUrl,
        }),
      );
      await api.register(messagingRoutes(services.deps));
      await api.register(webhookRoutes(services.deps, services.webhooks));
      await api.register(exportRoutes(services));
      await api.register(apiTokenRoutes(services.deps));
      await api.register(checkInRoutes(services.deps, services.guards, { publicUrl: options.publicUrl }));
      await api.register(relayRoutes(services.deps));
      await api.register(calendarRoutes(services.deps, services.calendars));
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : undefined;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !webRoot || request.method !== 'GET') {
      throw new DomainError('route_not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`);
    }
    // Client-side routes (/mistakes/…) all load the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
