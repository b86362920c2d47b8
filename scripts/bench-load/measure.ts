// One measured stretch of load on a fleet: warm up, measure, stop posting, wait for what is still
// on its way, and turn the workers' counts and histograms into figures.
import { now, sleep } from './clock';
import type { Fleet, Tables } from './fleet';
import { mergeEncoded, percentiles, type Percentiles } from './histogram';
import type { ProcessStats } from './ipc';
import type { WorkerReport } from './recorder';

export interface LoadFigures {
  periodMs: number;
  players: number;
  /** Players who post (the others only read). */
  speakers: number;
  durationS: number;
  /** Messages sent in the window, and deliveries owed for them (one per player at the sender's table, the sender included). */
  sent: number;
  expected: number;
  delivered: number;
  /** delivered / expected: 1 when every message reached every player at its table before the drain ended. */
  ratio: number;
  messagesPerSec: number;
  deliveriesPerSec: number;
  delivery: Percentiles;
  ack: Percentiles;
  refusals: Record<string, number>;
  unanswered: number;
  disconnects: Record<string, number>;
  /** CPU in % of one core (GC and I/O threads included, so a busy process may pass 100). Loop delay NaN when the loop never came round to sample it. */
  server: { cpuPercent: number; cpuUsPerDelivery: number; loopDelayP99Ms: number };
  generator: { cpuPercent: number; loopDelayP99Ms: number };
}

export interface MeasureOptions {
  periodMs: number;
  warmupS: number;
  durationS: number;
  /** Longest wait after the window for messages still on their way. */
  drainS: number;
}

function expectedFor(sentByTable: Record<string, number>, tables: Tables): number {
  let expected = 0;
  for (const [table, sent] of Object.entries(sentByTable)) expected += sent * (tables[table]?.members ?? 0);
  return expected;
}

function sumRecords(records: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  return total;
}

async function sleepUntil(at: number): Promise<void> {
  const left = at - now();
  if (left > 0) await sleep(left);
}

const statsOf = (fleet: Fleet) => Promise.all([fleet.server, ...fleet.workers].map((p) => p.call<ProcessStats>('stats', { reset: true })));

export async function measure(fleet: Fleet, options: MeasureOptions): Promise<LoadFigures> {
  const from = now() + options.warmupS * 1000;
  const to = from + options.durationS * 1000;
  await Promise.all(fleet.workers.map((w) => w.call('load', { period: options.periodMs, from, to })));
  await sleepUntil(from);
  const before = await statsOf(fleet);
  await sleepUntil(to);
  const after = await statsOf(fleet);
  // Drain: until every message sent in the window has reached every player and every ack is back.
  const deadline = to + options.drainS * 1000;
  for (;;) {
    const counts = await Promise.all(fleet.workers.map((w) => w.call<{ delivered: number; unanswered: number; sentByTable: Record<string, number> }>('counts')));
    const delivered = counts.reduce((n, c) => n + c.delivered, 0);
    const expected = expectedFor(sumRecords(counts.map((c) => c.sentByTable)), fleet.tables);
    if ((delivered >= expected && counts.every((c) => c.unanswered === 0)) || now() >= deadline) break;
    await sleep(200);
  }
  const reports = await Promise.all(fleet.workers.map((w) => w.call<WorkerReport>('report')));
  const sentByTable = sumRecords(reports.map((r) => r.sentByTable));
  const sent = Object.values(sentByTable).reduce((a, b) => a + b, 0);
  const expected = expectedFor(sentByTable, fleet.tables);
  const delivered = reports.reduce((n, r) => n + r.delivered, 0);
  const deliveryHistogram = mergeEncoded(reports.map((r) => r.delivery));
  const ackHistogram = mergeEncoded(reports.map((r) => r.ack));
  // Each process's CPU over its own interval between the two readings: an overloaded process
  // answers late, so one process's interval says nothing about another's.
  const cpuPercent = (i: number) => ((after[i]!.cpuMs - before[i]!.cpuMs) / (after[i]!.at - before[i]!.at)) * 100;
  const serverCpuMs = after[0]!.cpuMs - before[0]!.cpuMs;
  const figures: LoadFigures = {
    periodMs: options.periodMs,
    players: fleet.players,
    speakers: Object.values(fleet.tables).reduce((n, t) => n + t.speakers, 0),
    durationS: options.durationS,
    sent,
    expected,
    delivered,
    ratio: expected === 0 ? 0 : delivered / expected,
    messagesPerSec: sent / options.durationS,
    deliveriesPerSec: delivered / options.durationS,
    delivery: percentiles(deliveryHistogram),
    ack: percentiles(ackHistogram),
    refusals: sumRecords(reports.map((r) => r.refusals)),
    unanswered: reports.reduce((n, r) => n + r.unanswered, 0),
    disconnects: sumRecords(reports.map((r) => r.disconnects)),
    server: {
      cpuPercent: cpuPercent(0),
      cpuUsPerDelivery: delivered === 0 ? NaN : (serverCpuMs * 1000) / delivered,
      loopDelayP99Ms: after[0]!.loopDelayP99Ms ?? NaN,
    },
    generator: { cpuPercent: after.slice(1).reduce((n, _, i) => n + cpuPercent(i + 1), 0), loopDelayP99Ms: Math.max(...after.slice(1).map((s) => s.loopDelayP99Ms)) },
  };
  deliveryHistogram.destroy();
  ackHistogram.destroy();
  return figures;
}

/** Whether a stretch meets the bar of the targets: p99 ≤ 50 ms and every message delivered. */
export function meetsTarget(figures: LoadFigures, p99LimitMs = 50): boolean {
  return figures.expected > 0 && figures.delivered === figures.expected && figures.unanswered === 0 && Object.keys(figures.refusals).length === 0 && figures.delivery.p99 <= p99LimitMs;
}
