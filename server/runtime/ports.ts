import type { GameEvent } from '../engine';

/**
 * The runtime's ports. Production uses SQLite and the real clock; unit tests use the in-memory
 * twins beside them.
 */

export interface StoredEvent {
  seq: number;
  event: GameEvent;
}

export interface SessionRecord {
  id: string;
  code: string;
  facilitatorId: string;
  scenarioId: string;
  status: 'lobby' | 'running' | 'ended';
  createdAt: number;
}

export interface SeatTokenRecord {
  tokenHash: string;
  seatId: string;
}

export interface AppendExtra {
  seatTokens?: SeatTokenRecord[];
  status?: SessionRecord['status'];
  /** The command's id (`seatId:commandId`), kept with its first event. */
  commandKey?: string;
  /**
   * A seat changes hands (ReplaceSeat): its tokens are revoked, then the waiting seat's tokens
   * (if `fromSeatId`) now open it; `seatTokens` above may add the newcomer's. Applied before them.
   */
  handOver?: { seatId: string; fromSeatId: string | null };
}

/**
 * Where events are kept. Every method is asynchronous, so the same runtime runs on an embedded
 * SQLite file, on a database across the network, or on the in-memory twin.
 */
export interface EventStore {
  /** Rejects if the id or the code is taken or the facilitator does not exist. */
  createSession(record: SessionRecord): Promise<void>;
  /**
   * Appends events after `expectedSeq` (the last stored seq) atomically, with any seat tokens the
   * command issued, the session's status and the command's id. Rejects if the session's last stored
   * seq is not `expectedSeq` (another writer got there first, or an earlier append it was decided
   * on failed). Resolves only once the events are durable. Appends made in the same event-loop turn
   * may be written together, but each succeeds or fails on its own.
   */
  append(sessionId: string, expectedSeq: number, events: GameEvent[], extra?: AppendExtra): Promise<StoredEvent[]>;
  /** Whether a command with this id (`seatId:commandId`) was stored in the session. */
  hasCommand(sessionId: string, commandKey: string): Promise<boolean>;
  /** The session's events after `afterSeq` (default 0: all of them), in order; [] for an unknown session. */
  load(sessionId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** Sessions that have not ended, to rebuild at start. */
  liveSessions(): Promise<SessionRecord[]>;
  findSession(idOrCode: { id?: string; code?: string }): Promise<SessionRecord | undefined>;
  /** A facilitator's sessions (null: everyone's), newest first. */
  listSessions(facilitatorId: string | null): Promise<SessionRecord[]>;
  seatForToken(sessionId: string, tokenHash: string): Promise<string | undefined>;
  /** Writes what is waiting and refuses further appends (before the database closes). */
  close(): Promise<void>;
}

export interface Clock {
  now(): number;
}

export interface Timer {
  cancel(): void;
}

export interface Scheduler {
  /** Calls `fn` at (or soon after) `at` on the clock. */
  at(at: number, fn: () => void): Timer;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Real timers; long waits are chained because setTimeout caps at about 24.8 days. */
export function realScheduler(clock: Clock = systemClock): Scheduler {
  return {
    at(at, fn) {
      let handle: ReturnType<typeof setTimeout>;
      const wait = () => {
        const delay = at - clock.now();
        handle = setTimeout(delay > 2 ** 31 - 1 ? wait : fn, Math.max(0, Math.min(delay, 2 ** 31 - 1)));
        handle.unref?.();
      };
      wait();
      return { cancel: () => clearTimeout(handle) };
    },
  };
}
