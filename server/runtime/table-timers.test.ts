// The runtime arms one deadline timer per table: one table can be paused and extended while the
// other's deadline fires on time, and a restart re-arms each table's own deadline. Time is a
// ManualTime: deadlines fire when the test moves it, never because the machine was slow.
import { describe, expect, it } from 'vitest';
import type { ActiveGame } from '../engine';
import { ManualTime } from './manual-time';
import { Runtime } from './runtime';
import { facilitator, phaseOf, runningSession, T0 } from './testing/running-session';

/** Two tables of four on the in-memory twins, dealt and started. */
const twoTables = () => runningSession({ players: 8, tables: 2 });

describe('one deadline timer per table', () => {
  it('arms a timer per table, and a table paused and extended keeps its time while the other table’s deadline fires', async () => {
    const { time, runtime, session, game, committed, sessionId } = await twoTables();
    const briefingEnd = T0 + 60_000;
    expect(session.armed).toEqual({ t1: briefingEnd, t2: briefingEnd });

    // The briefing ends for both (their timers ring together; one step moves both).
    const both = committed();
    time.advanceTo(briefingEnd);
    await both;
    const roundEnd = briefingEnd + 120_000;
    expect(session.armed).toEqual({ t1: roundEnd, t2: roundEnd });

    time.advanceTo(briefingEnd + 20_000);
    expect(await runtime.dispatch(sessionId, { type: 'Pause', tableId: 't1' }, facilitator)).toMatchObject({ ok: true });
    expect(await runtime.dispatch(sessionId, { type: 'Extend', tableId: 't1', seconds: 60 }, facilitator)).toMatchObject({ ok: true });
    expect(session.armed).toEqual({ t2: roundEnd });

    const t2Moves = committed();
    time.advanceTo(roundEnd);
    await t2Moves;
    expect(phaseOf(game(), 't2')).toBe('round-2');
    expect(phaseOf(game(), 't1')).toBe('round-1');
    expect(game().tables.t1!.clock).toMatchObject({ pausedRemainingMs: 160_000, deadlineAt: null });
    expect(session.armed).toEqual({ t2: roundEnd + 120_000 });

    // Resumed, t1 runs out its own time and moves on alone.
    expect(await runtime.dispatch(sessionId, { type: 'Resume', tableId: 't1' }, facilitator)).toMatchObject({ ok: true });
    const t1End = roundEnd + 160_000;
    expect(session.armed).toEqual({ t1: t1End, t2: roundEnd + 120_000 });
    const t2Finishes = committed();
    time.advanceTo(roundEnd + 120_000);
    await t2Finishes;
    expect(game().tables.t2!.clock.finishedAt).toBe(roundEnd + 120_000);
    expect(game().status).toBe('running');
    expect(session.armed).toEqual({ t1: t1End });

    const t1Moves = committed();
    time.advanceTo(t1End);
    await t1Moves;
    expect(phaseOf(game(), 't1')).toBe('round-2');
    runtime.close();
  });

  it('after a restart, re-arms each table’s own deadline, and fires at once those that passed while it was down', async () => {
    const { store, time, runtime, sessionId } = await twoTables();
    const briefingEnd = T0 + 60_000;
    expect(await runtime.dispatch(sessionId, { type: 'Extend', tableId: 't2', seconds: 30 }, facilitator)).toMatchObject({ ok: true });
    runtime.close();

    // Up again before either deadline: each table has its own timer.
    const again = new Runtime({ store, clock: time, scheduler: time });
    await again.start();
    expect(again.loaded(sessionId)!.armed).toEqual({ t1: briefingEnd, t2: briefingEnd + 30_000 });
    again.close();

    // Up again after both deadlines passed: both tables move on by themselves.
    const late = new ManualTime(briefingEnd + 40_000);
    const restarted = new Runtime({ store, clock: late, scheduler: late });
    const moved = new Promise<void>((resolve) => {
      const off = restarted.subscribe(({ state }) => {
        if (state.created && Object.values(state.tables).every((t) => t.clock.phaseIndex === 1)) {
          off();
          resolve();
        }
      });
    });
    await restarted.start();
    await moved;
    const game = restarted.loaded(sessionId)!.current as ActiveGame;
    expect(game.tables.t1!.clock.deadlineAt).toBe(briefingEnd + 40_000 + 120_000);
    expect(game.tables.t2!.clock.deadlineAt).toBe(briefingEnd + 40_000 + 120_000);
    restarted.close();
  });
});
