import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { cleanText, isRejected, requireFacilitator, requireKind, requireNegotiation, requireLive, requireNotEnded, requirePlayer, type Player } from '../guards';
import { leakRisk } from '../leak-risk';
import { canSeeChannel, channelOpenInPhase, currentPhase, isCurrentMember, opaqueId, roleOf, sideOf } from '../queries';
import { reject, type Rejection } from '../rejection';
import type { ActiveGame, Channel, Message } from '../state';
import { rollLeak } from './leaks';

type Result = GameEvent[] | Rejection;

const messageId = (game: ActiveGame) => opaqueId(game, 'm', game.messages.length + 1);

/**
 * The channel as the player may address it. A channel the player cannot see is reported as
 * unknown, so an error never confirms that a secret channel exists.
 */
export function visibleChannel(game: ActiveGame, player: Player, channelId: string): Channel | Rejection {
  const channel = game.channels[channelId];
  if (!channel || !canSeeChannel(game, player.seat, channel)) return reject('UNKNOWN_CHANNEL', 'You have no such channel.');
  return channel;
}

function closedReason(game: ActiveGame, channel: Channel): Rejection {
  const phase = currentPhase(game);
  const label = { front: 'The front channel', team: 'Your team channel', back: 'Back channels', press: 'The press' }[channel.kind];
  return reject('CHANNEL_CLOSED', `${label} ${channel.kind === 'back' ? 'are' : 'is'} closed during ${phase?.title ?? 'this phase'}.`);
}

export function postMessage(game: ActiveGame, cmd: CommandOf<'PostMessage'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const live = requireLive(game, meta);
  if (live) return live;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  if (channel.kind === 'back' && !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You have left this back channel.');
  if (channel.kind === 'press') return reject('WRONG_ROLE', 'The press channel carries published stories only; journalists publish with “Publish story”.');
  if (channel.kind === 'front' && player.role.kind === 'journalist') return reject('WRONG_ROLE', 'Journalists report on the front channel but do not speak in it; publish a story instead.');
  if (!channelOpenInPhase(game, channel)) return closedReason(game, channel);
  const text = cleanText(cmd.text, LIMITS.messageLength, 'message');
  if (isRejected(text)) return text;
  const id = messageId(game);
  const base = { type: 'MessagePosted' as const, messageId: id, tableId: channel.tableId, channelId: channel.id, author: { kind: 'seat' as const, seatId: player.seat.id }, text, at: meta.now };
  if (channel.kind !== 'back') return [{ ...base, leakRisk: null, rng: null }];
  const risk = leakRisk(game, channel);
  const message: Message = { id, n: game.activity, tableId: channel.tableId, channelId: channel.id, author: base.author, text, at: meta.now, leakRisk: risk };
  const leak = rollLeak(game, channel, { kind: 'message', message }, risk, game.rng, meta.now);
  return [{ ...base, leakRisk: risk, rng: leak.rng }, ...leak.events];
}

function requireBackChannelsOpen(game: ActiveGame, meta: Meta, what: string): Rejection | null {
  const denied = requireNegotiation(game, meta, what);
  if (denied) return denied;
  const probe = { kind: 'back' } as Channel;
  return channelOpenInPhase(game, probe) ? null : closedReason(game, probe);
}

/** Who may sit in a back channel: leaders and envoys of the same table. */
function eligibleInvitee(game: ActiveGame, player: Player, seatId: string): Rejection | null {
  const seat = game.seats[seatId];
  if (!seat || seat.status !== 'active' || seat.tableId !== player.tableId) return reject('UNKNOWN_SEAT', `There is nobody ${seatId} at your table.`);
  if (seat.id === player.seat.id) return reject('INVALID_INVITEE', 'You cannot invite yourself.');
  const kind = roleOf(game, seat)?.kind;
  if (kind !== 'leader' && kind !== 'envoy') return reject('INVALID_INVITEE', `${seat.name} is not a leader or an envoy; only they can be brought into a back channel.`);
  return null;
}

export function openBackChannel(game: ActiveGame, cmd: CommandOf<'OpenBackChannel'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = requireKind(player, ['leader', 'envoy'], 'open a back channel') ?? requireBackChannelsOpen(game, meta, 'open a back channel');
  if (denied) return denied;
  const invitees = [...new Set(cmd.inviteeIds)];
  if (invitees.length < 1 || invitees.length >= LIMITS.backChannelMembers) {
    return reject('INVALID_INVITEE', `Invite 1 to ${LIMITS.backChannelMembers - 1} people.`);
  }
  for (const id of invitees) {
    const bad = eligibleInvitee(game, player, id);
    if (bad) return bad;
  }
  const crossesSides = invitees.some((id) => sideOf(game, game.seats[id]!) !== player.role.side);
  if (!crossesSides) return reject('INVALID_INVITEE', 'A back channel links people of different sides: invite at least one person from another side. Use your team channel to talk with your own side.');
  const topic = cleanText(cmd.topic, LIMITS.topicLength, 'topic');
  if (isRejected(topic)) return topic;
  const channelId = opaqueId(game, 'bc', Object.values(game.channels).filter((c) => c.kind === 'back').length + 1);
  return [{ type: 'BackChannelOpened', channelId, tableId: player.tableId, by: player.seat.id, topic, invitees, at: meta.now }];
}

export function inviteToBackChannel(game: ActiveGame, cmd: CommandOf<'InviteToBackChannel'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = requireBackChannelsOpen(game, meta, 'invite anyone');
  if (denied) return denied;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  if (channel.kind !== 'back' || !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'Only a member of a back channel can invite people into it.');
  const bad = eligibleInvitee(game, player, cmd.seatId);
  if (bad) return bad;
  if (isCurrentMember(channel, cmd.seatId)) return reject('ALREADY_DONE', 'They are already in this back channel.');
  if (channel.invited[cmd.seatId]) return reject('ALREADY_DONE', 'They have already been invited.');
  const size = Object.keys(channel.members).filter((id) => isCurrentMember(channel, id)).length + Object.keys(channel.invited).length;
  if (size >= LIMITS.backChannelMembers) return reject('LIMIT_REACHED', `A back channel holds at most ${LIMITS.backChannelMembers} people.`);
  return [{ type: 'BackChannelInvited', channelId: channel.id, seatId: cmd.seatId, by: player.seat.id, at: meta.now }];
}

export function answerInvitation(game: ActiveGame, cmd: CommandOf<'AnswerInvitation'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const live = requireLive(game, meta);
  if (live) return live;
  const channel = game.channels[cmd.channelId];
  if (!channel || channel.tableId !== player.tableId || !channel.invited[player.seat.id]) return reject('NO_INVITATION', 'You have no invitation to that channel.');
  return [{ type: 'InvitationAnswered', channelId: channel.id, seatId: player.seat.id, accepted: cmd.accept, at: meta.now }];
}

export function leaveBackChannel(game: ActiveGame, cmd: CommandOf<'LeaveBackChannel'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const live = requireLive(game, meta);
  if (live) return live;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  if (channel.kind !== 'back' || !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You are not in that back channel.');
  return [{ type: 'BackChannelLeft', channelId: channel.id, seatId: player.seat.id, at: meta.now }];
}

export function controlPost(game: ActiveGame, cmd: CommandOf<'ControlPost'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  const channel = game.channels[cmd.channelId];
  if (!channel) return reject('UNKNOWN_CHANNEL', `There is no channel ${cmd.channelId}.`);
  const text = cleanText(cmd.text, LIMITS.messageLength, 'message');
  if (isRejected(text)) return text;
  return [{ type: 'MessagePosted', messageId: messageId(game), tableId: channel.tableId, channelId: channel.id, author: { kind: 'control' }, text, leakRisk: null, rng: null, at: meta.now }];
}
