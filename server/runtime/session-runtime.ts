import { decide, evolve, initialState, isRejection, type Actor, type Command, type GameEvent, type GameState, type Rejection } from '../engine';
import type { Clock, EventStore, Scheduler, SeatTokenRecord, StoredEvent, Timer } from './ports';

export type CommandResult = { ok: true; events: StoredEvent[] } | Rejection;

export interface Committed {
  sessionId: string;
  events: StoredEvent[];
  state: GameState;
  /** The stored seq of the last event, which every viewer's update carries. */
  seq: number;
}

export type Listener = (committed: Committed) => void;

/**
 * Runs one session: one command at a time (a promise chain is the queue), events written to the
 * store before anything is acknowledged or broadcast, and the deadline timer armed from the state.
 * A per-session queue is stricter than a per-table one, and it is what a deadline needs: a
 * deadline ends the phase for every table at once.
 */
export class SessionRuntime {
  private state: GameState = initialState();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: Timer | null = null;
  private armedFor: number | null = null;
  private closed = false;

  constructor(
    readonly sessionId: string,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly onCommit: Listener,
  ) {}

  /** Rebuilds the state by folding the stored log, then arms the deadline (firing at once if it passed). */
  load(): void {
    const log = this.store.load(this.sessionId);
    this.state = log.reduce<GameState>((s, e) => evolve(s, e.event), initialState());
    this.seq = log.length ? log[log.length - 1]!.seq : 0;
    this.arm();
  }

  get current(): GameState {
    return this.state;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Queues a command. `issue` lets the caller attach records written in the same transaction
   * (a seat token for the seat a Join creates).
   */
  dispatch(command: Command, actor: Actor, issue?: (events: GameEvent[]) => { seatTokens?: SeatTokenRecord[] }): Promise<CommandResult> {
    const run = async (): Promise<CommandResult> => {
      if (this.closed) return { ok: false, code: 'SESSION_ENDED', message: 'This session is not running on this server any more.' };
      const result = decide(this.state, command, { now: this.clock.now(), actor });
      if (isRejection(result)) return result;
      const next = result.reduce(evolve, this.state);
      const status = next.created ? next.status : undefined;
      const stored = this.store.append(this.sessionId, this.seq, result, { ...issue?.(result), status });
      this.state = next;
      this.seq = stored.length ? stored[stored.length - 1]!.seq : this.seq;
      this.arm();
      if (stored.length) this.onCommit({ sessionId: this.sessionId, events: stored, state: this.state, seq: this.seq });
      return { ok: true, events: stored };
    };
    const job = this.queue.then(run, run);
    this.queue = job.catch(() => undefined);
    return job;
  }

  private arm(): void {
    const s = this.state;
    const at = s.created && s.status === 'running' && s.pausedRemainingMs === null ? s.deadlineAt : null;
    if (at === this.armedFor) return;
    this.timer?.cancel();
    this.timer = null;
    this.armedFor = at;
    if (at === null || this.closed) return;
    this.timer = this.scheduler.at(at, () => {
      this.armedFor = null;
      void this.dispatch({ type: 'DeadlineReached' }, { kind: 'system' }).then((r) => {
        if (!r.ok) this.arm(); // e.g. extended meanwhile: wait for the new deadline
      });
    });
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
  }
}
