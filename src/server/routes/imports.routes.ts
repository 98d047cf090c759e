import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { previewImport, runImport, type ImportSource } from '../../domain/imports/import-clients.ts';
import type { Deps } from '../../domain/ports.ts';
import {
  IMPORT_MAX_BYTES,
  importPreviewInputSchema,
  importPreviewSchema,
  importRunInputSchema,
  importSummarySchema,
  type ImportPreviewInput,
} from '../../shared/contract/index.ts';
import { actorOf } from '../plugins/auth.ts';

/** A JSON body may carry the file in base64 (4/3 of its size) plus the mapping. */
const JSON_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 256 * 1024;
const MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;

function sourceOf(body: ImportPreviewInput): ImportSource {
  if (body.previewId !== undefined) return { previewId: body.previewId };
  if (body.csvBase64 !== undefined) return { bytes: Buffer.from(body.csvBase64, 'base64'), fileName: body.fileName };
  return { text: body.csv ?? '', fileName: body.fileName };
}

/** CSV import of clients, contacts and facts: preview (maps columns, names each row's errors), then import. */
export function importRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // The file itself as the body (curl --data-binary @clients.csv -H 'content-type: text/csv'),
    // in this plugin only. A cookie request still needs the CSRF header like every change; the
    // bytes go to the domain as base64 so the one body schema describes both ways in.
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => {
      done(null, { csvBase64: (body as Buffer).toString('base64') });
    });
    // Too large a file gets a message that says how large it may be; everything else goes to the
    // app's one error handler.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const message = `The file is larger than ${MAX_MB} MB, the most one import takes; split it into smaller files.`;
      return reply.code(413).send({
        error: {
          code: 'payload_too_large',
          message,
          details: { issues: [{ field: 'body', message }] },
          requestId: request.id,
        },
      });
    });

    app.post(
      '/import/clients/preview',
      {
        bodyLimit: JSON_BODY_LIMIT,
        schema: {
          tags: ['import'],
          summary:
            "Preview a CSV import of clients, contacts and facts: the proposed column mapping, each row's errors, counts of new, changed, unchanged and invalid rows (writes nothing; the file is kept a day as previewId). Body: the file as text/csv, or JSON {csv | csvBase64 | previewId, mapping?}",
          body: importPreviewInputSchema,
          response: { 200: importPreviewSchema },
        },
      },
      async (request) => previewImport(deps, actorOf(request), sourceOf(request.body), request.body.mapping),
    );

    app.post(
      '/import/clients',
      {
        bodyLimit: JSON_BODY_LIMIT,
        schema: {
          tags: ['import'],
          summary:
            'Import the valid rows of a CSV file (or of rows fromRow..toRow of a preview); invalid rows are skipped and listed. Importing the same file again changes nothing.',
          body: importRunInputSchema,
          response: { 200: importSummarySchema },
        },
      },
      async (request) =>
        runImport(deps, actorOf(request), sourceOf(request.body), {
          mapping: request.body.mapping,
          fromRow: request.body.fromRow,
          toRow: request.body.toRow,
        }),
    );
  };
}
