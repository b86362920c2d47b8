import { riskLevel } from '../../shared/risk-level';
import { clamp, isCurrentMember } from './queries';
import type { LeakParameters } from './scenario';
import type { ActiveGame, Channel } from './state';

/** The engine's values for the optional leak parameters a scenario may leave out. */
export const LEAK_DEFAULTS: Required<Pick<LeakParameters,
  'perPriorChannel' | 'distrustBoost' | 'exploratoryShare' | 'storyDecay' | 'legitimacyBonus' | 'legitimacyPerRound' | 'legitimisedMobilisationShare' | 'faitAccompliCost' | 'unpreparedConcessionFactor' | 'renegeCost'>> = {
  perPriorChannel: 2,
  distrustBoost: 1,
  exploratoryShare: 0.5,
  storyDecay: 0.5,
  legitimacyBonus: 8,
  legitimacyPerRound: 10,
  legitimisedMobilisationShare: 0.5,
  faitAccompliCost: 0,
  unpreparedConcessionFactor: 1.5,
  renegeCost: 8,
};

export type LeakSettings = LeakParameters & typeof LEAK_DEFAULTS;

/** The scenario's leak parameters with the engine's defaults filled in. */
export function leakSettings(game: ActiveGame): LeakSettings {
  return { ...LEAK_DEFAULTS, ...stripUndefined(game.scenario.leak) } as LeakSettings;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What raises a back channel's risk, as a student is told it (never the number). */
export type RiskFactor = 'members' | 'usage' | 'time open' | 'investigated' | 'surveilled' | 'repeated' | 'distrust';

/** The numbers that made a channel's risk, kept on the leak event so a debrief can show why it leaked. */
export interface RiskNumbers {
  baseRate: number;
  sensitivity: number;
  maxRisk: number;
  members: number;
  /** Texts (messages and proposals) said in the channel before. */
  usage: number;
  roundsOpen: number;
  investigated: number;
  surveilled: number;
  priorChannels: number;
  distrust: boolean;
  /** Each factor multiplies the risk by (1 + step). */
  steps: Record<RiskFactor, number>;
}

interface Breakdown {
  risk: number;
  factors: RiskFactor[];
  numbers: RiskNumbers | null;
}

/** Earlier back channels at the table (an exposed one counts twice): the sides keep going underground. */
function priorChannels(game: ActiveGame, channel: Channel): number {
  return Object.values(game.channels)
    .filter((c) => c.kind === 'back' && c.tableId === channel.tableId && c.seq < channel.seq)
    .reduce((n, c) => n + (c.exposed ? 2 : 1), 0);
}

function breakdown(game: ActiveGame, channel: Channel): Breakdown {
  if (channel.kind !== 'back') return { risk: 0, factors: [], numbers: null };
  const p = leakSettings(game);
  const table = game.tables[channel.tableId];
  const members = Object.keys(channel.members).filter((id) => isCurrentMember(channel, id));
  const watched = (list: { target: string; untilPhase: number }[]) =>
    members.filter((id) => list.some((w) => w.target === id && w.untilPhase >= game.phaseIndex)).length;
  const extra = Math.max(0, members.length - 2);
  const roundsOpen = Math.max(0, game.phaseIndex - channel.openedInPhase);
  const investigated = watched(table?.investigations ?? []);
  const surveilled = watched(table?.surveillance ?? []);
  const prior = priorChannels(game, channel);
  const distrust = (table?.reneged.length ?? 0) > 0 ? 1 : 0;
  const parts: [RiskFactor, number][] = [
    ['members', p.perExtraMember * extra],
    ['usage', (p.perTenMessages * channel.messageCount) / 10],
    ['time open', p.perRoundOpen * roundsOpen],
    ['investigated', p.investigationBoost * investigated],
    ['surveilled', p.surveillanceBoost * surveilled],
    ['repeated', p.perPriorChannel * prior],
    ['distrust', p.distrustBoost * distrust],
  ];
  const risk = parts.reduce((r, [, step]) => r * (1 + step), p.baseRate * game.options.leakSensitivity);
  // A factor is worth telling once it adds a tenth or more to the channel's risk.
  const numbers: RiskNumbers = {
    baseRate: p.baseRate, sensitivity: game.options.leakSensitivity, maxRisk: p.maxRisk, members: members.length, usage: channel.messageCount, roundsOpen,
    investigated, surveilled, priorChannels: prior, distrust: distrust > 0, steps: Object.fromEntries(parts) as Record<RiskFactor, number>,
  };
  return { risk: clamp(risk, 0, p.maxRisk), factors: parts.filter(([, step]) => step >= 0.1).map(([name]) => name), numbers };
}

/**
 * The chance that the next text (message or proposal) in a back channel leaks. It grows with the
 * number of people in the channel, how heavily and how long it has been used, journalist
 * investigation or spoiler surveillance aimed at its members, earlier back channels at the table
 * and a betrayed deal; the scenario sets the rates and the facilitator's leak sensitivity scales them.
 */
export function leakRisk(game: ActiveGame, channel: Channel): number {
  return breakdown(game, channel).risk;
}

/** The factors that raise this channel's risk, for the members' badge. */
export function riskFactors(game: ActiveGame, channel: Channel): RiskFactor[] {
  return breakdown(game, channel).factors;
}

/** The inputs of a back channel's risk (null for other channels), for the record of a leak roll. */
export function riskNumbers(game: ActiveGame, channel: Channel): RiskNumbers | null {
  return breakdown(game, channel).numbers;
}

/** What players are told of their own channel's risk: a level, never the number or the rolls. */
export { riskLevel };
