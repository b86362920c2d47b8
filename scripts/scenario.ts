// npm run scenario -- validate <file.json|file.yaml>
// Prints every error with its path (exit 1), or a summary of the scenario (exit 0).
import { readFileSync } from 'node:fs';
import { formatOf, parseScenarioText, summariseScenario } from '../server/scenarios/source';
import { parseCommandLine, usageError } from './lib/cli';

const cli = {
  name: 'npm run scenario',
  usage: `Usage: npm run scenario -- validate <file.json|file.yaml>

Checks a scenario file (docs/scenarios.md): prints every error with its path and exits 1,
or prints a summary and exits 0.

Options:
  -h, --help   show this help
`,
  options: {},
  allowPositionals: true,
} as const;

const { positionals } = parseCommandLine(cli);
const [action, file, ...extra] = positionals;
if (action !== 'validate') usageError(cli, action === undefined ? 'say what to do: validate <file>' : `unknown command ${JSON.stringify(action)}: use validate`);
if (!file) usageError(cli, 'validate needs a file');
if (extra.length > 0) usageError(cli, `unexpected argument ${JSON.stringify(extra[0])}`);

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const result = parseScenarioText(text, formatOf(file));
if (!result.ok) {
  console.error(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  for (const e of result.errors) console.error(`  ${e.path || '(root)'}: ${e.message}`);
  process.exit(1);
}
console.log(`${file} is a valid scenario.`);
for (const line of summariseScenario(result.scenario)) console.log(`  ${line}`);
