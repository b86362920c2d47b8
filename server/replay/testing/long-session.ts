import { nextMove } from '../../bots/strategy';
import { decide, DEFAULT_OPTIONS, evolve, initialState, isRejection, project, type Actor, type Command, type GameEvent, type GameState, type Scenario, type SeatView } from '../../engine';

/**
 * A long session's log, played in-process by the bots' brain with a simulated clock: `target`
 * events or a few more (the session is ended at the end so it can be imported like a finished one).
 */
export function generateLongSession(scenario: Scenario, options: { target: number; players: number; tables: number; seed: number }): GameEvent[] {
  let state: GameState = initialState();
  const log: GameEvent[] = [];
  let now = 1_700_000_000_000;
  const run = (command: Command, actor: Actor) => {
    const result = decide(state, command, { now, actor });
    if (isRejection(result)) return false;
    for (const e of result) {
      state = evolve(state, e);
      log.push(e);
    }
    return true;
  };
  const phaseDurations = Object.fromEntries(scenario.phases.map((p) => [p.id, 7200]));
  run({ type: 'CreateSession', code: 'LONG01', scenario, options: { ...DEFAULT_OPTIONS, tableCount: options.tables, phaseDurations }, seed: options.seed }, { kind: 'system' });
  const seats: string[] = [];
  for (let i = 0; i < options.players; i++) {
    run({ type: 'Join', name: `Player ${i + 1}` }, { kind: 'guest' });
    const joined = log[log.length - 1];
    if (joined?.type === 'PlayerJoined') seats.push(joined.seatId);
  }
  run({ type: 'DealSeats' }, { kind: 'facilitator' });
  run({ type: 'StartSession' }, { kind: 'facilitator' });
  let rng = options.seed >>> 0;
  const random = () => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let step = 0; log.length < options.target && state.created && state.status !== 'ended'; step++) {
    const seatId = seats[step % seats.length]!;
    const move = nextMove(project(state, { kind: 'seat', seatId }) as SeatView, random);
    if (move) run(move, { kind: 'seat', seatId });
    now += 500;
    if (state.created && state.deadlineAt !== null && now >= state.deadlineAt) run({ type: 'DeadlineReached' }, { kind: 'system' });
  }
  if (state.created && state.status !== 'ended') run({ type: 'EndSession' }, { kind: 'facilitator' });
  return log;
}
