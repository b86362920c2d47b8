// The AccountStore's and SetupTokenStore's contract: unique emails as a typed result, logins that
// expire and end, removal that hands sessions on, one-time setup tokens claimed once.
import { describe, expect, it } from 'vitest';
import { facilitator, givenFacilitators, givenSession, storesFor, type OpenStores } from './harness';

export function describeAccountStoreContract(name: string, open: OpenStores): void {
  describe(`the ${name} account store (contract)`, () => {
    const fresh = storesFor(open);

    it('creates an account and finds it by id and by email', async () => {
      const { accounts } = await fresh();
      expect(await accounts.create(facilitator(1, { isAdmin: true }))).toEqual({ ok: true });
      expect(await accounts.byId('fac-1')).toEqual(facilitator(1, { isAdmin: true }));
      expect(await accounts.byEmail('teacher1@example.org')).toEqual(facilitator(1, { isAdmin: true }));
      expect(await accounts.byId('nobody')).toBeUndefined();
      expect(await accounts.byEmail('nobody@example.org')).toBeUndefined();
    });

    it('answers a taken email with EMAIL_TAKEN and stores nothing', async () => {
      const { accounts } = await fresh();
      await accounts.create(facilitator(1));
      expect(await accounts.create(facilitator(2, { email: 'teacher1@example.org' }))).toEqual({ ok: false, code: 'EMAIL_TAKEN' });
      expect(await accounts.count()).toBe(1);
      expect(await accounts.byId('fac-2')).toBeUndefined();
    });

    it('gives exactly one of two creations of the same email at once', async () => {
      const { accounts } = await fresh();
      const results = await Promise.all([accounts.create(facilitator(1)), accounts.create(facilitator(2, { email: 'teacher1@example.org' }))]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'EMAIL_TAKEN' }]);
      expect(await accounts.count()).toBe(1);
    });

    it('counts and lists accounts oldest first', async () => {
      const { accounts } = await fresh();
      expect(await accounts.count()).toBe(0);
      expect(await accounts.list()).toEqual([]);
      await accounts.create(facilitator(3, { createdAt: 30 }));
      await accounts.create(facilitator(1, { createdAt: 10 }));
      await accounts.create(facilitator(2, { createdAt: 20, isAdmin: true }));
      expect(await accounts.count()).toBe(3);
      expect((await accounts.list()).map((f) => [f.id, f.isAdmin])).toEqual([['fac-1', false], ['fac-2', true], ['fac-3', false]]);
    });

    it('opens a login until it expires, and not after it ends', async () => {
      const { accounts } = await fresh();
      await accounts.create(facilitator(1));
      await accounts.addLogin({ tokenHash: 'login-1', facilitatorId: 'fac-1', expiresAt: 5000 });
      expect(await accounts.loginAt('login-1', 4999)).toEqual({ facilitator: facilitator(1), expiresAt: 5000 });
      expect(await accounts.loginAt('login-1', 5000)).toBeUndefined();
      expect(await accounts.loginAt('unknown', 0)).toBeUndefined();
      await accounts.endLogin('login-1');
      expect(await accounts.loginAt('login-1', 0)).toBeUndefined();
      // Ending a login that does not exist is not an error.
      await accounts.endLogin('login-1');
    });

    it('refuses a login for an account that does not exist', async () => {
      const { accounts } = await fresh();
      await expect(accounts.addLogin({ tokenHash: 'x', facilitatorId: 'nobody', expiresAt: 5000 })).rejects.toThrow();
      expect(await accounts.loginAt('x', 0)).toBeUndefined();
    });

    it('sets a password hash and ends every login of the account but the one kept', async () => {
      const stores = await fresh();
      const { accounts } = stores;
      await givenFacilitators(stores, 1, 2);
      for (const [hash, id] of [['a1', 'fac-1'], ['a2', 'fac-1'], ['b1', 'fac-2']] as const) await accounts.addLogin({ tokenHash: hash, facilitatorId: id, expiresAt: 5000 });
      expect(await accounts.setPasswordHash('fac-1', 'new-hash', 'a2')).toBe(true);
      expect((await accounts.byId('fac-1'))?.passwordHash).toBe('new-hash');
      expect(await accounts.loginAt('a1', 0)).toBeUndefined();
      expect(await accounts.loginAt('a2', 0)).toBeDefined();
      expect(await accounts.loginAt('b1', 0)).toBeDefined();
      expect(await accounts.setPasswordHash('fac-1', 'newer-hash')).toBe(true);
      expect(await accounts.loginAt('a2', 0)).toBeUndefined();
      expect(await accounts.setPasswordHash('nobody', 'x')).toBe(false);
    });

    it('removes an account: its logins and uploads go, its sessions pass to the heir', async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1, 2);
      await stores.accounts.addLogin({ tokenHash: 'l2', facilitatorId: 'fac-2', expiresAt: 5000 });
      await givenSession(stores, 's1', 'fac-2');
      await givenSession(stores, 's2', 'fac-2');
      await stores.scenarios.save({ authorId: 'fac-2', scenarioId: 'mine', shared: true, title: 'Mine', body: { id: 'mine' }, now: 1 });
      expect(await stores.accounts.remove('fac-2', 'fac-1')).toEqual({ ok: true, email: 'teacher2@example.org', sessionsMoved: 2 });
      expect(await stores.accounts.byId('fac-2')).toBeUndefined();
      expect(await stores.accounts.loginAt('l2', 0)).toBeUndefined();
      expect(await stores.scenarios.byKey('fac-2/mine')).toBeUndefined();
      expect((await stores.events.listSessions('fac-1')).map((s) => s.id).sort()).toEqual(['s1', 's2']);
      // The email is free again.
      expect(await stores.accounts.create(facilitator(3, { email: 'teacher2@example.org' }))).toEqual({ ok: true });
    });

    it('refuses to remove an unknown account, or to hand its sessions to an unknown heir, changing nothing', async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1, 2);
      await givenSession(stores, 's1', 'fac-2');
      expect(await stores.accounts.remove('nobody', 'fac-1')).toEqual({ ok: false, code: 'UNKNOWN_FACILITATOR' });
      expect(await stores.accounts.remove('fac-2', 'nobody')).toEqual({ ok: false, code: 'UNKNOWN_HEIR' });
      expect(await stores.accounts.byId('fac-2')).toBeDefined();
      expect((await stores.events.listSessions('fac-2')).map((s) => s.id)).toEqual(['s1']);
    });
  });

  describe(`the ${name} setup-token store (contract)`, () => {
    const fresh = storesFor(open);

    it('knows a token as unused, then used once claimed; an unknown one not at all', async () => {
      const { setupTokens } = await fresh();
      await setupTokens.add('t1', 1);
      expect(await setupTokens.state('t1')).toBe('unused');
      expect(await setupTokens.state('t2')).toBeUndefined();
      expect(await setupTokens.claim('t1', 2)).toBe(true);
      expect(await setupTokens.state('t1')).toBe('used');
      expect(await setupTokens.claim('t1', 3)).toBe(false);
      expect(await setupTokens.claim('t2', 3)).toBe(false);
    });

    it('lets exactly one of two claims at once win', async () => {
      const { setupTokens } = await fresh();
      await setupTokens.add('t1', 1);
      expect((await Promise.all([setupTokens.claim('t1', 2), setupTokens.claim('t1', 2)])).sort()).toEqual([false, true]);
    });

    it('releases a claimed token, and uses up every unused one at once', async () => {
      const { setupTokens } = await fresh();
      await setupTokens.add('t1', 1);
      await setupTokens.add('t2', 1);
      await setupTokens.claim('t1', 2);
      await setupTokens.release('t1');
      expect(await setupTokens.state('t1')).toBe('unused');
      await setupTokens.useAll(3);
      expect(await setupTokens.state('t1')).toBe('used');
      expect(await setupTokens.state('t2')).toBe('used');
      expect(await setupTokens.claim('t2', 4)).toBe(false);
    });
  });
}
