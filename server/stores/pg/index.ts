// Every store on one PostgreSQL database: the bundle createServer receives when DATABASE_URL is a
// postgres:// URL. Several nodes open the same database; migrations run under a lock (db/pg/client).
import { migratePostgres, openPostgres, type OpenedPostgres, type PostgresOptions } from '../../../db/pg/client';
import type { Stores } from '../ports';
import { PgAccountStore, PgSetupTokenStore } from './accounts';
import { PgEventStore } from './events';
import { PgClassLinkStore, PgReplayStore, PgSettingsStore } from './replays';
import { PgScenarioStore } from './scenarios';

export { PgEventStore } from './events';

/** The stores on an opened pool. close() writes the appends still waiting, then ends the pool. */
export function pgStores(opened: OpenedPostgres): Stores & { events: PgEventStore } {
  const { db } = opened;
  const events = new PgEventStore(db);
  let closing: Promise<void> | undefined;
  return {
    events,
    accounts: new PgAccountStore(db),
    setupTokens: new PgSetupTokenStore(db),
    scenarios: new PgScenarioStore(db),
    replays: new PgReplayStore(db),
    classLinks: new PgClassLinkStore(db),
    settings: new PgSettingsStore(db),
    close() {
      closing ??= (async () => {
        await events.close();
        await opened.close();
      })();
      return closing;
    },
  };
}

/** Opens a pool to `url`, applies the migrations not yet applied, and returns the stores on it. */
export async function openPgStores(url: string, options: PostgresOptions = {}): Promise<Stores & { events: PgEventStore }> {
  const opened = openPostgres(url, options);
  try {
    await migratePostgres(opened);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return pgStores(opened);
}
