import { seedFrom, tableSizeRange, type Scenario } from '../engine';
import { builtInScenarios } from '../scenarios';
import { MAX_TABLE_SIZE, MIN_TABLE_SIZE } from '../scenarios/schema';
import { coreRoleIds, playGame, type GameRecord } from './play';
import { STRATEGY_NAMES, type StrategyName } from './strategies';

/** The matrix: every scenario × table size × strategy, `games` seeded games each, and what they add up to. */

export const DEFAULT_SIZES = [4, 6, 8, 10];
export const ALL_SIZES = Array.from({ length: MAX_TABLE_SIZE - MIN_TABLE_SIZE + 1 }, (_, i) => MIN_TABLE_SIZE + i);
/** About 12 ms a game on this machine: 180 cells × 24 games stays under a minute. */
export const DEFAULT_GAMES = 24;
export const DEFAULT_SEED = 1;

export interface BalanceOptions {
  games?: number;
  /** Scenario ids; all built-ins by default. */
  scenarios?: string[];
  /** Table sizes to try (each kept only where the scenario's slots allow it). */
  sizes?: number[];
  strategies?: StrategyName[];
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Stat {
  mean: number;
  sd: number;
}

export interface Cell {
  scenarioId: string;
  size: number;
  strategy: StrategyName;
  games: number;
  core: Stat;
  /** Every role dealt at this size, by role id. */
  roles: Record<string, Stat & { kind: string; side: string | null }>;
  /** Leader and main envoy of each side, by side id. */
  leader: Record<string, Stat>;
  envoy: Record<string, Stat>;
  /** Share of the seeds where this strategy's core score was the best of the strategies run (ties count for all). */
  winRate: number;
  exposureRate: number;
  dealRate: number;
  announceRate: number;
  support: Record<string, Stat>;
  /** Share of games where every side ended at 0 public support. */
  allZeroSupportRate: number;
  escalation: Stat;
  backMessages: number;
  leaks: number;
  stories: number;
  maxRisk: number;
  /** Share of back-channel messages sent at each risk level a student sees. */
  riskLevels: Record<'low' | 'elevated' | 'high', number>;
  rejections: Record<string, number>;
}

export interface BalanceResults {
  options: { games: number; scenarios: string[]; sizes: number[]; strategies: StrategyName[]; seed: number };
  cells: Cell[];
  games: GameRecord[];
}

export function stat(values: number[]): Stat {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

const rate = (records: GameRecord[], test: (r: GameRecord) => boolean) => (records.length ? records.filter(test).length / records.length : 0);
const mean = (values: number[]) => stat(values).mean;

/** Sizes the scenario can seat, among those asked for. */
export function sizesFor(scenario: Scenario, sizes: number[]): number[] {
  const { min, max } = tableSizeRange(scenario.roles);
  return sizes.filter((n) => n >= Math.max(min, MIN_TABLE_SIZE) && n <= Math.min(max, MAX_TABLE_SIZE));
}

export function runBalance(options: BalanceOptions = {}): BalanceResults {
  const all = builtInScenarios();
  const ids = options.scenarios ?? all.map((s) => s.id);
  const scenarios = ids.map((id) => {
    const found = all.find((s) => s.id === id);
    if (!found) throw new Error(`Unknown scenario "${id}"; built-in: ${all.map((s) => s.id).join(', ')}`);
    return found;
  });
  const games = options.games ?? DEFAULT_GAMES;
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const strategies = options.strategies ?? STRATEGY_NAMES;
  const seed = options.seed ?? DEFAULT_SEED;
  const total = scenarios.reduce((n, s) => n + sizesFor(s, sizes).length, 0) * strategies.length * games;
  const records: GameRecord[] = [];
  const cells: Cell[] = [];
  for (const scenario of scenarios) {
    for (const size of sizesFor(scenario, sizes)) {
      const bySeed = new Map<StrategyName, GameRecord[]>();
      for (const strategy of strategies) {
        const played: GameRecord[] = [];
        for (let g = 0; g < games; g++) {
          // The same seed for every strategy: the same dealing and the same dice, so strategies are compared on equal footing.
          played.push(playGame(scenario, size, strategy, g, seedFrom(`${seed}:${scenario.id}:${size}:${g}`)));
          options.onProgress?.(records.length + played.length, total);
        }
        bySeed.set(strategy, played);
        records.push(...played);
      }
      const best = Array.from({ length: games }, (_, g) => Math.max(...strategies.map((s) => bySeed.get(s)![g]!.core)));
      for (const strategy of strategies) cells.push(summarise(scenario, size, strategy, bySeed.get(strategy)!, best));
    }
  }
  return { options: { games, scenarios: ids, sizes, strategies, seed }, cells, games: records };
}

function summarise(scenario: Scenario, size: number, strategy: StrategyName, records: GameRecord[], best: number[]): Cell {
  const core = new Set(coreRoleIds(scenario));
  const roles: Cell['roles'] = {};
  for (const role of scenario.roles) {
    const totals = records.flatMap((r) => r.seats.filter((s) => s.roleId === role.id).map((s) => s.total));
    if (totals.length > 0) roles[role.id] = { ...stat(totals), kind: role.kind, side: role.side };
  }
  const bySide = (kind: string) =>
    Object.fromEntries(scenario.sides.map((side) => {
      const role = scenario.roles.find((r) => r.kind === kind && r.side === side.id && core.has(r.id));
      return [side.id, role && roles[role.id] ? { mean: roles[role.id]!.mean, sd: roles[role.id]!.sd } : { mean: 0, sd: 0 }];
    }));
  const levels = { low: 0, elevated: 0, high: 0 };
  for (const r of records) for (const k of ['low', 'elevated', 'high'] as const) levels[k] += r.risk.levels[k];
  const sent = levels.low + levels.elevated + levels.high;
  const rejections: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r.rejections)) rejections[k] = (rejections[k] ?? 0) + n;
  return {
    scenarioId: scenario.id, size, strategy, games: records.length,
    core: stat(records.map((r) => r.core)),
    roles,
    leader: bySide('leader'),
    envoy: bySide('envoy'),
    winRate: rate(records, (r) => r.core === best[r.game]),
    exposureRate: rate(records, (r) => r.exposed > 0),
    dealRate: rate(records, (r) => r.concluded),
    announceRate: rate(records, (r) => r.announced),
    support: Object.fromEntries(scenario.sides.map((s) => [s.id, stat(records.map((r) => r.support[s.id] ?? 0))])),
    allZeroSupportRate: rate(records, (r) => scenario.sides.every((s) => (r.support[s.id] ?? 0) <= 0)),
    escalation: stat(records.map((r) => r.escalation)),
    backMessages: mean(records.map((r) => r.backMessages)),
    leaks: mean(records.map((r) => r.leaks)),
    stories: mean(records.map((r) => r.stories)),
    maxRisk: mean(records.map((r) => r.risk.max)),
    riskLevels: sent ? { low: levels.low / sent, elevated: levels.elevated / sent, high: levels.high / sent } : { low: 0, elevated: 0, high: 0 },
    rejections,
  };
}
