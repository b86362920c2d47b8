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

export interface EventStore {
  createSession(record: SessionRecord): void;
  /**
   * Appends events after `expectedSeq` (the last stored seq) in one transaction, with any seat
   * tokens the command issued, the session's status and the command's id. Throws if another
   * writer got there first.
   */
  append(sessionId: string, expectedSeq: number, events: GameEvent[], extra?: AppendExtra): StoredEvent[];
  /** Whether a command with this id (`seatId:commandId`) was stored in the session. */
  hasCommand(sessionId: string, commandKey: string): boolean;
  load(sessionId: string): StoredEvent[];
  /** Sessions that have not ended, to rebuild at start. */
  liveSessions(): SessionRecord[];
  findSession(idOrCode: { id?: string; code?: string }): SessionRecord | undefined;
  listSessions(facilitatorId: string | null): SessionRecord[];
  seatForToken(sessionId: string, tokenHash: string): string | undefined;
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
