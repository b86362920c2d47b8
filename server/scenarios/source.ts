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
  let data: unknown;
  try {
    data = format === 'yaml' ? parseYaml(text, { prettyErrors: true }) : JSON.parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '';
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [{ path: '', message: `Not valid ${format.toUpperCase()}${where}: ${message}` }] };
  }
  return parseScenario(data);
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
