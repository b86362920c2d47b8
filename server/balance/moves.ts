import type { Term } from '../engine';
import type { PlayerCommand } from '../realtime/protocol';
import { backChannels, isLeadEnvoy, isOpener, leadEnvoyOf, leaderOf, myMessages, openProposals, otherSide, sideOfSeat, talk, type Cast, type Sight } from './seat';

/**
 * The building blocks the named strategies are made of. Each returns the seat's next command
 * for that step, or null when the step has nothing for this seat to do now (it waits for
 * someone else, or it is done), so steps chain with `??`.
 */

/** Announcing in the last 90 seconds of the final round counts as last-minute. */
export const LAST_MINUTE_MS = 90_000;

export type AnnounceWhen = 'at-once' | 'last-minute' | 'never';

export const BACK_LINES = [
  'What could your side accept in public?',
  'Our hardliners are watching every word; this stays here.',
  'We are prepared to move if you move too.',
  'Can we agree on a first step before the deadline?',
  'If we give on this, can you give on the timetable?',
  'My principal needs something to show at home.',
  'Let us test a package, without commitment.',
];

export const FRONT_LINES = [
  'We came here in good faith and want a settlement.',
  'Our position is on the record; we are ready to listen.',
  'Any agreement must be fair to both peoples.',
  'We will not negotiate under threats, but we will negotiate.',
];

export const TEAM_LINES = ['Where do we stand?', 'I am ready when you need me.', 'The other side seems willing to talk.'];

/** What an envoy tells its own leader, in the team channel, once a package tested well in private. */
export const REPORT = 'Report from our envoy: the other side can live with the package. We can go public.';

export function announce(s: Sight, when: AnnounceWhen): PlayerCommand | null {
  const agreement = s.view.table?.agreement;
  if (!agreement || agreement.announced || s.kind !== 'leader' || when === 'never') return null;
  if (when === 'last-minute' && !(s.lastRound && s.remainingMs <= LAST_MINUTE_MS)) return null;
  return { type: 'AnnounceAgreement' };
}

/** The side that must give something before official talks pays it, through its leader. */
export function meetPrecondition(s: Sight): PlayerCommand | null {
  const pre = s.view.session.scenario.precondition;
  if (!pre || s.kind !== 'leader' || s.side !== pre.side || s.view.table?.preconditionMet || s.view.table?.preconditionWaived) return null;
  return { type: 'FulfilPrecondition' };
}

/** The first side's main envoy opens a back channel with the other side's main envoy. */
export function openBack(s: Sight, cast: Cast, topic: string): PlayerCommand | null {
  if (!isOpener(s) || !isLeadEnvoy(s, cast)) return null;
  const rival = leadEnvoyOf(s, cast, otherSide(s));
  return rival ? { type: 'OpenBackChannel', inviteeIds: [rival.id], topic } : null;
}

export interface Exploration {
  /** Messages each main envoy posts in the channel this round. */
  messages: number;
  /** The exploratory text this side tables, if any, once it has said its first lines. */
  bid: Term[] | null;
  /** Whether to accept the other side's exploratory text (a signal, not a commitment). */
  accept: boolean;
  /** Table the bid only as an answer to the other side's. */
  onlyAsCounter?: boolean;
}

/** Testing the waters in a back channel: a few lines and deniable, exploratory texts. */
export function explore(s: Sight, cast: Cast, channelId: string, o: Exploration): PlayerCommand | null {
  if (!isLeadEnvoy(s, cast)) return null;
  const theirs = openProposals(s, channelId, 'exploratory').filter((p) => sideOfSeat(s, p.by) !== s.side);
  const unanswered = theirs.find((p) => !p.acceptedBySides.includes(s.side));
  if (o.accept && unanswered) return { type: 'AcceptProposal', proposalId: unanswered.id };
  const tabled = s.view.proposals.some((p) => p.channelId === channelId && p.by === s.me && p.at >= s.roundStart);
  const counter = theirs.at(-1);
  const said = myMessages(s, channelId).length;
  if (o.bid && !tabled && said >= Math.min(2, o.messages) && (!o.onlyAsCounter || counter)) {
    return { type: 'Propose', channelId, terms: o.bid, mode: 'exploratory', ...(counter ? { counterTo: counter.id } : {}) };
  }
  return talk(s, channelId, o.messages, BACK_LINES);
}

/** Whether this seat has seen an exploratory text accepted across the table in that channel. */
export function explorationAgreed(s: Sight, channelId: string): boolean {
  return s.view.proposals.some((p) => p.channelId === channelId && p.mode === 'exploratory' && p.acceptedBySides.some((side) => side !== sideOfSeat(s, p.by)));
}

/**
 * Turning a text into a deal in one channel: the first side tables it as an official proposal
 * (answering the last exploratory text there) once each main envoy has brought its own leader
 * into a back channel, the other side accepts, and both leaders sign.
 */
export function closeDeal(s: Sight, cast: Cast, channelId: string, terms: Term[]): PlayerCommand | null {
  const table = s.view.table;
  const channel = s.view.channels.find((c) => c.id === channelId);
  if (!table || table.agreement || !channel?.open) return null;
  const back = channel.kind === 'back';
  // A newcomer to a back channel sees nothing tabled before they came (docs/engine.md), so each
  // main envoy brings its leader in first, and the official text is tabled once both are there.
  const leader = leaderOf(s, s.side);
  if (back && isLeadEnvoy(s, cast) && leader && !channel.members.includes(leader.id) && !channel.invited.includes(leader.id)) {
    return { type: 'InviteToBackChannel', channelId, seatId: leader.id };
  }
  const official = openProposals(s, channelId, 'official').at(-1);
  if (!official) {
    const proposer = back ? isOpener(s) && isLeadEnvoy(s, cast) : isOpener(s) && s.kind === 'leader';
    const leadersIn = !back || s.view.session.scenario.sides.every((side) => {
      const l = leaderOf(s, side.id);
      return !l || channel.members.includes(l.id);
    });
    if (!proposer || !leadersIn || (!back && !table.preconditionMet && !table.preconditionWaived)) return null;
    const last = openProposals(s, channelId, 'exploratory').at(-1);
    return { type: 'Propose', channelId, terms, mode: 'official', ...(last ? { counterTo: last.id } : {}) };
  }
  const proposerSide = sideOfSeat(s, official.by);
  const accepted = proposerSide === s.side || official.acceptedBySides.includes(s.side);
  if (!accepted && isLeadEnvoy(s, cast)) return { type: 'AcceptProposal', proposalId: official.id };
  if (s.kind === 'leader' && accepted && !official.signedBy.includes(s.me)) return { type: 'SignProposal', proposalId: official.id };
  return null;
}

/** The newest back channel the seat sits in (optionally: with this topic). */
export function currentBack(s: Sight, topic?: string) {
  return backChannels(s).filter((c) => topic === undefined || c.topic === topic).at(-1);
}
