import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/** What the security headers depend on. */
export interface SecurityOptions {
  /** The public URL (PUBLIC_URL): HSTS is sent only when it is https. */
  publicUrl?: string | undefined;
}

/**
 * The Content-Security-Policy of the built web app and the API docs. Scripts only from our own
 * origin (Vite emits module files, no inline script); styles also allow 'unsafe-inline' because
 * Mantine and swagger-ui set style attributes and inject <style> elements at run time.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response (helmet): CSP, X-Frame-Options DENY with frame-ancestors
 * 'none', nosniff, Referrer-Policy strict-origin-when-cross-origin, HSTS only behind an https
 * PUBLIC_URL (over plain http it would lock browsers out), and Cache-Control: no-store on every
 * API answer — sessions and CSRF tokens included — so no shared cache keeps one.
 *
 * helmet's middleware is built once here and run on the raw response in one hook. (@fastify/helmet
 * built it again for every request — parsing the CSP directives each time — in two extra hooks.)
 */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityOptions = {}): void {
  const https = options.publicUrl?.startsWith('https://') ?? false;
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The app embeds nothing cross-origin; COEP would only break swagger-ui's data: images.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      if (!request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
