import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../scenarios';
import { runBalance, sizesFor } from './run';
import { SCRIPTED_STRATEGIES, STRATEGY_NAMES } from './strategies';

const tiny = { scenarios: ['cuban-missile-crisis'], sizes: [6], strategies: ['front-only', 'never-announce'] as const, games: 3, seed: 7 };

// Generous timeouts: the games take milliseconds, but a loaded machine (five people on two cores) can stretch that a lot.
const SLOW = 60_000;

describe('the balance harness', () => {
  it('gives the same results for the same seed, and other games for another seed', () => {
    const a = runBalance({ ...tiny, strategies: [...tiny.strategies] });
    const b = runBalance({ ...tiny, strategies: [...tiny.strategies] });
    expect(b).toEqual(a);
    expect(a.games).toHaveLength(6);
    expect(a.cells.map((c) => [c.strategy, c.games])).toEqual([['front-only', 3], ['never-announce', 3]]);
    const other = runBalance({ ...tiny, strategies: [...tiny.strategies], seed: 8 });
    expect(other.games.map((g) => g.seed)).not.toEqual(a.games.map((g) => g.seed));
  }, SLOW);

  it('plays each strategy as named, at a human pace, without a rejected command', () => {
    const { games } = runBalance({ scenarios: ['oslo-back-channel'], sizes: [6], games: 2, seed: 3, strategies: SCRIPTED_STRATEGIES });
    const of = (name: string) => games.filter((g) => g.strategy === name);
    for (const g of games) {
      expect(g.rejections, `${g.strategy} ${g.rejectionSamples.join('; ')}`).toEqual({});
      expect(g.concluded, g.strategy).toBe(true);
      // A human table: a few dozen commands from six people over a 30-minute game, not hundreds.
      expect(g.commands, g.strategy).toBeLessThan(150);
    }
    expect(of('front-only').every((g) => g.backChannels === 0 && g.announced)).toBe(true);
    expect(of('seeds-path').every((g) => g.backChannels === 1 && g.backProposals >= 1 && g.frontMessages > 0 && g.announced)).toBe(true);
    expect(of('proposals-only').every((g) => g.backMessages === 0 && g.backProposals >= 3)).toBe(true);
    const heavy = Math.min(...of('back-heavy-secret').map((g) => g.backMessages));
    expect(heavy).toBeGreaterThan(Math.max(...of('seeds-path').map((g) => g.backMessages)) * 2);
    expect(of('never-announce').every((g) => !g.announced)).toBe(true);
    expect(of('announce-at-once').every((g) => g.announcedRound === 1)).toBe(true);
    expect(of('announce-last-minute').every((g) => g.announcedRound === 3 && g.announcedWithSecondsLeft! <= 90)).toBe(true);
    expect(of('new-channel-each-round').every((g) => g.backChannels === 3 && g.concludedRound === 3)).toBe(true);
    expect(of('same-channel-each-round').every((g) => g.backChannels === 1 && g.concludedRound === 3)).toBe(true);
  }, SLOW);

  it('aggregates every role, the core score and the rates per cell', () => {
    const results = runBalance({ ...tiny, strategies: [...tiny.strategies] });
    const front = results.cells.find((c) => c.strategy === 'front-only')!;
    const never = results.cells.find((c) => c.strategy === 'never-announce')!;
    expect(front).toMatchObject({ exposureRate: 0, dealRate: 1, announceRate: 1 });
    expect(never.announceRate).toBe(0);
    expect(Object.keys(front.leader).sort()).toEqual(['usa', 'ussr']);
    expect(Object.keys(front.roles)).toHaveLength(6);
    const records = results.games.filter((g) => g.strategy === 'front-only');
    expect(front.core.mean).toBeCloseTo(records.reduce((n, g) => n + g.core, 0) / records.length);
    expect(front.winRate + never.winRate).toBeGreaterThanOrEqual(1);
  }, SLOW);

  it('keeps only the table sizes a scenario can seat', () => {
    const scenario = builtInScenarios()[0]!;
    expect(sizesFor(scenario, [2, 4, 6, 11])).toEqual([4, 6]);
    expect(STRATEGY_NAMES).toEqual(expect.arrayContaining(['front-only', 'seeds-path', 'back-heavy-secret', 'proposals-only', 'never-announce', 'new-channel-each-round', 'announce-at-once', 'announce-last-minute']));
  });
});

describe('npm run balance', () => {
  const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/balance.ts', ...args], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

  it('prints its usage with --help and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run balance');
    expect(r.stdout).toContain('seeds-path');
  }, SLOW);

  it('refuses a wrong option in one line, with the usage, and exits 2', async () => {
    const bad = await cli('--gmaes', '3');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^balance: .*--gmaes/);
    expect(bad.stderr).toContain('Usage: npm run balance');
    const strategy = await cli('--strategies', 'front-only,telepathy');
    expect(strategy.code).toBe(2);
    expect(strategy.stderr.split('\n')[0]).toBe('balance: unknown strategy "telepathy".');
  }, SLOW);
});
