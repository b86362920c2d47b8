// The contracts of the replay side: imported logs, deletion with everything a session holds, the
// retention sweep's query, class links and the installation's settings.
import { describe, expect, it } from 'vitest';
import { event, givenFacilitators, givenSession, sessionRecord, storesFor, type OpenStores } from './harness';

export function describeReplayStoreContract(name: string, open: OpenStores): void {
  describe(`the ${name} replay store (contract)`, () => {
    const fresh = storesFor(open);
    const withFacilitators = async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1, 2);
      return stores;
    };

    it('imports a finished session with its whole log, numbered from 1', async () => {
      const stores = await withFacilitators();
      const record = sessionRecord('imp', 'fac-1', { status: 'ended', createdAt: 5 });
      expect(await stores.replays.importSession(record, [event(1), event(2), event(3)], 9000)).toEqual({ ok: true });
      expect(await stores.events.findSession({ id: 'imp' })).toEqual(record);
      expect(await stores.events.load('imp')).toEqual([1, 2, 3].map((n) => ({ seq: n, event: event(n) })));
      expect((await stores.events.listSessions('fac-1')).map((s) => s.id)).toEqual(['imp']);
    });

    it('refuses an import whose room code is taken, or whose facilitator does not exist, storing nothing', async () => {
      const stores = await withFacilitators();
      await givenSession(stores, 'live', 'fac-1');
      const taken = sessionRecord('imp', 'fac-1', { status: 'ended', code: sessionRecord('live').code });
      expect(await stores.replays.importSession(taken, [event(1)], 9000)).toEqual({ ok: false, code: 'CODE_TAKEN' });
      expect(await stores.replays.importSession(sessionRecord('imp2', 'nobody', { status: 'ended' }), [event(1)], 9000)).toEqual({ ok: false, code: 'UNKNOWN_FACILITATOR' });
      expect(await stores.events.findSession({ id: 'imp' })).toBeUndefined();
      expect(await stores.events.findSession({ id: 'imp2' })).toBeUndefined();
      expect(await stores.events.load('imp')).toEqual([]);
    });

    it('deletes a session with its events, seat tokens and class link; others stay', async () => {
      const stores = await withFacilitators();
      await givenSession(stores, 'a', 'fac-1');
      await givenSession(stores, 'b', 'fac-1');
      await stores.events.append('a', 0, [event(1)], { seatTokens: [{ tokenHash: 'ta', seatId: 's1' }] });
      await stores.events.append('b', 0, [event(1)], { seatTokens: [{ tokenHash: 'tb', seatId: 's1' }] });
      await stores.classLinks.save({ sessionId: 'a', enabled: true, reveal: { names: true }, now: 1, newToken: 'link-a' });
      expect(await stores.replays.deleteSession('a')).toBe(true);
      expect(await stores.events.findSession({ id: 'a' })).toBeUndefined();
      expect(await stores.events.load('a')).toEqual([]);
      expect(await stores.events.seatForToken('a', 'ta')).toBeUndefined();
      expect(await stores.classLinks.byToken('link-a')).toBeUndefined();
      expect(await stores.events.load('b')).toHaveLength(1);
      expect(await stores.events.seatForToken('b', 'tb')).toBe('s1');
      expect(await stores.replays.deleteSession('a')).toBe(false);
      // The room code is free again.
      await stores.events.createSession(sessionRecord('a2', 'fac-1', { code: sessionRecord('a').code }));
    });

    it('lists the ended sessions last changed before a time, oldest first: created, appended to or imported', async () => {
      const stores = await withFacilitators();
      await givenSession(stores, 'old', 'fac-1', [], { createdAt: 100 });
      await stores.events.append('old', 0, [event(1, 200)], { status: 'ended' });
      await givenSession(stores, 'recent', 'fac-2', [], { createdAt: 100 });
      await stores.events.append('recent', 0, [event(1, 900)], { status: 'ended' });
      await givenSession(stores, 'running', 'fac-1', [event(1, 50)], { createdAt: 50 });
      await stores.replays.importSession(sessionRecord('imported', 'fac-1', { status: 'ended', createdAt: 10 }), [event(1, 10)], 150);
      expect(await stores.replays.endedBefore(1000)).toEqual(['imported', 'old', 'recent']);
      expect(await stores.replays.endedBefore(500)).toEqual(['imported', 'old']);
      expect(await stores.replays.endedBefore(150)).toEqual([]);
    });
  });

  describe(`the ${name} class-link store (contract)`, () => {
    const fresh = storesFor(open);
    const withSession = async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1);
      await givenSession(stores, 'a', 'fac-1');
      await givenSession(stores, 'b', 'fac-1');
      return stores.classLinks;
    };

    it('has no link until one is saved; then finds it by session and by token', async () => {
      const links = await withSession();
      expect(await links.bySession('a')).toBeUndefined();
      const saved = await links.save({ sessionId: 'a', enabled: true, reveal: { tables: 'all', names: false }, now: 10, newToken: 'tok-1' });
      const expected = { sessionId: 'a', token: 'tok-1', enabled: true, reveal: { tables: 'all', names: false }, updatedAt: 10 };
      expect(saved).toEqual(expected);
      expect(await links.bySession('a')).toEqual(expected);
      expect(await links.byToken('tok-1')).toEqual(expected);
      expect(await links.byToken('tok-2')).toBeUndefined();
    });

    it('keeps the first token when the link is saved again, and changes what it reveals and whether it is on', async () => {
      const links = await withSession();
      await links.save({ sessionId: 'a', enabled: true, reveal: { names: false }, now: 10, newToken: 'tok-1' });
      const again = await links.save({ sessionId: 'a', enabled: false, reveal: { names: true }, now: 20, newToken: 'tok-2' });
      expect(again).toEqual({ sessionId: 'a', token: 'tok-1', enabled: false, reveal: { names: true }, updatedAt: 20 });
      expect(await links.byToken('tok-2')).toBeUndefined();
    });

    it('refuses a link for a session that does not exist, and a token already another session’s', async () => {
      const links = await withSession();
      expect(await links.save({ sessionId: 'nobody', enabled: true, reveal: {}, now: 10, newToken: 'tok-1' })).toBeUndefined();
      expect(await links.byToken('tok-1')).toBeUndefined();
      await links.save({ sessionId: 'a', enabled: true, reveal: {}, now: 10, newToken: 'tok-a' });
      await expect(links.save({ sessionId: 'b', enabled: true, reveal: {}, now: 10, newToken: 'tok-a' })).rejects.toThrow();
      expect(await links.bySession('b')).toBeUndefined();
    });
  });

  describe(`the ${name} settings store (contract)`, () => {
    const fresh = storesFor(open);

    it('keeps a JSON value per key, replaced when set again', async () => {
      const { settings } = await fresh();
      expect(await settings.get('retention')).toBeUndefined();
      await settings.set('retention', { days: 30 }, 1);
      await settings.set('other', [1, 'two', null], 1);
      expect(await settings.get('retention')).toEqual({ days: 30 });
      await settings.set('retention', { days: null }, 2);
      expect(await settings.get('retention')).toEqual({ days: null });
      expect(await settings.get('other')).toEqual([1, 'two', null]);
    });
  });
}
