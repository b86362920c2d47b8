import type { CommandOf, Meta } from '../commands';
import type { GameEvent } from '../events';
import { acceptNow, acceptThis, announceNow, fulfilNow, proposeIn, proposeNow, signNow, signThis } from '../abilities';
import { isRejected, requirePlayer, type Player } from '../guards';
import { leakRisk } from '../leak-risk';
import { canSeeChannel, canSeeMessageAt, opaqueId, seatsAt } from '../queries';
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
  const denied = fulfilNow(game, player, meta.now);
  if (denied) return denied;
  const pre = game.scenario.precondition!;
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
  const denied = proposeNow(game, player, meta.now);
  if (denied) return denied;
  const channel = visibleChannel(game, player, cmd.channelId);
  if (isRejected(channel)) return channel;
  const closed = proposeIn(game, player, channel);
  if (closed) return closed;
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

/** The proposal as the player may see it; unseen proposals are unknown (abilities.ts says whether they may act on it). */
function visibleProposal(game: ActiveGame, player: Player, proposalId: string): Proposal | Rejection {
  const proposal = game.proposals[proposalId];
  const channel = proposal ? game.channels[proposal.channelId] : undefined;
  if (!proposal || !channel || !canSeeChannel(game, player.seat, channel) || !canSeeMessageAt(channel, player.seat.id, proposal.atMessage)) {
    return reject('UNKNOWN_PROPOSAL', 'You have no such proposal.');
  }
  return proposal;
}

export function acceptProposal(game: ActiveGame, cmd: CommandOf<'AcceptProposal'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = acceptNow(game, player, meta.now);
  if (denied) return denied;
  const proposal = visibleProposal(game, player, cmd.proposalId);
  if (isRejected(proposal)) return proposal;
  const refused = acceptThis(game, player, proposal);
  if (refused) return refused;
  return [{ type: 'ProposalAccepted', proposalId: proposal.id, by: player.seat.id, side: player.role.side!, at: meta.now }];
}

/** Every side's leader signs an official proposal to conclude it. */
export function signProposal(game: ActiveGame, cmd: CommandOf<'SignProposal'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = signNow(game, player, meta.now);
  if (denied) return denied;
  const proposal = visibleProposal(game, player, cmd.proposalId);
  if (isRejected(proposal)) return proposal;
  const refused = signThis(game, player, proposal);
  if (refused) return refused;
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
  const denied = announceNow(game, player, meta.now);
  if (denied) return denied;
  const table = game.tables[player.tableId];
  const agreement = table?.agreement;
  if (!table || !agreement) return reject('NO_AGREEMENT', 'Your table has no concluded agreement to announce.');
  const proposal = game.proposals[agreement.proposalId];
  if (!proposal) return reject('NO_AGREEMENT', 'Your table has no concluded agreement to announce.');
  const { supportDelta, originExposedFirst } = announcementEffects(game, table.id, proposal);
  const announced: GameEvent = { type: 'AgreementAnnounced', tableId: table.id, proposalId: proposal.id, supportDelta, originExposedFirst, at: meta.now };
  return [announced, ...secretOriginStory(game, table.id, proposal, meta.now)];
}
