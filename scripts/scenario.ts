// npm run scenario -- validate <file.json|file.yaml>
// Prints every error with its path (exit 1), or a summary of the scenario (exit 0).
import { readFileSync } from 'node:fs';
import { formatOf, parseScenarioText, summariseScenario } from '../server/scenarios/source';

const [action, file] = process.argv.slice(2);
if (action !== 'validate' || !file) {
  console.error('Usage: npm run scenario -- validate <file.json|file.yaml>');
  process.exit(2);
}

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
