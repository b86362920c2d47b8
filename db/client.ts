import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  db: Db;
  /** The raw better-sqlite3 handle, for pragmas, transactions and closing. */
  sqlite: Database.Database;
}

/** The committed SQL migrations, found beside this file so the working directory does not matter. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens (creating it and its folder if needed) the SQLite file at `filePath`. */
export function openDatabase(filePath: string): OpenedDatabase {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new Database(filePath);
  // WAL lets readers (replays, exports) run while the game appends events.
  sqlite.pragma('journal_mode = WAL');
  // SQLite ignores REFERENCES unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  // Wait rather than fail at once if another connection (a CLI, a backup) holds the write lock.
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a command is acknowledged only after its events reach the disk, so even a power loss
  // cannot take back what a student was told was sent. The event store commits in groups (one
  // transaction, one fsync, for the commands of a turn), so this does not cap throughput.
  sqlite.pragma('synchronous = FULL');
  return { db: drizzle({ client: sqlite, schema }), sqlite };
}

/** Applies every migration not yet applied, each in a transaction. */
export function migrateDatabase(db: Db, migrationsFolder: string = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}
