import { decide } from '../decide';
import { evolve } from '../evolve';
import type { Actor, Command, Meta } from '../commands';
import type { GameEvent } from '../events';
import { isRejection, type Rejection } from '../rejection';
import type { Scenario } from '../scenario';
import { DEFAULT_OPTIONS, initialState, type ActiveGame, type GameState, type SessionOptions } from '../state';
import { testScenario } from './fixture';

/** Test helpers: fold events, run commands, and play a game forward. */

export const T0 = 1_700_000_000_000;
export const facilitator: Actor = { kind: 'facilitator' };
export const system: Actor = { kind: 'system' };
export const guest: Actor = { kind: 'guest' };
export const seat = (seatId: string): Actor => ({ kind: 'seat', seatId });

export function fold(events: GameEvent[], from: GameState = initialState()): GameState {
  return events.reduce(evolve, from);
}

export function active(state: GameState): ActiveGame {
  if (!state.created) throw new Error('session not created');
  return state;
}

/** A game that records every event it accepts, like the runtime does. */
export class Game {
  state: GameState = initialState();
  events: GameEvent[] = [];
  now = T0;

  constructor(scenario: Scenario = testScenario, options: Partial<SessionOptions> = {}, seed = 42) {
    this.must({ type: 'CreateSession', code: 'ABC234', scenario, options: { ...DEFAULT_OPTIONS, ...options }, seed }, facilitator);
  }

  get game(): ActiveGame {
    return active(this.state);
  }

  run(command: Command, actor: Actor, now = this.now): GameEvent[] | Rejection {
    const meta: Meta = { now, actor };
    const result = decide(this.state, command, meta);
    if (!isRejection(result)) {
      this.state = result.reduce(evolve, this.state);
      this.events.push(...result);
    }
    return result;
  }

  /** Runs a command that must be accepted. */
  must(command: Command, actor: Actor, now = this.now): GameEvent[] {
    const result = this.run(command, actor, now);
    if (isRejection(result)) throw new Error(`${command.type} rejected: ${result.code} ${result.message}`);
    return result;
  }

  join(name: string): string {
    const [event] = this.must({ type: 'Join', name }, guest);
    if (event?.type !== 'PlayerJoined') throw new Error('no PlayerJoined');
    return event.seatId;
  }

  /** The seat holding a role at a table. */
  seatOf(roleId: string, tableId = 't1'): string {
    const found = Object.values(this.game.seats).find((s) => s.roleId === roleId && s.tableId === tableId && s.status === 'active');
    if (!found) throw new Error(`nobody is ${roleId} at ${tableId}`);
    return found.id;
  }

  advanceTo(ms: number): void {
    this.now = ms;
  }

  /** Lets the clock run out and fires the deadline, as the runtime's timer would. */
  passDeadline(): GameEvent[] {
    const at = this.game.deadlineAt;
    if (at === null) throw new Error('no deadline');
    this.now = Math.max(this.now, at);
    return this.must({ type: 'DeadlineReached' }, system);
  }
}

/** A game with `players` joined, dealt and started, moved on to the first negotiation round. */
export function runningGame(players = 7, options: Partial<SessionOptions> = {}, seed = 42, scenario: Scenario = testScenario): Game {
  const g = new Game(scenario, options, seed);
  for (let i = 1; i <= players; i++) g.join(`Player ${i}`);
  g.must({ type: 'DealSeats' }, facilitator);
  g.must({ type: 'StartSession' }, facilitator);
  g.passDeadline(); // briefing over
  g.now += 1000;
  return g;
}
