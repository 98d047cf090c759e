import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportWorkspaceArchive } from '../../bootstrap/archive.ts';
import type { Services } from '../../bootstrap/index.ts';
import { requireRole } from '../../domain/access.ts';
import { actorOf } from '../plugins/auth.ts';

/** A file name from the workspace name: letters, digits and dashes only. */
function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return stem || 'workspace';
}

/** GET /api/export: the signed-in workspace's archive (owner or admin) as a .zip download. */
export function exportRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/export',
      {
        schema: {
          tags: ['settings'],
          summary:
            'Download everything the workspace has: a .zip of JSON (one file per table, for restore-archive) and CSV files (owner or admin)',
          produces: ['application/zip'],
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireRole(actor, 'admin');
        // Written to a temporary file first: the read transaction lasts as long as the reads, not
        // as long as the download (a slow client must not hold the database).
        const dir = mkdtempSync(join(tmpdir(), 'makegood-export-'));
        const cleanup = () => rmSync(dir, { recursive: true, force: true });
        try {
          const path = join(dir, 'archive.zip');
          const out = createWriteStream(path);
          const manifest = await exportWorkspaceArchive(
            services,
            actor.workspaceId,
            async (chunk) => {
              if (!out.write(chunk)) await once(out, 'drain');
            },
            { actor },
          );
          out.end();
          await once(out, 'finish');
          const stream = createReadStream(path);
          stream.once('close', cleanup);
          const name = `makegood-${fileStem(manifest.workspace.name)}-${manifest.createdAt.slice(0, 10)}.zip`;
          return reply
            .header('content-type', 'application/zip')
            .header('content-disposition', `attachment; filename="${name}"`)
            .header('cache-control', 'no-store')
            .send(stream);
        } catch (error) {
          cleanup();
          throw error;
        }
      },
    );
  };
}
