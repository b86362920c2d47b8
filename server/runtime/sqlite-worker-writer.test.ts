// What the writer thread adds to the SQLite event store (the contract and event-store.test.ts run
// against it too): its connection is as durable as the main one, a read right after an append sees
// it, a failure rejects what waits and refuses what follows instead of hanging, close() drains.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { event, givenFacilitators, sessionRecord } from '../stores/contract/harness';
import { openSqliteStores, type SqliteStores } from '../stores/sqlite';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(): Promise<SqliteStores> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-writer-'));
  const stores = openSqliteStores(path.join(dir, 'store.db'), { writer: 'worker' });
  cleanups.push(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await givenFacilitators(stores, 1);
  for (const id of ['a', 'b']) await stores.events.createSession(sessionRecord(id));
  return stores;
}

describe('the SQLite event store with a writer thread', () => {
  it('opens its connection with the same pragmas: WAL and synchronous=FULL', async () => {
    const stores = await open();
    expect(await stores.events.worker!.ready).toEqual({ synchronous: 2, journal: 'wal' });
  });

  it("refuses ':memory:', which a second connection could not share", () => {
    expect(() => openSqliteStores(':memory:', { writer: 'worker' })).toThrow(/needs a database file/);
  });

  it('shows an acknowledged append to the main connection at once, seat tokens and status included', async () => {
    const stores = await open();
    await stores.events.append('a', 0, [event(1)], { seatTokens: [{ tokenHash: 'h1', seatId: 's1' }], status: 'running', commandKey: 's1:c1' });
    expect((await stores.events.load('a')).map((e) => e.seq)).toEqual([1]);
    expect(await stores.events.seatForToken('a', 'h1')).toBe('s1');
    expect((await stores.events.findSession({ id: 'a' }))?.status).toBe('running');
    expect(await stores.events.hasCommand('a', 's1:c1')).toBe(true);
  });

  it('rejects the appends in flight and refuses later ones when the thread dies, instead of hanging', async () => {
    const stores = await open();
    await stores.events.append('a', 0, [event(1)]);
    const inFlight = stores.events.append('a', 1, [event(2)]);
    await stores.events.worker!.crashForTest();
    await expect(inFlight).rejects.toThrow(/writer thread exited.*refuses further appends/);
    await expect(stores.events.append('b', 0, [event(3)])).rejects.toThrow(/writer thread exited.*refuses further appends/);
    // Reads go on from the main connection.
    expect((await stores.events.load('a')).length).toBeGreaterThanOrEqual(1);
  });

  it('rejects the whole batch when its transaction cannot commit, and refuses later appends', async () => {
    const stores = await open();
    // A write error that rolls the whole transaction back, as an I/O error or a full disk does.
    stores.database.sqlite.exec(`CREATE TRIGGER io_error BEFORE INSERT ON events WHEN NEW.session_id = 'b' BEGIN SELECT RAISE(ROLLBACK, 'disk I/O error'); END`);
    const batch = [stores.events.append('a', 0, [event(1)]), stores.events.append('b', 0, [event(2)])];
    for (const append of batch) await expect(append).rejects.toThrow(/could not commit a batch.*disk I\/O error/);
    expect(await stores.events.load('a')).toEqual([]);
    await expect(stores.events.append('a', 0, [event(3)])).rejects.toThrow(/refuses further appends/);
  });

  it('fails one append of a batch alone: the others commit', async () => {
    const stores = await open();
    const [ok, conflict, other] = await Promise.allSettled([stores.events.append('a', 0, [event(1)]), stores.events.append('a', 5, [event(2)]), stores.events.append('b', 0, [event(3)])]);
    expect([ok.status, conflict.status, other.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(conflict.status === 'rejected' && (conflict.reason as Error).name).toBe('AppendConflict');
    expect(stores.events.stats.batches).toBe(1);
  });

  it('close() writes what waits, then refuses appends', async () => {
    const stores = await open();
    const waiting = [stores.events.append('a', 0, [event(1)]), stores.events.append('b', 0, [event(2)])];
    const closed = stores.events.close();
    await expect(stores.events.append('a', 1, [event(3)])).rejects.toThrow(/closed/);
    await closed;
    expect((await Promise.all(waiting)).map((s) => s.length)).toEqual([1, 1]);
    expect((await stores.events.load('a')).map((e) => e.seq)).toEqual([1]);
    expect((await stores.events.load('b')).map((e) => e.seq)).toEqual([1]);
  });
});
