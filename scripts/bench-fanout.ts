// npm run bench:fanout — what one command costs the server as a session grows, in process.
// A real server (real SQLite file, real Socket.IO) with players connected from a worker thread
// (their heap and CPU are not the server's). Commands go straight to the runtime, so the figure is
// decide + append + fan-out, without rate limits. Prints the time per front-channel message in a
// session of 30 players (tables of 10) at 100, 1,000 and 5,000 messages, with 10 and 100 players at
// 1,000 messages, and the server heap each connected socket costs.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import v8 from 'node:v8';
import { ManualTime } from '../server/runtime/manual-time';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../server/testing/live-server';
import { LONG_PHASES, SCENARIO } from '../server/testing/game-setup';
import { PROTOCOL_VERSION } from '../server/realtime/protocol';

const MEASURED = 200;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:fanout does)');

function heap(): number {
  for (let i = 0; i < 3; i++) gc!();
  return v8.getHeapStatistics().used_heap_size;
}

class Clients {
  private readonly worker: Worker;
  constructor(url: string, room: string) {
    this.worker = new Worker(path.join(import.meta.dirname, 'lib/fanout-clients.mjs'), { workerData: { url, room, version: PROTOCOL_VERSION } });
  }
  ask<T>(msg: object, answer: string): Promise<T> {
    return new Promise((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== answer) return;
        this.worker.off('message', on);
        resolve(m as T);
      };
      this.worker.on('message', on);
      this.worker.postMessage(msg);
    });
  }
  async stop() {
    await this.ask({ type: 'close' }, 'closed');
    await this.worker.terminate();
  }
}

interface Count {
  patches: number;
  open: number;
  reasons: Record<string, number>;
}

interface Result {
  /** Sockets still connected after the measured commands, and why the others closed. */
  open: number;
  reasons: Record<string, number>;
  players: number;
  messages: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

async function run(live: LiveServer, api: ReturnType<typeof apiClient>, cookie: string, players: number, levels: number[]): Promise<{ results: Result[]; heapPerSocket: number[]; open: number }> {
  const runtime = live.server.runtime!;
  const { sessionId, code } = await api.session.create.mutate({
    scenarioId: SCENARIO,
    options: { phaseDurations: LONG_PHASES, leakSensitivity: 0, tableCount: Math.ceil(players / 10), openChannels: {} },
  });
  // Players in one thread, the projector and the facilitator (whose views are the largest) in another.
  const clients = new Clients(live.url, code);
  const watchers = new Clients(live.url, code);
  const before = heap();
  await clients.ask({ type: 'join', count: players, from: 1 }, 'joined');
  await watchers.ask({ type: 'projector' }, 'joined');
  await watchers.ask({ type: 'facilitator', sessionId, cookie }, 'joined');
  const heapPerSocket = [(heap() - before) / (players + 2)];
  await api.session.deal.mutate({ sessionId });
  await api.session.start.mutate({ sessionId });
  await api.session.skip.mutate({ sessionId });
  const state = runtime.loaded(sessionId)!.current;
  if (!state.created) throw new Error('no session');
  // Journalists report on the front channel but do not speak in it.
  const seats = Object.values(state.seats).filter((s) => s.tableId && state.scenario.roles.find((r) => r.id === s.roleId)?.kind !== 'journalist');
  let posted = state.messages.length;
  let k = 0;
  const post = async () => {
    const s = seats[k++ % seats.length]!;
    const r = await runtime.dispatch(sessionId, { type: 'PostMessage', channelId: `${s.tableId}:front`, text: `Message ${k} from ${s.name}: shall we talk about the missiles in Turkey?` }, { kind: 'seat', seatId: s.id });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    posted++;
  };
  const results: Result[] = [];
  for (const level of levels) {
    while (posted < level - MEASURED / 2) {
      await post();
      // Socket I/O between commands, as a server taking them from sockets would have: without
      // it a slow fan-out starves the connections until they time out.
      await new Promise((r) => setImmediate(r));
    }
    const times: number[] = [];
    for (let i = 0; i < MEASURED; i++) {
      const t = performance.now();
      await post();
      times.push(performance.now() - t);
      // Let the sockets write, as a server between commands would.
      await new Promise((r) => setImmediate(r));
    }
    times.sort((a, b) => a - b);
    const a = await clients.ask<Count>({ type: 'count' }, 'count');
    const b = await watchers.ask<Count>({ type: 'count' }, 'count');
    results.push({ open: a.open + b.open, reasons: { ...a.reasons, ...b.reasons }, players, messages: level, meanMs: times.reduce((a, b) => a + b, 0) / times.length, p50Ms: times[times.length >> 1]!, p99Ms: times[Math.floor(times.length * 0.99)]! });
  }
  // Every patch delivered (the clients' count stands still), every socket still connected.
  let count = -1;
  let open = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const a = await clients.ask<{ patches: number; open: number }>({ type: 'count' }, 'count');
    const b = await watchers.ask<{ patches: number; open: number }>({ type: 'count' }, 'count');
    if (a.patches + b.patches === count) {
      open = a.open + b.open;
      break;
    }
    count = a.patches + b.patches;
  }
  const connected = heap();
  await clients.stop();
  await watchers.stop();
  await new Promise((r) => setTimeout(r, 200));
  heapPerSocket.push((connected - heap()) / (players + 2));
  return { results, heapPerSocket, open };
}

async function main() {
  const live = await startLiveServer(undefined, {
    time: new ManualTime(Date.now()),
    // No socket is dropped for reading slowly: every figure is with every viewer connected.
    realtime: { limits: { joins: { burst: 1000, perSecond: 1000, maxDelayMs: 10_000 }, maxBufferedBytes: 1024 ** 3 } },
  });
  const cookie = await signIn(live.url, live.dbPath, 'bench@school.org');
  const api = apiClient(live.url, cookie);
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const line = (r: Result) => `${String(r.players).padStart(4)} players ${String(r.messages).padStart(6)} messages: ${r.meanMs.toFixed(2)} ms per command (p50 ${r.p50Ms.toFixed(2)}, p99 ${r.p99Ms.toFixed(2)}), ${r.open} of ${r.players + 2} sockets connected${Object.keys(r.reasons).length ? ` (closed: ${JSON.stringify(r.reasons)})` : ''}`;
  console.log(`Fan-out benchmark: time per front-channel message (decide + append + fan-out), ${MEASURED} measured at each size`);
  await run(live, api, cookie, 10, [200]); // warm-up: compiled code is heap too
  const thirty = await run(live, api, cookie, 30, [100, 1000, 5000]);
  for (const r of thirty.results) console.log(line(r));
  console.log(`  heap per connected socket (30 players + projector + facilitator): ${kb(thirty.heapPerSocket[0]!)} after joining, ${kb(thirty.heapPerSocket[1]!)} at 5,000 messages; ${thirty.open} of 32 sockets still connected at the end`);
  // `-- --thirty`: only the 30-player session (the slowest part on a slow fan-out).
  for (const players of process.argv.includes('--thirty') ? [] : [10, 100]) {
    const other = await run(live, api, cookie, players, [1000]);
    for (const r of other.results) console.log(line(r));
    console.log(`  heap per connected socket: ${kb(other.heapPerSocket[0]!)} after joining, ${kb(other.heapPerSocket[1]!)} at 1,000 messages; ${other.open} of ${players + 2} sockets still connected at the end`);
  }
  await live.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
