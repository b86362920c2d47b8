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
