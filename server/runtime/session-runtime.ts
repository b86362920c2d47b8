import { decide, evolve, initialState, isRejection, type Actor, type Command, type GameEvent, type GameState, type Rejection } from '../engine';
import { answerBudget } from './turn-budget';
import type { AppendExtra, Clock, EventStore, Scheduler, StoredEvent, Timer } from './ports';

/** Refused without deciding: the session has too many commands waiting (see MAX_WAITING_COMMANDS). */
export interface Busy {
  ok: false;
  code: 'BUSY';
  message: string;
  repeated?: true;
}

/** `repeated`: a command sent again with the id of one already decided, answered without deciding again. */
export type CommandResult = { ok: true; events: StoredEvent[]; repeated?: true } | (Rejection & { repeated?: true }) | Busy;

/** Results kept per seat for commands sent with an id; older ones are found in the store (if stored). */
const RECENT_PER_SEAT = 100;

/**
 * Commands of one session dispatched and not yet answered beyond which a player's or facilitator's
 * command is refused with BUSY at once (a deadline, the system's, is never refused). A session
 * is played by at most a few dozen people, each limited to a few commands a second at the socket,
 * so a queue this deep means the server is behind: answering "busy" now beats answering in 30 s.
 */
export const MAX_WAITING_COMMANDS = 64;

export const BUSY: Busy = { ok: false, code: 'BUSY', message: 'The server is busy and did not take this; try again in a moment.' };

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

/** A command once decided: answered as it is, or waiting for its events to be stored. */
type Decided =
  | { kind: 'answer'; result: CommandResult }
  | { kind: 'repeat'; of: Promise<CommandResult> }
  | { kind: 'write'; write: Promise<StoredEvent[]>; next: GameState; epoch: number };

/**
 * Runs one session. Commands are decided one at a time in arrival order, each on the state the
 * commands before it produce, without waiting for those to reach the disk: so the commands of a
 * turn are stored together (the store commits in groups). Each is answered, and its events
 * broadcast, only once stored, in order; the process answers at most ANSWERS_PER_TURN commands in
 * one turn of the event loop (turn-budget.ts), so a backlog never holds the loop. If an append
 * fails, the commands decided on top of it fail too (the store sees the log does not end where
 * they expect) and the state falls back to what is stored: nothing acknowledged is lost, nothing
 * unstored is shown.
 *
 * One deadline timer per table is armed from the stored state (tables keep their own clocks). A
 * per-session queue is stricter than a per-table one, and it is what a deadline needs: tables that
 * keep time together end a phase at once.
 */
export class SessionRuntime {
  /** What is stored, and what viewers see. */
  private state: GameState = initialState();
  private seq = 0;
  /** What the decided commands make of it, some perhaps not stored yet; commands are decided on it. */
  private head: GameState = initialState();
  private headSeq = 0;
  /** Bumped when the head falls back to the stored state: the appends decided before then fail. */
  private epoch = 0;
  private deciding: Promise<unknown> = Promise.resolve();
  /** Settles once the last command queued is answered (and the loop had its turn). */
  private answered: Promise<unknown> = Promise.resolve();
  /** Commands dispatched, not yet answered. */
  private waiting = 0;
  /** By command key: the result of a command decided and not yet answered. */
  private inflight = new Map<string, Promise<CommandResult>>();
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
  async load(): Promise<void> {
    const log = await this.store.load(this.sessionId);
    this.state = this.head = log.reduce<GameState>((s, e) => evolve(s, e.event), initialState());
    this.seq = this.headSeq = log.length ? log[log.length - 1]!.seq : 0;
    this.arm();
  }

  /** The stored state: every event in it is on disk. */
  get current(): GameState {
    return this.state;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Commands dispatched and not yet answered. */
  get queued(): number {
    return this.waiting;
  }

  /**
   * Queues a command; past MAX_WAITING_COMMANDS it is refused with BUSY at once. A seat's command
   * with an id is decided once: sent again, it gets the first result back, marked `repeated` (from
   * memory, or from the store after a restart, where only stored commands are known).
   */
  dispatch(command: Command, actor: Actor, options: DispatchOptions = {}): Promise<CommandResult> {
    if (actor.kind !== 'system' && this.waiting >= MAX_WAITING_COMMANDS) return Promise.resolve(BUSY);
    this.waiting++;
    const seatId = actor.kind === 'seat' ? actor.seatId : null;
    const commandId = seatId !== null ? options.commandId : undefined;
    const commandKey = commandId !== undefined ? `${seatId}:${commandId}` : undefined;
    // The command's own answer, so that deciding it does not take it for an earlier copy of itself.
    const self: { answer?: Promise<CommandResult> } = {};
    const decide = () => this.decide(command, actor, options.issue, seatId, commandId, self);
    const decided = this.deciding.then(decide, decide);
    this.deciding = decided.catch(() => undefined);
    const previous = this.answered;
    const answer = (async () => {
      try {
        const step = await decided;
        await previous;
        await answerBudget.take();
        const result = await this.finish(step);
        if (seatId !== null && commandId !== undefined) this.remember(seatId, commandId, result.ok ? { ok: true, events: [] } : result);
        return result;
      } finally {
        this.waiting--;
        if (commandKey !== undefined && this.inflight.get(commandKey) === self.answer) this.inflight.delete(commandKey);
      }
    })();
    self.answer = answer;
    if (commandKey !== undefined && !this.inflight.has(commandKey)) this.inflight.set(commandKey, answer);
    this.answered = answer.catch(() => undefined);
    return answer;
  }

  private async decide(command: Command, actor: Actor, issue: DispatchOptions['issue'], seatId: string | null, commandId: string | undefined, self: { answer?: Promise<CommandResult> }): Promise<Decided> {
    if (this.closed) return { kind: 'answer', result: { ok: false, code: 'SESSION_ENDED', message: 'This session is not running on this server any more.' } };
    const commandKey = seatId !== null && commandId !== undefined ? `${seatId}:${commandId}` : undefined;
    if (commandKey !== undefined && seatId !== null && commandId !== undefined) {
      const earlier = this.recent.get(seatId)?.get(commandId);
      if (earlier) return { kind: 'answer', result: { ...earlier, repeated: true } };
      const pending = this.inflight.get(commandKey);
      if (pending && pending !== self.answer) return { kind: 'repeat', of: pending };
      if (await this.store.hasCommand(this.sessionId, commandKey)) return { kind: 'answer', result: { ok: true, events: [], repeated: true } };
    }
    const result = decide(this.head, command, { now: this.clock.now(), actor });
    if (isRejection(result)) return { kind: 'answer', result };
    const next = result.reduce(evolve, this.head);
    const status = next.created ? next.status : undefined;
    const write = this.store.append(this.sessionId, this.headSeq, result, { ...issue?.(result), status, ...(commandKey ? { commandKey } : {}) });
    // Handled where it is answered; this only keeps an early failure from being reported as unhandled.
    write.catch(() => undefined);
    this.head = next;
    this.headSeq += result.length;
    return { kind: 'write', write, next, epoch: this.epoch };
  }

  private async finish(step: Decided): Promise<CommandResult> {
    if (step.kind === 'answer') return step.result;
    if (step.kind === 'repeat') return { ...(await step.of), repeated: true };
    let stored: StoredEvent[];
    try {
      stored = await step.write;
    } catch (error) {
      if (step.epoch === this.epoch) {
        this.head = this.state;
        this.headSeq = this.seq;
        this.epoch++;
      }
      throw error;
    }
    this.state = step.next;
    this.seq = stored.length ? stored[stored.length - 1]!.seq : this.seq;
    this.arm();
    if (stored.length) this.onCommit({ sessionId: this.sessionId, events: stored, state: this.state, seq: this.seq });
    return { ok: true, events: stored };
  }

  private remember(seatId: string, commandId: string, result: CommandResult): void {
    let seat = this.recent.get(seatId);
    if (!seat) this.recent.set(seatId, (seat = new Map()));
    seat.set(commandId, result);
    if (seat.size > RECENT_PER_SEAT) seat.delete(seat.keys().next().value as string);
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
        // A failed append (the store unreachable) re-arms too: the deadline is tried again.
        const rearm = () => this.arm();
        void this.dispatch({ type: 'DeadlineReached', tableId }, { kind: 'system' }).then((r) => {
          if (!r.ok) rearm();
        }, rearm);
      });
      this.timers.set(tableId, { timer, at });
    }
  }

  /** The tables whose deadline timers are armed, and when they ring (for tests and the dashboard). */
  get armed(): Record<string, number> {
    return Object.fromEntries([...this.timers].map(([id, t]) => [id, t.at]));
  }

  /** Settles once every command queued so far is answered (after close(): once the last commit is stored). */
  async drained(): Promise<void> {
    await this.answered;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) t.timer.cancel();
    this.timers.clear();
  }
}
