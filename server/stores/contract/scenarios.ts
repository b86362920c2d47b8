// The ScenarioStore's contract: uploads keyed by author and scenario id, replaced by their author,
// visible to their author and, once shared, to everyone.
import { describe, expect, it } from 'vitest';
import { givenFacilitators, storesFor, type OpenStores } from './harness';

const upload = (authorId: string, scenarioId: string, over: { shared?: boolean; title?: string; now?: number } = {}) => ({
  authorId,
  scenarioId,
  shared: over.shared ?? false,
  title: over.title ?? `Title of ${scenarioId}`,
  body: { id: scenarioId, nested: { list: [1, 2, 3], text: 'é “quoted”' } },
  now: over.now ?? 100,
});

export function describeScenarioStoreContract(name: string, open: OpenStores): void {
  describe(`the ${name} scenario store (contract)`, () => {
    const fresh = storesFor(open);
    const withAuthors = async () => {
      const stores = await fresh();
      await givenFacilitators(stores, 1, 2);
      return stores.scenarios;
    };

    it('stores an upload under author/id and gives its body back as it was', async () => {
      const scenarios = await withAuthors();
      expect(await scenarios.save(upload('fac-1', 'oslo'))).toEqual({ ok: true, key: 'fac-1/oslo' });
      expect(await scenarios.byKey('fac-1/oslo')).toEqual({
        key: 'fac-1/oslo', scenarioId: 'oslo', authorId: 'fac-1', shared: false, title: 'Title of oslo',
        body: { id: 'oslo', nested: { list: [1, 2, 3], text: 'é “quoted”' } }, createdAt: 100, updatedAt: 100,
      });
      expect(await scenarios.byKey('fac-2/oslo')).toBeUndefined();
    });

    it('replaces the author’s own upload of the same id, keeping when it was first uploaded; another author’s stays apart', async () => {
      const scenarios = await withAuthors();
      await scenarios.save(upload('fac-1', 'oslo', { now: 100 }));
      await scenarios.save(upload('fac-2', 'oslo', { now: 150 }));
      await scenarios.save(upload('fac-1', 'oslo', { title: 'New title', shared: true, now: 200 }));
      expect(await scenarios.byKey('fac-1/oslo')).toMatchObject({ title: 'New title', shared: true, createdAt: 100, updatedAt: 200 });
      expect(await scenarios.byKey('fac-2/oslo')).toMatchObject({ title: 'Title of oslo', shared: false, createdAt: 150 });
    });

    it('refuses an upload by an author who does not exist, storing nothing', async () => {
      const scenarios = await withAuthors();
      expect(await scenarios.save(upload('nobody', 'oslo'))).toEqual({ ok: false, code: 'UNKNOWN_AUTHOR' });
      expect(await scenarios.byKey('nobody/oslo')).toBeUndefined();
    });

    it('shows a facilitator their own uploads and those shared by others, oldest first', async () => {
      const scenarios = await withAuthors();
      await scenarios.save(upload('fac-2', 'shared-later', { shared: true, now: 300 }));
      await scenarios.save(upload('fac-1', 'mine', { now: 200 }));
      await scenarios.save(upload('fac-2', 'private', { now: 100 }));
      await scenarios.save(upload('fac-2', 'shared-first', { shared: true, now: 50 }));
      expect((await scenarios.visibleTo('fac-1')).map((u) => u.key)).toEqual(['fac-2/shared-first', 'fac-1/mine', 'fac-2/shared-later']);
      expect((await scenarios.visibleTo('fac-2')).map((u) => u.key)).toEqual(['fac-2/shared-first', 'fac-2/private', 'fac-2/shared-later']);
      expect(await scenarios.visibleTo('nobody')).toHaveLength(2);
    });

    it('shares and unshares an upload; an unknown one is answered false', async () => {
      const scenarios = await withAuthors();
      await scenarios.save(upload('fac-2', 'oslo'));
      expect(await scenarios.setShared('fac-2/oslo', true, 500)).toBe(true);
      expect(await scenarios.byKey('fac-2/oslo')).toMatchObject({ shared: true, updatedAt: 500 });
      expect((await scenarios.visibleTo('fac-1')).map((u) => u.key)).toEqual(['fac-2/oslo']);
      expect(await scenarios.setShared('fac-2/oslo', false, 600)).toBe(true);
      expect(await scenarios.visibleTo('fac-1')).toEqual([]);
      expect(await scenarios.setShared('fac-2/none', true, 700)).toBe(false);
    });
  });
}
