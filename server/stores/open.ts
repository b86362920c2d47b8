import type { Config } from '../config';
import type { Stores } from './ports';
import { openPgStores } from './pg';
import { openSqliteStores } from './sqlite';

/**
 * The stores the configuration names, opened and migrated: the server's default and the command
 * line tools' one way in. DATABASE_URL names a SQLite file (one machine) or a PostgreSQL server
 * (several nodes share it; its migrations run under a lock, so nodes may start together).
 */
export async function openStores(config: Pick<Config, 'database'>): Promise<Stores> {
  const { database } = config;
  return database.kind === 'postgres' ? openPgStores(database.url) : openSqliteStores(database.path);
}
