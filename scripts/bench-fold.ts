// npm run bench:fold [-- --runs 5]
// How long a server restart takes to rebuild a session: read its whole log from SQLite and fold
// it (what SessionRuntime.load does), for sessions of 2,500, 10,000 and 20,000 events. Folding is
// linear (evolve appends to shared histories, server/engine/append-log.ts), so the time per event
// stays flat as sessions grow. Target (issue 11): 20,000 events read + fold ≤ 500 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createFacilitator } from '../server/auth/accounts';
import { evolve, initialState, type GameState } from '../server/engine';
import { openSqliteStores } from '../server/stores/sqlite';
import { integerOption, parseCommandLine } from './lib/cli';
import { longSession } from './lib/long-sessions';

const cli = {
  name: 'npm run bench:fold',
  usage: `Usage: npm run bench:fold -- [options]

Stores generated sessions of 2,500, 10,000 and 20,000 events in a temporary SQLite file, then
reads and folds each --runs times and prints the median and best times. The sessions are
generated once and cached in node_modules/.cache/backchannel-bench.

Options:
  --runs <n>   reads + folds per session, 1-50 (default 5)
  -h, --help   show this help
`,
  options: { runs: { type: 'string', default: '5' } },
} as const;

const args = parseCommandLine(cli);
const runs = integerOption(cli, 'runs', args.values.runs, 1, 50);
const SIZES = [2_500, 10_000, 20_000];
const TARGET_MS = 500;

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-bench-fold-'));
  const stores = openSqliteStores(path.join(dir, 'bench.db'));
  try {
    const store = stores.events;
    const facilitator = await createFacilitator(stores.accounts, { email: 'bench@example.org', password: 'correct horse battery', isAdmin: false });
    console.log(`Read + fold of a stored session (median and best of ${runs}):`);
    console.log(`${'events'.padStart(7)}  ${'read'.padStart(7)}  ${'fold'.padStart(7)}  ${'total'.padStart(7)}  ${'best'.padStart(7)}  per event`);
    let largest = 0;
    // Generate (or read) every log before timing anything: generating leaves a large heap behind.
    const logs = SIZES.map((size) => longSession(size, () => process.stdout.write(`(generating a ${size}-event session once; it is cached for the next runs…)\n`)));
    for (const log of logs) {
      const size = log.length;
      const id = `bench-${size}`;
      const imported = await stores.replays.importSession({ id, code: `B${size}`.slice(0, 6), facilitatorId: facilitator.id, scenarioId: 'bench', status: 'ended', createdAt: 0 }, log, 0);
      if (!imported.ok) throw new Error(`could not store the session: ${imported.code}`);
      const read: number[] = [];
      const fold: number[] = [];
      // One untimed round first, so the code is compiled before it is timed.
      for (let r = -1; r < runs; r++) {
        let t = performance.now();
        const stored = await store.load(id);
        const readMs = performance.now() - t;
        t = performance.now();
        let state: GameState = initialState();
        for (const e of stored) state = evolve(state, e.event);
        const foldMs = performance.now() - t;
        if (r >= 0) {
          read.push(readMs);
          fold.push(foldMs);
        }
        if (!state.created || state.status !== 'ended') throw new Error('the generated session did not fold to its end');
      }
      const total = read.map((r, i) => r + fold[i]!);
      largest = median(total);
      console.log(`${String(log.length).padStart(7)}  ${ms(median(read))}  ${ms(median(fold))}  ${ms(median(total))}  ${ms(Math.min(...total))}  ${((median(fold) / log.length) * 1000).toFixed(1)} µs`);
    }
    console.log(`\n20,000 events read + fold: ${largest.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${largest <= TARGET_MS ? 'OK' : 'MISSED'}`);
    console.log(`(load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores while it ran)`);
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
