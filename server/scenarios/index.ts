/**
 * The scenarios that ship with Backchannel. Each built-in is a JSON file in this folder, imported
 * statically (so it works under tsx, vitest and Next's server build alike) and validated with the
 * same schema as facilitator uploads. An invalid built-in is a programming error: we throw.
 */
import type { Scenario } from '../engine/scenario';
import cubanMissileCrisis from './cuban-missile-crisis.json';
import iranHostageCrisis from './iran-hostage-crisis.json';
import nycTransitStrike from './nyc-transit-strike.json';
import mandelaCoetsee from './mandela-coetsee.json';
import osloBackChannel from './oslo-back-channel.json';
import { countWords, parseScenario, type ScenarioError } from './schema';

/** Built-ins are held to more than uploads: every role has a short brief of a readable length. */
export const BUILT_IN_SHORT_BRIEF_MIN_WORDS = 100;

/** What a built-in needs beyond the upload schema; the same `{ path, message }` errors. */
export function checkBuiltIn(scenario: Scenario): ScenarioError[] {
  return scenario.roles.flatMap((role, r) => {
    const path = `roles[${r}].brief.summary`;
    if (role.brief.summary === undefined) {
      return [{ path, message: `Required in a built-in scenario: the short brief (${BUILT_IN_SHORT_BRIEF_MIN_WORDS} words or more) that "${role.title}" reads first` }];
    }
    const words = countWords(role.brief.summary);
    return words < BUILT_IN_SHORT_BRIEF_MIN_WORDS
      ? [{ path, message: `Must be at least ${BUILT_IN_SHORT_BRIEF_MIN_WORDS} words long in a built-in scenario (found ${words})` }]
      : [];
  });
}

const SOURCES: readonly { file: string; data: unknown }[] = [
  { file: 'cuban-missile-crisis.json', data: cubanMissileCrisis },
  { file: 'oslo-back-channel.json', data: osloBackChannel },
  { file: 'mandela-coetsee.json', data: mandelaCoetsee },
  { file: 'nyc-transit-strike.json', data: nycTransitStrike },
  { file: 'iran-hostage-crisis.json', data: iranHostageCrisis },
];

let validated: Scenario[] | undefined;

function loadAll(): Scenario[] {
  if (validated) return validated;
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of SOURCES) {
    const result = parseScenario(data);
    const errors = result.ok ? checkBuiltIn(result.scenario) : result.errors;
    if (!result.ok || errors.length > 0) {
      problems.push(`${file}:\n${errors.map((e) => `  ${e.path || '(root)'}: ${e.message}`).join('\n')}`);
      continue;
    }
    const other = seen.get(result.scenario.id);
    if (other) {
      problems.push(`${file}: scenario id "${result.scenario.id}" is already used by ${other}`);
      continue;
    }
    seen.set(result.scenario.id, file);
    scenarios.push(result.scenario);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid built-in scenario(s):\n${problems.join('\n')}`);
  }
  validated = scenarios;
  return scenarios;
}

/** All built-in scenarios, validated. Each call returns fresh copies the caller may modify. */
export function builtInScenarios(): Scenario[] {
  return loadAll().map((s) => structuredClone(s));
}

/** One built-in scenario by id (a fresh copy), or undefined if there is none. */
export function getBuiltInScenario(id: string): Scenario | undefined {
  const found = loadAll().find((s) => s.id === id);
  return found ? structuredClone(found) : undefined;
}

/** Ids of the built-in scenarios, in display order. */
export function builtInScenarioIds(): string[] {
  return loadAll().map((s) => s.id);
}
