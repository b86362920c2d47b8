import { expect } from 'vitest';
import type { Actor, Command } from '../commands';
import { decide } from '../decide';
import { eventAt, type GameEvent } from '../events';
import { evolve } from '../evolve';
import { project } from '../project';
import { isRejection, type Rejection, type RejectionCode } from '../rejection';
import { initialState, type GameState } from '../state';
import type { FacilitatorView, ProjectorView, SeatView } from '../view';
import { T0 } from './harness';

/**
 * Given/when/then for the decider, after Emmett's `DeciderSpecification`:
 *
 *   given([events]).when(command, { actor }).then([expected events])
 *   given([events]).when(command, { actor }).thenRejects('NAME_TAKEN')
 *
 * `given` folds the history with `evolve` (so a history that names something unknown fails
 * loudly), `when` calls `decide` once, `then` compares the decided events exactly and folds them
 * in, so a test can go on to look at what each viewer sees: `.then([...]).seat('s1')`.
 * `now` defaults to the time of the last given event: the command comes right after the history.
 */

export interface WhenMeta {
  actor: Actor;
  now?: number;
}

export interface Outcome {
  /** The history plus the events just decided. */
  events: GameEvent[];
  state: GameState;
  seat(seatId: string): SeatView;
  projector(): ProjectorView;
  facilitator(): FacilitatorView;
  /** Carries on from here: the outcome becomes the next history. */
  given(more?: GameEvent[]): Given;
}

export interface When {
  then(expected: GameEvent[] | ((events: GameEvent[]) => void)): Outcome;
  thenRejects(code: RejectionCode, message?: string | RegExp): Rejection;
}

export interface Given extends Omit<Outcome, 'given'> {
  when(command: Command, meta: WhenMeta): When;
}

function outcome(events: GameEvent[], state: GameState): Outcome {
  const view = <V>(v: V | null, who: string): V => {
    if (v === null) throw new Error(`no view for ${who}`);
    return v;
  };
  return {
    events,
    state,
    seat: (seatId) => view(project(state, { kind: 'seat', seatId }), seatId),
    projector: () => view(project(state, { kind: 'projector' }), 'the projector'),
    facilitator: () => view(project(state, { kind: 'facilitator' }), 'the facilitator'),
    given: (more = []) => given([...events, ...more]),
  };
}

export function given(history: GameEvent[]): Given {
  const state = history.reduce(evolve, initialState());
  const last = history[history.length - 1];
  const base = outcome(history, state);
  return {
    ...base,
    when(command, meta) {
      const now = meta.now ?? (last ? eventAt(last) : T0);
      const result = decide(state, command, { actor: meta.actor, now });
      return {
        then(expected) {
          if (isRejection(result)) throw new Error(`${command.type} was rejected: ${result.code} ${result.message}`);
          if (typeof expected === 'function') expected(result);
          else expect(result).toEqual(expected);
          return outcome([...history, ...result], result.reduce(evolve, state));
        },
        thenRejects(code, message) {
          expect(result, `${command.type} should be rejected with ${code}`).toMatchObject({ ok: false, code });
          const rejection = result as Rejection;
          if (message !== undefined) expect(rejection.message).toMatch(message);
          return rejection;
        },
      };
    },
  };
}
