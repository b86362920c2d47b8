import { decide, evolve, initialState, isRejection, type Actor, type Command, type GameEvent, type GameState, type Rejection } from '../engine';
import type { Clock, EventStore, Scheduler, SeatTokenRecord, StoredEvent, Timer } from './ports';

/** `repeated`: a command sent again with the id of one already decided, answered without deciding again. */
export type CommandResult = { ok: true; events: StoredEvent[]; repeated?: true } | (Rejection & { repeated?: true });

/** Results kept per seat for commands sent with an id; older ones are found in the store (if stored). */
const RECENT_PER_SEAT = 100;

export interface Committed {
  sessionId: string;
  events: StoredEvent[];
  state: GameState;
  /** The stored seq of the last event, which every viewer's update carries. */
  seq: number;
}

export type Listener = (committed: Committed) => void;

export interface DispatchOptions {
  /** Records written in the same transaction as the events (a Join's seat token). */
  issue?: (events: GameEvent[]) => { seatTokens?: SeatTokenRecord[] };
  /** The client's id for a seat's command, so that sending it again does not do it twice. */
  commandId?: string;
}

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
  /** By seat, then command id: the result first given. */
  private recent = new Map<string, Map<string, CommandResult>>();

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
   * Queues a command. A seat's command with an id is decided once: sent
   * again, it gets the first result back, marked `repeated` (from memory, or from the store after
   * a restart, where only stored commands are known).
   */
  dispatch(command: Command, actor: Actor, options: DispatchOptions = {}): Promise<CommandResult> {
    const seatId = actor.kind === 'seat' ? actor.seatId : null;
    const commandId = seatId !== null ? options.commandId : undefined;
    const commandKey = commandId !== undefined ? `${seatId}:${commandId}` : undefined;
    const run = async (): Promise<CommandResult> => {
      if (this.closed) return { ok: false, code: 'SESSION_ENDED', message: 'This session is not running on this server any more.' };
      if (seatId !== null && commandId !== undefined && commandKey !== undefined) {
        const earlier = this.recent.get(seatId)?.get(commandId) ?? (this.store.hasCommand(this.sessionId, commandKey) ? { ok: true as const, events: [] } : undefined);
        if (earlier) return { ...earlier, repeated: true };
      }
      const result = this.decideAndStore(command, actor, options.issue, commandKey);
      if (seatId !== null && commandId !== undefined) this.remember(seatId, commandId, result.ok ? { ok: true, events: [] } : result);
      return result;
    };
    const job = this.queue.then(run, run);
    this.queue = job.catch(() => undefined);
    return job;
  }

  private remember(seatId: string, commandId: string, result: CommandResult): void {
    let seat = this.recent.get(seatId);
    if (!seat) this.recent.set(seatId, (seat = new Map()));
    seat.set(commandId, result);
    if (seat.size > RECENT_PER_SEAT) seat.delete(seat.keys().next().value as string);
  }

  private decideAndStore(command: Command, actor: Actor, issue: DispatchOptions['issue'], commandKey: string | undefined): CommandResult {
    const result = decide(this.state, command, { now: this.clock.now(), actor });
    if (isRejection(result)) return result;
    const next = result.reduce(evolve, this.state);
    const status = next.created ? next.status : undefined;
    const stored = this.store.append(this.sessionId, this.seq, result, { ...issue?.(result), status, ...(commandKey ? { commandKey } : {}) });
    this.state = next;
    this.seq = stored.length ? stored[stored.length - 1]!.seq : this.seq;
    this.arm();
    if (stored.length) this.onCommit({ sessionId: this.sessionId, events: stored, state: this.state, seq: this.seq });
    return { ok: true, events: stored };
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
