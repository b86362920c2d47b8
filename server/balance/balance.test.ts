import { describe, expect, it } from 'vitest';
import { builtInScenarioIds } from '../scenarios';
import { runBalance, type BalanceResults, type Cell } from './run';
import { SCRIPTED_STRATEGIES, type StrategyName } from './strategies';

/**
 * The balance test: the rules teach what the seeds say (docs/balance.md, "Targets"). It plays
 * every built-in scenario at tables of 6 and 10 (the smallest and largest table with every kind
 * of role; `npm run balance -- --sizes 6,7,8,9,10` shows the sizes between), every strategy,
 * GAMES seeded games each: the same seeds every run, so it is not flaky, and loose bounds, so
 * that it fails only when a rule change breaks a target. 800 games: 30–60 s on a loaded
 * two-core machine.
 */

const GAMES = 8;
const SEED = 11;
const SIZES = [6, 10];
/** "Clearly less": at least this share below the seeds' path. */
const CLEARLY = 0.95;
/** A leader's maximum is 100 in every scenario: sides' leaders within 10 % of it. */
const LEADER_GAP = 10;

/**
 * Where a target does not hold at these seeds, with the figures and the reasons in docs/balance.md
 * ("What does not hold"), listed by cell ("scenario@size") with a one-line reason each. Anything
 * not listed must meet its bound, so the test still catches a rule change that breaks a target.
 * None today: every target holds in every scenario at 6 and 10 for these seeds.
 */
/** Back channel + secret terms or front-only not clearly below the seeds' path. */
const NOT_CLEARLY_BELOW: Partial<Record<string, StrategyName[]>> = {};
/** new-channel-each-round above same-channel-each-round. */
const NEW_CHANNEL_EXCEPTIONS: string[] = [];
/** Leaders' mean scores by side more than LEADER_GAP apart. */
const LEADER_GAP_EXCEPTIONS: Partial<Record<string, StrategyName[]>> = {};

let results: BalanceResults | null = null;
function played(): BalanceResults {
  results ??= runBalance({ sizes: SIZES, games: GAMES, seed: SEED });
  return results;
}

function cellsOf(scenarioId: string, size: number): Map<StrategyName, Cell> {
  return new Map(played().cells.filter((c) => c.scenarioId === scenarioId && c.size === size).map((c) => [c.strategy, c]));
}

const core = (cells: Map<StrategyName, Cell>, s: StrategyName) => cells.get(s)!.core.mean;
const SLOW = 240_000;

describe.each(builtInScenarioIds())('balance of %s', (scenarioId) => {
  it.each(SIZES)('at a table of %i: the seeds\' path scores best, front-only and back-heavy clearly less', (size) => {
    const cells = cellsOf(scenarioId, size);
    const seeds = core(cells, 'seeds-path');
    for (const s of SCRIPTED_STRATEGIES) expect(core(cells, s), `${s} vs seeds-path`).toBeLessThanOrEqual(seeds);
    for (const s of ['front-only', 'back-heavy-secret'] as const) {
      if (NOT_CLEARLY_BELOW[`${scenarioId}@${size}`]?.includes(s)) continue;
      expect(core(cells, s), `${s} clearly below seeds-path`).toBeLessThanOrEqual(seeds * CLEARLY);
    }
  }, SLOW);

  it.each(SIZES)('at a table of %i: repeated channels do not pay, early announcement does, and backlash is bounded', (size) => {
    const cells = cellsOf(scenarioId, size);
    if (!NEW_CHANNEL_EXCEPTIONS.includes(`${scenarioId}@${size}`)) expect(core(cells, 'new-channel-each-round')).toBeLessThanOrEqual(core(cells, 'same-channel-each-round'));
    expect(core(cells, 'announce-at-once')).toBeGreaterThanOrEqual(core(cells, 'announce-last-minute'));
    for (const [s, cell] of cells) expect(cell.allZeroSupportRate, `${s}: both sides at 0`).toBeLessThan(0.1);
  }, SLOW);

  it('a heavily used channel shows low, elevated and high', () => {
    const heavy = played().games.filter((g) => g.scenarioId === scenarioId && g.strategy === 'back-heavy-secret');
    expect(heavy.some((g) => g.risk.levels.low > 0 && g.risk.levels.elevated > 0 && g.risk.levels.high > 0)).toBe(true);
  }, SLOW);

  it.each(SIZES)('at a table of %i: no side\'s leader is systematically handicapped', (size) => {
    for (const [s, cell] of cellsOf(scenarioId, size)) {
      if (s === 'bots' || LEADER_GAP_EXCEPTIONS[`${scenarioId}@${size}`]?.includes(s)) continue;
      const [a, b] = Object.values(cell.leader).map((x) => x.mean);
      expect(Math.abs(a! - b!), `${s}: leaders ${a} vs ${b}`).toBeLessThanOrEqual(LEADER_GAP);
    }
  }, SLOW);

  it('no strategy wins in every seed: a leak is a real risk, not a certainty', () => {
    for (const s of SCRIPTED_STRATEGIES) {
      const cells = SIZES.map((size) => cellsOf(scenarioId, size).get(s)!);
      const wins = cells.reduce((n, c) => n + c.winRate * c.games, 0);
      expect(wins, s).toBeLessThan(cells.reduce((n, c) => n + c.games, 0));
    }
  }, SLOW);
});

describe('nothing said in secret is leak-proof', () => {
  it('texts-only back channels leak too', () => {
    const texts = played().cells.filter((c) => c.strategy === 'proposals-only');
    expect(texts.some((c) => c.exposureRate > 0)).toBe(true);
    expect(played().games.filter((g) => g.strategy === 'proposals-only').some((g) => g.leaks > 0)).toBe(true);
  }, SLOW);
});
