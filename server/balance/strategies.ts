import type { SeatView } from '../engine';
import { nextMove } from '../bots/strategy';
import type { PlayerCommand } from '../realtime/protocol';
import {
  announce, closeDeal, currentBack, explore, explorationAgreed, FRONT_LINES, meetPrecondition, openBack, REPORT, TEAM_LINES, BACK_LINES,
  type AnnounceWhen,
} from './moves';
import { answerInvitations, frontChannel, isLeadEnvoy, isOpener, jointPackage, said, secretPackage, sidePackage, sight, talk, teamChannel, type Cast, type Sight } from './seat';

/**
 * The scripted ways of negotiating the harness compares. Every strategy is played by the leaders
 * and envoys of both sides; it is a function of the seat's own projected view and the game clock
 * (plus a seeded random source for the wording), so it knows exactly what a student would.
 */
export type Strategy = (view: SeatView, now: number, random: () => number) => PlayerCommand | null;
type Plan = (s: Sight, cast: Cast) => PlayerCommand | null;

/** Before this share of round 1 has gone by, back-channel strategies are still testing the waters. */
const EXPLORE_UNTIL = 0.45;
const FIRST_ROUND = 1;

const ready = (s: Sight, share: number) => s.round > FIRST_ROUND || s.elapsed >= share;

function frontOnly(s: Sight, cast: Cast): PlayerCommand | null {
  const front = frontChannel(s)?.id;
  const talker = s.kind === 'leader' || isLeadEnvoy(s, cast);
  return meetPrecondition(s)
    ?? announce(s, 'at-once')
    ?? (ready(s, 0.3) && front ? closeDeal(s, cast, front, jointPackage(s)) : null)
    ?? (talker && !s.view.table?.agreement ? talk(s, front, 2, FRONT_LINES) : null);
}

function seedsPath(s: Sight, cast: Cast): PlayerCommand | null {
  const front = frontChannel(s)?.id;
  const team = teamChannel(s)?.id;
  const back = currentBack(s);
  const reported = team !== undefined && said(s, team, REPORT);
  const goPublic = reported || ready(s, 0.6);
  const fromAnnounce = announce(s, 'at-once');
  if (fromAnnounce) return fromAnnounce;
  if (!goPublic) {
    if (!back) return openBack(s, cast, 'testing the waters');
    if (isLeadEnvoy(s, cast) && explorationAgreed(s, back.id) && team) return { type: 'PostMessage', channelId: team, text: REPORT };
    return explore(s, cast, back.id, { messages: 3, bid: isOpener(s) ? jointPackage(s) : null, accept: true });
  }
  return (s.kind === 'leader' ? meetPrecondition(s) : null)
    ?? (s.kind === 'leader' ? talk(s, front, 1, FRONT_LINES) : null)
    ?? (front ? closeDeal(s, cast, front, jointPackage(s)) : null);
}

function backHeavySecret(s: Sight, cast: Cast): PlayerCommand | null {
  const back = currentBack(s);
  if (!back) return openBack(s, cast, 'a quiet understanding');
  if (s.view.table?.agreement) return announce(s, 'at-once');
  return (ready(s, 0.5) ? closeDeal(s, cast, back.id, secretPackage(s)) : null)
    ?? talk(s, back.id, s.kind === 'leader' ? 4 : 12, BACK_LINES);
}

function proposalsOnly(s: Sight, cast: Cast): PlayerCommand | null {
  const back = currentBack(s);
  if (!back) return openBack(s, cast, 'texts only');
  if (s.view.table?.agreement) return announce(s, 'at-once');
  const countered = s.view.proposals.some((p) => p.channelId === back.id && p.counterTo !== null);
  return (countered || ready(s, 0.5) ? closeDeal(s, cast, back.id, jointPackage(s)) : null)
    ?? explore(s, cast, back.id, { messages: 0, bid: sidePackage(s, s.side), accept: false, onlyAsCounter: !isOpener(s) });
}

/** Test the waters, then conclude in the back channel itself; only the announcement differs. */
function backDeal(when: AnnounceWhen): Plan {
  return (s, cast) => {
    const back = currentBack(s);
    if (s.view.table?.agreement) return announce(s, when);
    if (!back) return openBack(s, cast, 'a first step');
    const close = explorationAgreed(s, back.id) || ready(s, EXPLORE_UNTIL);
    return (close ? closeDeal(s, cast, back.id, jointPackage(s)) : null)
      ?? explore(s, cast, back.id, { messages: 3, bid: isOpener(s) ? jointPackage(s) : null, accept: true });
  };
}

/**
 * Going back to a back channel round after round: opening bids in round 1, the other side's in
 * round 2, the deal only in the last round. `fresh` opens a new channel every round (leaving
 * the old one); otherwise the first channel is kept.
 */
function everyRound(fresh: boolean): Plan {
  return (s, cast) => {
    const topic = `round ${s.round}`;
    if (s.view.table?.agreement) return announce(s, 'at-once');
    if (fresh && s.kind === 'envoy') {
      const stale = s.view.channels.find((c) => c.kind === 'back' && !c.left && c.topic !== topic);
      if (stale) return { type: 'LeaveBackChannel', channelId: stale.id };
    }
    const back = currentBack(s, fresh ? topic : undefined);
    if (!back) return openBack(s, cast, topic);
    if (s.lastRound) {
      return (ready(s, 0.3) ? closeDeal(s, cast, back.id, jointPackage(s)) : null) ?? explore(s, cast, back.id, { messages: 3, bid: null, accept: false });
    }
    const bidder = s.round === FIRST_ROUND ? isOpener(s) : !isOpener(s);
    return explore(s, cast, back.id, { messages: 3, bid: bidder ? sidePackage(s, s.side) : null, accept: false });
  };
}

export const STRATEGIES = {
  'front-only': { plan: frontOnly, summary: 'Talk and propose only in the front channel: the precondition is met at once, then an official public text, signatures and an announcement.' },
  'seeds-path': { plan: seedsPath, summary: 'Test the waters in a back channel (a few lines, an exploratory text), then go public: precondition, official text on the front channel, signatures, announcement with time to spare.' },
  'back-heavy-secret': { plan: backHeavySecret, summary: 'Back channel only, many messages; an official text whose costly concessions are secret terms, signed in the back channel, then announced.' },
  'proposals-only': { plan: proposalsOnly, summary: 'Back channel with texts only — opening bid, counter-bid, official compromise — and not one chat message.' },
  'never-announce': { plan: backDeal('never'), summary: 'Test the waters, conclude in the back channel, and never announce.' },
  'announce-at-once': { plan: backDeal('at-once'), summary: 'Test the waters, conclude in the back channel, and announce as soon as it is signed.' },
  'announce-last-minute': { plan: backDeal('last-minute'), summary: 'Test the waters, conclude in the back channel, and announce only in the last 90 seconds of the game.' },
  'new-channel-each-round': { plan: everyRound(true), summary: 'A fresh back channel every round (the old one is left): bids in rounds 1 and 2, the deal in the last round.' },
  'same-channel-each-round': { plan: everyRound(false), summary: 'The control for new-channel-each-round: the same talks and timing, in one back channel kept all game.' },
  // Not a way of negotiating to compare: every seat plays the bots' brain, at the harness's human pace.
  bots: { plan: () => null, summary: 'Every seat, leaders and envoys included, plays the bots\' brain (server/bots/strategy.ts) at a human pace.' },
} satisfies Record<string, { plan: Plan; summary: string }>;

export type StrategyName = keyof typeof STRATEGIES;
export const STRATEGY_NAMES = Object.keys(STRATEGIES) as StrategyName[];

/** The scripted ways of negotiating (every strategy but the bots' brain). */
export const SCRIPTED_STRATEGIES = STRATEGY_NAMES.filter((n) => n !== 'bots');

export function isStrategyName(name: string): name is StrategyName {
  return Object.hasOwn(STRATEGIES, name);
}

/** The named strategy for a leader's or an envoy's seat. Other envoys (go-betweens) keep to their team. */
export function strategyFor(name: StrategyName, cast: Cast): Strategy {
  if (name === 'bots') return botBrain;
  const plan = STRATEGIES[name].plan;
  return (view, now, random) => {
    const s = sight(view, now, random);
    if (!s || view.session.phase?.kind !== 'negotiation' || (s.kind !== 'leader' && s.kind !== 'envoy')) return null;
    const answer = answerInvitations(s);
    if (answer) return answer;
    if (s.kind === 'envoy' && !isLeadEnvoy(s, cast)) return talk(s, teamChannel(s)?.id, 1, TEAM_LINES);
    return plan(s, cast);
  };
}

/** Journalists, spoilers and everyone else play the bots' brain (server/bots/strategy.ts). */
export const botBrain: Strategy = (view, _now, random) => nextMove(view, random);
