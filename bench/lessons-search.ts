// `npm run bench -- --lessons [--lessons-count=N] [--pg]`: the lessons library's search at 100,000
// lessons (issue: under 50 ms). Bulk-inserts N lessons over N/10 mistakes of one workspace (SQLite
// file; PostgreSQL in a throwaway database with --pg), then times the whole domain search
// (full-text match, filters, ranking, checks and stats of the page) for a mix of common and rare
// words, beside the peer it replaces measured in the same run: a LIKE scan over the same rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createServices, type Services } from '../src/bootstrap/index.ts';
import { nodeCrypto } from '../src/bootstrap/system.ts';
import { searchLessons } from '../src/domain/lessons/lessons.ts';
import type { Actor } from '../src/domain/ports.ts';
import { createWorkspace } from '../src/domain/workspaces/workspaces.ts';
import { readRealMail } from './data/real-mail/index.ts';

// Lesson texts are windows of real client mail (bench/data/real-mail, 20,000+ words nobody here
// wrote), so words come with the frequencies real writing has — not a small uniform vocabulary in
// which every word is in a third of the lessons.
const corpusWords = readRealMail()
  .flatMap((item) => item.text.split(/\s+/u))
  .filter((w) => w.length > 0);

/** A deterministic window of real words (no Math.random: the same data every run). */
function stream(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
  return (n: number) => {
    const at = Math.floor(next() * (corpusWords.length - n));
    return corpusWords.slice(at, at + n).join(' ');
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function seed(services: Services, count: number): Promise<Actor> {
  const { workspaceId, userId } = await createWorkspace(services.deps, {
    workspaceName: 'Bench Studio',
    ownerName: 'Bench Owner',
    email: 'bench@example.com',
    password: 'correct horse battery staple',
  });
  const db = services.database.db;
  const now = new Date('2026-03-02T09:00:00Z').toISOString();
  const clientId = 'bench-client';
  await db
    .insertInto('clients')
    .values({
      id: clientId,
      workspace_id: workspaceId,
      name: 'Serenity Day Spas',
      name_key: 'serenity day spas',
      aliases: '[]',
      tier: 'key',
      status: 'active',
      value_minor: 0,
      value_currency: 'USD',
      owner_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const text = stream(42);
  const mistakes = Math.max(1, Math.ceil(count / 10));
  const batch = 500;
  for (let start = 0; start < mistakes; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(mistakes, start + batch); i++) {
      rows.push({
        id: `m${i}`,
        workspace_id: workspaceId,
        number: i + 1,
        client_id: clientId,
        title: text(6),
        description: text(20),
        category: 'wrong_fact',
        severity: 'minor',
        impact_minor: 0,
        impact_currency: 'USD',
        found_by: 'us',
        happened_at: null,
        found_at: now,
        stage: 'found',
        acknowledged_at: null,
        remedied_at: null,
        fixed_at: null,
        learned_at: null,
        verified_at: null,
        closed_at: null,
        owner_id: userId,
        created_at: now,
        updated_at: now,
        update_anchor_at: null,
      });
    }
    await db.insertInto('mistakes').values(rows).execute();
  }
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      rows.push({
        id: `l${i}`,
        workspace_id: workspaceId,
        mistake_id: `m${i % mistakes}`,
        client_id: clientId,
        scope: 'client',
        title: text(6),
        learned: text(25),
        created_by: 'Bench Owner',
        created_at: now,
        updated_at: now,
      });
    }
    await db.insertInto('lessons').values(rows).execute();
  }
  // The index documents, as reindexLessons writes them (lesson, then the mistake's words).
  if (services.database.capabilities.name === 'postgres') {
    await sql`insert into lesson_search (lesson_id, workspace_id, document)
      select l.id, l.workspace_id, setweight(to_tsvector('english', l.title), 'A') || setweight(to_tsvector('english', l.learned || ' ' || m.title || ' ' || coalesce(m.description, '')), 'B')
      from lessons l join mistakes m on m.id = l.mistake_id`.execute(db);
    await sql`analyze`.execute(db);
  } else {
    await sql`insert into lesson_search (rowid, lesson_id, workspace_id, title, body)
      select l.rowid, l.id, l.workspace_id, l.title, l.learned || char(10) || m.title || char(10) || coalesce(m.description, '')
      from lessons l join mistakes m on m.id = l.mistake_id`.execute(db);
  }
  return { workspaceId, userId, name: 'Bench Owner', role: 'owner' };
}

export interface LessonsSearchFigures {
  dialect: 'sqlite' | 'postgres';
  lessons: number;
  seedMs: number;
  p50Ms: number;
  p99Ms: number;
  /** The full-text query alone (no rows loaded). */
  indexP50Ms: number;
  likeP50Ms: number;
  /** How many times slower the LIKE scan is than the full-text search (p50). */
  likeVsFullText: number;
}

export async function lessonsSearchBench(count: number, usePg: boolean): Promise<LessonsSearchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-lessons-bench-'));
  let dropPg: (() => Promise<void>) | null = null;
  let target: { sqliteFile: string } | { postgresUrl: string };
  if (usePg) {
    const admin = process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `makegood_bench_${Date.now()}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    target = { postgresUrl: url.toString() };
    dropPg = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  } else target = { sqliteFile: join(dir, 'bench.sqlite') };
  const services = await createServices(
    { databaseUrl: undefined, dataDir: dir },
    { crypto: nodeCrypto({ fast: true }) },
    target,
  );
  try {
    const t0 = performance.now();
    const actor = await seed(services, count);
    const seedMs = performance.now() - t0;
    // Words people look lessons up by: common ones (in thousands of lessons) and rare ones.
    const queries = [
      'order',
      'delivery',
      'refund',
      'appointment',
      'proof',
      'booking confirmation',
      'invoice',
      'calendar',
      'sorry delay',
      'unsubscribe',
    ];
    const time = async (run: (q: string) => Promise<unknown>) => {
      for (const q of queries.slice(0, 3)) await run(q); // warm-up
      const samples: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const q of queries) {
          const s = performance.now();
          await run(q);
          samples.push(performance.now() - s);
        }
      }
      return samples.sort((a, b) => a - b);
    };
    const fullText = await time((q) => searchLessons(services.deps, actor, { q, limit: 50 }));
    const indexOnly = await time((q) => services.deps.store.lessons.search(actor.workspaceId, q, 500));
    const db = services.database.db;
    // The peer: what a LIKE search costs, scanning every lesson for every word's matches (no index).
    const like = await time((q) => {
      const pattern = `%${q.split(' ')[0]}%`;
      return db
        .selectFrom('lessons')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where((eb) => eb.or([eb(sql`lower(title)`, 'like', pattern), eb(sql`lower(learned)`, 'like', pattern)]))
        .execute();
    });
    return {
      dialect: usePg ? 'postgres' : 'sqlite',
      lessons: count,
      seedMs,
      p50Ms: percentile(fullText, 50),
      p99Ms: percentile(fullText, 99),
      indexP50Ms: percentile(indexOnly, 50),
      likeP50Ms: percentile(like, 50),
      likeVsFullText: percentile(like, 50) / percentile(fullText, 50),
    };
  } finally {
    await services.close();
    await dropPg?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
