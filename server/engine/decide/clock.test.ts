import { describe, expect, it } from 'vitest';
import { facilitator, guest, runningGame, seat, system, T0 } from '../testing/harness';
import { briefing9, castOf, concludeDeal, eventOf, expectRejected, lobby, table9, types } from '../testing/expect';

const ROUND1_DEADLINE = T0 + 180_000;
const PUBLIC_DEAL = [{ issueId: 'border', optionId: 'open', secret: false }];

describe('DeadlineReached', () => {
  it('ends the briefing: the first round starts with its deadline and its scheduled inject', () => {
    const { g } = briefing9();
    g.now = T0 + 60_000;
    const events = g.must({ type: 'DeadlineReached' }, system);
    expect(types(events)).toEqual(['PhaseStarted', 'DeadlineSet', 'BroadcastSent']);
    expect(events[0]).toEqual({ type: 'PhaseStarted', phaseIndex: 1, rng: expect.any(Number), at: T0 + 60_000 });
    expect(events[1]).toEqual({ type: 'DeadlineSet', at: T0 + 60_000, deadlineAt: ROUND1_DEADLINE });
    expect(g.game).toMatchObject({ phaseIndex: 1, deadlineAt: ROUND1_DEADLINE });
    expect(g.game.tables.t1?.escalation).toBe(0);
  });
  it('escalates a table that missed the deadline of a round without a deal', () => {
    const { g } = table9();
    const events = g.passDeadline();
    expect(events[0]).toEqual({ type: 'EscalationRaised', tableId: 't1', by: 1, level: 1, reason: 'No agreement was concluded by the end of Round 1.', at: ROUND1_DEADLINE });
    expect(types(events)).toEqual(['EscalationRaised', 'PhaseStarted', 'DeadlineSet']);
    expect(g.game).toMatchObject({ phaseIndex: 2, deadlineAt: ROUND1_DEADLINE + 120_000 });
    expect(g.game.tables.t1?.escalation).toBe(1);
  });
  it('spares a table with a concluded deal in an early round, and escalates only the tables without one', () => {
    const g = runningGame(12);
    concludeDeal(castOf(g, 't1'), PUBLIC_DEAL);
    const events = g.passDeadline();
    expect(events.filter((e) => e.type === 'EscalationRaised')).toMatchObject([{ tableId: 't2', level: 1 }]);
    expect(g.game.tables.t1?.escalation).toBe(0);
  });
  it('at the final deadline, a deal concluded but never announced does not count', () => {
    const c = table9();
    concludeDeal(c, PUBLIC_DEAL);
    c.g.passDeadline();
    expect(c.g.game.tables.t1?.escalation).toBe(0);
    const events = c.g.passDeadline();
    expect(types(events)).toEqual(['EscalationRaised', 'SessionEnded']);
    expect(events[0]).toMatchObject({ tableId: 't1', by: 2, level: 2, reason: 'No agreement was announced before the final deadline (Round 2).' });
    expect(c.g.game).toMatchObject({ status: 'ended', deadlineAt: null });
    const leader = c.g.game.scores?.find((s) => s.seatId === c.nL);
    expect(leader?.objectives.find((o) => o.id === 'deal')?.achieved).toBe(false);
  });
  it('at the final deadline, an announced deal spares the table and scores', () => {
    const c = table9();
    concludeDeal(c, PUBLIC_DEAL);
    c.g.must({ type: 'AnnounceAgreement' }, seat(c.nL));
    c.g.passDeadline();
    // A deal public for two rounds has gained legitimacy; no escalation.
    expect(types(c.g.passDeadline())).toEqual(['LegitimacyGained', 'SessionEnded']);
    expect(c.g.game.scores?.find((s) => s.seatId === c.nL)?.objectives.find((o) => o.id === 'deal')?.achieved).toBe(true);
    expect(c.g.game.scores?.find((s) => s.seatId === c.nS)?.total).toBe(0);
  });
  it('never escalates beyond the last level', () => {
    const { g } = table9();
    for (let i = 0; i < 4; i++) g.must({ type: 'FireInject', injectId: 'intel' }, facilitator);
    expect(g.game.tables.t1?.escalation).toBe(3);
    expect(types(g.passDeadline())).not.toContain('EscalationRaised');
  });
  it('may be fired by the facilitator too', () => {
    const { g } = table9();
    g.now = ROUND1_DEADLINE;
    expect(g.run({ type: 'DeadlineReached' }, facilitator)).not.toMatchObject({ ok: false });
  });
  it('refuses players and guests, the lobby, an early call, a paused clock and an ended session', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'DeadlineReached' }, seat(nL), 'NOT_ALLOWED', ROUND1_DEADLINE);
    expectRejected(g, { type: 'DeadlineReached' }, guest, 'NOT_ALLOWED', ROUND1_DEADLINE);
    expectRejected(g, { type: 'DeadlineReached' }, system, 'WRONG_PHASE', ROUND1_DEADLINE - 1);
    expectRejected(lobby(4), { type: 'DeadlineReached' }, system, 'WRONG_PHASE');
    g.must({ type: 'Pause' }, facilitator);
    expectRejected(g, { type: 'DeadlineReached' }, system, 'PAUSED', ROUND1_DEADLINE);
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'DeadlineReached' }, system, 'WRONG_PHASE', ROUND1_DEADLINE);
  });
});

describe('actions after their deadline', () => {
  it('are refused with DEADLINE_PASSED and a clear reason, until the next phase starts', () => {
    const { g, nL, sL } = table9();
    const message = { type: 'PostMessage' as const, channelId: 't1:front', text: 'Too late?' };
    const rejection = expectRejected(g, message, seat(nL), 'DEADLINE_PASSED', ROUND1_DEADLINE);
    expect(rejection.message).toContain('Round 1');
    expectRejected(g, { type: 'OpenBackChannel', inviteeIds: [sL], topic: 'late' }, seat(nL), 'DEADLINE_PASSED', ROUND1_DEADLINE + 5);
    expect(g.run(message, seat(nL), ROUND1_DEADLINE - 1)).not.toMatchObject({ ok: false });
    g.passDeadline();
    expect(g.run(message, seat(nL))).not.toMatchObject({ ok: false });
  });
});

describe('Pause and Resume', () => {
  it('pause freezes the remaining time, which resume gives back', () => {
    const { g, nL } = table9();
    expect(g.must({ type: 'Pause' }, facilitator)).toEqual([{ type: 'ClockPaused', remainingMs: 119_000, at: T0 + 61_000 }]);
    expect(g.game).toMatchObject({ deadlineAt: null, pausedRemainingMs: 119_000 });
    expectRejected(g, { type: 'PostMessage', channelId: 't1:front', text: 'hello' }, seat(nL), 'PAUSED', T0 + 600_000);
    g.now = T0 + 600_000;
    expect(g.must({ type: 'Resume' }, facilitator)).toEqual([
      { type: 'ClockResumed', at: T0 + 600_000 },
      { type: 'DeadlineSet', at: T0 + 600_000, deadlineAt: T0 + 719_000 },
    ]);
    expect(g.game).toMatchObject({ deadlineAt: T0 + 719_000, pausedRemainingMs: null });
    expect(g.run({ type: 'PostMessage', channelId: 't1:front', text: 'hello' }, seat(nL))).not.toMatchObject({ ok: false });
  });
  it('pause refuses players, the lobby and a second pause', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'Pause' }, seat(nL), 'NOT_ALLOWED');
    expectRejected(g, { type: 'Pause' }, system, 'NOT_ALLOWED');
    expectRejected(lobby(4), { type: 'Pause' }, facilitator, 'WRONG_PHASE');
    g.must({ type: 'Pause' }, facilitator);
    expectRejected(g, { type: 'Pause' }, facilitator, 'ALREADY_DONE');
  });
  it('resume refuses players and a clock that is not paused', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'Resume' }, facilitator, 'NOT_PAUSED');
    expectRejected(lobby(4), { type: 'Resume' }, facilitator, 'NOT_PAUSED');
    g.must({ type: 'Pause' }, facilitator);
    expectRejected(g, { type: 'Resume' }, seat(nL), 'NOT_ALLOWED');
  });
});

describe('Extend', () => {
  it('pushes a running deadline back', () => {
    const { g } = table9();
    expect(g.must({ type: 'Extend', seconds: 30 }, facilitator)).toEqual([{ type: 'DeadlineSet', at: g.now, deadlineAt: ROUND1_DEADLINE + 30_000 }]);
    expect(g.game.deadlineAt).toBe(ROUND1_DEADLINE + 30_000);
  });
  it('counts from now once the deadline has passed, reopening the round', () => {
    const { g, nL } = table9();
    g.now = ROUND1_DEADLINE + 5_000;
    expect(g.must({ type: 'Extend', seconds: 10 }, facilitator)).toEqual([{ type: 'DeadlineSet', at: g.now, deadlineAt: ROUND1_DEADLINE + 15_000 }]);
    expect(g.run({ type: 'PostMessage', channelId: 't1:front', text: 'Saved' }, seat(nL))).not.toMatchObject({ ok: false });
  });
  it('adds to the remaining time while paused, and stays paused', () => {
    const { g } = table9();
    g.must({ type: 'Pause' }, facilitator);
    expect(g.must({ type: 'Extend', seconds: 60 }, facilitator)).toEqual([{ type: 'ClockPaused', remainingMs: 179_000, at: g.now }]);
    expect(g.game).toMatchObject({ deadlineAt: null, pausedRemainingMs: 179_000 });
    g.must({ type: 'Resume' }, facilitator);
    expect(g.game.deadlineAt).toBe(g.now + 179_000);
  });
  it('refuses players, the lobby and bad lengths', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'Extend', seconds: 30 }, seat(nL), 'NOT_ALLOWED');
    expectRejected(lobby(4), { type: 'Extend', seconds: 30 }, facilitator, 'WRONG_PHASE');
    for (const seconds of [0, -5, 1.5, 3601, Number.NaN]) expectRejected(g, { type: 'Extend', seconds }, facilitator, 'INVALID_INPUT');
    expect(g.run({ type: 'Extend', seconds: 3600 }, facilitator)).not.toMatchObject({ ok: false });
  });
});

describe('Skip', () => {
  it('ends the round now, with the same consequences as its deadline', () => {
    const { g } = table9();
    const events = g.must({ type: 'Skip' }, facilitator);
    expect(types(events)).toEqual(['EscalationRaised', 'PhaseStarted', 'DeadlineSet']);
    expect(eventOf(events, 'DeadlineSet').deadlineAt).toBe(g.now + 120_000);
    expect(g.game.phaseIndex).toBe(2);
  });
  it('skipping the last round ends the session', () => {
    const { g } = table9();
    g.passDeadline();
    expect(types(g.must({ type: 'Skip' }, facilitator))).toEqual(['EscalationRaised', 'SessionEnded']);
    expect(g.game.status).toBe('ended');
  });
  it('skipping while paused starts the next phase on a running clock', () => {
    const { g } = table9();
    g.must({ type: 'Pause' }, facilitator);
    g.must({ type: 'Skip' }, facilitator);
    expect(g.game).toMatchObject({ phaseIndex: 2, pausedRemainingMs: null, deadlineAt: g.now + 120_000 });
  });
  it('refuses players, the server clock, the lobby and an ended session', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'Skip' }, seat(nL), 'NOT_ALLOWED');
    expectRejected(g, { type: 'Skip' }, system, 'NOT_ALLOWED');
    expectRejected(lobby(4), { type: 'Skip' }, facilitator, 'WRONG_PHASE');
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'Skip' }, facilitator, 'WRONG_PHASE');
  });
});

describe('EndSession', () => {
  it('ends the session and scores every seated player', () => {
    const { g, nL, nS, j } = table9();
    const ended = eventOf(g.must({ type: 'EndSession' }, facilitator), 'SessionEnded');
    expect(ended.at).toBe(g.now);
    expect(ended.scores).toHaveLength(9);
    expect(ended.scores.find((s) => s.seatId === nL)).toMatchObject({ total: 5, objectives: [{ id: 'deal', achieved: false }, { id: 'support', achieved: true }] });
    expect(ended.scores.find((s) => s.seatId === nS)?.total).toBe(10);
    expect(ended.scores.find((s) => s.seatId === j)?.total).toBe(0);
    expect(g.game).toMatchObject({ status: 'ended', deadlineAt: null, pausedRemainingMs: null, scores: ended.scores });
  });
  it('can end a session still in the lobby', () => {
    const g = lobby(2);
    expect(g.must({ type: 'EndSession' }, facilitator)).toEqual([{ type: 'SessionEnded', scores: [], rng: null, at: T0 }]);
  });
  it('refuses players and a second end', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'EndSession' }, seat(nL), 'NOT_ALLOWED');
    expectRejected(g, { type: 'EndSession' }, system, 'NOT_ALLOWED');
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'EndSession' }, facilitator, 'SESSION_ENDED');
    expectRejected(g, { type: 'PostMessage', channelId: 't1:front', text: 'hello?' }, seat(nL), 'SESSION_ENDED');
  });
});
