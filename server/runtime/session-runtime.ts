import { decide, evolve, initialState, isRejection, type Actor, type Command, type GameEvent, type GameState, type Rejection } from '../engine';
import type { AppendExtra, Clock, EventStore, Scheduler, StoredEvent, Timer } from './ports';

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
  issue?: (events: GameEvent[]) => Pick<AppendExtra, 'seatTokens' | 'handOver'>;
  /** The client's id for a seat's command, so that sending it again does not do it twice. */
  commandId?: string;
}

/**
 * Runs one session: one command at a time (a promise chain is the queue), events written to the
 * store before anything is acknowledged or broadcast, and one deadline timer per table armed from
 * the state (tables keep their own clocks). A per-session queue is stricter than a per-table one,
 * and it is what a deadline needs: tables that keep time together end a phase at once.
 */
export class SessionRuntime {
  private state: GameState = initialState();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** By table: the timer of its deadline and the deadline it was armed for. */
  private timers = new Map<string, { timer: Timer; at: number }>();
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


  /** The deadline each table's timer should ring at: running tables, not paused, not finished. */
  private deadlines(): Map<string, number> {
    const s = this.state;
    const due = new Map<string, number>();
    if (!s.created || s.status !== 'running') return due;
    for (const t of Object.values(s.tables)) {
      if (t.clock.finishedAt === null && t.clock.pausedRemainingMs === null && t.clock.deadlineAt !== null) due.set(t.id, t.clock.deadlineAt);
    }
    return due;
  }

  /** Re-arms after every change (and at load): a timer per table, moved only where the table's deadline moved. */
  private arm(): void {
    const wanted = this.closed ? new Map<string, number>() : this.deadlines();
    for (const [tableId, armed] of this.timers) {
      if (wanted.get(tableId) === armed.at) continue;
      armed.timer.cancel();
      this.timers.delete(tableId);
    }
    for (const [tableId, at] of wanted) {
      if (this.timers.has(tableId)) continue;
      const timer = this.scheduler.at(at, () => {
        if (this.timers.get(tableId)?.timer === timer) this.timers.delete(tableId);
        // Tables that keep time together ring at once: the first call moves them all, and the
        // others are refused as not due (WRONG_PHASE), which re-arms for their new deadline.
        void this.dispatch({ type: 'DeadlineReached', tableId }, { kind: 'system' }).then((r) => {
          if (!r.ok) this.arm();
        });
      });
      this.timers.set(tableId, { timer, at });
    }
  }

  /** The tables whose deadline timers are armed, and when they ring (for tests and the dashboard). */
  get armed(): Record<string, number> {
    return Object.fromEntries([...this.timers].map(([id, t]) => [id, t.at]));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) t.timer.cancel();
    this.timers.clear();
  }
}
