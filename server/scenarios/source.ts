import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseScenario, type ParseScenarioResult } from './schema';
import type { Scenario } from '../engine/scenario';
import { tableSizeRange } from '../engine/deal';

/** Scenario files may be JSON or YAML; authors get the same precise errors either way. */
export type ScenarioFormat = 'json' | 'yaml';

export const MAX_SCENARIO_BYTES = 512 * 1024;

export function formatOf(fileName: string): ScenarioFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/** Parses text and validates it: syntax errors come back with a line and column, like schema errors with a path. */
export function parseScenarioText(text: string, format: ScenarioFormat): ParseScenarioResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_SCENARIO_BYTES) {
    return { ok: false, errors: [{ path: '', message: `The file is larger than ${MAX_SCENARIO_BYTES / 1024} KB.` }] };
  }
  // Editors on Windows may save an invisible byte-order mark first.
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = format === 'yaml' ? parseYaml(source, { prettyErrors: true }) : JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: syntaxError(error, source, format) }] };
  }
  return parseScenario(data);
}

/** A syntax error with its line and column, without the snippet of the file V8 quotes. */
function syntaxError(error: unknown, text: string, format: ScenarioFormat): string {
  if (error instanceof YAMLParseError) {
    const pos = error.linePos?.[0];
    const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
    return `Not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}: ${message}`;
  }
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw)?.[1];
  const message = raw.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/s, '').trim();
  let where = '';
  if (position !== undefined) {
    const before = text.slice(0, Number(position)).split('\n');
    where = ` (line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1})`;
  } else if (/Unexpected end of JSON input/.test(raw)) {
    const lines = text.split('\n');
    where = ` (line ${lines.length}, column ${(lines[lines.length - 1]?.length ?? 0) + 1})`;
  }
  return `Not valid ${format.toUpperCase()}${where}: ${message}`;
}

/** A few lines a facilitator can read to check they uploaded what they meant to. */
export function summariseScenario(s: Scenario): string[] {
  const { min, max } = tableSizeRange(s.roles);
  const minutes = Math.round(s.phases.reduce((n, p) => n + p.durationSec, 0) / 60);
  return [
    `${s.title} (${s.period}) — id ${s.id}`,
    `Sides: ${s.sides.map((side) => side.name).join(' vs ')}`,
    `Roles: ${s.roles.length} (${s.roles.map((r) => `${r.title} ${r.min}–${r.max}`).join(', ')}); tables of ${min} to ${max} players`,
    `Issues: ${s.issues.map((i) => `${i.title} (${i.options.length} options)`).join('; ')}`,
    `Phases: ${s.phases.map((p) => `${p.title} ${Math.round(p.durationSec / 60)} min`).join(', ')} — about ${minutes} minutes`,
    `Injects: ${s.injects.length}; escalation levels: ${s.escalation.length}; debrief questions: ${s.debriefQuestions.length}`,
    s.precondition ? `Precondition for official talks: ${s.precondition.description}` : 'No precondition for official talks.',
  ];
}
