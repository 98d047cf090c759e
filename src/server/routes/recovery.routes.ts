import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../domain/ports.ts';

/** Recovery over HTTP: acknowledgment drafts and sending, the account sweep, remedies and the ledger. */
export function recoveryRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
