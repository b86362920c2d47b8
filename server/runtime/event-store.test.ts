// The EventStore port, run against both implementations (the SQLite file and the in-memory twin):
// appends of one event-loop turn are committed together, each succeeds or fails on its own, and
// nothing resolves before it is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type OpenedDatabase } from '../../db/client';
import { facilitators } from '../../db/schema';
import type { GameEvent } from '../engine';
import { AppendConflict } from './group-commit';
import { MemoryEventStore } from './memory-store';
import type { EventStore, SessionRecord } from './ports';
import { SqliteEventStore } from './sqlite-store';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function openFile(): { database: OpenedDatabase; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-store-'));
  const file = path.join(dir, 'store.db');
  const database = openDatabase(file);
  migrateDatabase(database.db);
  database.db.insert(facilitators).values({ id: 'f1', email: 'f1@example.org', passwordHash: 'x', createdAt: 0 }).run();
  cleanups.push(() => {
    if (database.sqlite.open) database.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { database, file };
}

type Twin = EventStore & { stats: { batches: number; appends: number } };
const stores: [string, () => Twin][] = [
  ['memory', () => new MemoryEventStore()],
  ['sqlite', () => new SqliteEventStore(openFile().database)],
];

const record = (id: string): SessionRecord => ({ id, code: `C${id.toUpperCase().padStart(5, '0')}`, facilitatorId: 'f1', scenarioId: 'test', status: 'lobby', createdAt: 1 });
const event = (n: number): GameEvent => ({ type: 'RoomLocked', locked: n % 2 === 0, at: 1000 + n });

describe.each(stores)('the %s event store', (_name, make) => {
  it('writes the appends of one turn in one transaction, each with its own seqs, and resolves only once written', async () => {
    const store = make();
    for (const id of ['a', 'b', 'c']) await store.createSession(record(id));
    const before = store.stats.batches;
    const writes = [store.append('a', 0, [event(1), event(2)]), store.append('b', 0, [event(3)]), store.append('c', 0, [event(4)])];
    // Same turn, then the one after it: a's second command was decided on its first.
    writes.push(store.append('a', 2, [event(5)]));
    expect((await store.load('a')).length).toBe(0);
    const stored = await Promise.all(writes);
    expect(stored.map((s) => s.map((e) => e.seq))).toEqual([[1, 2], [1], [1], [3]]);
    expect(store.stats.batches - before).toBe(1);
    expect((await store.load('a')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('fails one session’s conflicting append alone: the others of the transaction are stored', async () => {
    const store = make();
    for (const id of ['a', 'b']) await store.createSession(record(id));
    await store.append('a', 0, [event(1)]);
    const conflict = store.append('a', 0, [event(2)], { seatTokens: [{ tokenHash: 'h-conflict', seatId: 's1' }], status: 'ended' });
    const fine = store.append('b', 0, [event(3)], { seatTokens: [{ tokenHash: 'h-fine', seatId: 's2' }], status: 'running' });
    await expect(conflict).rejects.toBeInstanceOf(AppendConflict);
    expect(await fine).toEqual([{ seq: 1, event: event(3) }]);
    // The failed append left nothing behind: not its events, token or status.
    expect(await store.load('a')).toEqual([{ seq: 1, event: event(1) }]);
    expect(await store.seatForToken('a', 'h-conflict')).toBeUndefined();
    expect((await store.findSession({ id: 'a' }))?.status).toBe('lobby');
    expect(await store.seatForToken('b', 'h-fine')).toBe('s2');
    expect((await store.findSession({ id: 'b' }))?.status).toBe('running');
  });

  it('refuses an append decided on top of one that failed, rather than leave a gap in the log', async () => {
    const store = make();
    await store.createSession(record('a'));
    const failed = store.append('a', 5, [event(1)]);
    const onTop = store.append('a', 6, [event(2)]);
    await expect(failed).rejects.toBeInstanceOf(AppendConflict);
    await expect(onTop).rejects.toBeInstanceOf(AppendConflict);
    expect(await store.load('a')).toEqual([]);
  });

  it('refuses the same command id stored twice in a session', async () => {
    const store = make();
    await store.createSession(record('a'));
    await store.append('a', 0, [event(1)], { commandKey: 's1:c1' });
    expect(await store.hasCommand('a', 's1:c1')).toBe(true);
    await expect(store.append('a', 1, [event(2)], { commandKey: 's1:c1' })).rejects.toThrow();
    expect((await store.load('a')).length).toBe(1);
  });

  it('writes what is waiting when closed, and refuses appends after', async () => {
    const store = make();
    await store.createSession(record('a'));
    const waiting = store.append('a', 0, [event(1)]);
    await store.close();
    expect(await waiting).toHaveLength(1);
    await expect(store.append('a', 1, [event(2)])).rejects.toThrow(/closed/);
  });
});

describe('the SQLite event store', () => {
  it('has an acknowledged append on disk: a new connection to the file reads it', async () => {
    const { database, file } = openFile();
    const store = new SqliteEventStore(database);
    await store.createSession(record('a'));
    await Promise.all([store.append('a', 0, [event(1)]), store.append('a', 1, [event(2)])]);
    const other = openDatabase(file);
    try {
      expect(await new SqliteEventStore(other).load('a')).toEqual([{ seq: 1, event: event(1) }, { seq: 2, event: event(2) }]);
    } finally {
      other.sqlite.close();
    }
  });

  it('without grouping, gives every append its own transaction', async () => {
    const store = new SqliteEventStore(openFile().database, { grouped: false });
    await store.createSession(record('a'));
    await Promise.all([store.append('a', 0, [event(1)]), store.append('a', 1, [event(2)]), store.append('a', 2, [event(3)])]);
    expect(store.stats).toEqual({ batches: 3, appends: 3 });
  });
});
