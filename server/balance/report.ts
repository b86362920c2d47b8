import { builtInScenarios } from '../scenarios';
import type { BalanceResults, Cell, Stat } from './run';

/** The printed table: one block per scenario and table size, one row per strategy. */

const pm = (s: Stat) => `${Math.round(s.mean)}±${Math.round(s.sd)}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const left = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

/** Mean score of the seats of one kind (spoilers, journalists), or a dash where none is dealt. */
function kindMean(cell: Cell, kind: string): string {
  const roles = Object.values(cell.roles).filter((r) => r.kind === kind);
  return roles.length ? String(Math.round(roles.reduce((n, r) => n + r.mean, 0) / roles.length)) : '–';
}

const COLUMNS: { title: string; width: number; value: (c: Cell, sides: string[]) => string }[] = [
  { title: 'core', width: 8, value: (c) => pm(c.core) },
  { title: 'win', width: 5, value: (c) => pct(c.winRate) },
  { title: 'L1', width: 7, value: (c, s) => pm(c.leader[s[0]!]!) },
  { title: 'E1', width: 7, value: (c, s) => pm(c.envoy[s[0]!]!) },
  { title: 'L2', width: 7, value: (c, s) => pm(c.leader[s[1]!]!) },
  { title: 'E2', width: 7, value: (c, s) => pm(c.envoy[s[1]!]!) },
  { title: 'spoil', width: 5, value: (c) => kindMean(c, 'spoiler') },
  { title: 'jour', width: 5, value: (c) => kindMean(c, 'journalist') },
  { title: 'expo', width: 5, value: (c) => pct(c.exposureRate) },
  { title: 'deal', width: 5, value: (c) => pct(c.dealRate) },
  { title: 'ann', width: 5, value: (c) => pct(c.announceRate) },
  { title: 'sup1/sup2', width: 9, value: (c, s) => `${Math.round(c.support[s[0]!]!.mean)}/${Math.round(c.support[s[1]!]!.mean)}` },
  { title: 'both0', width: 5, value: (c) => pct(c.allZeroSupportRate) },
  { title: 'esc', width: 4, value: (c) => c.escalation.mean.toFixed(1) },
  { title: 'bcmsg', width: 5, value: (c) => c.backMessages.toFixed(0) },
  { title: 'leak', width: 4, value: (c) => c.leaks.toFixed(1) },
  { title: 'risk', width: 5, value: (c) => (c.backMessages > 0 ? pct(c.maxRisk) : '–') },
  { title: 'lvl≥el', width: 6, value: (c) => (c.backMessages > 0 ? pct(c.riskLevels.elevated + c.riskLevels.high) : '–') },
];

const LEGEND = [
  'core: both leaders + both main envoys (mean±sd); win: share of seeds where the strategy had the best core score;',
  'L1/E1, L2/E2: leader and main envoy of the first and second side; spoil, jour: mean score of spoiler and journalist seats;',
  'expo: games with a back channel exposed by a story; deal: concluded; ann: announced; sup1/sup2: public support at the end;',
  'both0: games ending with every side at 0 support; esc: escalation at the end; bcmsg: back-channel messages a game;',
  'leak: leaks a game; risk: the highest per-message leak risk a game (mean); lvl≥el: back-channel messages the badge showed as elevated or high.',
];

export function formatReport(results: BalanceResults): string {
  const out: string[] = [];
  const scenarios = builtInScenarios();
  const { games, seed } = results.options;
  out.push(`Balance: ${games} game(s) per cell, seed ${seed}.`, ...LEGEND, '');
  for (const id of results.options.scenarios) {
    const scenario = scenarios.find((s) => s.id === id);
    const sides = scenario?.sides.map((s) => s.id) ?? [];
    const cells = results.cells.filter((c) => c.scenarioId === id);
    if (cells.length === 0) continue;
    out.push(`== ${scenario?.title ?? id} (${id}) — side 1: ${sides[0]}, side 2: ${sides[1]}`);
    for (const size of [...new Set(cells.map((c) => c.size))]) {
      const rows = cells.filter((c) => c.size === size);
      const nameWidth = Math.max(8, ...rows.map((c) => c.strategy.length)) + 1;
      out.push(`-- table of ${size}`);
      out.push(pad('strategy', nameWidth) + COLUMNS.map((col) => left(col.title, col.width + 1)).join(''));
      for (const cell of rows) out.push(pad(cell.strategy, nameWidth) + COLUMNS.map((col) => left(col.value(cell, sides), col.width + 1)).join(''));
      out.push('');
    }
  }
  out.push(...summary(results));
  return out.join('\n');
}

/** One metric at a glance: strategies down, scenarios across, one block per table size. */
function pivot(results: BalanceResults, title: string, value: (c: Cell) => string): string[] {
  const out = [title];
  const ids = results.options.scenarios;
  const short = (id: string) => id.split('-')[0]!;
  for (const size of [...new Set(results.cells.map((c) => c.size))].sort((a, b) => a - b)) {
    out.push(`  table of ${size}`.padEnd(28) + ids.map((id) => left(short(id), 9)).join(''));
    for (const strategy of results.options.strategies) {
      const row = ids.map((id) => results.cells.find((c) => c.scenarioId === id && c.size === size && c.strategy === strategy));
      out.push(`  ${pad(strategy, 26)}${row.map((c) => left(c ? value(c) : '–', 9)).join('')}`);
    }
  }
  return [...out, ''];
}

function summary(results: BalanceResults): string[] {
  const out = [
    ...pivot(results, 'Mean core score at a glance:', (c) => String(Math.round(c.core.mean))),
    ...pivot(results, 'Exposure rate at a glance (games with a back channel exposed):', (c) => pct(c.exposureRate)),
    'Best mean core score per scenario and table size:',
  ];
  const keys = [...new Set(results.cells.map((c) => `${c.scenarioId}@${c.size}`))];
  for (const key of keys) {
    const rows = results.cells.filter((c) => `${c.scenarioId}@${c.size}` === key).sort((a, b) => b.core.mean - a.core.mean);
    const [best, second] = rows;
    if (best) out.push(`  ${pad(key, 26)} ${pad(best.strategy, 24)} ${Math.round(best.core.mean)}${second ? `  (next: ${second.strategy} ${Math.round(second.core.mean)})` : ''}`);
  }
  const rejected = new Map<string, number>();
  for (const c of results.cells) for (const [k, n] of Object.entries(c.rejections)) rejected.set(`${c.strategy} ${k}`, (rejected.get(`${c.strategy} ${k}`) ?? 0) + n);
  out.push('', rejected.size === 0 ? 'No command was rejected.' : 'Rejected commands (strategy, command:code, count):');
  for (const [k, n] of [...rejected.entries()].sort((a, b) => b[1] - a[1])) out.push(`  ${k} ${n}`);
  return out;
}
