// Long generated sessions for the benchmarks. Playing 20,000 events with the bots' brain takes
// a minute (every move projects a seat's view), so a log is generated once and kept under
// node_modules/.cache, keyed by a hash of the code and scenario that made it: a change to the
// engine, the bots or the generator makes a fresh one, never a stale log that no longer folds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GameEvent } from '../../server/engine';
import { generateLongSession } from '../../server/replay/testing/long-session';
import { builtInScenarios } from '../../server/scenarios';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['server/engine', 'server/bots', 'server/replay/testing/long-session.ts'];

function filesUnder(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((name) => filesUnder(path.join(p, name))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

export function longSession(target: number, onGenerate?: () => void): GameEvent[] {
  const scenario = builtInScenarios()[0]!;
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(path.join(root, s)))) hash.update(file).update(readFileSync(file));
  hash.update(JSON.stringify(scenario));
  const dir = path.join(root, 'node_modules/.cache/backchannel-bench');
  const file = path.join(dir, `long-${target}-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as GameEvent[];
  onGenerate?.();
  const events = generateLongSession(scenario, { target, players: 60, tables: 8, seed: 1 });
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(events));
  return events;
}
