// A server process for `npm run bench:api` (not for production): prints "LISTENING <port>" once up.
//   app   <sqlite file | postgres url>   the makegood app (no scheduler, logger off)
//   hello                                a bare Fastify hello (the read floor)
//   floor <sqlite file>                  a bare route: one prepared SELECT + INSERT on a WAL database (the write floor)
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { createServices } from '../src/bootstrap/index.ts';
import { nodeCrypto } from '../src/bootstrap/system.ts';
import { buildApp } from '../src/server/app.ts';

const [mode, target] = process.argv.slice(2);

async function main(): Promise<void> {
  if (mode === 'app') {
    if (!target) throw new Error('app needs a database');
    const services = await createServices(
      { databaseUrl: target.startsWith('postgres') ? target : undefined, dataDir: '/nonexistent' },
      { crypto: nodeCrypto({ fast: true }) },
      target.startsWith('postgres') ? { postgresUrl: target } : { sqliteFile: target, synchronous: 'full' },
    );
    const app = await buildApp(services, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    announce(app.server.address());
    return;
  }
  const app = Fastify({ logger: false });
  if (mode === 'hello') {
    app.get('/', async () => ({ hello: 'world' }));
  } else if (mode === 'floor') {
    if (!target) throw new Error('floor needs a database');
    const db = new SQLite(target);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const select = db.prepare('select id, client_id, workspace_id from mistakes where id = ?');
    const insert = db.prepare(
      `insert into events (id, workspace_id, mistake_id, client_id, actor_id, actor_name, type, summary, data, at)
       values (?, ?, ?, ?, null, null, 'floor', ?, '{}', ?)`,
    );
    let n = 0;
    app.get('/floor/:id', async (request) => select.get((request.params as { id: string }).id) ?? null);
    app.post('/floor', async (request, reply) => {
      const body = request.body as { id: string; title: string };
      const row = select.get(body.id) as { id: string; client_id: string; workspace_id: string } | undefined;
      if (!row) return reply.code(404).send({ error: 'not found' });
      const id = `floor-${process.pid}-${++n}`;
      insert.run(id, row.workspace_id, row.id, row.client_id, body.title, new Date().toISOString());
      return reply.code(201).send({ id });
    });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  announce(app.server.address());
}

function announce(address: unknown): void {
  const port = typeof address === 'object' && address && 'port' in address ? (address as { port: number }).port : 0;
  process.stdout.write(`LISTENING ${port}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
