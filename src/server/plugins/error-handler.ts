import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.ts';
import { humanIssueMessage } from '../../shared/validation-messages.ts';
import { domainStatus, transportErrors } from '../errors.ts';

/** One place turns every error into `{ error: { code, message, details?, requestId } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Messages for people ("Title can be at most 200 characters"), one rule for every route;
      // the top-level message also names the field as sent, for API and CLI users.
      const issues = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const part = error.validationContext ?? 'body';
        const message = humanIssueMessage({
          path,
          code: v.keyword,
          message: v.message ?? 'is invalid',
          params: v.params,
        });
        return { field: path ? `${part}.${path}` : part, message };
      });
      const first = issues[0];
      return reply.code(400).send({
        error: {
          code: 'validation_failed',
          message: first ? `${first.message} (${first.field})` : 'The request is invalid.',
          details: { issues },
          requestId,
        },
      });
    }
    if (error instanceof DomainError) {
      return reply.code(domainStatus[error.code]).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details && { details: error.details }),
          requestId,
        },
      });
    }
    const transport = error.code ? transportErrors[error.code] : undefined;
    if (transport) {
      return reply.code(transport.status).send({
        error: {
          code: transport.code,
          message: `body: ${transport.message}`,
          details: { issues: [{ field: 'body', message: transport.message }] },
          requestId,
        },
      });
    }
    if (error.statusCode === 429) {
      return reply
        .code(429)
        .send({ error: { code: 'rate_limited', message: 'Too many attempts; wait a minute and retry.', requestId } });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .code(error.statusCode)
        .send({ error: { code: 'bad_request', message: error.message || 'The request is invalid.', requestId } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .code(500)
      .send({ error: { code: 'internal_error', message: 'Something went wrong on our side.', requestId } });
  });
}
