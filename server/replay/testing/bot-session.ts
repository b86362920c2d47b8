import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFacilitator, type Facilitator } from '../../auth/accounts';
import { nextMove } from '../../bots/strategy';
import { project, type Command, type Scenario, type SeatView } from '../../engine';
import { ManualTime } from '../../runtime/manual-time';
import { Runtime } from '../../runtime/runtime';
import { openSqliteStores, type SqliteStores } from '../../stores/sqlite';

/** A real SQLite file, the real runtime and a manual clock: what the server runs, minus the network. */
export interface ReplayBench {
  stores: SqliteStores;
  database: SqliteStores['database'];
  runtime: Runtime;
  time: ManualTime;
  facilitator: Facilitator;
  close(): Promise<void>;
}

export async function openReplayBench(start = 1_700_000_000_000): Promise<ReplayBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-replay-'));
  const stores = openSqliteStores(path.join(dir, 'replay.db'));
  // One fsync per command is what production wants; a test of thousands of commands does not.
  stores.database.sqlite.pragma('synchronous = OFF');
  const facilitator = await createFacilitator(stores.accounts, { email: 'teacher@example.org', password: 'correct horse battery', isAdmin: false });
  const time = new ManualTime(start);
  const runtime = new Runtime({ store: stores.events, clock: time, scheduler: time });
  return {
    stores, database: stores.database, runtime, time, facilitator,
    async close() {
      runtime.close();
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PlayedSession {
  sessionId: string;
  seats: { seatId: string; token: string; name: string }[];
}

/** A text with everything a CSV must quote, for one seat to say in public. */
export const AWKWARD_TEXT = 'He said "no", then: yes,\nand left.';

/**
 * Bots play a session of `scenario` to its end (the bots' own brain, a seeded random), through
 * the runtime, so the stored log is what a live class would have written.
 */
export async function playBotSession(
  bench: Pick<ReplayBench, 'runtime' | 'time' | 'facilitator'>,
  scenario: Scenario,
  options: { players: number; tables: number; seed: number; leakSensitivity?: number; maxSteps?: number; phaseSec?: number; end?: boolean },
): Promise<PlayedSession> {
  const { runtime, time } = bench;
  const phaseDurations = Object.fromEntries(scenario.phases.map((p) => [p.id, options.phaseSec ?? 120]));
  const record = await runtime.createSession({ facilitatorId: bench.facilitator.id, scenario, options: { tableCount: options.tables, leakSensitivity: options.leakSensitivity ?? 3, phaseDurations } });
  const seats: PlayedSession['seats'] = [];
  for (let i = 0; i < options.players; i++) {
    const name = `Student-${String.fromCharCode(65 + (i % 26))}${i}`;
    const joined = await runtime.join(record.id, name);
    if (!joined.ok) throw new Error(`join: ${joined.code}`);
    seats.push({ seatId: joined.seatId, token: joined.token, name });
  }
  const facilitate = async (command: Command) => {
    const r = await runtime.dispatch(record.id, command, { kind: 'facilitator' });
    if (!r.ok) throw new Error(`${command.type}: ${r.code} ${r.message}`);
  };
  await facilitate({ type: 'DealSeats' });
  await facilitate({ type: 'StartSession' });
  const session = runtime.loaded(record.id)!;
  let rng = options.seed >>> 0;
  const random = () => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  let saidAwkward = false;
  for (let step = 0; step < (options.maxSteps ?? 4000); step++) {
    const state = session.current;
    if (!state.created || state.status === 'ended') break;
    const seat = seats[step % seats.length]!;
    const view = project(state, { kind: 'seat', seatId: seat.seatId }) as SeatView;
    const front = view.channels.find((c) => c.kind === 'front' && c.open);
    const move: Command | null = !saidAwkward && front ? { type: 'PostMessage', channelId: front.id, text: AWKWARD_TEXT } : nextMove(view, random);
    if (move) {
      const r = await runtime.dispatch(record.id, move, { kind: 'seat', seatId: seat.seatId });
      if (r.ok && move.type === 'PostMessage' && move.text === AWKWARD_TEXT) saidAwkward = true;
    }
    time.advance(2000);
    // The deadline's own command is queued behind; a facilitator's no-op waits for it.
    await runtime.dispatch(record.id, { type: 'SetLocked', locked: true }, { kind: 'facilitator' });
  }
  const final = session.current;
  if (options.end !== false && final.created && final.status !== 'ended') await facilitate({ type: 'EndSession' });
  return { sessionId: record.id, seats };
}
