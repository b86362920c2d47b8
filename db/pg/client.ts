// The PostgreSQL connection: a node-postgres pool wrapped by drizzle, and the migrations applied at
// start under an advisory lock, so several nodes starting at once do not run them twice.
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type PgDb = NodePgDatabase<typeof schema>;

export interface OpenedPostgres {
  db: PgDb;
  pool: pg.Pool;
  /** Ends the pool's connections (after the stores have written what was waiting). */
  close(): Promise<void>;
}

/** The committed SQL migrations for PostgreSQL, found beside this file. */
export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The key of the advisory lock held while migrating: any 64-bit number the application owns.
 * (0x6263 = "bc": Backchannel.)
 */
export const MIGRATION_LOCK_KEY = 0x6263_0001;

export interface PostgresOptions {
  /** Most connections this process opens (default 10). */
  max?: number;
  /** Where a connection's background error goes (a restarted server drops idle ones); default stderr. */
  onError?: (error: Error) => void;
}

/** Opens a pool to `url` (postgres://user:password@host:port/database). Connections open lazily. */
export function openPostgres(url: string, options: PostgresOptions = {}): OpenedPostgres {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // A connection the server drops (a restart, a failover, pg_terminate_backend) emits 'error':
  // on the pool while idle, on the client itself while checked out (mid-transaction). Unhandled,
  // either would end the process. The query in flight rejects anyway and the pool opens a new
  // connection on its next use, so the event is only reported.
  const report = options.onError ?? ((error: Error) => console.error('PostgreSQL connection error:', error.message));
  pool.on('connect', (client) => client.on('error', report));
  // The pool re-emits an idle client's error, which the client's own listener above reported.
  pool.on('error', () => undefined);
  let closed: Promise<void> | undefined;
  return {
    db: drizzle({ client: pool, schema }),
    pool,
    close: () => (closed ??= pool.end()),
  };
}

/**
 * Applies every migration not yet applied, in one transaction. drizzle's migrator takes no lock:
 * two nodes starting together would both see a migration as missing and both run it. So it runs on
 * one connection holding a session-level advisory lock; the second node waits, then finds nothing to do.
 */
export async function migratePostgres(opened: OpenedPostgres, migrationsFolder: string = PG_MIGRATIONS_FOLDER): Promise<void> {
  const client = await opened.pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch((error: unknown) => {
        // The lock ends with the connection: drop it rather than return it to the pool still locked.
        broken = true;
        throw error;
      });
    }
  } finally {
    client.release(broken);
  }
}
