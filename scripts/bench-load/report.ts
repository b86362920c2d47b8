// The benchmark's report as text: the game and the bare Socket.IO baseline side by side, with the
// game/bare ratio, so a noisy machine shows in both columns at once.
import type { LoadFigures } from './measure';
import type { BenchReport, ServerRun } from './run';

type Row = [label: string, game: string, bare: string, ratio: string];

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-GB') : '–');
const percent = (ratio: number) => (Number.isFinite(ratio) ? `${(ratio * 100).toFixed(ratio === 1 ? 0 : 2)} %` : '–');
const times = (game: number | undefined, bare: number | undefined) => (game !== undefined && bare !== undefined && bare > 0 && Number.isFinite(game / bare) ? `${(game / bare).toFixed(2)}×` : '');
const codes = (record: Record<string, number>) => Object.entries(record).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';

function table(rows: Row[], headings: [string, string, string]): string {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), i === 0 ? 0 : headings[i - 1]!.length));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('   ').trimEnd();
  return [line(['', ...headings]), ...rows.map((r) => line(r))].join('\n');
}

function loadRows(game: LoadFigures | undefined, bare: LoadFigures | undefined): Row[] {
  const row = (label: string, pick: (f: LoadFigures) => number, show: (n: number) => string, ratio = true): Row => {
    const g = game && pick(game);
    const b = bare && pick(bare);
    return [label, g === undefined ? '' : show(g), b === undefined ? '' : show(b), ratio ? times(g, b) : ''];
  };
  const text = (label: string, pick: (f: LoadFigures) => string): Row => [label, game ? pick(game) : '', bare ? pick(bare) : '', ''];
  return [
    row('players', (f) => f.players, count, false),
    row('  of them posting', (f) => f.speakers, count, false),
    row('period per player (ms)', (f) => f.periodMs, count, false),
    row('messages/s', (f) => f.messagesPerSec, count),
    row('deliveries/s', (f) => f.deliveriesPerSec, count),
    row('delivery ratio', (f) => f.ratio, percent),
    row('delivery p50 (ms)', (f) => f.delivery.p50, (n) => fixed(n, 2)),
    row('delivery p99 (ms)', (f) => f.delivery.p99, (n) => fixed(n, 2)),
    row('delivery p99.9 (ms)', (f) => f.delivery.p999, (n) => fixed(n, 2)),
    row('delivery max (ms)', (f) => f.delivery.max, (n) => fixed(n, 2)),
    row('ack p50 (ms)', (f) => f.ack.p50, (n) => fixed(n, 2)),
    row('ack p99 (ms)', (f) => f.ack.p99, (n) => fixed(n, 2)),
    text('refused / unanswered', (f) => `${codes(f.refusals)} / ${f.unanswered}`),
    text('sockets dropped', (f) => codes(f.disconnects)),
    row('server CPU (% of a core)', (f) => f.server.cpuPercent, (n) => fixed(n, 0)),
    row('server CPU per delivery (µs)', (f) => f.server.cpuUsPerDelivery, (n) => fixed(n, 1)),
    row('server event-loop delay p99 (ms)', (f) => f.server.loopDelayP99Ms, (n) => fixed(n, 1)),
    row('load workers CPU (% of a core)', (f) => f.generator.cpuPercent, (n) => fixed(n, 0), false),
    row('load workers event-loop p99 (ms)', (f) => f.generator.loopDelayP99Ms, (n) => fixed(n, 1), false),
  ];
}

function heapRows(game: ServerRun | undefined, bare: ServerRun | undefined): Row[] {
  const row = (label: string, pick: (r: ServerRun) => number | undefined, digits: number, ratio = true): Row => {
    const g = game && pick(game);
    const b = bare && pick(bare);
    return [label, g === undefined ? '' : fixed(g, digits), b === undefined ? '' : fixed(b, digits), ratio ? times(g, b) : ''];
  };
  const rows: Row[] = [
    row('heap per connected player (KB)', (r) => r.heap.perPlayerKB, 1),
    row('heap before players (MB)', (r) => r.heap.baselineMB, 1, false),
    row('heap, all connected (MB)', (r) => r.heap.afterConnectMB, 1, false),
  ];
  const waves = Math.max(game?.heap.waves.length ?? 0, bare?.heap.waves.length ?? 0);
  for (let i = 0; i < waves; i++) {
    rows.push(row(`wave ${i + 1}: all gone (MB)`, (r) => r.heap.waves[i]?.disconnectedMB, 1, false));
    rows.push(row(`wave ${i + 1}: all back (MB)`, (r) => r.heap.waves[i]?.reconnectedMB, 1, false));
  }
  rows.push(row('connect and seat everyone (s)', (r) => r.connectSeconds, 1, false));
  return rows;
}

function sweepLines(run: ServerRun): string[] {
  if (!run.sweep) return [];
  const lines = [`${run.kind} sweep (${count(run.players)} players; target: p99 ≤ 50 ms and every message delivered):`];
  for (const s of [...run.sweep.steps].sort((a, b) => b.periodMs - a.periodMs)) {
    lines.push(`  period ${count(s.periodMs).padStart(6)} ms  ${count(s.deliveriesPerSec).padStart(7)} deliveries/s  p50 ${fixed(s.delivery.p50, 2).padStart(8)}  p99 ${fixed(s.delivery.p99, 2).padStart(9)}  p99.9 ${fixed(s.delivery.p999, 2).padStart(9)} ms  ratio ${percent(s.ratio).padStart(8)}  CPU ${fixed(s.server.cpuPercent, 0).padStart(3)} % (workers ${fixed(s.generator.cpuPercent, 0)} %)  ${s.pass ? 'holds' : 'fails'}${Object.keys(s.disconnects).length ? `  dropped: ${codes(s.disconnects)}` : ''}`);
  }
  const best = run.sweep.best;
  lines.push(best ? `  best: ${count(best.deliveriesPerSec)} deliveries/s (period ${count(best.periodMs)} ms, p99 ${fixed(best.delivery.p99, 2)} ms)` : '  best: none (the target failed at every period tried)');
  return lines;
}

export function formatReport(report: BenchReport): string {
  const game = report.runs.find((r) => r.kind === 'game');
  const bare = report.runs.find((r) => r.kind === 'bare');
  const o = report.options;
  const out: string[] = [];
  out.push(`bench:load: tables of 10, sessions of 30; ${o.workers} load workers; ${o.sweep ? `sweep, ${o.warmupS} s warm-up + ${o.durationS} s per step` : `${o.warmupS} s warm-up, ${o.durationS} s measured`}; latency = receive − send on the machine's monotonic clock`);
  out.push('');
  if (!o.sweep) out.push(table(loadRows(game?.load ?? undefined, bare?.load ?? undefined), ['game', 'bare', 'game/bare']), '');
  out.push(table(heapRows(game, bare), ['game', 'bare', 'game/bare']), '');
  for (const run of report.runs) if (run.sweep) out.push(...sweepLines(run), '');
  if (o.sweep && game?.sweep?.best && bare?.sweep?.best) {
    out.push(`highest deliveries/s at p99 ≤ 50 ms: game ${count(game.sweep.best.deliveriesPerSec)}, bare ${count(bare.sweep.best.deliveriesPerSec)}: game/bare ${percent(game.sweep.best.deliveriesPerSec / bare.sweep.best.deliveriesPerSec)}`, '');
  }
  const offsets = report.runs.map((r) => r.clockOffsets);
  const worst = (pick: (x: ServerRun['clockOffsets']) => number) => Math.max(...offsets.map(pick));
  out.push(`clock check (how far another process's clock read outside the IPC round trip): monotonic ${fixed(worst((x) => x.monotonic), 3)} ms, timeOrigin + performance.now() ${fixed(worst((x) => x.performance), 3)} ms`);
  return out.join('\n');
}
