import { canSeeMessageAt, currentMembers, isCurrentMember } from './queries';
import type { ActiveGame, Channel, ChannelSnapshot } from './state';

/**
 * Entering and leaving a back channel, for `evolve`. A stay runs from the activity number at
 * which the seat came in to the one at which it left; leaving also takes a photograph of the
 * channel as the seat saw it, which is all a former member is shown from then on.
 */

export function enter(game: ActiveGame, channel: Channel, seatId: string): Channel {
  const stays = channel.members[seatId]?.stays ?? [];
  return { ...channel, members: { ...channel.members, [seatId]: { stays: [...stays, { from: game.activity, to: null }], lastSeen: null } } };
}

/** Closes the seat's stay, if it is in; a channel it is not in comes back unchanged. */
export function leave(game: ActiveGame, channel: Channel, seatId: string): Channel {
  const membership = channel.members[seatId];
  if (!membership || !isCurrentMember(channel, seatId)) return channel;
  const stays = membership.stays.map((s) => (s.to === null ? { ...s, to: game.activity } : s));
  return { ...channel, members: { ...channel.members, [seatId]: { stays, lastSeen: snapshot(game, channel, seatId) } } };
}

function snapshot(game: ActiveGame, channel: Channel, seatId: string): ChannelSnapshot {
  const proposals: ChannelSnapshot['proposals'] = {};
  for (const p of Object.values(game.proposals)) {
    if (p.channelId === channel.id && canSeeMessageAt(channel, seatId, p.atMessage)) {
      proposals[p.id] = { status: p.status, acceptedBySides: p.acceptedBySides, signedBy: p.signedBy };
    }
  }
  return { members: currentMembers(channel).filter((id) => id !== seatId), invited: Object.keys(channel.invited), declined: channel.declined, exposed: channel.exposed, proposals };
}
