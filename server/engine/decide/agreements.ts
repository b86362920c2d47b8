import type { CommandOf, Meta } from '../commands';
import type { GameEvent } from '../events';
import { isRejected, requireKind, requireNegotiation, requirePlayer, type Player } from '../guards';
import { leakRisk } from '../leak-risk';
import { acceptingSides, canSeeChannel, canSeeMessageAt, channelOpenInPhase, inOnAgreement, isCurrentMember, opaqueId, preparedIn, seatsAt, sideOf } from '../queries';
import { reject, type Rejection } from '../rejection';
import type { ActiveGame, Proposal, Term } from '../state';
import { visibleChannel } from './channels';
import { announcementEffects, secretOriginStory } from './legitimacy';
import { rollLeak } from './leaks';

type Result = GameEvent[] | Rejection;

/** Official talks may require one side to give something first; back channels never do. */
export function fulfilPrecondition(game: ActiveGame, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const pre = game.scenario.precondition;
  if (!pre) return reject('INVALID_INPUT', 'This scenario has no precondition for official talks.');
  const denied = requireKind(player, ['leader'], 'meet the precondition for official talks') ?? requireNegotiation(game, meta, 'meet the precondition');
  if (denied) return denied;
  if (player.role.side !== pre.side) return reject('WRONG_ROLE', `Only the other side's leader can meet this precondition: ${pre.description}`);
  if (game.tables[player.tableId]?.preconditionMet) return reject('PRECONDITION_ALREADY_MET', 'The precondition has already been met.');
  return [{ type: 'PreconditionFulfilled', tableId: player.tableId, by: player.seat.id, supportDelta: { [pre.side]: -pre.supportCost }, at: meta.now }];
}

function validTerms(game: ActiveGame, terms: Term[]): Rejection | null {
  if (terms.length === 0) return reject('INVALID_TERMS', 'A proposal needs at least one term.');
  const seen = new Set<string>();
  for (const term of terms) {
    const issue = game.scenario.issues.find((i) => i.id === term.issueId);
    if (!issue) return reject('INVALID_TERMS', `The scenario has no issue “${term.issueId}”.`);
    if (!issue.options.some((o) => o.id === term.optionId)) return reject('INVALID_TERMS', `“${term.optionId}” is not an option of ${issue.title}.`);
    if (seen.has(issue.id)) return reject('INVALID_TERMS', `${issue.title} appears twice; choose one option per issue.`);
    seen.add(issue.id);
  }
  return null;
}

export function propose(game: ActiveGame, cmd: CommandOf<'Propose'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = requireKind(player, ['leader', 'envoy'], 'make proposals') ?? requireNegotiation(game, meta, 'make proposals');
  if (denied) return denied;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  if (channel.kind === 'press') return reject('INVALID_INPUT', 'Proposals are made in the front channel, a team channel or a back channel, not in the press.');
  if (channel.kind === 'back' && !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You have left this back channel.');
  if (!channelOpenInPhase(game, channel)) return reject('CHANNEL_CLOSED', 'That channel is closed during this phase.');
  const table = game.tables[player.tableId];
  if (table?.agreement && knowsOfAgreement(game, player)) return reject('AGREEMENT_EXISTS', 'Your table has already concluded an agreement.');
  // Talks tested in a back channel skip the precondition: the seeds' "circumvent preconditions".
  if (channel.kind === 'front' && !table?.preconditionMet && !preparedIn(game, player.tableId)) {
    return reject('PRECONDITION_UNMET', `Official talks cannot start until the precondition is met: ${game.scenario.precondition?.description ?? ''} Back channels need no precondition, and talks tested there first (a text the other side accepted) can go public without it.`);
  }
  const badTerms = validTerms(game, cmd.terms);
  if (badTerms) return badTerms;
  if (channel.kind === 'front' && cmd.terms.some((t) => t.secret)) return reject('SECRET_TERM_IN_PUBLIC', 'A term proposed on the front channel is public by definition; make it public or propose it in a back channel.');
  if (cmd.counterTo !== undefined) {
    const original = game.proposals[cmd.counterTo];
    // One the player never saw (tabled before they came in, or while they were away) is unknown too.
    if (!original || original.channelId !== channel.id || !canSeeMessageAt(channel, player.seat.id, original.atMessage)) {
      return reject('UNKNOWN_PROPOSAL', 'There is no such proposal in this channel to counter.');
    }
    if (original.status !== 'open') return reject('ALREADY_DONE', 'That proposal is no longer open.');
  }
  const terms = cmd.terms.map((t) => ({ issueId: t.issueId, optionId: t.optionId, secret: t.secret }));
  const proposalId = opaqueId(game, 'p', Object.keys(game.proposals).length + 1);
  const made = { type: 'ProposalMade' as const, proposalId, tableId: player.tableId, channelId: channel.id, by: player.seat.id, terms, mode: cmd.mode, counterTo: cmd.counterTo ?? null, at: meta.now };
  if (channel.kind !== 'back') return [{ ...made, leakRisk: null, rng: null }];
  // Nothing said in secret is leak-proof: a text is rolled like a message.
  const risk = leakRisk(game, channel);
  const leak = rollLeak(game, channel, { kind: 'proposal', proposalId, by: player.seat.id, terms, mode: cmd.mode }, risk, game.rng, meta.now);
  return [{ ...made, leakRisk: risk, rng: leak.rng }, ...leak.events];
}

/** Whether the player knows the table has a deal: it was announced, or they are in on it. */
function knowsOfAgreement(game: ActiveGame, player: Player): boolean {
  const agreement = game.tables[player.tableId]?.agreement;
  if (!agreement) return false;
  return agreement.announcedAt !== null || inOnAgreement(game, player.seat);
}

/** The proposal as the player may act on it; unseen proposals are unknown. */
function visibleOpenProposal(game: ActiveGame, player: Player, proposalId: string): Proposal | Rejection {
  const proposal = game.proposals[proposalId];
  const channel = proposal ? game.channels[proposal.channelId] : undefined;
  if (!proposal || !channel || !canSeeChannel(game, player.seat, channel) || !canSeeMessageAt(channel, player.seat.id, proposal.atMessage)) {
    return reject('UNKNOWN_PROPOSAL', 'You have no such proposal.');
  }
  if (channel.kind === 'back' && !isCurrentMember(channel, player.seat.id)) return reject('NOT_A_MEMBER', 'You have left the channel this proposal is in.');
  if (proposal.status !== 'open') return reject('ALREADY_DONE', `That proposal is ${proposal.status}.`);
  return proposal;
}

export function acceptProposal(game: ActiveGame, cmd: CommandOf<'AcceptProposal'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = requireKind(player, ['leader', 'envoy'], 'accept proposals') ?? requireNegotiation(game, meta, 'accept proposals');
  if (denied) return denied;
  const proposal = visibleOpenProposal(game, player, cmd.proposalId);
  if (isRejected(proposal)) return proposal;
  const side = player.role.side;
  const proposer = game.seats[proposal.by];
  if (!side || (proposer && sideOf(game, proposer) === side)) return reject('NOT_ALLOWED', 'Your own side made this proposal, so it already stands behind it; acceptance must come from another side.');
  if (acceptingSides(game, proposal).includes(side)) {
    const signed = !proposal.acceptedBySides.includes(side);
    return reject('ALREADY_DONE', signed ? 'Your side\'s leader has signed this proposal, which accepts it for your side.' : 'Your side has already accepted this proposal.');
  }
  return [{ type: 'ProposalAccepted', proposalId: proposal.id, by: player.seat.id, side, at: meta.now }];
}

/** Every side's leader signs an official proposal to conclude it. */
export function signProposal(game: ActiveGame, cmd: CommandOf<'SignProposal'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = requireKind(player, ['leader'], 'sign agreements') ?? requireNegotiation(game, meta, 'sign agreements');
  if (denied) return denied;
  const proposal = visibleOpenProposal(game, player, cmd.proposalId);
  if (isRejected(proposal)) return proposal;
  if (proposal.mode === 'exploratory') return reject('EXPLORATORY_CANNOT_BE_SIGNED', 'This proposal only tests the waters: it is deniable and cannot be signed. Table it again as an official proposal.');
  if (proposal.signedBy.includes(player.seat.id)) return reject('ALREADY_DONE', 'You have already signed this proposal.');
  if (game.tables[player.tableId]?.agreement) {
    // Only those in on a secret deal can be here (leaders sign only what they can see); tell them.
    return knowsOfAgreement(game, player) ? reject('AGREEMENT_EXISTS', 'Your table has already concluded an agreement.') : reject('ALREADY_DONE', 'That proposal can no longer be signed.');
  }
  const events: GameEvent[] = [{ type: 'ProposalSigned', proposalId: proposal.id, by: player.seat.id, at: meta.now }];
  const signers = [...proposal.signedBy, player.seat.id];
  const leaders = seatsAt(game, player.tableId).filter((s) => game.scenario.roles.find((r) => r.id === s.roleId)?.kind === 'leader');
  const sidesSigned = new Set(leaders.filter((l) => signers.includes(l.id)).map((l) => game.scenario.roles.find((r) => r.id === l.roleId)?.side));
  if (game.scenario.sides.every((s) => sidesSigned.has(s.id))) {
    events.push({ type: 'AgreementConcluded', tableId: player.tableId, proposalId: proposal.id, at: meta.now });
  }
  return events;
}

/** A deal counts only once it is public: its public terms meet public opinion. */
export function announceAgreement(game: ActiveGame, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = requireKind(player, ['leader'], 'announce an agreement') ?? requireNegotiation(game, meta, 'announce an agreement');
  if (denied) return denied;
  const table = game.tables[player.tableId];
  const agreement = table?.agreement;
  if (!table || !agreement) return reject('NO_AGREEMENT', 'Your table has no concluded agreement to announce.');
  if (agreement.announcedAt !== null) return reject('ALREADY_DONE', 'The agreement has already been announced.');
  const proposal = game.proposals[agreement.proposalId];
  if (!proposal) return reject('NO_AGREEMENT', 'Your table has no concluded agreement to announce.');
  const { supportDelta, originExposedFirst } = announcementEffects(game, table.id, proposal);
  const announced: GameEvent = { type: 'AgreementAnnounced', tableId: table.id, proposalId: proposal.id, supportDelta, originExposedFirst, at: meta.now };
  return [announced, ...secretOriginStory(game, table.id, proposal, meta.now)];
}
