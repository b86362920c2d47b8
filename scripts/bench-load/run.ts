// The whole benchmark, as a library (main.ts is its command line; the test calls it directly):
// for each server, game then bare, start a fleet, measure the load (or sweep it), then waves of
// disconnects and reconnects, and stop.
import { disconnectAll, reconnectAll, startFleet, type Fleet, type ServerKind } from './fleet';
import type { ProcessStats } from './ipc';
import { measure, meetsTarget, type LoadFigures, type MeasureOptions } from './measure';
import { now, sleep } from './clock';

export interface BenchOptions {
  players: number;
  periodMs: number;
  warmupS: number;
  durationS: number;
  drainS: number;
  workers: number;
  servers: ServerKind[];
  /** Find the highest deliveries/s at p99 ≤ 50 ms instead of measuring one period. */
  sweep: boolean;
  waves: number;
  log: (line: string) => void;
}

export interface HeapFigures {
  baselineMB: number;
  afterConnectMB: number;
  /** (heap with every player connected − baseline) / players, after a full GC. */
  perPlayerKB: number;
  /** After each wave: every player gone, then every player back. */
  waves: { disconnectedMB: number; reconnectedMB: number }[];
}

export interface SweepStep extends LoadFigures {
  pass: boolean;
  /** Players whose sockets an earlier step had dropped, reconnected before this one. */
  reconnected: number;
}

export interface ServerRun {
  kind: ServerKind;
  players: number;
  tables: number;
  connectSeconds: number;
  heap: HeapFigures;
  load: LoadFigures | null;
  sweep: { steps: SweepStep[]; best: SweepStep | null } | null;
  clockOffsets: Fleet['clockOffsets'];
}

export interface BenchReport {
  options: Omit<BenchOptions, 'log'>;
  runs: ServerRun[];
}

const MB = 1024 * 1024;
const mb = (stats: ProcessStats) => stats.heapUsed / MB;

/** Waits until the server answers a request within 20 ms twice running: its backlog is gone. */
async function settle(fleet: Fleet): Promise<void> {
  const deadline = now() + 60_000;
  let quick = 0;
  while (quick < 2 && now() < deadline) {
    const asked = now();
    await fleet.server.call('stats');
    quick = now() - asked < 20 ? quick + 1 : 0;
    await sleep(100);
  }
}

/**
 * Halves the period from `startMs` while `holds` says the target holds, then narrows between the
 * last period that held and the first that did not (geometric midpoints, three times). If the first
 * fails it doubles instead, up to four times. Returns the shortest period that held, or null.
 */
export async function searchPeriods(startMs: number, holds: (periodMs: number) => Promise<boolean>): Promise<number | null> {
  let pass: number | null = null;
  let fail: number | null = null;
  let period = startMs;
  if (await holds(period)) {
    pass = period;
    while (fail === null && period / 2 >= 10) {
      period /= 2;
      if (await holds(period)) pass = period;
      else fail = period;
    }
  } else {
    fail = period;
    for (let i = 0; i < 4 && pass === null; i++) {
      period *= 2;
      if (await holds(period)) pass = period;
      else fail = period;
    }
  }
  for (let i = 0; i < 3 && pass !== null && fail !== null; i++) {
    const middle = Math.sqrt(pass * fail);
    if (await holds(middle)) pass = middle;
    else fail = middle;
  }
  return pass;
}

async function sweep(fleet: Fleet, startMs: number, step: Omit<MeasureOptions, 'periodMs'>, log: (line: string) => void) {
  const steps: SweepStep[] = [];
  await searchPeriods(startMs, async (periodMs) => {
    await settle(fleet);
    const healed = await Promise.all(fleet.workers.map((w) => w.call<{ healed: number; failed: number; errors: string[] }>('heal')));
    const failed = healed.reduce((n, h) => n + h.failed, 0);
    if (failed > 0) throw new Error(`${failed} dropped players could not reconnect: ${healed.flatMap((h) => h.errors).join('; ')}`);
    const figures = await measure(fleet, { ...step, periodMs: Math.round(periodMs) });
    const result = { ...figures, pass: meetsTarget(figures), reconnected: healed.reduce((n, h) => n + h.healed, 0) };
    steps.push(result);
    log(`${fleet.kind} sweep: period ${result.periodMs} ms, ${Math.round(result.deliveriesPerSec)} deliveries/s, p99 ${result.delivery.p99.toFixed(1)} ms, ratio ${result.ratio.toFixed(4)}: ${result.pass ? 'holds' : 'fails'}${result.reconnected ? ` (${result.reconnected} dropped players reconnected first)` : ''}`);
    return result.pass;
  });
  const passing = steps.filter((s) => s.pass);
  const best = passing.length === 0 ? null : passing.reduce((a, b) => (b.deliveriesPerSec > a.deliveriesPerSec ? b : a));
  return { steps, best };
}

async function runServer(kind: ServerKind, options: BenchOptions): Promise<ServerRun> {
  const fleet = await startFleet(kind, { players: options.players, workers: options.workers, log: options.log });
  try {
    options.log(`${kind}: ${options.players} players seated in ${fleet.connectSeconds.toFixed(1)} s`);
    const heap: HeapFigures = {
      baselineMB: mb(fleet.baseline),
      afterConnectMB: mb(fleet.afterConnect),
      perPlayerKB: (fleet.afterConnect.heapUsed - fleet.baseline.heapUsed) / 1024 / options.players,
      waves: [],
    };
    const step = { warmupS: options.warmupS, durationS: options.durationS, drainS: options.drainS };
    let load: LoadFigures | null = null;
    let swept: ServerRun['sweep'] = null;
    if (options.sweep) {
      swept = await sweep(fleet, options.periodMs, step, options.log);
    } else {
      options.log(`${kind}: ${options.warmupS} s warm-up, ${options.durationS} s measured, one message per speaking player every ${options.periodMs} ms…`);
      load = await measure(fleet, { ...step, periodMs: options.periodMs });
      for (let wave = 1; wave <= options.waves; wave++) {
        await settle(fleet);
        options.log(`${kind}: wave ${wave} of ${options.waves}: every player leaves, then comes back…`);
        await disconnectAll(fleet);
        const gone = await fleet.server.call<ProcessStats>('stats', { gc: true });
        await reconnectAll(fleet);
        const back = await fleet.server.call<ProcessStats>('stats', { gc: true });
        heap.waves.push({ disconnectedMB: mb(gone), reconnectedMB: mb(back) });
      }
    }
    return { kind, players: options.players, tables: Object.keys(fleet.tables).length, connectSeconds: fleet.connectSeconds, heap, load, sweep: swept, clockOffsets: fleet.clockOffsets };
  } finally {
    await fleet.stop();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const runs: ServerRun[] = [];
  for (const kind of options.servers) runs.push(await runServer(kind, options));
  const { log: _log, ...rest } = options;
  return { options: rest, runs };
}
