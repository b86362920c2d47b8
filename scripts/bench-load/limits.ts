import { DEFAULT_LIMITS, type RealtimeLimits } from '../../server/realtime/limits';

/**
 * The socket limits of the benchmark's game server, passed in through createServer's
 * `realtime.limits` (the same hook the tests use); DEFAULT_LIMITS, which `npm start` runs with, are
 * not touched. Every client of a load test comes from 127.0.0.1, so what is meant for one address
 * (joins per address and room, resyncs per address) would be shared by thousands of players, and
 * the sweep's short periods post faster than a person types (commands and events per socket).
 * Those are lifted; everything that is not about one address or one person's pace stays as in
 * production: strikes, the 4 MB unread-output cut-off and the guessing throttle (the bench never
 * guesses wrong).
 */
const PLENTY = { burst: 1_000_000, perSecond: 1_000_000 };

export const LOAD_TEST_LIMITS: Partial<RealtimeLimits> = {
  events: PLENTY,
  commands: PLENTY,
  seatCommands: PLENTY,
  addressResyncs: PLENTY,
  joins: { ...PLENTY, maxDelayMs: DEFAULT_LIMITS.joins.maxDelayMs },
};
