import type { Meta } from '../commands';
import type { GameEvent } from '../events';
import { renegeNow } from '../abilities';
import { isRejected, requirePlayer } from '../guards';
import { leakSettings } from '../leak-risk';
import { currentPhase, opaqueId, phaseDurationMs, preparedIn, seatsAt, sideOf } from '../queries';
import type { Rejection } from '../rejection';
import { PRESS_DESK, type ActiveGame, type Proposal, type Story } from '../state';
import { rollLeak } from './leaks';

/**
 * Legitimacy: a deal must be brought into the light to count, and it gains support the longer it
 * has been public. The front channel has an audience: a deal tested in a back channel and then
 * signed in public gains support; public concessions nobody prepared in private cost more.
 */

type Result = GameEvent[] | Rejection;

/** What announcing a deal does to each side's public support. */
export function announcementEffects(game: ActiveGame, tableId: string, proposal: Proposal): { supportDelta: Record<string, number>; originExposedFirst: boolean } {
  const p = leakSettings(game);
  const origin = game.channels[proposal.channelId];
  const originExposedFirst = origin?.kind === 'back' && origin.exposed;
  const signedInPublic = origin?.kind === 'front';
  const prepared = preparedIn(game, tableId) !== null;
  const supportDelta: Record<string, number> = {};
  const add = (side: string, d: number) => (supportDelta[side] = (supportDelta[side] ?? 0) + d);
  for (const term of proposal.terms) {
    if (term.secret) continue;
    const option = game.scenario.issues.find((i) => i.id === term.issueId)?.options.find((o) => o.id === term.optionId);
    for (const [side, d] of Object.entries(option?.publicReaction ?? {})) {
      // The audience punishes concessions made in front of it without private groundwork.
      add(side, signedInPublic && !prepared && d < 0 ? Math.round(d * p.unpreparedConcessionFactor) : d);
    }
  }
  if (signedInPublic && prepared) for (const s of game.scenario.sides) add(s.id, p.legitimacyBonus);
  // Signed behind closed doors and only announced: critics call the process unfair.
  if (origin?.kind === 'back') for (const s of game.scenario.sides) add(s.id, -p.faitAccompliCost);
  if (originExposedFirst) for (const s of game.scenario.sides) add(s.id, -p.originExposedBacklash);
  return { supportDelta, originExposedFirst };
}

/**
 * Secrecy protects only for a while: a deal signed in a back channel and announced brings its
 * channel to light. The press desk reports where the deal was made (the channel is exposed, with
 * the usual backlash), unless a story already exposed it. A deal signed in public keeps the back
 * channel that prepared it deniable.
 */
export function secretOriginStory(game: ActiveGame, tableId: string, proposal: Proposal, now: number): GameEvent[] {
  const channel = game.channels[proposal.channelId];
  if (channel?.kind !== 'back' || channel.exposed) return [];
  const p = leakSettings(game);
  const members = Object.keys(channel.members).map((id) => game.seats[id]).filter((s) => s !== undefined);
  const sides = [...new Set(members.map((s) => sideOf(game, s)).filter((x): x is string => x !== null))];
  const titles = members.map((s) => game.scenario.roles.find((r) => r.id === s.roleId)?.title ?? 'an official').join(', ');
  const body = `The agreement was negotiated in secret, in a channel between ${titles}${channel.topic ? ` on ${channel.topic}` : ''}.`;
  const story: Story = {
    id: opaqueId(game, 'st', game.stories.length + 1), tableId, journalistId: PRESS_DESK, headline: 'Deal was made behind closed doors',
    body, tipId: null, exposed: body, accurate: true, supportDelta: Object.fromEntries(sides.map((side) => [side, -p.exposureBacklash])), at: now,
  };
  return [{ type: 'StoryPublished', story, exposedChannelId: channel.id, exposedSecretIssue: null }];
}

/**
 * At a deadline, every announced deal gains legitimacy in proportion to the time it has been
 * public (a round's length earns `legitimacyPerRound`, up to three rounds' worth): announcing
 * early enough pays, announcing at the last moment hardly does.
 */
export function legitimacyEvents(game: ActiveGame, now: number): GameEvent[] {
  if (currentPhase(game)?.kind !== 'negotiation') return [];
  const p = leakSettings(game);
  const roundMs = Math.max(1, phaseDurationMs(game, game.phaseIndex));
  const events: GameEvent[] = [];
  for (const table of Object.values(game.tables)) {
    const announcedAt = table.agreement?.announcedAt;
    if (announcedAt == null) continue;
    const earned = Math.min(3 * p.legitimacyPerRound, Math.floor((p.legitimacyPerRound * Math.max(0, now - announcedAt)) / roundMs));
    const gain = earned - table.legitimacy;
    if (gain <= 0) continue;
    events.push({ type: 'LegitimacyGained', tableId: table.id, supportDelta: Object.fromEntries(game.scenario.sides.map((s) => [s.id, gain])), at: now });
  }
  return events;
}

/**
 * Good faith: a leader may break a signed deal while it is still secret. The deal is gone, the
 * betrayed side talks (the draft leaks at once), the reneging side loses support, and trust does
 * not come back: every back channel at the table leaks more for the rest of the game. A deal
 * announced in public binds and cannot be reneged.
 */
export function renegeAgreement(game: ActiveGame, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = renegeNow(game, player, meta.now);
  if (denied) return denied;
  // renegeNow has checked that the table has a secret deal this leader signed.
  const table = game.tables[player.tableId]!;
  const agreement = table.agreement!;
  const proposal = game.proposals[agreement.proposalId]!;
  const channel = game.channels[proposal.channelId]!;
  const side = player.role.side ?? sideOf(game, player.seat) ?? '';
  const events: GameEvent[] = [{
    type: 'AgreementReneged', tableId: table.id, proposalId: proposal.id, by: player.seat.id, side,
    supportDelta: { [side]: -leakSettings(game).renegeCost }, at: meta.now,
  }];
  if (channel.kind === 'back' && seatsAt(game, table.id).length > 0) {
    const leak = rollLeak(game, channel, { kind: 'proposal', proposalId: proposal.id, by: proposal.by, terms: proposal.terms, mode: proposal.mode }, 1, game.rng, meta.now);
    events.push(...leak.events);
  }
  return events;
}
