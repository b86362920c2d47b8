// The session runtime's queue on the in-memory twins: durable before ack and broadcast, commands
// of a turn stored together, a failed append taking back only what was not acknowledged, and a
// flood refused with BUSY at once while every accepted command is stored. No wall clock: tests
// wait for the results and count turns of the event loop.
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../engine';
import { AppendConflict } from './group-commit';
import { MemoryEventStore } from './memory-store';
import type { AppendExtra, StoredEvent } from './ports';
import { BUSY, MAX_WAITING_COMMANDS, type CommandResult } from './session-runtime';
import { runningSession } from './testing/running-session';
import { ANSWERS_PER_TURN } from './turn-budget';

/** A store that refuses the append of one message, as it would one that lost a race with another writer. */
class FlakyStore extends MemoryEventStore {
  refuse = '';
  override append(sessionId: string, expectedSeq: number, events: GameEvent[], extra?: AppendExtra): Promise<StoredEvent[]> {
    const refused = events.some((e) => e.type === 'MessagePosted' && e.text === this.refuse);
    // Decided on a log that ends elsewhere: the store refuses it, as it would another writer's seq.
    return super.append(sessionId, refused ? expectedSeq + 1000 : expectedSeq, events, extra);
  }
}

const texts = (log: StoredEvent[]) => log.flatMap(({ event }) => (event.type === 'MessagePosted' ? [event.text] : []));

/** Counts turns of the event loop (check phases) until stopped. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turns, stop: () => void (running = false) };
}

describe('the session runtime', () => {
  it('acknowledges and broadcasts a command only once its events are stored, and shows viewers only stored state', async () => {
    const { store, runtime, session, sessionId, seatIds, post, seat } = await runningSession();
    const seqBefore = session.lastSeq;
    const seen: number[] = [];
    runtime.subscribe(({ seq }) => {
      seen.push(seq);
    });
    const storedAtBroadcast: number[] = [];
    runtime.subscribe(() => void store.load(sessionId).then((log) => storedAtBroadcast.push(log.length)));
    const ack = runtime.dispatch(sessionId, post(seatIds[0]!, 'hello'), seat(seatIds[0]!));
    // Decided, not yet stored: nobody sees it.
    await Promise.resolve();
    expect(session.lastSeq).toBe(seqBefore);
    expect(texts(await store.load(sessionId))).toEqual([]);
    expect(seen).toEqual([]);
    const result = await ack;
    expect(result.ok).toBe(true);
    const log = await store.load(sessionId);
    expect(texts(log)).toEqual(['hello']);
    expect(seen).toEqual([log.length]);
    expect(session.lastSeq).toBe(log.length);
    await new Promise((resolve) => setImmediate(resolve));
    expect(storedAtBroadcast).toEqual([log.length]);
  });

  it('stores the commands of a turn, of one session or many, in one transaction, and answers them in order', async () => {
    const store = new MemoryEventStore();
    const a = await runningSession({ store });
    const b = await runningSession({ store });
    const before = store.stats.batches;
    const order: string[] = [];
    const sends = [
      ...[1, 2, 3].map((n) => a.runtime.dispatch(a.sessionId, a.post(a.seatIds[n % 4]!, `a${n}`), a.seat(a.seatIds[n % 4]!)).then((r) => (order.push(`a${n}`), r))),
      ...[1, 2].map((n) => b.runtime.dispatch(b.sessionId, b.post(b.seatIds[n]!, `b${n}`), b.seat(b.seatIds[n]!)).then((r) => (order.push(`b${n}`), r))),
    ];
    const results = await Promise.all(sends);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(store.stats.batches - before).toBe(1);
    expect(order.filter((o) => o.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(texts(await store.load(a.sessionId))).toEqual(['a1', 'a2', 'a3']);
    expect(texts(await store.load(b.sessionId))).toEqual(['b1', 'b2']);
  });

  it('fails a command whose append failed, and those decided on top of it, and goes on from what is stored', async () => {
    const store = new FlakyStore();
    const { runtime, session, sessionId, seatIds, post, seat } = await runningSession({ store });
    const acked: string[] = [];
    const send = (text: string) =>
      runtime.dispatch(sessionId, post(seatIds[0]!, text), seat(seatIds[0]!)).then(
        (r) => (r.ok && acked.push(text), r),
        (error: unknown) => error,
      );
    store.refuse = 'refused by the store';
    const first = send('stored');
    const lost = send('refused by the store');
    const onTop = send('decided on top');
    expect(await first).toMatchObject({ ok: true });
    expect(await lost).toBeInstanceOf(AppendConflict);
    expect(await onTop).toBeInstanceOf(AppendConflict);
    // Later commands are decided on the stored state and stored.
    expect(await send('after')).toMatchObject({ ok: true });
    const log = await store.load(sessionId);
    expect(texts(log)).toEqual(acked);
    expect(acked).toEqual(['stored', 'after']);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(session.lastSeq).toBe(log.length);
  });

  it('answers a command id sent twice in one turn once, storing it once', async () => {
    const { store, runtime, sessionId, seatIds, post, seat } = await runningSession();
    const command = post(seatIds[1]!, 'once');
    const [one, two] = await Promise.all([runtime.dispatch(sessionId, command, seat(seatIds[1]!), 'c-1'), runtime.dispatch(sessionId, command, seat(seatIds[1]!), 'c-1')]);
    expect(one).toMatchObject({ ok: true });
    expect(two).toMatchObject({ ok: true, repeated: true });
    expect(texts(await store.load(sessionId))).toEqual(['once']);
  });

  it('refuses a flood past the queue depth with BUSY at once, and stores every command it accepted', async () => {
    const { store, runtime, session, sessionId, seatIds, post, seat } = await runningSession();
    const flood = MAX_WAITING_COMMANDS * 3;
    const settled: { n: number; result: CommandResult }[] = [];
    const sends = Array.from({ length: flood }, (_, n) => {
      const seatId = seatIds[n % seatIds.length]!;
      return runtime.dispatch(sessionId, post(seatId, `m${n}`), seat(seatId)).then((result) => settled.push({ n, result }));
    });
    expect(session.queued).toBe(MAX_WAITING_COMMANDS);
    // The refusals come first, before any accepted command is even stored.
    await new Promise((resolve) => setImmediate(resolve));
    const busy = settled.filter((s) => !s.result.ok);
    expect(busy).toHaveLength(flood - MAX_WAITING_COMMANDS);
    expect(busy.every((s) => s.result.ok === false && s.result.code === 'BUSY' && s.result.message === BUSY.message)).toBe(true);
    expect(busy.map((s) => s.n)).toEqual(Array.from({ length: flood - MAX_WAITING_COMMANDS }, (_, i) => MAX_WAITING_COMMANDS + i));
    await Promise.all(sends);
    const accepted = settled.filter((s) => s.result.ok).map((s) => `m${s.n}`);
    expect(accepted).toHaveLength(MAX_WAITING_COMMANDS);
    expect(texts(await store.load(sessionId))).toEqual(accepted);
    // The queue drained: the next command is taken.
    expect(await runtime.dispatch(sessionId, post(seatIds[0]!, 'later'), seat(seatIds[0]!))).toMatchObject({ ok: true });
    // A deadline (the system's command) is never refused for being busy.
    expect(MAX_WAITING_COMMANDS).toBeGreaterThan(8);
  });

  it('answers a backlog over several turns of the event loop, at most ANSWERS_PER_TURN in each, not one per turn', async () => {
    const { runtime, sessionId, seatIds, post, seat } = await runningSession();
    const turns = turnCounter();
    const answeredAt: number[] = [];
    const n = MAX_WAITING_COMMANDS;
    await Promise.all(
      Array.from({ length: n }, (_, i) => runtime.dispatch(sessionId, post(seatIds[i % 4]!, `q${i}`), seat(seatIds[i % 4]!)).then(() => answeredAt.push(turns.now()))),
    );
    turns.stop();
    const perTurn = new Map<number, number>();
    for (const t of answeredAt) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    // Other sockets, timers and I/O get their turns in between…
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(ANSWERS_PER_TURN);
    expect(perTurn.size).toBeGreaterThanOrEqual(Math.ceil(n / ANSWERS_PER_TURN));
    // …but a session is not held to one answer per turn, which capped its throughput under load.
    expect(perTurn.size).toBeLessThanOrEqual(Math.ceil(n / ANSWERS_PER_TURN) + 2);
  });

  it('never refuses a deadline with BUSY, even with the queue full', async () => {
    const { time, runtime, session, sessionId, seatIds, post, seat, game } = await runningSession();
    const sends = Array.from({ length: MAX_WAITING_COMMANDS }, (_, i) => runtime.dispatch(sessionId, post(seatIds[i % 4]!, `f${i}`), seat(seatIds[i % 4]!)));
    expect(session.queued).toBe(MAX_WAITING_COMMANDS);
    const moved = new Promise<void>((resolve) => {
      const off = runtime.subscribe(({ events }) => {
        if (events.some((e) => e.event.type === 'PhaseStarted')) {
          off();
          resolve();
        }
      });
    });
    // The briefing's deadline rings while the queue is full.
    time.advance(60_000);
    expect(session.queued).toBe(MAX_WAITING_COMMANDS + 1);
    await Promise.all([...sends, moved]);
    expect(game().tables.t1!.clock.phaseIndex).toBe(1);
  });
});
