import type { Ability } from '../server/engine/view';

/**
 * Reading a view's `can` (the engine's own answer, built by project()). Shared by the browser and
 * the bots, so neither keeps a copy of the rules of who may do what.
 */

/** Whether an ability belongs to the viewer's role at all (it is not refused for the role): the tools to show or to try. */
export function inRole(ability: Ability | null | undefined): boolean {
  return !!ability && (ability.ok || ability.code !== 'WRONG_ROLE');
}

/** `ok`, or the engine's reason in words for people. */
export function verdict(ability: Ability | null | undefined): { ok: true } | { ok: false; reason: string } {
  if (!ability) return { ok: false, reason: 'You have not been given a seat at a table yet.' };
  return ability.ok ? { ok: true } : { ok: false, reason: ability.message };
}
