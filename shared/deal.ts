import type { RoleSlot } from '../server/engine/scenario';

/**
 * Dealing players into tables and roles, in balance. Pure arithmetic; the shuffle of players
 * happens before, with the seeded generator.
 */

export function tableSizeRange(roles: RoleSlot[]): { min: number; max: number } {
  return {
    min: roles.reduce((n, r) => n + r.min, 0),
    max: roles.reduce((n, r) => n + r.max, 0),
  };
}

/** Sizes of `tableCount` tables holding `players` as evenly as possible. */
export function tableSizes(players: number, tableCount: number): number[] {
  const base = Math.floor(players / tableCount);
  const extra = players % tableCount;
  return Array.from({ length: tableCount }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Tables of about six, adjusted so that every table fits the role slots; null if none fits. */
export function chooseTableCount(players: number, roles: RoleSlot[], target = 6): number | null {
  const { min, max } = tableSizeRange(roles);
  const fits = (t: number) => tableSizes(players, t).every((s) => s >= min && s <= max);
  const preferred = Math.max(1, Math.round(players / target));
  for (let delta = 0; delta <= players; delta++) {
    for (const t of [preferred + delta, preferred - delta]) {
      if (t >= 1 && t <= players && fits(t)) return t;
    }
  }
  return null;
}

/**
 * The role of each seat at a table of `size`: every slot's minimum first, then one more per
 * slot in priority order, pass after pass, until the table is full. Slots of equal priority
 * (one spoiler per side) are taken in `tieOrder` (role ids, drawn at deal time), so that an odd
 * seat does not always go to the side listed first.
 */
export function rolesForTable(size: number, roles: RoleSlot[], tieOrder: string[] = []): string[] | null {
  const { min, max } = tableSizeRange(roles);
  if (size < min || size > max) return null;
  const counts = new Map(roles.map((r) => [r.id, r.min]));
  let remaining = size - min;
  const rank = (id: string) => (tieOrder.includes(id) ? tieOrder.indexOf(id) : tieOrder.length);
  const byPriority = [...roles].sort((a, b) => a.priority - b.priority || rank(a.id) - rank(b.id));
  while (remaining > 0) {
    for (const role of byPriority) {
      if (remaining === 0) break;
      const count = counts.get(role.id) ?? 0;
      if (count < role.max) {
        counts.set(role.id, count + 1);
        remaining--;
      }
    }
  }
  return roles.flatMap((r) => Array.from({ length: counts.get(r.id) ?? 0 }, () => r.id));
}
