// The EventStore's contract: appends are atomic, ordered and checked against the log's end; a
// command id is stored once; nothing resolves before it is stored.
import { describe, expect, it } from 'vitest';
import { AppendConflict } from '../../runtime/group-commit';
import { event, givenFacilitators, sessionRecord, storesFor, type OpenStores } from './harness';

export function describeEventStoreContract(name: string, open: OpenStores): void {
  describe(`the ${name} event store (contract)`, () => {
    const fresh = storesFor(open);
    const withSessions = async (...ids: string[]) => {
      const stores = await fresh();
      await givenFacilitators(stores, 1, 2);
      for (const id of ids) await stores.events.createSession(sessionRecord(id));
      return stores.events;
    };

    it('gives the appends of one turn their own seqs in order, and resolves only once they are stored', async () => {
      const store = await withSessions('a', 'b', 'c');
      const writes = [store.append('a', 0, [event(1), event(2)]), store.append('b', 0, [event(3)]), store.append('c', 0, [event(4)])];
      // Same turn: a's second command was decided on its first.
      writes.push(store.append('a', 2, [event(5)]));
      const stored = await Promise.all(writes);
      expect(stored.map((s) => s.map((e) => e.seq))).toEqual([[1, 2], [1], [1], [3]]);
      expect(await store.load('a')).toEqual([{ seq: 1, event: event(1) }, { seq: 2, event: event(2) }, { seq: 3, event: event(5) }]);
    });

    it('loads the events after a seq, in order; an unknown session has none', async () => {
      const store = await withSessions('a');
      await store.append('a', 0, [event(1), event(2), event(3)]);
      expect((await store.load('a', 1)).map((e) => e.seq)).toEqual([2, 3]);
      expect(await store.load('a', 3)).toEqual([]);
      expect(await store.load('nobody')).toEqual([]);
    });

    it('fails one session’s conflicting append alone: the others of the same turn are stored', async () => {
      const store = await withSessions('a', 'b');
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
      const store = await withSessions('a');
      const failed = store.append('a', 5, [event(1)]);
      const onTop = store.append('a', 6, [event(2)]);
      await expect(failed).rejects.toBeInstanceOf(AppendConflict);
      await expect(onTop).rejects.toBeInstanceOf(AppendConflict);
      expect(await store.load('a')).toEqual([]);
    });

    it('refuses an append to a session that does not exist', async () => {
      const store = await withSessions();
      await expect(store.append('nobody', 0, [event(1)])).rejects.toThrow();
    });

    it('refuses the same command id stored twice in a session, but not in another session', async () => {
      const store = await withSessions('a', 'b');
      await store.append('a', 0, [event(1)], { commandKey: 's1:c1' });
      expect(await store.hasCommand('a', 's1:c1')).toBe(true);
      expect(await store.hasCommand('b', 's1:c1')).toBe(false);
      await expect(store.append('a', 1, [event(2)], { commandKey: 's1:c1' })).rejects.toThrow();
      expect((await store.load('a')).length).toBe(1);
      await store.append('b', 0, [event(3)], { commandKey: 's1:c1' });
      expect(await store.hasCommand('b', 's1:c1')).toBe(true);
    });

    it('hands a seat over: its tokens are revoked, the waiting seat’s tokens open it, and new ones are added', async () => {
      const store = await withSessions('a');
      await store.append('a', 0, [event(1)], { seatTokens: [{ tokenHash: 'old', seatId: 's1' }, { tokenHash: 'waiting', seatId: 'w1' }] });
      await store.append('a', 1, [event(2)], { handOver: { seatId: 's1', fromSeatId: 'w1' }, seatTokens: [{ tokenHash: 'new', seatId: 's1' }] });
      expect(await store.seatForToken('a', 'old')).toBeUndefined();
      expect(await store.seatForToken('a', 'waiting')).toBe('s1');
      expect(await store.seatForToken('a', 'new')).toBe('s1');
      // A token opens only the session it was issued in.
      expect(await store.seatForToken('b', 'new')).toBeUndefined();
    });

    it('finds sessions by id or code, lists a facilitator’s newest first, and knows which have not ended', async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1, 2);
      const store = stores.events;
      await store.createSession(sessionRecord('a', 'fac-1', { createdAt: 10 }));
      await store.createSession(sessionRecord('b', 'fac-1', { createdAt: 30 }));
      await store.createSession(sessionRecord('c', 'fac-2', { createdAt: 20 }));
      await store.append('b', 0, [event(1)], { status: 'ended' });
      expect(await store.findSession({ id: 'a' })).toEqual(sessionRecord('a', 'fac-1', { createdAt: 10 }));
      expect((await store.findSession({ code: sessionRecord('c').code }))?.id).toBe('c');
      expect(await store.findSession({ id: 'nobody' })).toBeUndefined();
      expect(await store.findSession({})).toBeUndefined();
      expect((await store.listSessions('fac-1')).map((s) => s.id)).toEqual(['b', 'a']);
      expect((await store.listSessions(null)).map((s) => s.id)).toEqual(['b', 'c', 'a']);
      expect((await store.liveSessions()).map((s) => s.id).sort()).toEqual(['a', 'c']);
    });

    it('refuses a session whose id or code is taken, or whose facilitator does not exist', async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1);
      await stores.events.createSession(sessionRecord('a'));
      await expect(stores.events.createSession(sessionRecord('a', 'fac-1', { code: 'OTHER1' }))).rejects.toThrow();
      await expect(stores.events.createSession({ ...sessionRecord('b'), code: sessionRecord('a').code })).rejects.toThrow();
      await expect(stores.events.createSession(sessionRecord('c', 'fac-nobody'))).rejects.toThrow();
      expect((await stores.events.listSessions(null)).map((s) => s.id)).toEqual(['a']);
    });

    it('writes what is waiting when closed, and refuses appends after', async () => {
      const store = await withSessions('a');
      const waiting = store.append('a', 0, [event(1)]);
      await store.close();
      expect(await waiting).toHaveLength(1);
      await expect(store.append('a', 1, [event(2)])).rejects.toThrow(/closed/);
    });
  });
}
