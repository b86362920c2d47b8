import { describe, expect, it } from 'vitest';
import type { Term } from '../engine';
import { eventOf, openBack, seat, seatView, table9 } from '../engine/testing/expect';
import { strategyFor } from '../balance/strategies';
import { Bot } from './bot';
import { nextMove } from './strategy';
import { acceptableTo, compromiseTerms, favouredTerms } from './terms';

// The test scenario: border open (north -5, south +5) or closed (+5, -5); prisoners released (+3, +3) or kept (-2, -2).
const COMPROMISE: Term[] = [{ issueId: 'border', optionId: 'open', secret: false }, { issueId: 'prisoners', optionId: 'release', secret: false }];
const KEEP_PRISONERS: Term[] = [{ issueId: 'border', optionId: 'open', secret: false }, { issueId: 'prisoners', optionId: 'keep', secret: false }];
/** A random source that always says yes: the bot would do anything its rules allow. */
const eager = () => 0;

/** North's leader and envoy in a back channel with South's envoy, who tables `terms` as an official text. */
function tabled(terms: Term[]) {
  const c = table9();
  const channelId = openBack(c.g, c.sE, [c.nL, c.nE]);
  const proposalId = eventOf(c.g.must({ type: 'Propose', channelId, terms, mode: 'official' }, seat(c.sE)), 'ProposalMade').proposalId;
  return { c, channelId, proposalId };
}

describe('bot proposals follow their side', () => {
  it('judges terms by its own public: the compromise is acceptable to both sides, a term worse for a side than the compromise is not', () => {
    const { c } = tabled(COMPROMISE);
    const scenario = seatView(c.g, c.nL).session.scenario;
    expect(compromiseTerms(scenario)).toEqual(COMPROMISE);
    expect(acceptableTo(scenario, 'north', COMPROMISE)).toBe(true);
    expect(acceptableTo(scenario, 'south', COMPROMISE)).toBe(true);
    expect(acceptableTo(scenario, 'north', KEEP_PRISONERS)).toBe(false);
    expect(acceptableTo(scenario, 'south', [{ issueId: 'border', optionId: 'closed', secret: false }])).toBe(false);
    expect(acceptableTo(scenario, 'north', [{ issueId: 'border', optionId: 'closed', secret: false }])).toBe(true);
    expect(acceptableTo(scenario, 'north', [{ issueId: 'border', optionId: 'no-such-option', secret: false }])).toBe(false);
  });

  it('a bot leader refuses to sign an official text that works against its side, and its envoy does not accept it', () => {
    const { c, proposalId } = tabled(KEEP_PRISONERS);
    const leader = nextMove(seatView(c.g, c.nL), eager);
    const envoy = nextMove(seatView(c.g, c.nE), eager);
    for (const move of [leader, envoy]) {
      expect(move).not.toBeNull();
      expect(move && 'proposalId' in move ? move.proposalId : null).not.toBe(proposalId);
    }
  });

  it('a bot leader signs an official text that meets its side\'s interests, and its envoy accepts it', () => {
    const { c, proposalId } = tabled(COMPROMISE);
    expect(nextMove(seatView(c.g, c.nL), eager)).toEqual({ type: 'SignProposal', proposalId });
    expect(nextMove(seatView(c.g, c.nE), eager)).toEqual({ type: 'AcceptProposal', proposalId });
  });

  it('opens with an exploratory bid its own public likes best, then tables the official compromise', () => {
    const c = table9();
    const channelId = openBack(c.g, c.nE, [c.sE]);
    const scenario = seatView(c.g, c.nE).session.scenario;
    // 0.32: above the 0.3 chance of inviting a leader in, below the 0.35 chance of tabling a text.
    const random = () => 0.32;
    const bid = nextMove(seatView(c.g, c.nE), random);
    expect(bid).toEqual({ type: 'Propose', channelId, terms: favouredTerms(scenario, 'north'), mode: 'exploratory' });
    expect(favouredTerms(scenario, 'north')[0]).toEqual({ issueId: 'border', optionId: 'closed', secret: false });
    c.g.must(bid!, seat(c.nE));
    const official = nextMove(seatView(c.g, c.nE), random);
    expect(official).toMatchObject({ type: 'Propose', channelId, mode: 'official' });
    // The last term may be kept secret (a coin toss); the options are the compromise's.
    expect(official?.type === 'Propose' && official.terms.map((t) => ({ ...t, secret: false }))).toEqual(COMPROMISE);
  });
});

describe('bots playing a strategy of the balance harness', () => {
  it('play it in leader and envoy seats, and the bots\' brain everywhere else', () => {
    const c = table9();
    const bot = new Bot({ url: 'http://127.0.0.1:9', room: 'ABC234', name: 'B', strategy: 'front-only', random: eager, now: () => c.g.now });
    const scripted = strategyFor('front-only', { mainEnvoyRoles: [] });
    for (const id of [c.nL, c.sL, c.nE, c.sE]) {
      const view = seatView(c.g, id);
      expect(bot.decide(view), id).toEqual(scripted(view, c.g.now, eager));
    }
    // North's leader opens the talks in public, as front-only says (the brain would not).
    expect(bot.decide(seatView(c.g, c.nL))).not.toEqual(nextMove(seatView(c.g, c.nL), eager));
    for (const id of [c.j, c.nS]) expect(bot.decide(seatView(c.g, id)), id).toEqual(nextMove(seatView(c.g, id), eager));
  });
});
