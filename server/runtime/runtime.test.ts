// The runtime on the in-memory twins with a ManualTime: deadlines fire when the test moves the
// clock past them (never before, never because the machine was slow), pause holds a table's clock,
// and a restart rebuilds every session from the store and re-arms its deadlines.
import { describe, expect, it } from 'vitest';
import type { ActiveGame } from '../engine';
import { ManualTime } from './manual-time';
import { Runtime } from './runtime';
import { BRIEFING_MS, facilitator, phaseOf, ROUND_MS, runningSession, T0 } from './testing/running-session';

describe('the runtime’s deadlines', () => {
  it('ends a phase at its deadline, not a millisecond before', async () => {
    const { time, session, game, committed } = await runningSession();
    expect(session.armed).toEqual({ t1: T0 + BRIEFING_MS });
    time.advanceTo(T0 + BRIEFING_MS - 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(phaseOf(game(), 't1')).toBe('briefing');
    const moved = committed();
    time.advanceTo(T0 + BRIEFING_MS);
    await moved;
    expect(phaseOf(game(), 't1')).toBe('round-1');
    expect(session.armed).toEqual({ t1: T0 + BRIEFING_MS + ROUND_MS });
  });

  it('holds a paused table’s clock however long the pause, and runs out the rest of it once resumed', async () => {
    const { time, runtime, session, sessionId, game, committed } = await runningSession();
    time.advanceTo(T0 + 20_000);
    expect(await runtime.dispatch(sessionId, { type: 'Pause', tableId: 't1' }, facilitator)).toMatchObject({ ok: true });
    expect(session.armed).toEqual({});
    time.advanceTo(T0 + 10 * BRIEFING_MS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(phaseOf(game(), 't1')).toBe('briefing');
    expect(game().tables.t1!.clock.pausedRemainingMs).toBe(BRIEFING_MS - 20_000);

    expect(await runtime.dispatch(sessionId, { type: 'Resume', tableId: 't1' }, facilitator)).toMatchObject({ ok: true });
    const due = T0 + 10 * BRIEFING_MS + (BRIEFING_MS - 20_000);
    expect(session.armed).toEqual({ t1: due });
    time.advanceTo(due - 1);
    expect(phaseOf(game(), 't1')).toBe('briefing');
    const moved = committed();
    time.advanceTo(due);
    await moved;
    expect(phaseOf(game(), 't1')).toBe('round-1');
  });
});

describe('the runtime after a restart', () => {
  it('rebuilds every session from the store with every acknowledged command, and goes on at the next seq', async () => {
    const { store, time, runtime, sessionId, seatIds, post, seat, game } = await runningSession({ tables: 1 });
    const acked = [];
    for (let i = 0; i < 10; i++) {
      const r = await runtime.dispatch(sessionId, post(seatIds[i % 4]!, `before ${i}`), seat(seatIds[i % 4]!));
      if (r.ok) acked.push(i);
    }
    expect(acked).toHaveLength(10);
    const before = { state: game(), seq: runtime.loaded(sessionId)!.lastSeq };
    runtime.close();

    const again = new Runtime({ store, clock: time, scheduler: time });
    expect(await again.start()).toBe(1);
    const session = again.loaded(sessionId)!;
    expect(session.current).toEqual(before.state);
    expect(session.lastSeq).toBe(before.seq);
    expect(await again.ownerOf(sessionId)).toBe('f1');
    const after = await again.dispatch(sessionId, post(seatIds[0]!, 'after'), seat(seatIds[0]!));
    expect(after.ok && after.events[0]!.seq).toBe(before.seq + 1);
    again.close();
  });

  it('fires at once a deadline that fell due while it was down', async () => {
    const { store, runtime } = await runningSession();
    runtime.close();
    const late = new ManualTime(T0 + BRIEFING_MS + 5_000);
    const restarted = new Runtime({ store, clock: late, scheduler: late });
    const moved = new Promise<ActiveGame>((resolve) => {
      restarted.subscribe(({ state }) => {
        if (state.created && state.status === 'running' && state.tables.t1!.clock.phaseIndex === 1) resolve(state as ActiveGame);
      });
    });
    await restarted.start();
    // Without moving the clock: the timer was due when armed.
    const state = await moved;
    expect(state.tables.t1!.clock.deadlineAt).toBe(T0 + BRIEFING_MS + 5_000 + ROUND_MS);
    restarted.close();
  });

  it('rebuilds a session not live at start once, however many callers ask for it at once', async () => {
    const { store, runtime, sessionId } = await runningSession();
    expect(await runtime.dispatch(sessionId, { type: 'EndSession' }, facilitator)).toMatchObject({ ok: true });
    runtime.close();
    const time = new ManualTime(T0);
    const again = new Runtime({ store, clock: time, scheduler: time });
    expect(await again.start()).toBe(0);
    expect(again.loaded(sessionId)).toBeUndefined();
    const [a, b] = await Promise.all([again.get(sessionId), again.get(sessionId)]);
    expect(a).toBeDefined();
    expect(a).toBe(b);
    expect(a!.current.created && a!.current.status).toBe('ended');
    expect(await again.get('ses_none')).toBeUndefined();
    expect(await again.dispatch('ses_none', { type: 'EndSession' }, facilitator)).toMatchObject({ ok: false, code: 'SESSION_NOT_CREATED' });
    again.close();
  });
});
