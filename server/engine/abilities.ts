import type { Meta } from './commands';
import { requireKind, requireLive, requireNegotiation, type Player } from './guards';
import { LIMITS } from './limits';
import { acceptingSides, channelOpenInPhase, currentMembers, currentPhase, inOnAgreement, isCurrentMember, preparedIn, pressChannelId, roleOf, sideOf } from './queries';
import { reject, type Rejection } from './rejection';
import { ROLE_KINDS, type ChannelKind, type RoleKind } from './scenario';
import type { ActiveGame, Channel, Proposal } from './state';

/**
 * One place for the rules of who may do what. The data (ROLE_POWERS, SPEAKS_IN) says which role
 * has which power; the check functions say whether a player may use it now, and if not, why, with
 * the rejection `decide` returns. `decide` calls them before doing anything, and the projection
 * (can.ts) calls the very same functions to fill each seat's `can`, so the buttons a student sees
 * and the answers the engine gives cannot disagree. The UI, the zod schemas and the bots keep no
 * copy of these rules: they read `can` (and `limits`) from the view.
 *
 * Checks come in two halves where a command names something (a channel, a proposal, a person):
 * what depends on the role, the phase and the table only, and what depends on that thing. `decide`
 * looks the thing up between the two, so its answers keep their order.
 */

export const POWERS = [
  'openBackChannel', 'sitInBackChannel', 'propose', 'accept', 'sign', 'announce', 'renege', 'fulfilPrecondition',
  'investigate', 'surveil', 'publishStory', 'mobilise',
] as const;
export type Power = (typeof POWERS)[number];

/** Each role's powers. A new role kind must be given its list here (the type demands it). */
export const ROLE_POWERS: Record<RoleKind, readonly Power[]> = {
  leader: ['openBackChannel', 'sitInBackChannel', 'propose', 'accept', 'sign', 'announce', 'renege', 'fulfilPrecondition'],
  envoy: ['openBackChannel', 'sitInBackChannel', 'propose', 'accept'],
  spoiler: ['surveil', 'mobilise'],
  journalist: ['investigate', 'publishStory'],
};

/** Where each role may write (a back channel also needs membership); nobody writes in the press, which carries stories. */
export const SPEAKS_IN: Record<RoleKind, readonly ChannelKind[]> = {
  leader: ['front', 'team', 'back'],
  envoy: ['front', 'team', 'back'],
  spoiler: ['front', 'team'],
  journalist: ['team'],
};

/** What each role does, in a sentence for its player (shown on the role card as `me.role.powers`). */
export const ROLE_SUMMARY: Record<RoleKind, string> = {
  leader: 'You speak for your side, open back channels, make and sign proposals, and announce the deal.',
  envoy: 'You carry messages, open back channels and make or accept proposals; only leaders sign.',
  spoiler: 'You watch the others, put people under surveillance and can mobilise the public against a deal.',
  journalist: 'You investigate, receive tips when secrets leak and publish stories everyone reads.',
};

/** The verb phrase for messages: "Only leaders can sign agreements". */
const WHAT: Record<Power, string> = {
  openBackChannel: 'open a back channel', sitInBackChannel: 'sit in a back channel', propose: 'make proposals', accept: 'accept proposals',
  sign: 'sign agreements', announce: 'announce an agreement', renege: 'renege on an agreement', fulfilPrecondition: 'meet the precondition for official talks',
  investigate: 'investigate', surveil: 'put someone under surveillance', publishStory: 'publish stories', mobilise: 'mobilise the public',
};

type Check = Rejection | null;

export function hasPower(kind: RoleKind | undefined, power: Power): boolean {
  return kind !== undefined && ROLE_POWERS[kind].includes(power);
}

export function requirePower(player: Player, power: Power): Check {
  return requireKind(player, ROLE_KINDS.filter((k) => hasPower(k, power)), WHAT[power]);
}

/** The guards take a Meta; only its time matters to them. */
const at = (now: number): Meta => ({ now, actor: { kind: 'system' } });
const negotiating = (game: ActiveGame, now: number, power: Power): Check => requireNegotiation(game, at(now), WHAT[power]);

export function closedReason(game: ActiveGame, kind: ChannelKind): Rejection {
  const phase = currentPhase(game);
  const label = { front: 'The front channel', team: 'Your team channel', back: 'Back channels', press: 'The press' }[kind];
  return reject('CHANNEL_CLOSED', `${label} ${kind === 'back' ? 'are' : 'is'} closed during ${phase?.title ?? 'this phase'}.`);
}

// --- talking -------------------------------------------------------------------------------

export function postIn(game: ActiveGame, player: Player, channel: Channel, now: number): Check {
  const live = requireLive(game, at(now));
  if (live) return live;
  if (channel.kind === 'back' && !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You have left this back channel.');
  if (channel.kind === 'press') return reject('WRONG_ROLE', 'The press channel carries published stories only; journalists publish with “Publish story”.');
  const kind = player.role.kind;
  if (!SPEAKS_IN[kind].includes(channel.kind)) {
    const who = `${kind[0]!.toUpperCase()}${kind.slice(1)}s`;
    const instead = hasPower(kind, 'publishStory') ? ' Publish a story instead.' : '';
    return reject('WRONG_ROLE', channel.kind === 'front' ? `${who} report on the front channel but do not speak in it.${instead}` : `${who} do not speak in ${channel.kind} channels.${instead}`);
  }
  if (!channelOpenInPhase(game, channel)) return closedReason(game, channel.kind);
  return null;
}

export function backChannelsOpen(game: ActiveGame, now: number, what: string): Check {
  const denied = requireNegotiation(game, at(now), what);
  if (denied) return denied;
  return channelOpenInPhase(game, { kind: 'back' } as Channel) ? null : closedReason(game, 'back');
}

export function openBackChannelNow(game: ActiveGame, player: Player, now: number): Check {
  return requirePower(player, 'openBackChannel') ?? backChannelsOpen(game, now, WHAT.openBackChannel);
}

/** Who may be brought into a back channel: leaders and envoys (sitInBackChannel) of the same table. */
export function invitable(game: ActiveGame, player: Player, seatId: string): Check {
  const seat = game.seats[seatId];
  if (!seat || seat.status !== 'active' || seat.tableId !== player.tableId) return reject('UNKNOWN_SEAT', `There is nobody ${seatId} at your table.`);
  if (seat.id === player.seat.id) return reject('INVALID_INVITEE', 'You cannot invite yourself.');
  const kinds = ROLE_KINDS.filter((k) => hasPower(k, 'sitInBackChannel')).map((k) => `${k}s`).join(' and ');
  if (!hasPower(roleOf(game, seat)?.kind, 'sitInBackChannel')) return reject('INVALID_INVITEE', `${seat.name} cannot sit in a back channel; only ${kinds} can be brought into one.`);
  return null;
}

export function inviteInto(game: ActiveGame, player: Player, channel: Channel, now: number): Check {
  const denied = backChannelsOpen(game, now, 'invite anyone');
  if (denied) return denied;
  if (channel.kind !== 'back' || !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'Only a member of a back channel can invite people into it.');
  return null;
}

/** Checked after the invitee: a full channel takes nobody more. */
export function roomIn(channel: Channel): Check {
  const size = currentMembers(channel).length + Object.keys(channel.invited).length;
  return size >= LIMITS.backChannelMembers ? reject('LIMIT_REACHED', `A back channel holds at most ${LIMITS.backChannelMembers} people.`) : null;
}

export function leaveFrom(game: ActiveGame, player: Player, channel: Channel, now: number): Check {
  const live = requireLive(game, at(now));
  if (live) return live;
  return channel.kind !== 'back' || !isCurrentMember(channel, player.seat.id) ? reject('NOT_A_MEMBER', 'You are not in that back channel.') : null;
}

export function answerNow(game: ActiveGame, now: number): Check {
  return requireLive(game, at(now));
}

// --- agreements ----------------------------------------------------------------------------

/** Whether the player knows the table has a deal: it was announced, or they are in on it. */
export function knowsOfAgreement(game: ActiveGame, player: Player): boolean {
  const agreement = game.tables[player.tableId]?.agreement;
  if (!agreement) return false;
  return agreement.announcedAt !== null || inOnAgreement(game, player.seat);
}

export function proposeNow(game: ActiveGame, player: Player, now: number): Check {
  return requirePower(player, 'propose') ?? negotiating(game, now, 'propose');
}

export function proposeIn(game: ActiveGame, player: Player, channel: Channel): Check {
  if (channel.kind === 'press') return reject('INVALID_INPUT', 'Proposals are made in the front channel, a team channel or a back channel, not in the press.');
  if (channel.kind === 'back' && !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You have left this back channel.');
  if (!channelOpenInPhase(game, channel)) return reject('CHANNEL_CLOSED', 'That channel is closed during this phase.');
  const table = game.tables[player.tableId];
  if (table?.agreement && knowsOfAgreement(game, player)) return reject('AGREEMENT_EXISTS', 'Your table has already concluded an agreement.');
  // Talks tested in a back channel skip the precondition: the seeds' "circumvent preconditions".
  if (channel.kind === 'front' && !table?.preconditionMet && !preparedIn(game, player.tableId)) {
    return reject('PRECONDITION_UNMET', `Official talks cannot start until the precondition is met: ${game.scenario.precondition?.description ?? ''} Back channels need no precondition, and talks tested there first (a text the other side accepted) can go public without it.`);
  }
  return null;
}

/** A proposal the player can see: still in its channel, and still open. */
export function actOnProposal(game: ActiveGame, player: Player, proposal: Proposal): Check {
  const channel = game.channels[proposal.channelId];
  if (channel?.kind === 'back' && !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You have left the channel this proposal is in.');
  if (proposal.status !== 'open') return reject('ALREADY_DONE', `That proposal is ${proposal.status}.`);
  return null;
}

export function acceptNow(game: ActiveGame, player: Player, now: number): Check {
  return requirePower(player, 'accept') ?? negotiating(game, now, 'accept');
}

export function acceptThis(game: ActiveGame, player: Player, proposal: Proposal): Check {
  const open = actOnProposal(game, player, proposal);
  if (open) return open;
  const side = player.role.side;
  const proposer = game.seats[proposal.by];
  if (!side || (proposer && sideOf(game, proposer) === side)) return reject('NOT_ALLOWED', 'Your own side made this proposal, so it already stands behind it; acceptance must come from another side.');
  if (acceptingSides(game, proposal).includes(side)) {
    const signed = !proposal.acceptedBySides.includes(side);
    return reject('ALREADY_DONE', signed ? 'Your side\'s leader has signed this proposal, which accepts it for your side.' : 'Your side has already accepted this proposal.');
  }
  return null;
}

export function signNow(game: ActiveGame, player: Player, now: number): Check {
  return requirePower(player, 'sign') ?? negotiating(game, now, 'sign');
}

export function signThis(game: ActiveGame, player: Player, proposal: Proposal): Check {
  const open = actOnProposal(game, player, proposal);
  if (open) return open;
  if (proposal.mode === 'exploratory') return reject('EXPLORATORY_CANNOT_BE_SIGNED', 'This proposal only tests the waters: it is deniable and cannot be signed. Table it again as an official proposal.');
  if (proposal.signedBy.includes(player.seat.id)) return reject('ALREADY_DONE', 'You have already signed this proposal.');
  if (game.tables[player.tableId]?.agreement) {
    // Only those in on a secret deal are told of it; anyone else learns only that this text is done.
    return knowsOfAgreement(game, player) ? reject('AGREEMENT_EXISTS', 'Your table has already concluded an agreement.') : reject('ALREADY_DONE', 'That proposal can no longer be signed.');
  }
  return null;
}

/**
 * A deal is announced by a leader who is party to it (knows of it, or signed it): a leader who is
 * neither is not told that a secret deal exists.
 */
export function announceNow(game: ActiveGame, player: Player, now: number): Check {
  const denied = requirePower(player, 'announce') ?? negotiating(game, now, 'announce');
  if (denied) return denied;
  const agreement = game.tables[player.tableId]?.agreement;
  const signed = agreement ? game.proposals[agreement.proposalId]?.signedBy.includes(player.seat.id) : false;
  if (!agreement || !(signed || knowsOfAgreement(game, player))) return reject('NO_AGREEMENT', 'Your table has no concluded agreement to announce.');
  if (agreement.announcedAt !== null) return reject('ALREADY_DONE', 'The agreement has already been announced.');
  return null;
}

export function renegeNow(game: ActiveGame, player: Player, now: number): Check {
  const denied = requirePower(player, 'renege') ?? negotiating(game, now, 'renege');
  if (denied) return denied;
  const agreement = game.tables[player.tableId]?.agreement;
  const proposal = agreement ? game.proposals[agreement.proposalId] : undefined;
  const channel = proposal ? game.channels[proposal.channelId] : undefined;
  const inOnIt = !!channel && (channel.kind !== 'back' || channel.members[player.seat.id] !== undefined);
  if (!agreement || !proposal || !channel || (agreement.announcedAt === null && !inOnIt)) return reject('NO_AGREEMENT', 'Your table has no concluded agreement to renege on.');
  if (agreement.announcedAt !== null) return reject('AGREEMENT_PUBLIC', 'The agreement has been announced: a public commitment binds and cannot be reneged.');
  if (!proposal.signedBy.includes(player.seat.id)) return reject('NOT_A_SIGNATORY', 'You did not sign this agreement, so you cannot renege on it.');
  return null;
}

export function fulfilNow(game: ActiveGame, player: Player, now: number): Check {
  const pre = game.scenario.precondition;
  if (!pre) return reject('INVALID_INPUT', 'This scenario has no precondition for official talks.');
  const denied = requirePower(player, 'fulfilPrecondition') ?? negotiating(game, now, 'fulfilPrecondition');
  if (denied) return denied;
  if (player.role.side !== pre.side) return reject('WRONG_ROLE', `Only the other side's leader can meet this precondition: ${pre.description}`);
  if (game.tables[player.tableId]?.preconditionMet) return reject('PRECONDITION_ALREADY_MET', 'The precondition has already been met.');
  return null;
}

// --- the press and the spoilers --------------------------------------------------------------

export function watchNow(game: ActiveGame, player: Player, now: number, power: 'investigate' | 'surveil'): Check {
  return requirePower(player, power) ?? negotiating(game, now, power);
}

/** Who can be watched: anyone else at the table. */
export function watchable(game: ActiveGame, player: Player, seatId: string): Check {
  const seat = game.seats[seatId];
  if (!seat || seat.status !== 'active' || seat.tableId !== player.tableId) return reject('UNKNOWN_SEAT', `There is nobody ${seatId} at your table.`);
  if (seat.id === player.seat.id) return reject('INVALID_INPUT', 'You cannot watch yourself.');
  return null;
}

/** One investigation (or surveillance) per round; checked after the target. */
export function watchSlotFree(game: ActiveGame, player: Player, power: 'investigate' | 'surveil'): Check {
  const table = game.tables[player.tableId];
  const list = power === 'investigate' ? table?.investigations : table?.surveillance;
  if (!list?.some((w) => w.by === player.seat.id && w.untilPhase > game.phaseIndex)) return null;
  return power === 'investigate'
    ? reject('LIMIT_REACHED', 'You started an investigation this round already; you can start another next round.')
    : reject('LIMIT_REACHED', 'You set up surveillance this round already; you can move it next round.');
}

export function publishNow(game: ActiveGame, player: Player, now: number): Check {
  const denied = requirePower(player, 'publishStory') ?? requireLive(game, at(now));
  if (denied) return denied;
  const press = game.channels[pressChannelId(player.tableId)];
  return !press || !channelOpenInPhase(game, press) ? reject('CHANNEL_CLOSED', 'The press is closed during this phase.') : null;
}

export function mobiliseNow(game: ActiveGame, player: Player, now: number): Check {
  const denied = requirePower(player, 'mobilise') ?? negotiating(game, now, 'mobilise');
  if (denied) return denied;
  const table = game.tables[player.tableId];
  if (!table) return reject('UNKNOWN_TABLE', 'Your table is gone.');
  const exposed = Object.values(game.channels).some((c) => c.tableId === table.id && c.kind === 'back' && c.exposed);
  const announced = table.agreement?.announcedAt != null;
  if (!exposed && !announced) return reject('NOTHING_TO_MOBILISE', 'There is nothing public to rally against yet: wait for a deal to be announced or a back channel to be exposed.');
  if (table.mobilisations.some((m) => m.seatId === player.seat.id && m.phase === game.phaseIndex)) return reject('LIMIT_REACHED', 'You have already mobilised this round.');
  return null;
}
