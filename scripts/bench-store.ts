// npm run bench:store [-- --sessions 200 --appends 25 --events 1]
// Events appended per second to a real SQLite file (WAL, synchronous as in production: see
// db/client.ts), through the EventStore the server uses: every append its own transaction and
// fsync ("single"), then the same workload with group commit (appends made in the same turn of
// the event loop share one transaction), written on the event loop and then by a worker thread. Each session appends one command after another, awaiting
// each, as the session runtime does; the sessions run at once, as a busy server's do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GameEvent } from '../server/engine';
import { openSqliteStores } from '../server/stores/sqlite';
import { integerOption, parseCommandLine } from './lib/cli';

const cli = {
  name: 'npm run bench:store',
  usage: `Usage: npm run bench:store -- [options]

Appends --appends commands of --events events to each of --sessions sessions, all sessions at
once, to a temporary SQLite file: once with one transaction per append, once with group commit
written on the event loop, once with group commit written by a worker thread. Prints events/s,
transactions, append latency and how long the event loop was held (its utilisation) for each.

Options:
  --sessions <n>  sessions appending at once, 1-2000 (default 200)
  --appends <n>   appends (commands) per session, 1-10000 (default 25)
  --events <n>    events per append, 1-50 (default 1)
  -h, --help      show this help
`,
  options: {
    sessions: { type: 'string', default: '200' },
    appends: { type: 'string', default: '25' },
    events: { type: 'string', default: '1' },
  },
} as const;

const args = parseCommandLine(cli);
const sessionCount = integerOption(cli, 'sessions', args.values.sessions, 1, 2000);
const appends = integerOption(cli, 'appends', args.values.appends, 1, 10_000);
const perAppend = integerOption(cli, 'events', args.values.events, 1, 50);

/** A front-channel message of ordinary length: what most appends of a class carry. */
const message = (n: number): GameEvent => ({
  type: 'MessagePosted',
  messageId: `m${n}`,
  tableId: 't1',
  channelId: 't1-front',
  author: { kind: 'seat', seatId: 's1' },
  text: 'We could look at the missiles in Turkey if the ships turn around first; can you carry that to your side?',
  leakRisk: null,
  rng: null,
  at: 1_800_000_000_000 + n,
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const variants = [
  { name: 'single commits', grouped: false, writer: 'loop' },
  { name: 'grouped commits', grouped: true, writer: 'loop' },
  { name: 'grouped, worker', grouped: true, writer: 'worker' },
] as const;

async function run({ grouped, writer }: (typeof variants)[number]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-bench-store-'));
  const stores = openSqliteStores(path.join(dir, 'bench.db'), { grouped, writer });
  const { database } = stores;
  try {
    await stores.accounts.create({ id: 'f1', email: 'bench@example.org', passwordHash: 'x', isAdmin: false, createdAt: 0 });
    const store = stores.events;
    const ids = Array.from({ length: sessionCount }, (_, i) => `ses_${i}`);
    for (const [i, id] of ids.entries()) await store.createSession({ id, code: `B${String(i).padStart(5, '0')}`, facilitatorId: 'f1', scenarioId: 'bench', status: 'running', createdAt: 0 });
    const latencies: number[] = [];
    let n = 0;
    await store.worker?.ready;
    const elu = performance.eventLoopUtilization();
    const start = performance.now();
    await Promise.all(
      ids.map(async (id) => {
        let seq = 0;
        for (let a = 0; a < appends; a++) {
          const list = Array.from({ length: perAppend }, () => message(n++));
          const t = performance.now();
          await store.append(id, seq, list);
          latencies.push(performance.now() - t);
          seq += perAppend;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    // The share of the run the event loop was busy: what is left for sockets and the engine.
    const busy = performance.eventLoopUtilization(elu).utilization;
    await store.close();
    const synchronous = database.sqlite.pragma('synchronous', { simple: true });
    const journal = database.sqlite.pragma('journal_mode', { simple: true });
    latencies.sort((a, b) => a - b);
    return { events: sessionCount * appends * perAppend, seconds, stats: store.stats, latencies, synchronous, journal, busy };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`${sessionCount} sessions at once × ${appends} appends × ${perAppend} event(s), on a temporary SQLite file`);
  const results: Awaited<ReturnType<typeof run>>[] = [];
  for (const variant of variants) {
    const r = await run(variant);
    results.push(r);
    const name = variant.name;
    const perTx = r.stats.appends / r.stats.batches;
    console.log(
      `${name.padEnd(16)} ${Math.round(r.events / r.seconds).toLocaleString('en').padStart(9)} events/s   ` +
        `${r.stats.batches.toLocaleString('en').padStart(7)} transactions (${perTx.toFixed(1)} appends each)   ` +
        `append latency p50 ${percentile(r.latencies, 50).toFixed(2)} ms, p99 ${percentile(r.latencies, 99).toFixed(2)} ms   event loop busy ${Math.round(r.busy * 100)} %`,
    );
  }
  const [single, grouped, worker] = results;
  const rate = (r: (typeof results)[number]) => r.events / r.seconds;
  console.log(`journal_mode=${single!.journal}, synchronous=${single!.synchronous} (2 = FULL); grouped/single: ${(rate(grouped!) / rate(single!)).toFixed(1)}×, worker/grouped: ${(rate(worker!) / rate(grouped!)).toFixed(2)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
