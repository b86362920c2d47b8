import { MemoryEventStore } from '../../runtime/memory-store';
import type { Stores } from '../ports';
import { MemoryAccountStore, MemorySetupTokenStore } from './accounts';
import { MemoryReplayStore, MemoryClassLinkStore, MemorySettingsStore } from './replays';
import { MemoryScenarioStore } from './scenarios';
import { emptyTables } from './tables';

/** The in-memory twins of every store, sharing one set of tables (references checked, as a database does). */
export function openMemoryStores(): Stores & { events: MemoryEventStore } {
  const t = emptyTables(true);
  const events = new MemoryEventStore(t);
  return {
    events,
    accounts: new MemoryAccountStore(t),
    setupTokens: new MemorySetupTokenStore(t),
    scenarios: new MemoryScenarioStore(t),
    replays: new MemoryReplayStore(t),
    classLinks: new MemoryClassLinkStore(t),
    settings: new MemorySettingsStore(t),
    close: () => events.close(),
  };
}
