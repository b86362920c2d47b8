import { describe, expect, it } from 'vitest';
import { nextMove } from '../bots/strategy';
import { decide, evolve, initialState, isRejection, project, DEFAULT_OPTIONS, type Command, type GameState, type Actor, type SeatView } from '../engine';
import { MAX_TABLE_SIZE, MIN_TABLE_SIZE } from './schema';
import { builtInScenarios } from './index';

/**
 * Every built-in scenario, played to the end by the bots' own brain (server/bots/strategy.ts,
 * the code the socket bots run) at the smallest and the largest table, in-process on the engine
 * with a simulated clock so that it takes milliseconds instead of half an hour.
 */
function play(scenarioIndex: number, players: number, seed: number) {
  const scenario = builtInScenarios()[scenarioIndex]!;
  let state: GameState = initialState();
  let now = 1_000_000;
  const rejections: string[] = [];
  let accepted = 0;
  const run = (command: Command, actor: Actor) => {
    const result = decide(state, command, { now, actor });
    if (isRejection(result)) return result;
    state = result.reduce(evolve, state);
    return result;
  };
  const must = (command: Command, actor: Actor) => {
    const r = run(command, actor);
    if (isRejection(r)) throw new Error(`${command.type}: ${r.code} ${r.message}`);
    return r;
  };
  must({ type: 'CreateSession', code: 'BOTS22', scenario, options: { ...DEFAULT_OPTIONS, tableCount: 1, leakSensitivity: 2 }, seed }, { kind: 'system' });
  const seats: string[] = [];
  for (let i = 0; i < players; i++) {
    const [joined] = must({ type: 'Join', name: `Bot ${i + 1}` }, { kind: 'guest' });
    if (joined?.type === 'PlayerJoined') seats.push(joined.seatId);
  }
  must({ type: 'DealSeats' }, { kind: 'facilitator' });
  must({ type: 'StartSession' }, { kind: 'facilitator' });
  let rng = seed >>> 0;
  const random = () => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let step = 0; step < 5000 && state.created && state.status !== 'ended'; step++) {
    const seatId = seats[step % seats.length]!;
    const view = project(state, { kind: 'seat', seatId }) as SeatView;
    const move = nextMove(view, random);
    if (move) {
      const r = run(move, { kind: 'seat', seatId });
      if (isRejection(r)) rejections.push(`${move.type}: ${r.code} ${r.message}`);
      else accepted++;
    }
    now += 2000;
    if (state.created && state.deadlineAt !== null && now >= state.deadlineAt) must({ type: 'DeadlineReached' }, { kind: 'system' });
  }
  return { state, rejections, accepted, scenario };
}

const scenarios = builtInScenarios();

describe.each(scenarios.map((s, i) => [s.id, i] as const))('%s played by bots', (_id, index) => {
  it.each([MIN_TABLE_SIZE, MAX_TABLE_SIZE])('at a table of %i, to the end, with no unexpected rejection', (players) => {
    const { state, rejections, accepted } = play(index, players, 7 + players);
    expect(state.created && state.status).toBe('ended');
    expect(accepted).toBeGreaterThan(players * 3);
    expect(rejections).toEqual([]);
    if (state.created) expect(state.scores?.length).toBe(players);
  });
});
