// The load benchmark on a tiny load (20 players, two tables, both servers): the whole harness runs
// (server and worker processes, sessions made and started through the facilitator API, joins by
// room code, waves), the report has its shape, and every message reached every player at its table.
// No timing is asserted: this is a benchmark's plumbing test, not a performance test.
import { describe, expect, it } from 'vitest';
import { formatReport } from './report';
import { runBench, searchPeriods } from './run';

describe('npm run bench:load', () => {
  it('measures the game and bare Socket.IO on the same load and delivers every message', { timeout: 180_000 }, async () => {
    const report = await runBench({
      players: 20,
      periodMs: 500,
      warmupS: 1,
      durationS: 2,
      // A long drain only in case the machine is busy: it ends as soon as everything has arrived.
      drainS: 60,
      workers: 2,
      servers: ['game', 'bare'],
      sweep: false,
      waves: 1,
      log: () => undefined,
    });
    expect(report.runs.map((r) => r.kind)).toEqual(['game', 'bare']);
    for (const run of report.runs) {
      const load = run.load!;
      expect(run.tables, run.kind).toBe(2);
      // Journalists (2 per table of 10) report but do not speak in the front channel; the bare rooms mirror it.
      expect(load.speakers, run.kind).toBe(16);
      expect(load.sent, run.kind).toBeGreaterThan(0);
      expect(load.expected, run.kind).toBe(load.sent * 10);
      expect(load.delivered, run.kind).toBe(load.expected);
      expect(load.ratio, run.kind).toBe(1);
      expect(load.delivery.count, run.kind).toBe(load.delivered);
      expect(load.ack.count, run.kind).toBe(load.sent);
      expect(load.refusals, run.kind).toEqual({});
      expect(load.unanswered, run.kind).toBe(0);
      expect(load.disconnects, run.kind).toEqual({});
      for (const value of [load.delivery.p50, load.delivery.p99, load.delivery.p999, load.ack.p50, load.ack.p99, load.server.cpuPercent]) expect(Number.isFinite(value), run.kind).toBe(true);
      expect(run.heap.afterConnectMB, run.kind).toBeGreaterThan(0);
      expect(run.heap.waves, run.kind).toHaveLength(1);
      expect(run.heap.waves[0]!.reconnectedMB, run.kind).toBeGreaterThan(0);
    }
    const text = formatReport(report);
    for (const line of ['delivery p99 (ms)', 'deliveries/s', 'delivery ratio', 'ack p99 (ms)', 'heap per connected player (KB)', 'game/bare', 'server CPU (% of a core)', 'wave 1: all back (MB)']) expect(text).toContain(line);
  });
});

describe('the sweep', () => {
  it('halves the period while the target holds, then narrows down to the shortest period that holds', async () => {
    const tried: number[] = [];
    const best = await searchPeriods(10_000, async (period) => (tried.push(period), period >= 700));
    expect(tried.slice(0, 6)).toEqual([10_000, 5000, 2500, 1250, 625, expect.closeTo(Math.sqrt(1250 * 625), 6)]);
    expect(tried).toHaveLength(8);
    // 1,250 holds and 625 fails; the midpoints 884 and 743 hold, 682 fails: the best is 743.
    expect(tried.slice(6).map(Math.round)).toEqual([743, 682]);
    expect(Math.round(best!)).toBe(743);
  });

  it('doubles the period when the first fails, and reports none when nothing holds', async () => {
    const tried: number[] = [];
    expect(await searchPeriods(10_000, async (period) => (tried.push(period), false))).toBeNull();
    expect(tried).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
    expect(await searchPeriods(10_000, async (period) => period >= 30_000)).toBeGreaterThanOrEqual(30_000);
  });
});
