import type { GuessLimits } from './guess-throttle';

/**
 * Every limit the socket layer applies, in one place, so docs/protocol.md can quote them and tests
 * can tighten them. Buckets are `burst` at once, then `perSecond`.
 */
export interface RealtimeLimits {
  /** Every event a socket sends (command, resync, ping, or an unknown name). */
  events: { burst: number; perSecond: number };
  /** Refusals a socket may earn before it is disconnected: a client that ignores RATE_LIMITED. */
  strikes: { burst: number; perSecond: number };
  /** Commands per socket, and per seat across all its sockets. */
  commands: { burst: number; perSecond: number };
  seatCommands: { burst: number; perSecond: number };
  /** Resyncs (each builds a whole view) per address, across all its sockets. */
  addressResyncs: { burst: number; perSecond: number };
  /**
   * A socket whose unsent output passes this many bytes (or twice its last snapshot, if larger) is
   * disconnected: a client that does not read cannot make the server buffer without end.
   */
  maxBufferedBytes: number;
  /**
   * Joins from one address into one room: a class behind one NAT joins at once, a script cannot
   * fill the room. Past the burst a join waits its turn (up to `maxDelayMs`, else RATE_LIMITED).
   */
  joins: { burst: number; perSecond: number; maxDelayMs: number };
  /** Wrong room codes and seat tokens: see guess-throttle.ts. */
  guesses: GuessLimits;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  events: { burst: 20, perSecond: 5 },
  strikes: { burst: 50, perSecond: 1 },
  commands: { burst: 10, perSecond: 4 },
  seatCommands: { burst: 15, perSecond: 6 },
  addressResyncs: { burst: 60, perSecond: 20 },
  maxBufferedBytes: 4 * 1024 * 1024,
  joins: { burst: 60, perSecond: 1, maxDelayMs: 10_000 },
  guesses: { failures: 20, windowMs: 60_000, intervalMs: 3_000, maxDelayMs: 10_000, knownMs: 12 * 60 * 60_000 },
};

export function withDefaults(overrides: Partial<RealtimeLimits> = {}): RealtimeLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
