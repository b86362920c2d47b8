// npm run balance -- [--games N] [--scenario ID] [--sizes 6,8|all] [--strategies a,b] [--seed S] [--out FILE]
// Plays every built-in scenario many times with scripted strategies and prints the balance table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport } from '../server/balance/report';
import { ALL_SIZES, DEFAULT_GAMES, DEFAULT_SEED, DEFAULT_SIZES, runBalance } from '../server/balance/run';
import { isStrategyName, STRATEGIES, STRATEGY_NAMES, type StrategyName } from '../server/balance/strategies';
import { builtInScenarioIds } from '../server/scenarios';

const DEFAULT_OUT = '.balance/balance-results.json';

const USAGE = `Usage: npm run balance -- [options]
  --games N           games per scenario × size × strategy (default ${DEFAULT_GAMES}, under a minute in all)
  --scenario ID       one scenario, or several separated by commas (default: all built-ins: ${builtInScenarioIds().join(', ')})
  --sizes LIST        table sizes, e.g. 6,8, or "all" for ${ALL_SIZES[0]}–${ALL_SIZES.at(-1)} (default ${DEFAULT_SIZES.join(',')})
  --strategies LIST   strategies separated by commas (default: all)
  --seed S            base seed, an integer (default ${DEFAULT_SEED})
  --out FILE          raw results, one record per game, as JSON (default ${DEFAULT_OUT})
  --help              this text
Strategies:
${STRATEGY_NAMES.map((n) => `  ${n.padEnd(24)}${STRATEGIES[n].summary}`).join('\n')}`;

function fail(message: string): never {
  console.error(`balance: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
}

function integer(value: string, what: string, min: number): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) fail(`${what} must be an integer ≥ ${min}, not "${value}".`);
  return n;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      games: { type: 'string' },
      scenario: { type: 'string' },
      sizes: { type: 'string' },
      strategies: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const games = values.games === undefined ? DEFAULT_GAMES : integer(values.games, '--games', 1);
const seed = values.seed === undefined ? DEFAULT_SEED : integer(values.seed, '--seed', -(2 ** 31));
const scenarios = list(values.scenario);
for (const id of scenarios ?? []) if (!builtInScenarioIds().includes(id)) fail(`unknown scenario "${id}".`);
const sizes = values.sizes?.trim() === 'all' ? ALL_SIZES : list(values.sizes)?.map((x) => integer(x, '--sizes', 1));
for (const n of sizes ?? []) if (!ALL_SIZES.includes(n)) fail(`table size ${n} is outside ${ALL_SIZES[0]}–${ALL_SIZES.at(-1)}.`);
const strategies = list(values.strategies);
for (const name of strategies ?? []) if (!isStrategyName(name)) fail(`unknown strategy "${name}".`);
if ((scenarios ?? ['x']).length === 0 || (sizes ?? [1]).length === 0 || (strategies ?? ['x']).length === 0) fail('an empty list was given.');

const started = performance.now();
let lastShown = 0;
const results = runBalance({
  games, seed,
  ...(scenarios ? { scenarios } : {}),
  ...(sizes ? { sizes } : {}),
  ...(strategies ? { strategies: strategies as StrategyName[] } : {}),
  onProgress: (done, total) => {
    const now = performance.now();
    if (process.stderr.isTTY && (now - lastShown > 500 || done === total)) {
      lastShown = now;
      process.stderr.write(`\r${done}/${total} games`);
    }
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');
const seconds = (performance.now() - started) / 1000;
console.log(formatReport(results));
console.log(`\n${results.games.length} games in ${seconds.toFixed(1)} s.`);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, JSON.stringify({ generatedBy: 'npm run balance', seconds: Math.round(seconds * 10) / 10, ...results }));
console.log(`Raw results: ${values.out}`);
