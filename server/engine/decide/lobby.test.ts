import { describe, expect, it } from 'vitest';
import { decide } from '../decide';
import { tableSizeRange } from '../deal';
import { maxSeatsOf } from '../queries';
import { DEFAULT_OPTIONS, initialState } from '../state';
import { testScenario } from '../testing/fixture';
import { facilitator, Game, guest, runningGame, seat, system, T0 } from '../testing/harness';
import { castOf, eventOf, expectRejected, lobby, table9 } from '../testing/expect';

const create = { type: 'CreateSession' as const, code: 'XYZ789', scenario: testScenario, options: DEFAULT_OPTIONS, seed: 7 };

function dealt(players: number, tableCount?: number): Game {
  const g = lobby(players);
  g.must({ type: 'DealSeats', tableCount }, facilitator);
  return g;
}

describe('CreateSession', () => {
  it('creates the session in the lobby', () => {
    const events = decide(initialState(), create, { now: T0, actor: system });
    expect(events).toEqual([{ type: 'SessionCreated', code: 'XYZ789', scenario: testScenario, options: DEFAULT_OPTIONS, seed: 7, at: T0 }]);
    expect(new Game().game).toMatchObject({ status: 'lobby', locked: false, phaseIndex: -1, rng: 42 });
  });
  it('refuses a second creation, a player creating one, and commands to a session that does not exist', () => {
    expectRejected(new Game(), create, facilitator, 'SESSION_EXISTS');
    expect(decide(initialState(), create, { now: T0, actor: guest })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(decide(initialState(), { type: 'Join', name: 'Ada' }, { now: T0, actor: guest })).toMatchObject({ ok: false, code: 'SESSION_NOT_CREATED' });
  });
});

describe('Join', () => {
  it('gives a guest a seat, with the name tidied', () => {
    const g = new Game();
    expect(g.must({ type: 'Join', name: '  Ada   Lovelace ' }, guest)).toEqual([{ type: 'PlayerJoined', seatId: 's1', name: 'Ada Lovelace', at: T0 }]);
    expect(g.game.seats.s1).toEqual({ id: 's1', name: 'Ada Lovelace', status: 'active', tableId: null, roleId: null });
    expect(g.join('Grace')).toBe('s2');
  });
  it('refuses a seat or the facilitator joining', () => {
    const g = lobby(1);
    expectRejected(g, { type: 'Join', name: 'Bob' }, seat('s1'), 'NOT_ALLOWED');
    expectRejected(g, { type: 'Join', name: 'Bob' }, facilitator, 'NOT_ALLOWED');
  });
  it('refuses a locked room, and lets people in again once it is unlocked', () => {
    const g = lobby(1);
    g.must({ type: 'SetLocked', locked: true }, facilitator);
    expectRejected(g, { type: 'Join', name: 'Late' }, guest, 'ROOM_LOCKED');
    g.must({ type: 'SetLocked', locked: false }, facilitator);
    expect(g.join('Late')).toBe('s2');
  });
  it('refuses an empty or an overlong name', () => {
    const g = lobby(0);
    expectRejected(g, { type: 'Join', name: '   ' }, guest, 'NAME_INVALID');
    expectRejected(g, { type: 'Join', name: 'x'.repeat(41) }, guest, 'NAME_INVALID');
    expect(g.join('x'.repeat(40))).toBe('s1');
  });
  it('refuses a name already taken, whatever its case, but frees the name of someone who left', () => {
    const g = lobby(0);
    const ada = g.join('Ada');
    expectRejected(g, { type: 'Join', name: ' ADA ' }, guest, 'NAME_TAKEN');
    g.must({ type: 'Leave' }, seat(ada));
    expect(g.join('Ada')).toBe('s2');
  });
  it('refuses anyone once the session has ended', () => {
    const g = lobby(1);
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'Join', name: 'Late' }, guest, 'SESSION_ENDED');
  });
  it('refuses a full room (ROOM_FULL): by default the largest table times the tables asked for', () => {
    const largest = tableSizeRange(testScenario.roles).max;
    const g = lobby(largest, { tableCount: 1 });
    expectRejected(g, { type: 'Join', name: 'One too many' }, guest, 'ROOM_FULL');
    // Someone leaving makes room.
    g.must({ type: 'Leave' }, seat('s1'));
    expect(g.join('One too many')).toBe(`s${largest + 1}`);
  });
  it("holds the facilitator's number of seats, and caps arrivals at twice that", () => {
    const g = lobby(2, { maxSeats: 2, tableCount: 5 });
    expectRejected(g, { type: 'Join', name: 'Third' }, guest, 'ROOM_FULL');
    g.must({ type: 'Leave' }, seat('s1'));
    g.join('Third');
    g.must({ type: 'Leave' }, seat('s2'));
    expect(g.join('Fourth')).toBe('s4');
    // Four seats have existed: joining and leaving cannot grow the room without end.
    g.must({ type: 'Leave' }, seat('s3'));
    expectRejected(g, { type: 'Join', name: 'Fifth' }, guest, 'ROOM_FULL');
    expect(maxSeatsOf(g.game)).toBe(2);
  });
  it('sizes the room for twenty tables when the engine chooses the count', () => {
    expect(maxSeatsOf(lobby(0).game)).toBe(tableSizeRange(testScenario.roles).max * 20);
  });
});

describe('Leave', () => {
  it('lets a player leave the lobby, giving up any seat dealt', () => {
    const g = dealt(9, 1);
    expect(g.must({ type: 'Leave' }, seat('s3'))).toEqual([{ type: 'PlayerLeft', seatId: 's3', at: T0 }]);
    expect(g.game.seats.s3).toMatchObject({ status: 'left', tableId: null, roleId: null });
  });
  it('refuses guests, the facilitator, unknown or departed seats, and leaving once play has started', () => {
    const g = lobby(2);
    expectRejected(g, { type: 'Leave' }, guest, 'NOT_ALLOWED');
    expectRejected(g, { type: 'Leave' }, facilitator, 'NOT_ALLOWED');
    expectRejected(g, { type: 'Leave' }, seat('s99'), 'UNKNOWN_SEAT');
    g.must({ type: 'Leave' }, seat('s1'));
    expectRejected(g, { type: 'Leave' }, seat('s1'), 'UNKNOWN_SEAT');
    const { g: running, nL } = table9();
    expectRejected(running, { type: 'Leave' }, seat(nL), 'WRONG_PHASE');
  });
});

describe('SetLocked', () => {
  it('locks and unlocks the room', () => {
    const g = lobby(1);
    expect(g.must({ type: 'SetLocked', locked: true }, facilitator)).toEqual([{ type: 'RoomLocked', locked: true, at: T0 }]);
    expect(g.game.locked).toBe(true);
    g.must({ type: 'SetLocked', locked: false }, facilitator);
    expect(g.game.locked).toBe(false);
  });
  it('refuses players, a lock that changes nothing, and an ended session', () => {
    const g = lobby(1);
    expectRejected(g, { type: 'SetLocked', locked: true }, seat('s1'), 'NOT_ALLOWED');
    expectRejected(g, { type: 'SetLocked', locked: false }, facilitator, 'ALREADY_DONE');
    g.must({ type: 'SetLocked', locked: true }, facilitator);
    expectRejected(g, { type: 'SetLocked', locked: true }, facilitator, 'ALREADY_DONE');
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'SetLocked', locked: false }, facilitator, 'SESSION_ENDED');
  });
});

describe('DealSeats', () => {
  it('deals nine players at one table into every role, and opens the table and its channels', () => {
    const g = lobby(9);
    const e = eventOf(g.must({ type: 'DealSeats', tableCount: 1 }, facilitator), 'SeatsDealt');
    expect(e).toMatchObject({ tableIds: ['t1'], at: T0 });
    expect(new Set(e.assignments.map((a) => a.seatId)).size).toBe(9);
    const count = (roleId: string) => e.assignments.filter((a) => a.roleId === roleId).length;
    expect(['n-leader', 's-leader', 'n-envoy', 's-envoy', 'journalist', 'n-spoiler', 's-spoiler'].map(count)).toEqual([1, 1, 2, 2, 1, 1, 1]);
    expect(g.game.rng).toBe(e.rng);
    expect(Object.values(g.game.seats).every((s) => s.tableId === 't1' && s.roleId)).toBe(true);
    expect(Object.keys(g.game.channels).sort()).toEqual(['t1:front', 't1:press', 't1:team:north', 't1:team:south']);
    expect(g.game.tables.t1).toMatchObject({ support: { north: 60, south: 55 }, escalation: 0, preconditionMet: false, agreement: null });
  });
  it('splits any class into balanced tables of about six that each fill every role', () => {
    for (let players = 4; players <= 40; players++) {
      const g = dealt(players);
      const tables = Object.keys(g.game.tables);
      const sizes = tables.map((t) => Object.values(g.game.seats).filter((s) => s.tableId === t).length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(players);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (const t of tables) {
        const seats = Object.values(g.game.seats).filter((s) => s.tableId === t);
        for (const role of testScenario.roles) {
          const n = seats.filter((s) => s.roleId === role.id).length;
          expect(n).toBeGreaterThanOrEqual(role.min);
          expect(n).toBeLessThanOrEqual(role.max);
        }
      }
      if (players === 30) expect(sizes).toEqual([6, 6, 6, 6, 6]);
      if (players === 13) expect(sizes).toEqual([7, 6]);
    }
  });
  it('honours the session option and lets the command override it; a second deal replaces the first', () => {
    const g = lobby(12, { tableCount: 3 });
    g.must({ type: 'DealSeats' }, facilitator);
    expect(Object.keys(g.game.tables)).toEqual(['t1', 't2', 't3']);
    g.must({ type: 'DealSeats', tableCount: 2 }, facilitator);
    expect(Object.keys(g.game.tables)).toEqual(['t1', 't2']);
    expect(Object.values(g.game.seats).filter((s) => s.tableId === 't2')).toHaveLength(6);
  });
  it('refuses players, a running session, too few players and table counts that do not fit', () => {
    expectRejected(lobby(9), { type: 'DealSeats' }, seat('s1'), 'NOT_ALLOWED');
    const { g } = table9();
    expectRejected(g, { type: 'DealSeats' }, facilitator, 'WRONG_PHASE');
    expectRejected(lobby(3), { type: 'DealSeats' }, facilitator, 'CANNOT_DEAL');
    const nine = lobby(9);
    for (const tableCount of [3, 0, 1.5, 10]) expectRejected(nine, { type: 'DealSeats', tableCount }, facilitator, 'CANNOT_DEAL');
    expectRejected(lobby(11), { type: 'DealSeats', tableCount: 1 }, facilitator, 'CANNOT_DEAL');
  });
});

describe('MoveSeat', () => {
  it('moves a player to another table and role in the lobby', () => {
    const g = dealt(12, 2);
    const mover = Object.values(g.game.seats).find((s) => s.tableId === 't1' && s.roleId === 'n-envoy')!.id;
    expect(g.must({ type: 'MoveSeat', seatId: mover, tableId: 't2', roleId: 'journalist' }, facilitator)).toEqual([
      { type: 'SeatMoved', seatId: mover, tableId: 't2', roleId: 'journalist', at: T0 },
    ]);
    expect(g.game.seats[mover]).toMatchObject({ tableId: 't2', roleId: 'journalist' });
  });
  it('seats a late joiner in the role of a kicked player while play runs', () => {
    const { g, nL } = table9();
    g.must({ type: 'Kick', seatId: nL }, facilitator);
    g.must({ type: 'SetLocked', locked: false }, facilitator);
    const late = g.join('Late');
    g.must({ type: 'MoveSeat', seatId: late, tableId: 't1', roleId: 'n-leader' }, facilitator);
    expect(g.seatOf('n-leader')).toBe(late);
    expect(g.run({ type: 'PostMessage', channelId: 't1:team:north', text: 'I am here' }, seat(late))).not.toMatchObject({ ok: false });
  });
  it('refuses players, unknown seats, tables and roles, a full role, a seated player mid-game and an ended session', () => {
    const g = dealt(9, 1);
    const { nS, nE2 } = castOf(g);
    const move = (seatId: string, tableId = 't1', roleId = 'journalist') => ({ type: 'MoveSeat' as const, seatId, tableId, roleId });
    expectRejected(g, move(nS), seat(nS), 'NOT_ALLOWED');
    expectRejected(g, move('s99'), facilitator, 'UNKNOWN_SEAT');
    expectRejected(g, move(nS, 't9'), facilitator, 'UNKNOWN_TABLE');
    expectRejected(g, move(nS, 't1', 'king'), facilitator, 'UNKNOWN_ROLE');
    expectRejected(g, move(nS, 't1', 'n-leader'), facilitator, 'ROLE_FULL');
    expect(g.run(move(nS), facilitator)).not.toMatchObject({ ok: false });
    expectRejected(g, move(nE2, 't1', 'journalist'), facilitator, 'ROLE_FULL');
    const { g: running, sS } = table9();
    expectRejected(running, move(sS, 't1', 'journalist'), facilitator, 'WRONG_PHASE');
    running.must({ type: 'EndSession' }, facilitator);
    expectRejected(running, move(sS, 't1', 'journalist'), facilitator, 'SESSION_ENDED');
  });
});

describe('SwapSeats', () => {
  it('swaps the tables and roles of two dealt players', () => {
    const g = dealt(9, 1);
    const { nL, sE } = castOf(g);
    expect(g.must({ type: 'SwapSeats', seatA: nL, seatB: sE }, facilitator)).toEqual([{ type: 'SeatsSwapped', seatA: nL, seatB: sE, at: T0 }]);
    expect(g.game.seats[nL]?.roleId).toBe('s-envoy');
    expect(g.game.seats[sE]?.roleId).toBe('n-leader');
  });
  it('refuses players, a started session, undealt players and a swap with oneself', () => {
    const g = dealt(9, 1);
    const { nL, sE } = castOf(g);
    expectRejected(g, { type: 'SwapSeats', seatA: nL, seatB: sE }, seat(nL), 'NOT_ALLOWED');
    const late = g.join('Late');
    expectRejected(g, { type: 'SwapSeats', seatA: late, seatB: sE }, facilitator, 'UNKNOWN_SEAT');
    expectRejected(g, { type: 'SwapSeats', seatA: nL, seatB: 's99' }, facilitator, 'UNKNOWN_SEAT');
    expectRejected(g, { type: 'SwapSeats', seatA: nL, seatB: nL }, facilitator, 'INVALID_INPUT');
    const running = table9();
    expectRejected(running.g, { type: 'SwapSeats', seatA: running.nL, seatB: running.sE }, facilitator, 'WRONG_PHASE');
  });
});

describe('Kick', () => {
  it('removes a player, who can no longer act', () => {
    const { g, nE } = table9();
    expect(g.must({ type: 'Kick', seatId: nE }, facilitator)).toEqual([{ type: 'PlayerKicked', seatId: nE, at: g.now }]);
    expect(g.game.seats[nE]?.status).toBe('kicked');
    expectRejected(g, { type: 'PostMessage', channelId: 't1:front', text: 'hello' }, seat(nE), 'UNKNOWN_SEAT');
  });
  it('refuses players, unknown or already kicked seats, and an ended session', () => {
    const { g, nE, sE } = table9();
    expectRejected(g, { type: 'Kick', seatId: nE }, seat(sE), 'NOT_ALLOWED');
    expectRejected(g, { type: 'Kick', seatId: 's99' }, facilitator, 'UNKNOWN_SEAT');
    g.must({ type: 'Kick', seatId: nE }, facilitator);
    expectRejected(g, { type: 'Kick', seatId: nE }, facilitator, 'UNKNOWN_SEAT');
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'Kick', seatId: sE }, facilitator, 'SESSION_ENDED');
  });
});

describe('StartSession', () => {
  it('starts the briefing with its deadline and locks the room', () => {
    const g = dealt(9, 1);
    expect(g.must({ type: 'StartSession' }, facilitator)).toEqual([
      { type: 'SessionStarted', at: T0 },
      { type: 'PhaseStarted', phaseIndex: 0, rng: null, at: T0 },
      { type: 'DeadlineSet', at: T0, deadlineAt: T0 + 60_000 },
    ]);
    expect(g.game).toMatchObject({ status: 'running', locked: true, phaseIndex: 0, deadlineAt: T0 + 60_000, pausedRemainingMs: null });
  });
  it('uses the facilitator\'s phase length', () => {
    const g = lobby(9, { tableCount: 1, phaseDurations: { briefing: 30 } });
    g.must({ type: 'DealSeats' }, facilitator);
    g.must({ type: 'StartSession' }, facilitator);
    expect(g.game.deadlineAt).toBe(T0 + 30_000);
  });
  it('refuses players and a second start', () => {
    expectRejected(dealt(9, 1), { type: 'StartSession' }, seat('s1'), 'NOT_ALLOWED');
    expectRejected(runningGame(9), { type: 'StartSession' }, facilitator, 'WRONG_PHASE');
  });
  it('refuses to start before the tables are ready', () => {
    expectRejected(lobby(9), { type: 'StartSession' }, facilitator, 'TABLES_NOT_READY');
    const unseated = dealt(9, 1);
    unseated.join('Late');
    expect(expectRejected(unseated, { type: 'StartSession' }, facilitator, 'TABLES_NOT_READY').message).toContain('Late');
    const short = dealt(9, 1);
    short.must({ type: 'Kick', seatId: castOf(short).nL }, facilitator);
    expectRejected(short, { type: 'StartSession' }, facilitator, 'TABLES_NOT_READY');
    const noPhases = new Game({ ...testScenario, phases: [] });
    for (let i = 1; i <= 4; i++) noPhases.join(`P${i}`);
    noPhases.must({ type: 'DealSeats' }, facilitator);
    expectRejected(noPhases, { type: 'StartSession' }, facilitator, 'TABLES_NOT_READY');
  });
});
