import type { PlayerCommand } from '../realtime/protocol';

/**
 * How long a bot waits before its next move. People at a table type a text every 15–30 s at
 * most, click every 5–12 s and glance at the screen every 10–20 s when there is nothing to do
 * (the same pace as the balance harness, server/balance/play.ts), so 'human' is the default;
 * 'fast' (a move every tickMs, give or take half) is for tests and the load benchmark.
 */
export type Pace = 'human' | 'fast';

export const HUMAN_PACE_MS = { text: [15_000, 30_000], click: [5_000, 12_000], idle: [10_000, 20_000] } as const;
export const DEFAULT_TICK_MS = 1500;

/** Commands a person has to write (the rest are clicks). */
const TEXT_COMMANDS = new Set<PlayerCommand['type']>(['PostMessage', 'Propose', 'OpenBackChannel', 'PublishStory']);

/** Milliseconds to wait after `move` (null: the bot had nothing to do). */
export function delayAfter(move: PlayerCommand | null, pace: Pace, tickMs: number, random: () => number): number {
  if (pace === 'fast') return tickMs * (0.5 + random());
  const [lo, hi] = HUMAN_PACE_MS[!move ? 'idle' : TEXT_COMMANDS.has(move.type) ? 'text' : 'click'];
  return Math.round(lo + random() * (hi - lo));
}
