import type { ActiveGame, Seat } from './state';

/** What moved a side's public support. */
export type SupportCause = 'story' | 'announcement' | 'precondition' | 'mobilisation' | 'legitimacy' | 'renege' | 'inject' | 'broadcast';

/**
 * One move of one side's public support at one table, recorded by `evolve` as it applies it, so
 * the end screen can answer "why did my support move?" from the state alone.
 */
export interface SupportEntry {
  at: number;
  tableId: string;
  side: string;
  /** As applied: `after - before` (support is clamped to 0–100). */
  delta: number;
  before: number;
  after: number;
  cause: SupportCause;
  /** What caused it: the story, the seat that mobilised, the deal, the broadcast… */
  ref: { storyId?: string; tipId?: string; seatId?: string; proposalId?: string; broadcastId?: string };
}

/** A support move as a viewer may read it: with a sentence saying why. */
export interface SupportChange extends SupportEntry {
  label: string;
}

/** The support moves of the seat's table, for the end screen; built in a later commit. */
export function supportLedgerFor(game: ActiveGame, seat: Seat): SupportChange[] {
  void game;
  void seat;
  return [];
}
