// The store matrix of the integration tests: the "postgres" vitest project sets
// BACKCHANNEL_TEST_STORE=postgres, and every live or child server then runs on a fresh PostgreSQL
// database of the test cluster instead of a SQLite file. Tests keep naming their database by a file
// path (dbPath); under PostgreSQL that path is only the key of its database, so a test that stops a
// server and starts another on the same path (a restart) finds the same data again.
import type { Stores } from '../stores/ports';

export type TestStoreKind = 'sqlite' | 'postgres';

export function testStoreKind(): TestStoreKind {
  return process.env.BACKCHANNEL_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

interface PgDatabase {
  url: string;
  drop(): Promise<void>;
}

const databases = new Map<string, Promise<PgDatabase>>();

/** The PostgreSQL database standing for `dbPath`, created the first time it is asked for. */
function databaseFor(dbPath: string): Promise<PgDatabase> {
  let database = databases.get(dbPath);
  if (!database) {
    // Loaded only under PostgreSQL: it reads the cluster's URL through vitest's inject().
    database = import('./pg/database').then(({ createTestDatabase }) => createTestDatabase('live'));
    databases.set(dbPath, database);
  }
  return database;
}

/** What DATABASE_URL a server process for `dbPath` gets: the path itself, or its PostgreSQL database's URL. */
export async function testDatabaseUrl(dbPath: string): Promise<string> {
  return testStoreKind() === 'postgres' ? (await databaseFor(dbPath)).url : dbPath;
}

/** The stores of an in-process server for `dbPath` under PostgreSQL; undefined under SQLite (the server's default, the file). */
export function matrixStores(dbPath: string): (() => Promise<Stores>) | undefined {
  if (testStoreKind() !== 'postgres') return undefined;
  return async () => {
    const [{ openPgStores }, database] = await Promise.all([import('../stores/pg'), databaseFor(dbPath)]);
    return openPgStores(database.url);
  };
}

/** Drops the PostgreSQL database of `dbPath`, if there is one (the test is done with its files). */
export async function releaseTestDatabase(dbPath: string): Promise<void> {
  const database = databases.get(dbPath);
  if (!database) return;
  databases.delete(dbPath);
  await (await database).drop();
}

/** Opens the stores of `dbPath` from outside its server (a child process's): its SQLite file or its PostgreSQL database. */
export async function openTestStores(dbPath: string): Promise<Stores> {
  if (testStoreKind() === 'sqlite') return (await import('../stores/sqlite')).openSqliteStores(dbPath);
  const [{ openPgStores }, database] = await Promise.all([import('../stores/pg'), databaseFor(dbPath)]);
  return openPgStores(database.url, { max: 2 });
}
