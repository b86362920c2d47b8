// npm run bench:replay [-- --events 10000 --moments 500 --every 50]
// How long reaching a moment of a long session takes on this machine: a generated session of
// about 10,000 events stored in a real SQLite file (generated once, cached: scripts/lib/long-sessions.ts),
// a cold first visit of its debrief, then random moments reached through the replay's snapshot
// cache (fold from the nearest snapshot, then project a view) for each kind of view. Prints p50/p99.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStores } from '../server/stores/sqlite';
import { createFacilitator } from '../server/auth/accounts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../server/replay/types';
import { importLog } from '../server/replay/export';
import { ReplayCache, replayCacheFor } from '../server/replay/history';
import { SessionReplay } from '../server/replay/service';
import { integerOption, parseCommandLine } from './lib/cli';
import { longSession } from './lib/long-sessions';

const cli = {
  name: 'npm run bench:replay',
  usage: `Usage: npm run bench:replay -- [options]

Generates a session of about --events events (bots, in-process; cached in node_modules/.cache),
stores it in a temporary SQLite file, opens its debrief cold, then reaches --moments random
moments through each kind of view and prints p50/p99 times.

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
    const events = longSession(target, () => process.stdout.write(`(generating a ${target}-event session once; it is cached for the next runs…)\n`));
    const stores = openSqliteStores(path.join(dir, 'bench.db'));
    const facilitator = await createFacilitator(stores.accounts, { email: 'bench@example.org', password: 'correct horse battery', isAdmin: false });
    const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 0, session: { id: 'bench', code: 'BENCH1', scenarioId: 'x', status: 'ended', createdAt: 0 }, events: events.map((event, i) => ({ seq: i + 1, event })) };
    const { sessionId } = await importLog(stores, facilitator.id, file, Date.now());
    const shared = replayCacheFor(stores.events);

    // A first visit of the debrief, cold: the log read from the store, the page opens on the last moment, facilitator's view.
    shared.forget(sessionId);
    const folded = shared.evolved;
    let t = performance.now();
    const replay = await SessionReplay.open(stores.events, sessionId, 0);
    replay.at(events.length, { kind: 'all' });
    replay.timeline();
    const first = performance.now() - t;
    const foldedOnFirstVisit = shared.evolved - folded;

    // A bare cache with the chosen snapshot interval: the fold alone, without views.
    const cache = new ReplayCache({ every });
    const entry = await cache.read(stores.events, sessionId);
    t = performance.now();
    cache.stateAt(entry, events.length);
    const bare = performance.now() - t;

    const final = replay.final();
    const seats = Object.keys(final.seats);
    const tables = Object.keys(final.tables);
    const dealt = events.findIndex((e) => e.type === 'SeatsDealt') + 1;
    const kinds = { reach: [] as number[], all: [] as number[], table: [] as number[], seat: [] as number[] };
    let rng = 12345;
    const random = (n: number) => ((rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) % n);
    const time = (list: number[], f: () => unknown) => {
      const t0 = performance.now();
      f();
      list.push(performance.now() - t0);
    };
    for (let i = 0; i < moments; i++) {
      const seq = 1 + random(events.length);
      time(kinds.reach, () => cache.stateAt(entry, seq));
      time(kinds.all, () => replay.at(1 + random(events.length), { kind: 'all' }));
      // A table exists once the seats are dealt.
      time(kinds.table, () => replay.at(dealt + random(events.length - dealt + 1), { kind: 'table', tableId: tables[random(tables.length)]! }));
      time(kinds.seat, () => replay.at(1 + random(events.length), { kind: 'seat', seatId: seats[random(seats.length)]! }));
    }
    const line = (name: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(`${name.padEnd(46)} p50 ${ms(percentile(sorted, 50)).padStart(9)}   p99 ${ms(percentile(sorted, 99)).padStart(9)}   max ${ms(sorted[sorted.length - 1]!).padStart(9)}`);
    };
    console.log(`A session of ${events.length} events (${events.filter((e) => e.type === 'MessagePosted').length} messages), ${seats.length} seats at ${tables.length} tables.`);
    console.log(`First visit of the debrief (cold): the last moment and the timeline, traces, series, comparison, ledger: ${ms(first)}, folding ${foldedOnFirstVisit} events (the log once)`);
    console.log(`Folding the whole log alone, keeping a snapshot every ${every} events: ${ms(bare)}`);
    console.log(`${moments} random moments each (snapshots every ${every} events for the bare fold, 50 for the replay):`);
    line('reach the state (fold from the nearest snapshot)', kinds.reach);
    line('replay.at, everything (facilitator view)', kinds.all);
    line('replay.at, one table (facilitator view of it)', kinds.table);
    line('replay.at, one seat (project for that seat)', kinds.seat);
    const worst = Math.max(...[kinds.all, kinds.table, kinds.seat].map((l) => percentile([...l].sort((a, b) => a - b), 99)));
    console.log(`\nWorst p99 of a view at a moment: ${ms(worst)} (target ≤ 50 ms) ${worst <= 50 ? 'OK' : 'MISSED'}`);
    await stores.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
