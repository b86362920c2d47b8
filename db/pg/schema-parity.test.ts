// The SQLite and PostgreSQL schemas describe the same database: a table, column, key or index added
// to one dialect and not the other fails here, before a migration for only one of them ships.
import { getTableName, is, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema';
import * as pgSchema from './schema';

interface Shape {
  /** name: JS data type (number/string), not null, primary key, has default, unique */
  columns: Record<string, string>;
  primaryKey: string[];
  indexes: string[];
  foreignKeys: string[];
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shape(config: Config): Shape {
  const names = (cols: { name: string }[]) => cols.map((c) => c.name).join(',');
  return {
    columns: Object.fromEntries(
      config.columns.map((c) => [c.name, [c.dataType, c.notNull ? 'not null' : 'null', c.primary ? 'pk' : '', c.hasDefault ? `default ${String(c.default)}` : '', c.isUnique ? 'unique' : ''].join(' ').trim()]),
    ),
    primaryKey: config.primaryKeys.map((k) => names(k.columns)),
    indexes: config.indexes.map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''} (${names(i.config.columns as { name: string }[])})`).sort(),
    foreignKeys: config.foreignKeys
      .map((f) => {
        const ref = f.reference();
        return `${names(ref.columns)} -> ${getTableName(ref.foreignTable)}(${names(ref.foreignColumns)}) on delete ${f.onDelete ?? 'no action'}`;
      })
      .sort(),
  };
}

function tables(schema: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable): Map<string, Table> {
  const found = new Map<string, Table>();
  for (const value of Object.values(schema)) if (is(value, kind)) found.set(getTableName(value as Table), value as Table);
  return found;
}

const sqlite = tables(sqliteSchema, SQLiteTable);
const pg = tables(pgSchema, PgTable);

describe('the PostgreSQL schema', () => {
  it('has the same tables as the SQLite schema', () => {
    expect([...pg.keys()].sort()).toEqual([...sqlite.keys()].sort());
    expect(sqlite.size).toBeGreaterThan(0);
  });

  it.each([...sqlite.keys()].sort())('has table %s with the same columns, keys and indexes', (name) => {
    const mine = pg.get(name);
    expect(mine, `table ${name} is missing from db/pg/schema.ts`).toBeDefined();
    expect(shape(pgConfig(mine as PgTable))).toEqual(shape(sqliteConfig(sqlite.get(name) as SQLiteTable)));
  });
});
