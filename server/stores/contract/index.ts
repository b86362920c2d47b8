// The behaviour every implementation of the stores must have, as vitest suites: call each with a
// name and a way to open fresh stores (see harness.ts). Run against the in-memory twins and SQLite
// in server/stores/contract.test.ts; a PostgreSQL implementation calls the same functions.
export { describeAccountStoreContract } from './accounts';
export { describeEventStoreContract } from './events';
export { describeReplayStoreContract } from './replays';
export { describeScenarioStoreContract } from './scenarios';
export type { OpenStores } from './harness';

import { describeAccountStoreContract } from './accounts';
import { describeEventStoreContract } from './events';
import { describeReplayStoreContract } from './replays';
import { describeScenarioStoreContract } from './scenarios';
import type { OpenStores } from './harness';

/** Every contract at once. */
export function describeStoresContract(name: string, open: OpenStores): void {
  describeEventStoreContract(name, open);
  describeAccountStoreContract(name, open);
  describeScenarioStoreContract(name, open);
  describeReplayStoreContract(name, open);
}
