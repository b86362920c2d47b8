// Every store on one PostgreSQL database: the bundle createServer receives when DATABASE_URL is a
// postgres:// URL. Several nodes open the same database; migrations run under a lock (db/pg/client).
import { migratePostgres, openPostgres, type OpenedPostgres, type PostgresOptions } from '../../../db/pg/client';
import type { Stores } from '../ports';
import { PgAccountStore, PgSetupTokenStore } from './accounts';
import { PgEventStore } from './events';
import { PgClassLinkStore, PgReplayStore, PgSettingsStore } from './replays';
import { PgScenarioStore } from './scenarios';
import { withScrubbedErrors } from './scrub';

export { PgEventStore } from './events';

/**
 * The stores on an opened pool. close() writes the appends still waiting, then ends the pool. Their
 * errors never carry a query's values (see scrub.ts).
 */
export function pgStores(opened: OpenedPostgres): Stores & { events: PgEventStore } {
  const { db } = opened;
  const events = withScrubbedErrors(new PgEventStore(db));
  let closing: Promise<void> | undefined;
  return {
    events,
    accounts: withScrubbedErrors(new PgAccountStore(db)),
    setupTokens: withScrubbedErrors(new PgSetupTokenStore(db)),
    scenarios: withScrubbedErrors(new PgScenarioStore(db)),
    replays: withScrubbedErrors(new PgReplayStore(db)),
    classLinks: withScrubbedErrors(new PgClassLinkStore(db)),
    settings: withScrubbedErrors(new PgSettingsStore(db)),
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
