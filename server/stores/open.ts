import type { Config } from '../config';
import type { Stores } from './ports';
import { openSqliteStores } from './sqlite';

/**
 * The stores the configuration names, opened and migrated: the server's default and the command
 * line tools' one way in. Today DATABASE_URL names a SQLite file.
 */
export async function openStores(config: Pick<Config, 'databasePath'>): Promise<Stores> {
  return openSqliteStores(config.databasePath);
}
