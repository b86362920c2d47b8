import { clamp, isCurrentMember } from './queries';
import type { ActiveGame, Channel } from './state';

/**
 * The chance that the next message in a back channel leaks. It grows with the number of people
 * in the channel, how heavily and how long it has been used, and journalist investigation or
 * spoiler surveillance aimed at its members; the scenario sets the base rate and the
 * facilitator's leak sensitivity scales it.
 */
export function leakRisk(game: ActiveGame, channel: Channel): number {
  if (channel.kind !== 'back') return 0;
  const p = game.scenario.leak;
  const table = game.tables[channel.tableId];
  const members = Object.keys(channel.members).filter((id) => isCurrentMember(channel, id));
  const watched = (list: { target: string; untilPhase: number }[]) =>
    members.filter((id) => list.some((w) => w.target === id && w.untilPhase >= game.phaseIndex)).length;
  const roundsOpen = Math.max(0, game.phaseIndex - channel.openedInPhase);
  const risk =
    p.baseRate *
    game.options.leakSensitivity *
    (1 + p.perExtraMember * Math.max(0, members.length - 2)) *
    (1 + (p.perTenMessages * channel.messageCount) / 10) *
    (1 + p.perRoundOpen * roundsOpen) *
    (1 + p.investigationBoost * watched(table?.investigations ?? [])) *
    (1 + p.surveillanceBoost * watched(table?.surveillance ?? []));
  return clamp(risk, 0, p.maxRisk);
}

/** What players are told of their own channel's risk: a level, never the number or the rolls. */
export function riskLevel(risk: number): 'low' | 'elevated' | 'high' {
  if (risk < 0.05) return 'low';
  if (risk < 0.15) return 'elevated';
  return 'high';
}
