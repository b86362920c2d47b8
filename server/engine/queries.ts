import { tableSizeRange } from './deal';
import type { Phase, RoleSlot } from './scenario';
import type { ActiveGame, Channel, Proposal, Seat } from './state';

/** Read-only helpers shared by decide, evolve, project and scoring. */

export const frontChannelId = (tableId: string) => `${tableId}:front`;
export const pressChannelId = (tableId: string) => `${tableId}:press`;
export const teamChannelId = (tableId: string, side: string) => `${tableId}:team:${side}`;

export function roleOf(game: ActiveGame, seat: Seat): RoleSlot | undefined {
  return seat.roleId ? game.scenario.roles.find((r) => r.id === seat.roleId) : undefined;
}

export function currentPhase(game: ActiveGame): Phase | undefined {
  return game.status === 'running' ? game.scenario.phases[game.phaseIndex] : undefined;
}

export function phaseDurationMs(game: ActiveGame, index: number): number {
  const phase = game.scenario.phases[index];
  if (!phase) return 0;
  return (game.options.phaseDurations[phase.id] ?? phase.durationSec) * 1000;
}

export function channelOpenInPhase(game: ActiveGame, channel: Channel): boolean {
  const phase = currentPhase(game);
  if (!phase) return false;
  const open = game.options.openChannels[phase.id] ?? phase.openChannels;
  return open.includes(channel.kind);
}

/** Tables assumed when the engine chooses the count: about 120 to 200 seats for the usual scenarios. */
export const AUTO_TABLES_FOR_SEAT_CAP = 20;

/**
 * How many active seats the room holds: the facilitator's number, or the largest table times the
 * tables (as many as asked for, or AUTO_TABLES_FOR_SEAT_CAP when the engine chooses).
 */
export function maxSeatsOf(game: ActiveGame): number {
  const set = game.options.maxSeats;
  if (typeof set === 'number') return set;
  return tableSizeRange(game.scenario.roles).max * (game.options.tableCount ?? AUTO_TABLES_FOR_SEAT_CAP);
}

/** Seats playing at a table (dealt, not kicked, not gone). */
export function seatsAt(game: ActiveGame, tableId: string): Seat[] {
  return Object.values(game.seats).filter((s) => s.tableId === tableId && s.status === 'active');
}

export function sideOf(game: ActiveGame, seat: Seat): string | null {
  return roleOf(game, seat)?.side ?? null;
}

/** Whether a seat may read a channel at all (membership windows are checked per message). */
export function canSeeChannel(game: ActiveGame, seat: Seat, channel: Channel): boolean {
  if (seat.status !== 'active' || seat.tableId !== channel.tableId) return false;
  switch (channel.kind) {
    case 'front':
    case 'press':
      return true;
    case 'team':
      return sideOf(game, seat) === channel.side;
    case 'back':
      return channel.members[seat.id] !== undefined;
    default: {
      const unreachable: never = channel.kind;
      return unreachable;
    }
  }
}

/**
 * Whether a seat may read a given message (or proposal) of a channel it can see: in a back
 * channel, only what was said while the seat was in it.
 */
export function canSeeMessageAt(channel: Channel, seatId: string, messageNumber: number): boolean {
  if (channel.kind !== 'back') return true;
  const membership = channel.members[seatId];
  if (!membership) return false;
  return membership.stays.some((s) => s.from <= messageNumber && (s.to === null || messageNumber < s.to));
}

export function isCurrentMember(channel: Channel, seatId: string): boolean {
  const stays = channel.members[seatId]?.stays;
  return stays !== undefined && stays[stays.length - 1]?.to === null;
}

export function currentMembers(channel: Channel): string[] {
  return Object.keys(channel.members).filter((id) => isCurrentMember(channel, id));
}

/**
 * Whether a seat is in on its table's deal: it can see the proposal that was concluded and, for
 * a back channel, still sits there. Anyone else learns of the deal when it is announced.
 */
export function inOnAgreement(game: ActiveGame, seat: Seat): boolean {
  const agreement = seat.tableId ? game.tables[seat.tableId]?.agreement : undefined;
  const proposal = agreement ? game.proposals[agreement.proposalId] : undefined;
  const channel = proposal ? game.channels[proposal.channelId] : undefined;
  if (!proposal || !channel || !canSeeChannel(game, seat, channel)) return false;
  return channel.kind !== 'back' || (isCurrentMember(channel, seat.id) && canSeeMessageAt(channel, seat.id, proposal.atMessage));
}

/**
 * The sides that stand behind a proposal, in the scenario's order: the side that made it (a side
 * does not propose what it would not accept), every side that accepted it, and the side of every
 * leader who signed it (a signature accepts, and binds).
 */
export function acceptingSides(game: ActiveGame, proposal: Proposal): string[] {
  const sideOfSeat = (seatId: string) => {
    const seat = game.seats[seatId];
    return seat ? sideOf(game, seat) : null;
  };
  const behind = new Set<string | null>([sideOfSeat(proposal.by), ...proposal.acceptedBySides, ...proposal.signedBy.map(sideOfSeat)]);
  return game.scenario.sides.map((s) => s.id).filter((id) => behind.has(id));
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function maxEscalation(game: ActiveGame): number {
  return Math.max(0, game.scenario.escalation.length - 1);
}

export function optionLabel(game: ActiveGame, issueId: string, optionId: string): string {
  const issue = game.scenario.issues.find((i) => i.id === issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  return `${issue?.title ?? issueId}: ${option?.label ?? optionId}`;
}

/**
 * Ids of things some viewers cannot see (messages, back channels, proposals, tips, stories,
 * broadcasts) are opaque: counted ids like m7, m12 would tell a player how much was said in
 * rooms they are not in. Deterministic (a counter hashed to 64 bits with the session's secret
 * seed, which no player ever receives), so a replay gives the same ids.
 */
export function opaqueId(game: { salt: number }, prefix: string, n: number): string {
  const text = `${game.salt}:${prefix}:${n}`;
  const hash = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    h ^= h >>> 15;
    h = Math.imul(h, 2246822507);
    h ^= h >>> 13;
    return (h >>> 0).toString(36).padStart(7, '0');
  };
  return `${prefix}-${hash(2166136261)}${hash(3323198485)}`;
}

/**
 * The back channel in which the table's talks were prepared: a text tabled there that another
 * side accepted or signed (the waters were tested). Null while nothing was tested privately.
 */
export function preparedIn(game: ActiveGame, tableId: string): Channel | null {
  for (const p of Object.values(game.proposals)) {
    const channel = game.channels[p.channelId];
    if (p.tableId !== tableId || channel?.kind !== 'back') continue;
    const proposer = game.seats[p.by];
    const own = proposer ? sideOf(game, proposer) : null;
    if (acceptingSides(game, p).some((side) => side !== own)) return channel;
  }
  return null;
}
