import type { Scenario } from '../engine/scenario';
import type { ScenarioStore, UploadRecord } from '../stores/ports';
import { builtInScenarios, getBuiltInScenario } from './index';
import { parseScenario } from './schema';

/**
 * The scenarios a facilitator can run: the built-ins, their own uploads and those others shared.
 * Uploads are referred to as `authorId/scenarioId`; built-ins by their id.
 */
export interface ScenarioListing {
  ref: string;
  id: string;
  title: string;
  period: string;
  summary: string;
  source: 'built-in' | 'mine' | 'shared';
  shared: boolean;
}

const listing = (s: Scenario, ref: string, source: ScenarioListing['source'], shared: boolean): ScenarioListing => ({
  ref, id: s.id, title: s.title, period: s.period, summary: s.summary, source, shared,
});

/** Stores (or replaces) the author's upload; its ref, or undefined if the author's account is gone. */
export async function saveUpload(store: ScenarioStore, authorId: string, scenario: Scenario, shared: boolean, now = Date.now()): Promise<string | undefined> {
  const saved = await store.save({ authorId, scenarioId: scenario.id, shared, title: scenario.title, body: scenario, now });
  return saved.ok ? saved.key : undefined;
}

/** The stored scenario, checked again as it is read (a row written by an older version may not pass today's rules). */
function parsedBody(row: UploadRecord): Scenario | undefined {
  const parsed = parseScenario(row.body);
  return parsed.ok ? parsed.scenario : undefined;
}

export type SharingResult = { ok: true; shared: boolean } | { ok: false; code: 'UNKNOWN_SCENARIO' | 'BUILT_IN_SCENARIO' | 'NOT_YOUR_UPLOAD'; message: string };

/**
 * Shares an upload with every facilitator, or keeps it to its author again. Only the author may;
 * sessions already created keep their copy of the scenario either way.
 */
export async function setSharing(store: ScenarioStore, facilitatorId: string, ref: string, shared: boolean, now = Date.now()): Promise<SharingResult> {
  if (!ref.includes('/')) {
    return getBuiltInScenario(ref)
      ? { ok: false, code: 'BUILT_IN_SCENARIO', message: 'Built-in scenarios are open to every facilitator; only uploads can be shared or kept private.' }
      : { ok: false, code: 'UNKNOWN_SCENARIO', message: `There is no scenario “${ref}” you can use.` };
  }
  const row = await store.byKey(ref);
  // Another's private upload is answered like one that does not exist: its name is not confirmed.
  if (!row || (row.authorId !== facilitatorId && !row.shared)) return { ok: false, code: 'UNKNOWN_SCENARIO', message: `There is no scenario “${ref}” you can use.` };
  if (row.authorId !== facilitatorId) return { ok: false, code: 'NOT_YOUR_UPLOAD', message: 'Only the facilitator who uploaded this scenario can change who may use it.' };
  if (!(await store.setShared(ref, shared, now))) return { ok: false, code: 'UNKNOWN_SCENARIO', message: `There is no scenario “${ref}” you can use.` };
  return { ok: true, shared };
}

export async function listAvailable(store: ScenarioStore, facilitatorId: string): Promise<ScenarioListing[]> {
  const uploads = await store.visibleTo(facilitatorId);
  return [
    ...builtInScenarios().map((s) => listing(s, s.id, 'built-in', true)),
    ...uploads.flatMap((row) => {
      const scenario = parsedBody(row);
      return scenario ? [listing(scenario, row.key, row.authorId === facilitatorId ? 'mine' : 'shared', row.shared)] : [];
    }),
  ];
}

/** A scenario this facilitator may use, by ref; undefined for anything else (another's private upload included). */
export async function findAvailable(store: ScenarioStore, facilitatorId: string, ref: string): Promise<Scenario | undefined> {
  if (!ref.includes('/')) return getBuiltInScenario(ref);
  const row = await store.byKey(ref);
  if (!row || (row.authorId !== facilitatorId && !row.shared)) return undefined;
  return parsedBody(row);
}
