// What the two EventStore implementations do beyond the contract (server/stores/contract/events.ts,
// run in server/stores/contract.test.ts): both commit the appends of one event-loop turn in one
// transaction; the SQLite one has them on disk once acknowledged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { event, givenFacilitators, sessionRecord } from '../stores/contract/harness';
import { openMemoryStores } from '../stores/memory';
import { openSqliteStores, type SqliteStores } from '../stores/sqlite';
import type { Stores } from '../stores/ports';
import type { MemoryEventStore } from './memory-store';
import type { SqliteEventStoreOptions } from './sqlite-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function openFile(options: SqliteEventStoreOptions = {}): { stores: SqliteStores; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-store-'));
  const file = path.join(dir, 'store.db');
  const stores = openSqliteStores(file, options);
  cleanups.push(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { stores, file };
}

type WithStats = Stores & { events: SqliteStores['events'] | MemoryEventStore };
const kinds: [string, () => WithStats][] = [
  ['memory', () => openMemoryStores()],
  ['sqlite', () => openFile({ writer: 'loop' }).stores],
  ['sqlite (writer thread)', () => openFile({ writer: 'worker' }).stores],
];

describe.each(kinds)('the %s event store', (_name, make) => {
  it('writes the appends of one turn in one transaction, and resolves only once written', async () => {
    const stores = make();
    await givenFacilitators(stores, 1);
    const store = stores.events;
    for (const id of ['a', 'b', 'c']) await store.createSession(sessionRecord(id));
    const before = store.stats.batches;
    const writes = [store.append('a', 0, [event(1), event(2)]), store.append('b', 0, [event(3)]), store.append('c', 0, [event(4)]), store.append('a', 2, [event(5)])];
    expect((await store.load('a')).length).toBe(0);
    await Promise.all(writes);
    expect(store.stats.batches - before).toBe(1);
  });
});

describe.each(['loop', 'worker'] as const)('the SQLite event store (writer: %s)', (writer) => {
  it('has an acknowledged append on disk: a new connection to the file reads it', async () => {
    const { stores, file } = openFile({ writer });
    await givenFacilitators(stores, 1);
    await stores.events.createSession(sessionRecord('a'));
    await Promise.all([stores.events.append('a', 0, [event(1)]), stores.events.append('a', 1, [event(2)])]);
    const other = openDatabase(file);
    try {
      const rows = other.sqlite.prepare('SELECT seq, payload FROM events WHERE session_id = ? ORDER BY seq').all('a') as { seq: number; payload: string }[];
      expect(rows.map((r) => ({ seq: r.seq, event: JSON.parse(r.payload) as unknown }))).toEqual([{ seq: 1, event: event(1) }, { seq: 2, event: event(2) }]);
    } finally {
      other.sqlite.close();
    }
  });

  it('without grouping, gives every append its own transaction', async () => {
    const { stores } = openFile({ grouped: false });
    await givenFacilitators(stores, 1);
    await stores.events.createSession(sessionRecord('a'));
    await Promise.all([stores.events.append('a', 0, [event(1)]), stores.events.append('a', 1, [event(2)]), stores.events.append('a', 2, [event(3)])]);
    expect(stores.events.stats).toEqual({ batches: 3, appends: 3 });
  });
});
