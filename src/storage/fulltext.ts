import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectCapabilities } from './dialect.ts';

/**
 * Full-text search behind the dialect: SQLite FTS5 (porter stemming, bm25 ranking, prefix
 * queries) keyed by the base table's rowid, or a PostgreSQL `tsvector` column with a GIN index
 * (english stemming, ts_rank, prefix `:*`). Never a LIKE scan. One index serves one base table;
 * its documents are a weighted title and a body, replaced whole whenever their sources change.
 */
export interface FullTextIndex {
  put(workspaceId: string, id: string, doc: { title: string; body: string }): Promise<void>;
  remove(workspaceId: string, id: string): Promise<void>;
  /** Ids of the workspace's rows matching every term (as a prefix), best first; rank: higher is better. */
  search(workspaceId: string, query: string, limit: number): Promise<{ id: string; rank: number }[]>;
  /**
   * A condition on the base table (under its own name) that its row matches every term, for a
   * query that orders by something else (null: the query has no words, nothing matches).
   */
  matching(workspaceId: string, query: string): Promise<RawBuilder<boolean> | null>;
}

/** The words of a query, safe to put into an FTS5 MATCH or a to_tsquery (letters and digits only). */
export function queryTerms(query: string): string[] {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(terms)].slice(0, 12);
}

/**
 * At most this many matches are ranked (the newest on SQLite): ranking costs per match, and a
 * common word matches a large part of a big library. Rare words rank every match.
 */
export const RANK_WINDOW = 2_000;

/** Up to this many matches, a filtering query looks each match up (SQLite); beyond, it walks its own order. */
export const LOOKUP_MATCHES = 2_000;

export interface FullTextTable {
  /** The index table (an FTS5 virtual table or a table with a tsvector `document`). */
  index: string;
  /** The base table whose rows are indexed (has `id` and `workspace_id`). */
  base: string;
  /** The index's column holding the base row's id (PostgreSQL; SQLite uses the base rowid). */
  idColumn: string;
}

export function fullTextIndex(db: Kysely<any>, capabilities: DialectCapabilities, t: FullTextTable): FullTextIndex {
  const index = sql.table(t.index);
  const base = sql.table(t.base);
  const idColumn = sql.ref(t.idColumn);
  if (capabilities.name === 'postgres') {
    return {
      async put(workspaceId, id, doc) {
        await sql`insert into ${index} (${idColumn}, workspace_id, document)
          values (${id}, ${workspaceId}, setweight(to_tsvector('english', ${doc.title}), 'A') || setweight(to_tsvector('english', ${doc.body}), 'B'))
          on conflict (${idColumn}) do update set document = excluded.document`.execute(db);
      },
      async remove(workspaceId, id) {
        await sql`delete from ${index} where ${idColumn} = ${id} and workspace_id = ${workspaceId}`.execute(db);
      },
      async search(workspaceId, query, limit) {
        const terms = queryTerms(query);
        if (terms.length === 0) return [];
        const tsquery = terms.map((w) => `${w}:*`).join(' & ');
        // Rank at most RANK_WINDOW matches: ranking is per match, so a word in half the lessons
        // would otherwise cost a scan of half the index.
        const { rows } = await sql<{ id: string; rank: number }>`select id, rank from (
            select ${idColumn} as id, ts_rank(document, q) as rank
            from (select ${idColumn}, document from ${index}, to_tsquery('english', ${tsquery}) q0
                  where workspace_id = ${workspaceId} and document @@ q0 limit ${RANK_WINDOW}) m,
                 to_tsquery('english', ${tsquery}) q
          ) ranked order by rank desc, id limit ${limit}`.execute(db);
        return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
      },
      // PostgreSQL's planner knows how common a word is (tsvector statistics) and picks the plan.
      async matching(workspaceId, query) {
        const terms = queryTerms(query);
        if (terms.length === 0) return null;
        const tsquery = terms.map((w) => `${w}:*`).join(' & ');
        return sql<boolean>`${sql.ref(`${t.base}.id`)} in (select ${idColumn} from ${index}
          where workspace_id = ${workspaceId} and document @@ to_tsquery('english', ${tsquery}))`;
      },
    };
  }
  return {
    async put(workspaceId, id, doc) {
      const rowid = sql`(select rowid from ${base} where id = ${id} and workspace_id = ${workspaceId})`;
      await sql`delete from ${index} where rowid = ${rowid}`.execute(db);
      await sql`insert into ${index} (rowid, ${idColumn}, workspace_id, title, body) values (${rowid}, ${id}, ${workspaceId}, ${doc.title}, ${doc.body})`.execute(
        db,
      );
    },
    async remove(workspaceId, id) {
      await sql`delete from ${index} where rowid = (select rowid from ${base} where id = ${id} and workspace_id = ${workspaceId})`.execute(
        db,
      );
    },
    async search(workspaceId, query, limit) {
      const terms = queryTerms(query);
      if (terms.length === 0) return [];
      const match = terms.map((w) => `"${w}"*`).join(' ');
      // Rank the newest RANK_WINDOW matches only (rowids grow with time): the rowid of the oldest
      // of them bounds the ranked query, which FTS5 applies inside the index walk. (The window counts
      // every workspace's matches: an install is usually one workspace.)
      const floor = await sql<{ rowid: number }>`select rowid from ${index} where ${index} match ${match}
        order by rowid desc limit 1 offset ${RANK_WINDOW - 1}`.execute(db);
      const from = floor.rows[0]?.rowid ?? 0;
      // bm25: lower is better; title weighs 4× the body (the unindexed columns take no weight).
      const { rows } = await sql<{
        id: string;
        rank: number;
      }>`select b.id as id, -bm25(${index}, 0, 0, 4.0, 1.0) as rank
        from ${index} join ${base} b on b.rowid = ${index}.rowid
        where ${index} match ${match} and ${index}.rowid >= ${from} and b.workspace_id = ${workspaceId}
        order by rank desc, b.id limit ${limit}`.execute(db);
      return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
    },
    async matching(_workspaceId, query) {
      const terms = queryTerms(query);
      if (terms.length === 0) return null;
      const match = terms.map((w) => `"${w}"*`).join(' ');
      const matches = sql`(select rowid from ${index} where ${index} match ${match})`;
      // SQLite does not know how common a word is. Few matches: look each up by rowid and sort
      // them. Many: walk the base table in the query's own order (its index) and test each row
      // against the matches, stopping at the page's end — the unary + keeps the planner off the
      // rowid lookup, which would fetch and sort every match of a common word.
      const probe =
        await sql`select rowid from ${index} where ${index} match ${match} limit 1 offset ${LOOKUP_MATCHES}`.execute(
          db,
        );
      return probe.rows.length === 0
        ? sql<boolean>`${sql.ref(`${t.base}.rowid`)} in ${matches}`
        : sql<boolean>`+${sql.ref(`${t.base}.rowid`)} in ${matches}`;
    },
  };
}
