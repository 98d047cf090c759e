import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServices } from '../../test/factories.ts';

// Money is integer minor units everywhere. This reads the live catalog of a migrated database
// (PRAGMA table_info on SQLite, information_schema.columns on PostgreSQL) and fails on any money
// column — a name ending in _minor or containing "amount" — that is not an integer type.

type Ctx = Awaited<ReturnType<typeof testServices>>;
let t: Ctx;

beforeEach(async () => {
  t = await testServices();
});
afterEach(async () => {
  await t.cleanup();
});

interface Column {
  table: string;
  column: string;
  type: string;
}

async function liveColumns(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<Column[]> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      numeric_scale: number | null;
    }>`
      select table_name, column_name, data_type, numeric_scale
      from information_schema.columns
      where table_schema = current_schema()`.execute(db);
    return rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      type: r.data_type === 'numeric' ? `numeric(scale ${r.numeric_scale ?? 'any'})` : r.data_type,
    }));
  }
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const columns: Column[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{
      name: string;
      type: string;
    }>`select name, type from pragma_table_info(${name})`.execute(db);
    columns.push(...rows.map((r) => ({ table: name, column: r.name, type: r.type })));
  }
  return columns;
}

const isMoney = (column: string) => column.endsWith('_minor') || column.includes('amount');
/** Integer types only: bigint/integer/smallint (PostgreSQL), INTEGER/BIGINT affinity (SQLite). */
const isInteger = (type: string) => /^(bigint|integer|smallint|int|int2|int4|int8)$/i.test(type.trim());

function offenders(columns: Column[]): string[] {
  return columns
    .filter((c) => isMoney(c.column) && !isInteger(c.type))
    .map((c) => `${c.table}.${c.column} (${c.type})`);
}

describe('money columns', () => {
  it('every money column in the live schema is an integer type, never float, real, double or numeric', async () => {
    const dialect = t.services.database.capabilities.name;
    const columns = await liveColumns(t.services.database.db, dialect);
    const money = columns.filter((c) => isMoney(c.column)).map((c) => `${c.table}.${c.column}`);
    // The known money columns are all seen, so the check cannot pass on an empty catalog.
    expect(money).toEqual(
      expect.arrayContaining([
        'clients.value_minor',
        'mistakes.impact_minor',
        'remedies.amount_minor',
        'remedies.rate_minor',
      ]),
    );
    expect(offenders(columns)).toEqual([]);
  });

  it('catches a money column declared with a float or scaled numeric type', async () => {
    const db = t.services.database.db;
    const dialect = t.services.database.capabilities.name;
    await sql`create table money_probe (id text, refund_amount real, fee_minor numeric(12, 2), ok_minor bigint)`.execute(
      db,
    );
    const found = offenders(await liveColumns(db, dialect)).filter((o) => o.startsWith('money_probe.'));
    expect(found.map((o) => o.split(' ')[0])).toEqual(['money_probe.refund_amount', 'money_probe.fee_minor']);
  });
});
