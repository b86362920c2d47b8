import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../events';
import { facilitator, seat, system, T0 } from '../testing/harness';
import { created, joined } from '../testing/history';
import { given } from '../testing/spec';

/**
 * Per-table clocks: the facilitator pauses, resumes, extends or skips one table while the other
 * plays on, and each table's deadline fires on its own. Two tables of four in the test crisis
 * (briefing 60 s, round 1 and round 2 of 120 s each).
 */

const BRIEFING_END = T0 + 60_000;
const R1_END = BRIEFING_END + 120_000;
const NOW = BRIEFING_END + 10_000; // ten seconds into round 1
const ROLES = ['n-leader', 's-leader', 'n-envoy', 's-envoy'];
// t1: s1–s4, t2: s5–s8, in that order of roles.
const dealt: GameEvent[] = [
  created(),
  ...Array.from({ length: 8 }, (_, i) => joined(`s${i + 1}`, `Player ${i + 1}`)),
  {
    type: 'SeatsDealt', tableIds: ['t1', 't2'], rng: 42, at: T0,
    assignments: Array.from({ length: 8 }, (_, i) => ({ seatId: `s${i + 1}`, tableId: i < 4 ? 't1' : 't2', roleId: ROLES[i % 4]! })),
  },
];
const inBriefing: GameEvent[] = [
  ...dealt,
  { type: 'SessionStarted', at: T0 },
  { type: 'PhaseStarted', phaseIndex: 0, rng: null, at: T0 },
  { type: 'DeadlineSet', deadlineAt: BRIEFING_END, at: T0 },
];
const inRoundOne: GameEvent[] = [
  ...inBriefing,
  { type: 'PhaseStarted', phaseIndex: 1, rng: null, at: BRIEFING_END },
  { type: 'DeadlineSet', deadlineAt: R1_END, at: BRIEFING_END },
];
const t1Paused: GameEvent = { type: 'ClockPaused', remainingMs: 110_000, at: NOW, tableId: 't1' };
const hello = (channelId: string) => ({ type: 'PostMessage' as const, channelId, text: 'hello' });

describe('Pause for one table', () => {
  it('given both tables in round 1, when the facilitator pauses t1, then t1 stops with its time left and t2 plays on', () => {
    const outcome = given(inRoundOne).when({ type: 'Pause', tableId: 't1' }, { actor: facilitator, now: NOW }).then([t1Paused]);
    expect(outcome.seat('s1').session).toMatchObject({ deadlineAt: null, pausedRemainingMs: 110_000, phase: { id: 'round-1' } });
    expect(outcome.seat('s5').session).toMatchObject({ deadlineAt: R1_END, pausedRemainingMs: null });
    expect(outcome.seat('s1').table?.clock).toMatchObject({ pausedRemainingMs: 110_000, finished: false });
    const tables = outcome.facilitator().tables;
    expect(tables.t1?.clock).toMatchObject({ deadlineAt: null, pausedRemainingMs: 110_000 });
    expect(tables.t2?.clock).toMatchObject({ deadlineAt: R1_END, pausedRemainingMs: null });
    // The projector sees every table's clock; the session's is the earliest running deadline.
    expect(outcome.projector().tables.map((t) => t.clock.pausedRemainingMs)).toEqual([110_000, null]);
    expect(outcome.facilitator().session).toMatchObject({ deadlineAt: R1_END, pausedRemainingMs: null });
  });

  it('given t1 is paused, then its players are refused with PAUSED and t2’s may talk', () => {
    const paused = given([...inRoundOne, t1Paused]);
    paused.when(hello('t1:front'), { actor: seat('s1'), now: NOW + 1000 }).thenRejects('PAUSED');
    paused.when(hello('t2:front'), { actor: seat('s5'), now: NOW + 1000 }).then((events) => expect(events.map((e) => e.type)).toEqual(['MessagePosted']));
  });

  it('given t1 is paused, when the facilitator pauses all, then only t2 pauses (with its own time left)', () => {
    given([...inRoundOne, t1Paused])
      .when({ type: 'Pause' }, { actor: facilitator, now: NOW + 5000 })
      .then([{ type: 'ClockPaused', remainingMs: 105_000, at: NOW + 5000, tableId: 't2' }]);
  });

  it('given the tables keep time together, when the facilitator pauses all, then one event pauses every table', () => {
    const outcome = given(inRoundOne).when({ type: 'Pause' }, { actor: facilitator, now: NOW }).then([{ type: 'ClockPaused', remainingMs: 110_000, at: NOW }]);
    expect(outcome.facilitator().session.pausedRemainingMs).toBe(110_000);
    expect(outcome.seat('s5').session.pausedRemainingMs).toBe(110_000);
  });

  it('refuses a table already paused, all tables already paused, an unknown table, players, the lobby and an ended session', () => {
    given([...inRoundOne, t1Paused]).when({ type: 'Pause', tableId: 't1' }, { actor: facilitator, now: NOW }).thenRejects('ALREADY_DONE', /t1 is already paused/);
    given([...inRoundOne, { type: 'ClockPaused', remainingMs: 110_000, at: NOW }]).when({ type: 'Pause' }, { actor: facilitator, now: NOW }).thenRejects('ALREADY_DONE');
    given(inRoundOne).when({ type: 'Pause', tableId: 't9' }, { actor: facilitator, now: NOW }).thenRejects('UNKNOWN_TABLE', /no table t9/);
    given(inRoundOne).when({ type: 'Pause', tableId: 't1' }, { actor: seat('s1'), now: NOW }).thenRejects('NOT_ALLOWED');
    given(dealt).when({ type: 'Pause', tableId: 't1' }, { actor: facilitator }).thenRejects('WRONG_PHASE', /not started/);
    given([...inRoundOne, { type: 'SessionEnded', scores: [], rng: null, at: NOW }]).when({ type: 'Pause', tableId: 't1' }, { actor: facilitator, now: NOW }).thenRejects('WRONG_PHASE', /ended/);
  });
});

describe('Resume for one table', () => {
  it('given t1 is paused, when the facilitator resumes t1, then its deadline is set from now with the time it had left', () => {
    const outcome = given([...inRoundOne, t1Paused])
      .when({ type: 'Resume', tableId: 't1' }, { actor: facilitator, now: NOW + 60_000 })
      .then([
        { type: 'ClockResumed', at: NOW + 60_000, tableId: 't1' },
        { type: 'DeadlineSet', deadlineAt: NOW + 170_000, at: NOW + 60_000, tableId: 't1' },
      ]);
    expect(outcome.seat('s1').session).toMatchObject({ deadlineAt: NOW + 170_000, pausedRemainingMs: null });
    expect(outcome.seat('s5').session.deadlineAt).toBe(R1_END);
  });

  it('given only t1 is paused, when the facilitator resumes all, then only t1 resumes', () => {
    given([...inRoundOne, t1Paused])
      .when({ type: 'Resume' }, { actor: facilitator, now: NOW + 1000 })
      .then([
        { type: 'ClockResumed', at: NOW + 1000, tableId: 't1' },
        { type: 'DeadlineSet', deadlineAt: NOW + 111_000, at: NOW + 1000, tableId: 't1' },
      ]);
  });

  it('refuses a table that is not paused, nothing paused, an unknown table, players and the lobby', () => {
    given([...inRoundOne, t1Paused]).when({ type: 'Resume', tableId: 't2' }, { actor: facilitator, now: NOW }).thenRejects('NOT_PAUSED', /t2 is not paused/);
    given(inRoundOne).when({ type: 'Resume' }, { actor: facilitator, now: NOW }).thenRejects('NOT_PAUSED');
    given([...inRoundOne, t1Paused]).when({ type: 'Resume', tableId: 'nope' }, { actor: facilitator, now: NOW }).thenRejects('UNKNOWN_TABLE');
    given([...inRoundOne, t1Paused]).when({ type: 'Resume', tableId: 't1' }, { actor: seat('s2'), now: NOW }).thenRejects('NOT_ALLOWED');
    given(dealt).when({ type: 'Resume', tableId: 't1' }, { actor: facilitator }).thenRejects('NOT_PAUSED');
  });
});

describe('Extend for one table', () => {
  it('given both tables run, when the facilitator extends t2 by 30 s, then only t2’s deadline moves', () => {
    const outcome = given(inRoundOne)
      .when({ type: 'Extend', seconds: 30, tableId: 't2' }, { actor: facilitator, now: NOW })
      .then([{ type: 'DeadlineSet', deadlineAt: R1_END + 30_000, at: NOW, tableId: 't2' }]);
    expect(outcome.seat('s5').session.deadlineAt).toBe(R1_END + 30_000);
    expect(outcome.seat('s1').session.deadlineAt).toBe(R1_END);
  });

  it('given t1 is paused, when the facilitator extends t1, then it stays paused with more time left', () => {
    given([...inRoundOne, t1Paused])
      .when({ type: 'Extend', seconds: 60, tableId: 't1' }, { actor: facilitator, now: NOW + 1000 })
      .then([{ type: 'ClockPaused', remainingMs: 170_000, at: NOW + 1000, tableId: 't1' }]);
  });

  it('given t1 is paused, when the facilitator extends all, then each table gets the time its own way', () => {
    given([...inRoundOne, t1Paused])
      .when({ type: 'Extend', seconds: 10 }, { actor: facilitator, now: NOW + 1000 })
      .then([
        { type: 'ClockPaused', remainingMs: 120_000, at: NOW + 1000, tableId: 't1' },
        { type: 'DeadlineSet', deadlineAt: R1_END + 10_000, at: NOW + 1000, tableId: 't2' },
      ]);
  });

  it('refuses an unknown table, a bad length, players and the lobby', () => {
    given(inRoundOne).when({ type: 'Extend', seconds: 30, tableId: 't3' }, { actor: facilitator, now: NOW }).thenRejects('UNKNOWN_TABLE');
    given(inRoundOne).when({ type: 'Extend', seconds: 0, tableId: 't1' }, { actor: facilitator, now: NOW }).thenRejects('INVALID_INPUT');
    given(inRoundOne).when({ type: 'Extend', seconds: 30, tableId: 't1' }, { actor: seat('s1'), now: NOW }).thenRejects('NOT_ALLOWED');
    given(dealt).when({ type: 'Extend', seconds: 30, tableId: 't1' }, { actor: facilitator }).thenRejects('WRONG_PHASE');
  });
});

describe('Skip for one table', () => {
  it('given both tables in the briefing, when the facilitator skips t1, then t1 starts round 1 with its inject, and t2 stays in the briefing', () => {
    const outcome = given(inBriefing)
      .when({ type: 'Skip', tableId: 't1' }, { actor: facilitator, now: T0 + 5000 })
      .then((events) => {
        expect(events).toEqual([
          { type: 'PhaseStarted', phaseIndex: 1, rng: 42, at: T0 + 5000, tableId: 't1' },
          { type: 'DeadlineSet', deadlineAt: T0 + 125_000, at: T0 + 5000, tableId: 't1' },
          expect.objectContaining({ type: 'BroadcastSent', broadcast: expect.objectContaining({ title: 'Storm at the border', tableId: 't1' }) }),
        ]);
      });
    expect(outcome.seat('s1').session.phase?.id).toBe('round-1');
    expect(outcome.seat('s5').session.phase?.id).toBe('briefing');
    expect(outcome.seat('s5').broadcasts).toEqual([]);
    // The front channel is open at t1 only: the phase's open channels are the table's.
    expect(outcome.seat('s1').channels.find((c) => c.kind === 'front')?.open).toBe(true);
    expect(outcome.seat('s5').channels.find((c) => c.kind === 'front')?.open).toBe(false);
  });

  it('given t1 plays its last round, when the facilitator skips it, then t1 finishes and waits while t2 plays on', () => {
    const t1InRoundTwo = [
      ...inRoundOne,
      { type: 'PhaseStarted', phaseIndex: 2, rng: 42, at: NOW, tableId: 't1' },
      { type: 'DeadlineSet', deadlineAt: NOW + 120_000, at: NOW, tableId: 't1' },
    ] satisfies GameEvent[];
    const outcome = given(t1InRoundTwo)
      .when({ type: 'Skip', tableId: 't1' }, { actor: facilitator, now: NOW + 1000 })
      .then((events) => expect(events.map((e) => e.type)).toEqual(['EscalationRaised', 'TableFinished']));
    expect(outcome.facilitator().tables.t1?.clock.finished).toBe(true);
    expect(outcome.facilitator().status).toBe('running');
    outcome.given().when(hello('t1:front'), { actor: seat('s1'), now: NOW + 2000 }).thenRejects('DEADLINE_PASSED');
    outcome.given().when({ type: 'Skip', tableId: 't1' }, { actor: facilitator, now: NOW + 2000 }).thenRejects('WRONG_PHASE', /last phase/);
    outcome.given().when({ type: 'Pause', tableId: 't1' }, { actor: facilitator, now: NOW + 2000 }).thenRejects('WRONG_PHASE');
    // t2 finishes its two rounds: the session ends and everyone is scored.
    const t2Done = outcome.given().when({ type: 'Skip', tableId: 't2' }, { actor: facilitator, now: NOW + 3000 }).then(() => undefined).given()
      .when({ type: 'Skip' }, { actor: facilitator, now: NOW + 4000 })
      .then((events) => expect(events.map((e) => e.type)).toEqual(['EscalationRaised', 'TableFinished', 'SessionEnded']));
    expect(t2Done.facilitator().status).toBe('ended');
    expect(t2Done.facilitator().scores).toHaveLength(8);
  });

  it('refuses an unknown table, players, the lobby and an ended session', () => {
    given(inRoundOne).when({ type: 'Skip', tableId: 'x' }, { actor: facilitator, now: NOW }).thenRejects('UNKNOWN_TABLE');
    given(inRoundOne).when({ type: 'Skip', tableId: 't1' }, { actor: seat('s1'), now: NOW }).thenRejects('NOT_ALLOWED');
    given(dealt).when({ type: 'Skip', tableId: 't1' }, { actor: facilitator }).thenRejects('WRONG_PHASE');
    given([...inRoundOne, { type: 'SessionEnded', scores: [], rng: null, at: NOW }]).when({ type: 'Skip', tableId: 't1' }, { actor: facilitator, now: NOW }).thenRejects('WRONG_PHASE');
  });
});

describe('DeadlineReached per table', () => {
  const t1PausedAndExtended = [...inRoundOne, t1Paused, { type: 'ClockPaused', remainingMs: 170_000, at: NOW, tableId: 't1' }] satisfies GameEvent[];

  it('given t1 is paused, when t2’s deadline rings, then only t2 moves to round 2', () => {
    const outcome = given(t1PausedAndExtended)
      .when({ type: 'DeadlineReached', tableId: 't2' }, { actor: system, now: R1_END })
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['EscalationRaised', 'PhaseStarted', 'DeadlineSet']);
        expect(events.every((e) => !('tableId' in e) || e.tableId === 't2')).toBe(true);
      });
    expect(outcome.seat('s5').session).toMatchObject({ phase: { id: 'round-2' }, deadlineAt: R1_END + 120_000 });
    expect(outcome.seat('s1').session).toMatchObject({ phase: { id: 'round-1' }, pausedRemainingMs: 170_000 });
    expect(outcome.facilitator().tables.t1?.escalation).toBe(0);
    expect(outcome.facilitator().tables.t2?.escalation).toBe(1);
  });

  it('given the tables keep time together, when one table’s timer rings, then both move on in one step that names no table', () => {
    given(inRoundOne)
      .when({ type: 'DeadlineReached', tableId: 't1' }, { actor: system, now: R1_END })
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['EscalationRaised', 'EscalationRaised', 'PhaseStarted', 'DeadlineSet']);
        expect(events.find((e) => e.type === 'PhaseStarted')).not.toHaveProperty('tableId');
      });
  });

  it('refuses a paused table, a table whose deadline has not come, an unknown table and players', () => {
    given(t1PausedAndExtended).when({ type: 'DeadlineReached', tableId: 't1' }, { actor: system, now: R1_END }).thenRejects('PAUSED');
    given(t1PausedAndExtended).when({ type: 'DeadlineReached', tableId: 't2' }, { actor: system, now: R1_END - 1 }).thenRejects('WRONG_PHASE');
    given(inRoundOne).when({ type: 'DeadlineReached', tableId: 't7' }, { actor: system, now: R1_END }).thenRejects('UNKNOWN_TABLE');
    given(inRoundOne).when({ type: 'DeadlineReached', tableId: 't1' }, { actor: seat('s1'), now: R1_END }).thenRejects('NOT_ALLOWED');
  });
});
