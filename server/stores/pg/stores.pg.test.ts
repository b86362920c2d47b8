// The PostgreSQL stores: every contract suite the other implementations run, and what only a
// database shared by several nodes must show: two writers of one session, migrations started by
// several nodes at once, appends of one turn in one transaction.
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres, openPostgres } from '../../../db/pg/client';
import { AppendConflict } from '../../runtime/group-commit';
import { createMigratedDatabase, createTestDatabase, describePg, emptyDatabase, type TestDatabase } from '../../testing/pg/database';
import { describeStoresContract, type OpenStores } from '../contract';
import { event, givenFacilitators, sessionRecord } from '../contract/harness';
import { pgStores } from '.';

/** This file's database, migrated once; each test empties it. */
let database: TestDatabase | undefined;
const databases: TestDatabase[] = [];

/** The file's database, emptied, and the stores on it (a node's pool). */
async function freshStores(max = 4, onError?: (error: Error) => void) {
  await emptyDatabase(database!.url);
  const stores = pgStores(openPostgres(database!.url, { max, ...(onError ? { onError } : {}) }));
  return { stores, database: database! };
}

const open: OpenStores = async () => {
  const { stores } = await freshStores();
  return { stores, cleanup: () => stores.close() };
};

describePg('PostgreSQL stores', () => {
  beforeAll(async () => {
    database = await createMigratedDatabase('stores');
  });
  afterAll(async () => {
    for (const other of databases) await other.drop();
    await database?.drop();
  });

  describeStoresContract('PostgreSQL', open);

  it('writes the appends of one turn in one transaction, and resolves only once committed', async () => {
    const { stores } = await freshStores();
    try {
      await givenFacilitators(stores, 1);
      for (const id of ['a', 'b', 'c']) await stores.events.createSession(sessionRecord(id));
      const before = stores.events.stats.batches;
      const writes = [stores.events.append('a', 0, [event(1), event(2)]), stores.events.append('b', 0, [event(3)]), stores.events.append('c', 0, [event(4)]), stores.events.append('a', 2, [event(5)])];
      expect((await Promise.all(writes)).map((s) => s.map((e) => e.seq))).toEqual([[1, 2], [1], [1], [3]]);
      expect(stores.events.stats.batches - before).toBe(1);
    } finally {
      await stores.close();
    }
  });

  it('groups the appends made while a transaction is in flight into the next one, in order', async () => {
    const { stores } = await freshStores();
    try {
      await givenFacilitators(stores, 1);
      await stores.events.createSession(sessionRecord('a'));
      const first = stores.events.append('a', 0, [event(1)]);
      // Wait until the first batch has left (its transaction began), then append five more.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const more = [1, 2, 3, 4, 5].map((n) => stores.events.append('a', n, [event(n + 1)]));
      await Promise.all([first, ...more]);
      expect(stores.events.stats).toEqual({ batches: 2, appends: 6 });
      expect((await stores.events.load('a')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await stores.close();
    }
  });

  it('lets only one of two nodes append at the same seq: the other gets an AppendConflict', async () => {
    const { stores: nodeA, database } = await freshStores();
    const nodeB = pgStores(openPostgres(database.url, { max: 2 }));
    try {
      await givenFacilitators(nodeA, 1);
      await nodeA.events.createSession(sessionRecord('a'));
      await nodeA.events.append('a', 0, [event(1)]);
      // Both decided on seq 1. Whichever writes second finds the log moved on, by its check or by the key.
      const results = await Promise.allSettled([nodeA.events.append('a', 1, [event(2)], { seatTokens: [{ tokenHash: 'ha', seatId: 's1' }] }), nodeB.events.append('a', 1, [event(3)], { seatTokens: [{ tokenHash: 'hb', seatId: 's1' }] })]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(AppendConflict);
      const log = await nodeB.events.load('a');
      expect(log.map((e) => e.seq)).toEqual([1, 2]);
      // The loser left nothing behind: its seat token was rolled back with its event.
      const winner = JSON.stringify(log[1]!.event) === JSON.stringify(event(2)) ? 'ha' : 'hb';
      const loser = winner === 'ha' ? 'hb' : 'ha';
      expect(await nodeA.events.seatForToken('a', winner)).toBe('s1');
      expect(await nodeA.events.seatForToken('a', loser)).toBeUndefined();
    } finally {
      await nodeB.close();
      await nodeA.close();
    }
  });

  it('refuses the loser of a race on the same seq even when both passed the log-end check (the primary key decides)', async () => {
    const { stores: nodeA, database } = await freshStores();
    const nodeB = pgStores(openPostgres(database.url, { max: 2 }));
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await givenFacilitators(nodeA, 1);
      await nodeA.events.createSession(sessionRecord('a'));
      // Hold the session's row: both nodes' transactions pass their log-end check (seq 0), then
      // wait at the session's update; the first to go inserts seq 1, the second's insert fails.
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM sessions WHERE id = 'a' FOR UPDATE`);
      const a = nodeA.events.append('a', 0, [event(1)]);
      const b = nodeB.events.append('a', 0, [event(2)]);
      // Let both reach the lock: wait until two other backends are waiting on it.
      await waitForLockWaiters(blocker, 2);
      await blocker.query('COMMIT');
      const results = await Promise.allSettled([a, b]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(AppendConflict);
      expect((await nodeA.events.load('a')).map((e) => e.seq)).toEqual([1]);
    } finally {
      await blocker.end();
      await nodeB.close();
      await nodeA.close();
    }
  });

  it('rejects every append of a transaction whose connection is lost, stores none of them, and goes on with a new connection', async () => {
    const lost: string[] = [];
    const { stores, database } = await freshStores(4, (error) => lost.push(error.message));
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await givenFacilitators(stores, 1);
      for (const id of ['a', 'b']) await stores.events.createSession(sessionRecord(id));
      // Hold session a's row: the batch waits inside its transaction, then its server process is ended.
      await admin.query('BEGIN');
      await admin.query(`SELECT 1 FROM sessions WHERE id = 'a' FOR UPDATE`);
      const writes = [stores.events.append('b', 0, [event(1)]), stores.events.append('a', 0, [event(2)])];
      await waitForLockWaiters(admin, 1);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
      const results = await Promise.allSettled(writes);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      // Reported, not thrown: an unhandled 'error' on a checked-out connection would end the process.
      expect(lost).toEqual(['Connection terminated unexpectedly']);
      await admin.query('COMMIT');
      // Nothing of that transaction was stored, so both logs still start at seq 1.
      expect(await stores.events.load('b')).toEqual([]);
      expect(await stores.events.append('b', 0, [event(3)])).toEqual([{ seq: 1, event: event(3) }]);
      expect(await stores.events.append('a', 0, [event(4)])).toEqual([{ seq: 1, event: event(4) }]);
    } finally {
      await admin.end();
      await stores.close();
    }
  });

  it('has an acknowledged append in the database: another connection reads it', async () => {
    const { stores, database } = await freshStores();
    try {
      await givenFacilitators(stores, 1);
      await stores.events.createSession(sessionRecord('a'));
      await Promise.all([stores.events.append('a', 0, [event(1)]), stores.events.append('a', 1, [event(2)])]);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        expect((await client.query('SELECT seq FROM events WHERE session_id = $1 ORDER BY seq', ['a'])).rows).toEqual([{ seq: 1 }, { seq: 2 }]);
      } finally {
        await client.end();
      }
    } finally {
      await stores.close();
    }
  });

  it('migrates once when several nodes start at the same time', async () => {
    const empty = await createTestDatabase('migrate');
    databases.push(empty);
    const nodes = [1, 2, 3].map(() => openPostgres(empty.url, { max: 2 }));
    try {
      await Promise.all(nodes.map((node) => migratePostgres(node)));
      const { rows } = await nodes[0]!.pool.query<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
      const folder = await import('node:fs').then((fs) => fs.readdirSync(new URL('../../../db/pg/migrations', import.meta.url)).filter((f) => f.endsWith('.sql')));
      expect(Number(rows[0]!.n)).toBe(folder.length);
      // And again: nothing left to do.
      await migratePostgres(nodes[1]!);
      expect(Number((await nodes[0]!.pool.query<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0]!.n)).toBe(folder.length);
    } finally {
      for (const node of nodes) await node.close();
    }
  });
});

/** Resolves once `count` backends wait for a lock (pg_locks), so the test goes on only when the race is set up. */
async function waitForLockWaiters(client: pg.Client, count: number): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_locks WHERE NOT granted');
    if (Number(rows[0]!.n) >= count) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
