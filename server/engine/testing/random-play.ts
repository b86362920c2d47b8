import type { Actor, Command } from '../commands';
import type { GameEvent } from '../events';
import { isCurrentMember, opaqueId } from '../queries';
import { isRejection } from '../rejection';
import type { ActiveGame } from '../state';
import { facilitator, Game, guest, seat, system } from './harness';

/**
 * Seeded random play for property tests: each step is a few numbers that are turned into a
 * command against the current state, so sequences reach deep into the game instead of being
 * rejected at the door. Every step is recorded, so a failure prints what was run.
 */

export interface Step {
  pick: number;
  a: number;
  b: number;
  c: number;
  flag: boolean;
  dt: number;
}

export interface Played {
  command: Command;
  actor: Actor;
  now: number;
  accepted: GameEvent[] | null;
  before: ActiveGame;
}

const nth = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

function seatedIds(g: ActiveGame): string[] {
  return Object.values(g.seats).filter((s) => s.status === 'active' && s.tableId).map((s) => s.id);
}

/** Turns a step into a command; `k` makes every text unique so leaks of text can be searched for. */
export function commandFor(game: Game, step: Step, k: number): { command: Command; actor: Actor } {
  const g = game.game;
  const seats = seatedIds(g);
  const kindOf = (id: string) => g.scenario.roles.find((r) => r.id === g.seats[id]?.roleId)?.kind;
  const sideOf = (id: string) => g.scenario.roles.find((r) => r.id === g.seats[id]?.roleId)?.side ?? null;
  const ofKind = (...kinds: string[]) => seats.filter((id) => kinds.includes(kindOf(id) ?? ''));
  // Mostly a fitting actor for the command, sometimes anyone: both paths must hold up.
  const pickSeat = (pool: string[]) => (step.flag || pool.length === 0 ? nth(seats, step.a) : nth(pool, step.a)) ?? 's1';
  const negotiators = ofKind('leader', 'envoy');
  const me = pickSeat(negotiators);
  const tableOf = (id: string) => g.seats[id]?.tableId;
  const sameTable = seats.filter((id) => tableOf(id) === tableOf(me) && id !== me);
  const rivals = sameTable.filter((id) => sideOf(id) !== sideOf(me) && ['leader', 'envoy'].includes(kindOf(id) ?? ''));
  const other = nth(step.c % 4 === 0 ? sameTable : rivals, step.b) ?? nth(seats, step.b) ?? 's2';
  const myChannels = Object.values(g.channels).filter((c) => c.tableId === tableOf(me) && (c.kind !== 'back' || c.members[me]));
  const channel = (step.c % 5 === 0 ? nth(Object.values(g.channels), step.b) : nth(myChannels, step.b))?.id ?? 't1:front';
  const myBackChannel = nth(myChannels.filter((c) => c.kind === 'back' && isCurrentMember(c, me)), step.b)?.id ?? channel;
  const invitation = Object.values(g.channels).flatMap((c) => Object.keys(c.invited).map((seatId) => ({ channelId: c.id, seatId })));
  const invite = nth(invitation, step.b);
  // Someone who left a channel I am still in, to bring back: what they missed must stay unseen.
  const formerMembers = Object.values(g.channels)
    .filter((c) => c.kind === 'back' && isCurrentMember(c, me))
    .flatMap((c) => Object.keys(c.members).filter((id) => !isCurrentMember(c, id)).map((seatId) => ({ channelId: c.id, seatId })));
  const comeback = nth(formerMembers, step.b);
  const proposals = Object.values(g.proposals);
  const proposal = nth(proposals, step.c);
  const tips = g.tips.values();
  const issues = g.scenario.issues;
  const terms = issues.slice(0, 1 + (step.c % issues.length)).map((issue, i) => ({
    issueId: issue.id, optionId: nth(issue.options, step.a + i)?.id ?? 'x', secret: (step.b + i) % 3 === 0,
  }));
  const text = `msg-${k}-${step.a}`;
  const table = nth(Object.keys(g.tables), step.c) ?? 't1';
  const waiting = nth(Object.values(g.seats).filter((s) => s.status === 'active' && !s.tableId).map((s) => s.id), step.a);
  const message = nth(g.messages.toArray(), step.b)?.id ?? 'm-unknown';
  const leader = pickSeat(proposal ? ofKind('leader').filter((id) => tableOf(id) === proposal.tableId) : ofKind('leader'));
  const journalist = pickSeat(ofKind('journalist'));
  const spoiler = pickSeat(ofKind('spoiler'));
  // A leader-to-leader track, so that deals get signed, announced and leaked in random play too.
  const leaderA = nth(ofKind('leader'), step.a) ?? me;
  const rivalLeader = ofKind('leader').find((id) => tableOf(id) === tableOf(leaderA) && sideOf(id) !== sideOf(leaderA)) ?? other;
  const leaderChannel = nth(Object.values(g.channels).filter((c) => c.kind === 'back' && c.members[leaderA] && c.members[rivalLeader]), step.b)?.id ?? channel;
  const openOfficial = proposals.filter((p) => p.status === 'open' && p.mode === 'official');
  const signable = step.c % 2 === 0 ? openOfficial[openOfficial.length - 1] : nth(openOfficial, step.c);
  const canSign = (id: string) => !!signable && !signable.signedBy.includes(id) && (g.channels[signable.channelId]?.members[id] !== undefined || (tableOf(id) === signable.tableId && g.channels[signable.channelId]?.kind !== 'back'));
  const signer = nth(ofKind('leader').filter(canSign), step.a);
  const choices: { command: Command; actor: Actor }[] = [
    { command: { type: 'OpenBackChannel', inviteeIds: [rivalLeader], topic: `summit-${k}` }, actor: seat(leaderA) },
    { command: { type: 'PostMessage', channelId: leaderChannel, text }, actor: seat(leaderA) },
    { command: { type: 'Propose', channelId: leaderChannel, terms, mode: 'official' }, actor: seat(leaderA) },
    { command: { type: 'SignProposal', proposalId: signable?.id ?? 'p-unknown' }, actor: seat(signer ?? leader) },
    { command: { type: 'SignProposal', proposalId: signable?.id ?? 'p-unknown' }, actor: seat(signer ?? leader) },
    { command: { type: 'Join', name: `Player ${step.a % 20}` }, actor: guest },
    { command: { type: 'PostMessage', channelId: channel, text }, actor: seat(me) },
    { command: { type: 'PostMessage', channelId: channel, text }, actor: seat(me) },
    { command: { type: 'PostMessage', channelId: channel, text }, actor: seat(me) },
    { command: { type: 'PostMessage', channelId: channel, text }, actor: seat(me) },
    { command: { type: 'OpenBackChannel', inviteeIds: [other], topic: `topic-${k}` }, actor: seat(me) },
    { command: { type: 'OpenBackChannel', inviteeIds: [other, nth(rivals, step.c) ?? other], topic: `topic-${k}` }, actor: seat(me) },
    { command: { type: 'AnswerInvitation', channelId: invite?.channelId ?? channel, accept: step.c % 4 !== 0 }, actor: seat(invite?.seatId ?? me) },
    { command: { type: 'AnswerInvitation', channelId: invite?.channelId ?? channel, accept: true }, actor: seat(invite?.seatId ?? me) },
    { command: { type: 'InviteToBackChannel', channelId: channel, seatId: other }, actor: seat(me) },
    // mostly a back channel I am in (any channel of mine is rarely one), so leaving is often reached
    { command: { type: 'LeaveBackChannel', channelId: (step.c % 4 === 0 ? channel : myBackChannel) }, actor: seat(me) },
    { command: { type: 'InviteToBackChannel', channelId: comeback?.channelId ?? channel, seatId: comeback?.seatId ?? other }, actor: seat(me) },
    { command: { type: 'Investigate', seatId: other }, actor: seat(journalist) },
    { command: { type: 'Surveil', seatId: other }, actor: seat(spoiler) },
    { command: { type: 'PublishStory', headline: `headline-${k}`, body: `story-${k}`, ...(tips.length && step.c % 3 !== 0 ? { tipId: nth(tips, step.b)?.id } : {}) }, actor: seat(nth(tips, step.b)?.recipients[0] ?? journalist) },
    { command: { type: 'Mobilise' }, actor: seat(spoiler) },
    { command: { type: 'FulfilPrecondition' }, actor: seat(leader) },
    { command: { type: 'Propose', channelId: channel, terms, mode: step.c % 4 === 0 ? 'exploratory' : 'official' }, actor: seat(me) },
    { command: { type: 'Propose', channelId: channel, terms, mode: 'official' }, actor: seat(me) },
    { command: { type: 'AcceptProposal', proposalId: proposal?.id ?? 'p-unknown' }, actor: seat(me) },
    { command: { type: 'SignProposal', proposalId: proposal?.id ?? 'p-unknown' }, actor: seat(leader) },
    { command: { type: 'SignProposal', proposalId: proposal?.id ?? 'p-unknown' }, actor: seat(leader) },
    { command: { type: 'AnnounceAgreement' }, actor: seat(leader) },
    { command: { type: 'DeadlineReached' }, actor: system },
    { command: step.c % 4 === 0 ? { type: 'Pause' } : { type: 'Resume' }, actor: facilitator },
    { command: { type: 'Resume' }, actor: facilitator },
    { command: { type: 'Extend', seconds: 1 + (step.a % 60) }, actor: facilitator },
    { command: { type: 'ControlPost', channelId: channel, text: `control-${k}` }, actor: facilitator },
    { command: { type: 'ControlBroadcast', text: `broadcast-${k}` }, actor: facilitator },
    { command: { type: 'FireInject', injectId: nth(g.scenario.injects, step.b)?.id ?? 'x' }, actor: facilitator },
    { command: { type: 'LeakMessage', messageId: message, form: step.flag ? 'quote' : 'paraphrase' }, actor: facilitator },
    { command: { type: 'PlantRumour', tableId: table, text: `rumour-${k}`, to: 'both' }, actor: facilitator },
    { command: step.c % 5 === 0 ? { type: 'Kick', seatId: other } : { type: 'AnswerInvitation', channelId: invite?.channelId ?? channel, accept: true }, actor: step.c % 5 === 0 ? facilitator : seat(invite?.seatId ?? me) },
    { command: step.c % 3 === 0 ? { type: 'Skip' } : { type: 'AnswerInvitation', channelId: invite?.channelId ?? channel, accept: true }, actor: step.c % 3 === 0 ? facilitator : seat(invite?.seatId ?? me) },
    { command: { type: 'SetLocked', locked: step.flag }, actor: facilitator },
    // per-table clocks: one table paused, resumed, extended, skipped or reached while the others run
    { command: step.c % 2 === 0 ? { type: 'Pause', tableId: table } : { type: 'Resume', tableId: table }, actor: facilitator },
    { command: { type: 'Extend', seconds: 1 + (step.b % 90), tableId: table }, actor: facilitator },
    { command: step.c % 4 === 0 ? { type: 'Skip', tableId: table } : { type: 'DeadlineReached', tableId: table }, actor: step.c % 4 === 0 ? facilitator : system },
    // a seat handed to a waiting player or a newcomer: the seat's history goes with it
    { command: { type: 'ReplaceSeat', seatId: other, newcomer: waiting && step.flag ? { seatId: waiting } : { name: `Newcomer ${k}` } }, actor: facilitator },
    { command: { type: 'MoveSeat', seatId: nth(Object.keys(g.seats), step.b) ?? 's1', tableId: table, roleId: nth(g.scenario.roles, step.c)?.id ?? 'x' }, actor: facilitator },
    // hostile or confused inputs: wrong actor, made-up ids
    { command: { type: 'PostMessage', channelId: opaqueId(g, 'bc', 1 + (step.b % 5)), text }, actor: seat(`s${step.a % 20}`) },
    { command: { type: 'StartSession' }, actor: seat(me) },
    { command: { type: 'DealSeats' }, actor: seat(me) },
    // good faith: break a signed deal that is still secret (two entries: a length divisible by
    // three would make a third of the choices unreachable, as one step in three takes the deal track)
    { command: { type: 'RenegeAgreement' }, actor: seat(leader) },
    { command: { type: 'RenegeAgreement' }, actor: seat(leaderA) },
  ];
  // One step in three follows the deal track, so that signing, announcing and late leaks are reached.
  const dealTrack: { command: Command; actor: Actor }[] = [
    choices[0]!, choices[1]!, choices[2]!, choices[3]!, choices[4]!,
    { command: { type: 'AnswerInvitation', channelId: invite?.channelId ?? channel, accept: true }, actor: seat(invite?.seatId ?? me) },
    { command: { type: 'AnnounceAgreement' }, actor: seat(leaderA) },
    { command: { type: 'FulfilPrecondition' }, actor: seat(leaderA) },
    { command: { type: 'Mobilise' }, actor: seat(spoiler) },
    { command: { type: 'PublishStory', headline: `headline-${k}`, body: `story-${k}`, ...(tips.length ? { tipId: nth(tips, step.b)?.id } : {}) }, actor: seat(nth(tips, step.b)?.recipients[0] ?? journalist) },
  ];
  if (choices.length % 3 === 0) throw new Error('random play: keep the number of choices off a multiple of three');
  if (step.pick % 3 === 0) return dealTrack[step.a % dealTrack.length]!;
  return choices[step.pick % choices.length]!;
}

/** Joins, deals and starts a game, then plays the steps; the clock moves by each step's dt. */
export function playRandom(seed: number, players: number, steps: Step[], onStep?: (played: Played, game: Game) => void): Game {
  const game = new Game(undefined, { leakSensitivity: 3 }, seed);
  for (let i = 1; i <= players; i++) game.join(`Player ${i}`);
  game.must({ type: 'DealSeats' }, facilitator);
  game.must({ type: 'StartSession' }, facilitator);
  if (seed % 4 !== 0) game.passDeadline(); // most runs skip the briefing to reach the negotiation
  steps.forEach((step, k) => {
    game.now += step.dt;
    // Like the runtime's timer, the deadline usually fires at once; sometimes a command slips in first.
    const deadline = game.game.deadlineAt;
    if (deadline !== null && game.now >= deadline && step.pick % 5 !== 0) game.run({ type: 'DeadlineReached' }, system, game.now);
    const { command, actor } = commandFor(game, step, k);
    const before = game.game;
    const result = game.run(command, actor, game.now);
    onStep?.({ command, actor, now: game.now, accepted: isRejection(result) ? null : result, before }, game);
  });
  return game;
}
