// A running session on the in-memory twins (MemoryEventStore, ManualTime), for the runtime's own
// tests: fast, and time moves only when the test says so.
import { expect } from 'vitest';
import { project, type ActiveGame, type Command } from '../../engine';
import { testScenario } from '../../engine/testing/fixture';
import { ManualTime } from '../manual-time';
import { MemoryEventStore } from '../memory-store';
import type { EventStore } from '../ports';
import { Runtime } from '../runtime';

export const T0 = 1_800_000_000_000;
export const facilitator = { kind: 'facilitator' } as const;
/** The test scenario's phases: briefing 60 s, then two rounds of 120 s. */
export const BRIEFING_MS = 60_000;
export const ROUND_MS = 120_000;

export async function runningSession(options: { store?: EventStore; players?: number; tables?: number } = {}) {
  const store = options.store ?? new MemoryEventStore();
  const time = new ManualTime(T0);
  const runtime = new Runtime({ store, clock: time, scheduler: time });
  const record = await runtime.createSession({ facilitatorId: 'f1', scenario: testScenario, options: { tableCount: options.tables ?? 1 } });
  const seatIds: string[] = [];
  for (let i = 1; i <= (options.players ?? 4); i++) {
    const joined = await runtime.join(record.id, `Player ${i}`);
    if (!joined.ok) throw new Error(joined.message);
    seatIds.push(joined.seatId);
  }
  for (const command of [{ type: 'DealSeats' }, { type: 'StartSession' }] as const) {
    expect(await runtime.dispatch(record.id, command, facilitator)).toMatchObject({ ok: true });
  }
  const sessionId = record.id;
  const session = runtime.loaded(sessionId)!;
  const game = () => session.current as ActiveGame;
  /** A message a seat may post now, on its first open channel. */
  const post = (seatId: string, text: string): Command => {
    const channel = project(session.current, { kind: 'seat', seatId })!.channels.find((c) => c.open);
    if (!channel) throw new Error(`seat ${seatId} has no open channel`);
    return { type: 'PostMessage', channelId: channel.id, text };
  };
  const seat = (seatId: string) => ({ kind: 'seat', seatId }) as const;
  /** Resolves after the next `n` commits (a deadline's timer dispatches asynchronously). */
  const committed = (n = 1) =>
    new Promise<void>((resolve) => {
      let left = n;
      const off = runtime.subscribe(() => {
        if (--left === 0) {
          off();
          resolve();
        }
      });
    });
  return { store, time, runtime, session, sessionId, seatIds, game, post, seat, committed };
}

export const phaseOf = (game: ActiveGame, tableId: string) => game.scenario.phases[game.tables[tableId]!.clock.phaseIndex]?.id;
