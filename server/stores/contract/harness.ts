// What every contract suite needs: a way to open a fresh, empty set of stores and to throw it away.
import { afterEach } from 'vitest';
import type { GameEvent } from '../../engine';
import type { FacilitatorRecord, SessionRecord, Stores } from '../ports';

/**
 * Opens a fresh, empty, migrated set of stores (a temp SQLite file, a throw-away PostgreSQL
 * schema, the in-memory twins…); `cleanup` closes it and removes what it made.
 */
export type OpenStores = () => Promise<{ stores: Stores; cleanup: () => Promise<void> }>;

/** Opens stores for one test; they are cleaned up after it, whatever it did. */
export function storesFor(open: OpenStores): () => Promise<Stores> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async () => {
    const { stores, cleanup } = await open();
    cleanups.push(cleanup);
    return stores;
  };
}

export const facilitator = (n: number, over: Partial<FacilitatorRecord> = {}): FacilitatorRecord => ({
  id: `fac-${n}`,
  email: `teacher${n}@example.org`,
  passwordHash: `hash-${n}`,
  isAdmin: false,
  createdAt: 1000 + n,
  ...over,
});

export const sessionRecord = (id: string, facilitatorId = 'fac-1', over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  code: `C${id.toUpperCase().replace(/[^A-Z0-9]/g, '').padStart(5, '0')}`.slice(0, 8),
  facilitatorId,
  scenarioId: 'test',
  status: 'lobby',
  createdAt: 1,
  ...over,
});

/** A small event that folds nowhere (the stores never fold): only its time and type matter to them. */
export const event = (n: number, at = 1000 + n): GameEvent => ({ type: 'RoomLocked', locked: n % 2 === 0, at });

/** Given: these facilitators exist. */
export async function givenFacilitators(stores: Stores, ...ns: number[]): Promise<void> {
  for (const n of ns) {
    const created = await stores.accounts.create(facilitator(n));
    if (!created.ok) throw new Error(`could not create facilitator ${n}: ${created.code}`);
  }
}

/** Given: a session of `facilitatorId` with these events. */
export async function givenSession(stores: Stores, id: string, facilitatorId: string, events: GameEvent[] = [], over: Partial<SessionRecord> = {}): Promise<void> {
  await stores.events.createSession(sessionRecord(id, facilitatorId, over));
  if (events.length > 0) await stores.events.append(id, 0, events);
}
