import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scenarios } from '../../db/schema';
import type { Scenario } from '../engine/scenario';
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

export function saveUpload(db: Db, authorId: string, scenario: Scenario, shared: boolean, now = Date.now()): string {
  const key = `${authorId}/${scenario.id}`;
  const row = { key, scenarioId: scenario.id, authorId, shared: shared ? 1 : 0, title: scenario.title, body: JSON.stringify(scenario), createdAt: now, updatedAt: now };
  db.insert(scenarios).values(row).onConflictDoUpdate({ target: scenarios.key, set: { shared: row.shared, title: row.title, body: row.body, updatedAt: now } }).run();
  return key;
}

export type SharingResult = { ok: true; shared: boolean } | { ok: false; code: 'UNKNOWN_SCENARIO' | 'BUILT_IN_SCENARIO' | 'NOT_YOUR_UPLOAD'; message: string };

/**
 * Shares an upload with every facilitator, or keeps it to its author again. Only the author may;
 * sessions already created keep their copy of the scenario either way.
 */
export function setSharing(db: Db, facilitatorId: string, ref: string, shared: boolean, now = Date.now()): SharingResult {
  if (!ref.includes('/')) {
    return getBuiltInScenario(ref)
      ? { ok: false, code: 'BUILT_IN_SCENARIO', message: 'Built-in scenarios are open to every facilitator; only uploads can be shared or kept private.' }
      : { ok: false, code: 'UNKNOWN_SCENARIO', message: `There is no scenario “${ref}” you can use.` };
  }
  const row = db.select({ authorId: scenarios.authorId, shared: scenarios.shared }).from(scenarios).where(eq(scenarios.key, ref)).get();
  // Another's private upload is answered like one that does not exist: its name is not confirmed.
  if (!row || (row.authorId !== facilitatorId && row.shared !== 1)) return { ok: false, code: 'UNKNOWN_SCENARIO', message: `There is no scenario “${ref}” you can use.` };
  if (row.authorId !== facilitatorId) return { ok: false, code: 'NOT_YOUR_UPLOAD', message: 'Only the facilitator who uploaded this scenario can change who may use it.' };
  db.update(scenarios).set({ shared: shared ? 1 : 0, updatedAt: now }).where(eq(scenarios.key, ref)).run();
  return { ok: true, shared };
}

export function listAvailable(db: Db, facilitatorId: string): ScenarioListing[] {
  const uploads = db.select().from(scenarios).where(or(eq(scenarios.authorId, facilitatorId), eq(scenarios.shared, 1))).all();
  return [
    ...builtInScenarios().map((s) => listing(s, s.id, 'built-in', true)),
    ...uploads.flatMap((row) => {
      const parsed = parseScenario(JSON.parse(row.body));
      return parsed.ok ? [listing(parsed.scenario, row.key, row.authorId === facilitatorId ? 'mine' : 'shared', row.shared === 1)] : [];
    }),
  ];
}

/** A scenario this facilitator may use, by ref; undefined for anything else (another's private upload included). */
export function findAvailable(db: Db, facilitatorId: string, ref: string): Scenario | undefined {
  if (!ref.includes('/')) return getBuiltInScenario(ref);
  const row = db.select().from(scenarios).where(and(eq(scenarios.key, ref), or(eq(scenarios.authorId, facilitatorId), eq(scenarios.shared, 1)))).get();
  if (!row) return undefined;
  const parsed = parseScenario(JSON.parse(row.body));
  return parsed.ok ? parsed.scenario : undefined;
}
