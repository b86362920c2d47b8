import { migrateDatabase, openDatabase, type OpenedDatabase } from '../../../db/client';
import { SqliteEventStore, type SqliteEventStoreOptions } from '../../runtime/sqlite-store';
import type { Stores } from '../ports';
import { SqliteAccountStore, SqliteSetupTokenStore } from './accounts';
import { SqliteClassLinkStore, SqliteReplayStore, SqliteSettingsStore } from './replays';
import { SqliteScenarioStore } from './scenarios';

export interface SqliteStores extends Stores {
  events: SqliteEventStore;
  /** The opened file, for the SQLite-only tools (benchmarks, tests that read it through another connection). */
  database: OpenedDatabase;
}

/** Every store on one SQLite connection already opened and migrated. */
export function sqliteStores(database: OpenedDatabase, options: SqliteEventStoreOptions = {}): SqliteStores {
  const events = new SqliteEventStore(database, options);
  let closing: Promise<void> | undefined;
  return {
    database,
    events,
    accounts: new SqliteAccountStore(database),
    setupTokens: new SqliteSetupTokenStore(database),
    scenarios: new SqliteScenarioStore(database),
    replays: new SqliteReplayStore(database),
    classLinks: new SqliteClassLinkStore(database),
    settings: new SqliteSettingsStore(database),
    close: () =>
      (closing ??= (async () => {
        // Appends still waiting for their group commit are written before the file closes.
        await events.close();
        database.sqlite.close();
      })()),
  };
}

/** Opens (creating it if needed) and migrates the SQLite file at `filePath`, and every store on it. */
export function openSqliteStores(filePath: string, options: SqliteEventStoreOptions = {}): SqliteStores {
  const database = openDatabase(filePath);
  try {
    migrateDatabase(database.db);
    return sqliteStores(database, options);
  } catch (error) {
    database.sqlite.close();
    throw error;
  }
}
