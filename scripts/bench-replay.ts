// npm run bench:replay [-- --events 10000 --moments 500 --every 50]
// How long reaching a moment of a long session takes on this machine: a generated session of
// about 10,000 events stored in a real SQLite file, then random moments reached through the
// replay's snapshot cache (fold from the nearest snapshot, then project a view). Prints p50/p99.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../db/client';
import { createFacilitator } from '../server/auth/accounts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../server/replay/types';
import { importLog } from '../server/replay/export';
import { ReplayCache } from '../server/replay/history';
import { SessionReplay } from '../server/replay/service';
import { generateLongSession } from '../server/replay/testing/long-session';
import { builtInScenarios } from '../server/scenarios';
import { integerOption, parseCommandLine } from './lib/cli';

const cli = {
  name: 'npm run bench:replay',
  usage: `Usage: npm run bench:replay -- [options]

Generates a session of about --events events (bots, in-process), stores it in a temporary SQLite
file, then reaches --moments random moments and prints p50/p99 times.

Options:
  --events <n>    events in the generated session, 1000-50000 (default 10000)
  --moments <n>   random moments to reach, 10-10000 (default 500)
  --every <n>     events between snapshots, 1-1000 (default 50)
  -h, --help      show this help
`,
  options: {
    events: { type: 'string', default: '10000' },
    moments: { type: 'string', default: '500' },
    every: { type: 'string', default: '50' },
  },
} as const;

const args = parseCommandLine(cli);
const target = integerOption(cli, 'events', args.values.events, 1000, 50_000);
const moments = integerOption(cli, 'moments', args.values.moments, 10, 10_000);
const every = integerOption(cli, 'every', args.values.every, 1, 1000);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-bench-replay-'));
  try {
    process.stdout.write(`Generating a session of about ${target} events… `);
    let t = performance.now();
    const events = generateLongSession(builtInScenarios()[0]!, { target, players: 60, tables: 8, seed: 1 });
    process.stdout.write(`${events.length} events in ${ms(performance.now() - t)}\n`);
    const { db, sqlite } = openDatabase(path.join(dir, 'bench.db'));
    migrateDatabase(db);
    const facilitator = await createFacilitator(db, { email: 'bench@example.org', password: 'correct horse battery', isAdmin: false });
    const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 0, session: { id: 'bench', code: 'BENCH1', scenarioId: 'x', status: 'ended', createdAt: 0 }, events: events.map((event, i) => ({ seq: i + 1, event })) };
    const { sessionId } = importLog(db, facilitator.id, file, Date.now());
    const cache = new ReplayCache({ every });

    t = performance.now();
    cache.stateAt(db, sessionId, events.length);
    const first = performance.now() - t;

    const replay = new SessionReplay(db, sessionId, 0);
    const seats = Object.keys(replay.final().seats);
    const reach: number[] = [];
    const all: number[] = [];
    const seat: number[] = [];
    let rng = 12345;
    const random = (n: number) => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) % n);
    // A first visit to the debrief: one fold computes the timeline, traces, series… and the snapshots.
    t = performance.now();
    replay.timeline();
    const digest = performance.now() - t;
    for (let i = 0; i < moments; i++) {
      const seq = 1 + random(events.length);
      t = performance.now();
      cache.stateAt(db, sessionId, seq);
      reach.push(performance.now() - t);
      t = performance.now();
      replay.at(seq, { kind: 'all' });
      all.push(performance.now() - t);
      t = performance.now();
      replay.at(seq, { kind: 'seat', seatId: seats[random(seats.length)]! });
      seat.push(performance.now() - t);
    }
    const line = (name: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(`${name.padEnd(44)} p50 ${ms(percentile(sorted, 50)).padStart(9)}   p99 ${ms(percentile(sorted, 99)).padStart(9)}   max ${ms(sorted[sorted.length - 1]!).padStart(9)}`);
    };
    console.log(`\nFolding the whole log once, keeping a snapshot every ${every} events: ${ms(first)}`);
    console.log(`First visit of the debrief (that fold plus the timeline, traces, series, comparison, ledger): ${ms(digest)}`);
    console.log(`${moments} random moments of ${events.length} events:`);
    line('reach the state (fold from the nearest snapshot)', reach);
    line('replay.at, everything (facilitator view)', all);
    line('replay.at, one seat (project for that seat)', seat);
    sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
