// The test side of the PostgreSQL cluster: whether it is there, and a fresh database per test file
// (or per server) so files run in parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { migratePostgres, openPostgres } from '../../../db/pg/client';
import { PG_MISSING_MESSAGE } from './cluster';
import type {} from './global-setup';

/** The cluster's superuser URL, '' when PostgreSQL is not installed (or outside the postgres project). */
export function pgAdminUrl(): string {
  try {
    return inject('pgAdminUrl') ?? '';
  } catch {
    return '';
  }
}

/** describe() that runs when the cluster is there, and is skipped with the reason in its title otherwise. */
export function describePg(name: string, body: () => void): void {
  const available = pgAdminUrl() !== '';
  describe.skipIf(!available)(available ? name : `${name} (skipped: ${PG_MISSING_MESSAGE})`, body);
}

export interface TestDatabase {
  /** postgres://…/<the new database> */
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = pgAdminUrl();
  if (!url) throw new Error(PG_MISSING_MESSAGE);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE with a random name on the test cluster; the caller drops it (afterAll). */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = `bc_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  // FILE_COPY copies template1's files (one checkpoint) instead of WAL-logging every block: several
  // times quicker on this cluster, where fsync is off anyway.
  await admin((client) => client.query(`CREATE DATABASE "${name}" STRATEGY FILE_COPY`));
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop() {
      // WITH (FORCE) (PostgreSQL 13+): a pool a failed test left open does not keep the database alive.
      dropped ??= admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      return dropped;
    },
  };
}

/** A database with every migration applied, for one test file; its caller drops it (afterAll). */
export async function createMigratedDatabase(prefix = 'test'): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  const opened = openPostgres(database.url, { max: 1 });
  try {
    await migratePostgres(opened);
  } finally {
    await opened.close();
  }
  return database;
}

/**
 * Empties every table of the application (not drizzle's migration journal): a fresh start for the
 * next test of a file, far quicker than a new database (a copy costs a checkpoint).
 */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`);
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}
