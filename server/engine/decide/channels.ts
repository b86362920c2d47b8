import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { answerNow, backChannelsOpen, invitable, inviteInto, leaveFrom, openBackChannelNow, postIn, roomIn } from '../abilities';
import { cleanText, isRejected, requireFacilitator, requireLive, requireNotEnded, requirePlayer, type Player } from '../guards';
import { leakRisk } from '../leak-risk';
import { canSeeChannel, isCurrentMember, opaqueId, sideOf } from '../queries';
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

export function postMessage(game: ActiveGame, cmd: CommandOf<'PostMessage'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const live = requireLive(game, meta);
  if (live) return live;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  const denied = postIn(game, player, channel, meta.now);
  if (denied) return denied;
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

export function openBackChannel(game: ActiveGame, cmd: CommandOf<'OpenBackChannel'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = openBackChannelNow(game, player, meta.now);
  if (denied) return denied;
  const invitees = [...new Set(cmd.inviteeIds)];
  if (invitees.length < 1 || invitees.length > LIMITS.maxInvitees) {
    return reject('INVALID_INVITEE', `Invite 1 to ${LIMITS.maxInvitees} people.`);
  }
  for (const id of invitees) {
    const bad = invitable(game, player, id);
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
  const denied = backChannelsOpen(game, meta.now, 'invite anyone');
  if (denied) return denied;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  const bad = inviteInto(game, player, channel, meta.now) ?? invitable(game, player, cmd.seatId);
  if (bad) return bad;
  if (isCurrentMember(channel, cmd.seatId)) return reject('ALREADY_DONE', 'They are already in this back channel.');
  if (channel.invited[cmd.seatId]) return reject('ALREADY_DONE', 'They have already been invited.');
  const full = roomIn(channel);
  if (full) return full;
  return [{ type: 'BackChannelInvited', channelId: channel.id, seatId: cmd.seatId, by: player.seat.id, at: meta.now }];
}

export function answerInvitation(game: ActiveGame, cmd: CommandOf<'AnswerInvitation'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const live = answerNow(game, meta.now);
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
  const denied = leaveFrom(game, player, channel, meta.now);
  if (denied) return denied;
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
