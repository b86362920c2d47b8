// Session ownership on the in-memory twins (MemoryEventStore, MemoryLeaseBoard, ManualTime): two
// nodes share one store; leases expire only when the test moves the clock.
import { afterEach, describe, expect, it } from 'vitest';
import { testScenario } from '../engine/testing/fixture';
import { ManualTime } from '../runtime/manual-time';
import { MemoryEventStore } from '../runtime/memory-store';
import type { EventStore } from '../runtime/ports';
import { Runtime } from '../runtime/runtime';
import { BRIEFING_MS, facilitator, phaseOf, T0 } from '../runtime/testing/running-session';
import type { ActiveGame } from '../engine';
import { MemoryLeaseBoard } from './leases';
import { ClusterNode } from './node';

const quiet = { info: () => undefined, error: () => undefined };
const started: ClusterNode[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((n) => n.stop()));
});

/** A node as app.ts builds it, with its timers too slow to matter: the test renews and sweeps by hand. */
function node(nodeId: string, store: EventStore, board: MemoryLeaseBoard, time: ManualTime) {
  const cluster = new ClusterNode({ leases: board.node(nodeId), log: quiet, renewEveryMs: 1e9, sweepEveryMs: 1e9, sweepGraceMs: 0, claimTimeoutMs: 10_000, now: () => time.now() });
  const runtime = new Runtime({ store, clock: time, scheduler: time, claim: (id) => cluster.claim(id), owns: (id) => cluster.owns(id), loadLiveAtStart: false });
  const dropped: string[] = [];
  runtime.onDropped((id) => dropped.push(id));
  cluster.start({ load: (id) => runtime.get(id), drop: (id) => runtime.drop(id), liveSessions: async () => (await store.liveSessions()).map((r) => r.id) });
  started.push(cluster);
  return { cluster, runtime, dropped };
}

async function runningOn(runtime: Runtime) {
  const record = await runtime.createSession({ facilitatorId: 'f1', scenario: testScenario, options: { tableCount: 1 } });
  for (let i = 1; i <= 4; i++) expect(await runtime.join(record.id, `Player ${i}`)).toMatchObject({ ok: true });
  for (const command of [{ type: 'DealSeats' }, { type: 'StartSession' }] as const) expect(await runtime.dispatch(record.id, command, facilitator)).toMatchObject({ ok: true });
  return record.id;
}

describe('session ownership across nodes', () => {
  it('hands a session over on request: the owner stores what it decided, lets go, and the asker takes it', async () => {
    const time = new ManualTime(T0);
    const store = new MemoryEventStore();
    const board = new MemoryLeaseBoard(time);
    const a = node('a', store, board, time);
    const b = node('b', store, board, time);
    const sessionId = await runningOn(a.runtime);
    expect(a.cluster.ownedIds()).toEqual([sessionId]);
    expect(a.runtime.loaded(sessionId)?.armed).toEqual({ t1: T0 + BRIEFING_MS });

    // A command decided on A just before B asks is stored, not lost.
    const last = a.runtime.dispatch(sessionId, { type: 'Pause', tableId: 't1' }, facilitator);
    const onB = await b.runtime.get(sessionId);
    expect(await last).toMatchObject({ ok: true });
    expect(a.dropped).toEqual([sessionId]);
    expect(a.runtime.loaded(sessionId)).toBeUndefined();
    expect(a.cluster.ownedIds()).toEqual([]);
    expect(b.cluster.ownedIds()).toEqual([sessionId]);
    expect(await board.node('x').holder(sessionId)).toBe('b');
    expect((onB!.current as ActiveGame).tables.t1!.clock.pausedRemainingMs).toBe(BRIEFING_MS);
    expect(await b.runtime.dispatch(sessionId, { type: 'Resume', tableId: 't1' }, facilitator)).toMatchObject({ ok: true });
  });

  it('takes over a dead node’s session once its lease expires and fires a deadline that fell due meanwhile at once', async () => {
    const time = new ManualTime(T0);
    const store = new MemoryEventStore();
    const board = new MemoryLeaseBoard(time, 3000);
    const a = node('a', store, board, time);
    const b = node('b', store, board, time);
    const sessionId = await runningOn(a.runtime);
    // A dies: it renews nothing any more. Its lease still holds, so B's sweep leaves the session alone.
    await b.cluster.sweep();
    expect(b.cluster.ownedIds()).toEqual([]);
    a.runtime.close();
    time.advanceTo(T0 + BRIEFING_MS + 1000);
    await b.cluster.sweep();
    expect(b.cluster.ownedIds()).toEqual([sessionId]);
    const onB = b.runtime.loaded(sessionId)!;
    await new Promise((resolve) => setImmediate(resolve));
    await onB.drained();
    expect(phaseOf(onB.current as ActiveGame, 't1')).toBe('round-1');
  });

  it('takes a killed node’s sessions at once, without waiting for their leases to expire', async () => {
    const time = new ManualTime(T0);
    const store = new MemoryEventStore();
    const board = new MemoryLeaseBoard(time, 3000);
    const a = node('a', store, board, time);
    const b = node('b', store, board, time);
    const swept = await runningOn(a.runtime);
    const asked = await runningOn(a.runtime);
    // Killed: its connections (here, its inbox) are gone with it; the clock has not moved.
    a.runtime.close();
    await board.node('a').close();
    await b.cluster.sweep();
    expect(b.runtime.loaded(swept)).toBeDefined();
    expect(b.cluster.ownedIds()).toContain(asked);
    const other = node('c', store, board, time);
    // A third node reached by the players of a room B runs asks B for it, and B (alive) hands it over.
    expect(await other.runtime.get(asked)).toBeDefined();
    expect(await board.node('x').holder(asked)).toBe('c');
    expect(time.now()).toBe(T0);
  });

  it('drops a session at once when its lease is lost, and a stale writer cannot append after the new owner', async () => {
    const time = new ManualTime(T0);
    const store = new MemoryEventStore();
    const board = new MemoryLeaseBoard(time, 3000);
    const a = node('a', store, board, time);
    const b = node('b', store, board, time);
    const sessionId = await runningOn(a.runtime);
    const stale = a.runtime.loaded(sessionId)!;
    time.advance(3001);
    await b.cluster.sweep();
    expect(await b.runtime.dispatch(sessionId, { type: 'Pause', tableId: 't1' }, facilitator)).toMatchObject({ ok: true });
    // A paused (a long GC, a frozen VM) and still holds the session in memory: the store refuses it.
    await expect(stale.dispatch({ type: 'Extend', seconds: 60, tableId: 't1' }, facilitator)).rejects.toThrow();
    await a.cluster.renewAll();
    expect(a.dropped).toEqual([sessionId]);
    expect(a.runtime.loaded(sessionId)).toBeUndefined();
    expect(b.cluster.ownedIds()).toEqual([sessionId]);
  });
});
