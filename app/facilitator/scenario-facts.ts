import { rolesForTable, tableSizeRange } from '../../shared/deal';
import type { RoleSlot, Scenario } from '../../server/engine/scenario';

/** Words a reader reads in a minute: students reading a brief carefully, not skimming. */
const WORDS_PER_MINUTE = 180;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The minutes a role's brief takes to read (its background, objectives, facts and limits). */
export function readingMinutes(scenario: Scenario, role: RoleSlot): number {
  const brief = role.brief;
  const total = words(scenario.publicBackground) + words(brief.summary ?? '') + words(brief.objectives) + brief.privateFacts.reduce((n, f) => n + words(f), 0) + brief.limits.reduce((n, l) => n + words(l), 0) + role.objectives.reduce((n, o) => n + words(o.description), 0);
  return Math.max(1, Math.round(total / WORDS_PER_MINUTE));
}

/** Which roles a table of each possible size gets, smallest table first. */
export function rolesBySize(scenario: Scenario): { size: number; roles: { title: string; count: number }[] }[] {
  const { min, max } = tableSizeRange(scenario.roles);
  const rows = [];
  for (let size = min; size <= Math.min(max, min + 8); size++) {
    const ids = rolesForTable(size, scenario.roles) ?? [];
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    rows.push({ size, roles: scenario.roles.filter((r) => counts.has(r.id)).map((r) => ({ title: r.title, count: counts.get(r.id) ?? 0 })) });
  }
  return rows;
}

/** Each size's roles as what it adds to the size below (the smallest lists them all): short enough to read at a glance. */
export function rolesAddedBySize(scenario: Scenario): { size: number; added: string[]; all: boolean }[] {
  const rows = rolesBySize(scenario);
  return rows.map((row, i) => {
    const before = new Map((rows[i - 1]?.roles ?? []).map((r) => [r.title, r.count]));
    const added = row.roles.flatMap((r) => Array.from({ length: r.count - (before.get(r.title) ?? 0) }, () => r.title));
    return { size: row.size, added, all: i === 0 };
  });
}
