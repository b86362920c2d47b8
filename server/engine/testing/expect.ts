import { expect } from 'vitest';
import type { Actor, Command } from '../commands';
import type { GameEvent, GameEventType } from '../events';
import { project } from '../project';
import type { Rejection, RejectionCode } from '../rejection';
import type { LeakParameters, Scenario } from '../scenario';
import type { SessionOptions, Term } from '../state';
import type { SeatView } from '../view';
import { testScenario } from './fixture';
import { facilitator, Game, guest, runningGame, seat } from './harness';

/** Given/when/then helpers shared by the command-by-command engine tests. */

/** Runs a command that must be refused with `code`, and checks that nothing changed. */
export function expectRejected(g: Game, command: Command, actor: Actor, code: RejectionCode, now = g.now): Rejection {
  const before = g.state;
  const count = g.events.length;
  const result = g.run(command, actor, now);
  expect(result).toMatchObject({ ok: false, code });
  expect(g.state).toBe(before);
  expect(g.events).toHaveLength(count);
  return result as Rejection;
}

export function eventOf<T extends GameEventType>(events: GameEvent[], type: T): Extract<GameEvent, { type: T }> {
  const found = events.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} among ${events.map((e) => e.type).join(', ')}`);
  return found as Extract<GameEvent, { type: T }>;
}

export const types = (events: GameEvent[]) => events.map((e) => e.type);

export function withLeak(patch: Partial<LeakParameters>, scenario: Scenario = testScenario): Scenario {
  return { ...scenario, leak: { ...scenario.leak, ...patch } };
}

/** Every role of the test scenario at table t1 (two envoys a side at a table of nine). */
export interface Cast {
  g: Game;
  nL: string;
  sL: string;
  nE: string;
  nE2: string;
  sE: string;
  sE2: string;
  j: string;
  nS: string;
  sS: string;
}

export function castOf(g: Game, tableId = 't1'): Cast {
  const holders = (roleId: string) =>
    Object.values(g.game.seats).filter((s) => s.roleId === roleId && s.tableId === tableId && s.status === 'active').map((s) => s.id);
  const one = (roleId: string, i = 0) => holders(roleId)[i] ?? `none-${roleId}-${i}`;
  return {
    g, nL: one('n-leader'), sL: one('s-leader'), nE: one('n-envoy'), nE2: one('n-envoy', 1), sE: one('s-envoy'), sE2: one('s-envoy', 1),
    j: one('journalist'), nS: one('n-spoiler'), sS: one('s-spoiler'),
  };
}

/** Nine players at one table, in the first negotiation round. */
export function table9(options: Partial<SessionOptions> = {}, scenario: Scenario = testScenario, seed = 42): Cast {
  return castOf(runningGame(9, { tableCount: 1, ...options }, seed, scenario));
}

/** `players` joined, in the lobby, not dealt. */
export function lobby(players: number, options: Partial<SessionOptions> = {}, scenario: Scenario = testScenario): Game {
  const g = new Game(scenario, options);
  for (let i = 1; i <= players; i++) g.join(`Player ${i}`);
  return g;
}

/** Nine players at one table, started, still in the briefing. */
export function briefing9(options: Partial<SessionOptions> = {}, scenario: Scenario = testScenario): Cast {
  const g = lobby(9, { tableCount: 1, ...options }, scenario);
  g.must({ type: 'DealSeats' }, facilitator);
  g.must({ type: 'StartSession' }, facilitator);
  return castOf(g);
}

/** Opens a back channel and has every invitee accept; returns its id. */
export function openBack(g: Game, by: string, invitees: string[], topic = 'the border'): string {
  const opened = eventOf(g.must({ type: 'OpenBackChannel', inviteeIds: invitees, topic }, seat(by)), 'BackChannelOpened');
  for (const id of invitees) g.must({ type: 'AnswerInvitation', channelId: opened.channelId, accept: true }, seat(id));
  return opened.channelId;
}

export const DEAL_TERMS: Term[] = [
  { issueId: 'border', optionId: 'open', secret: false },
  { issueId: 'prisoners', optionId: 'release', secret: true },
];

/** The two leaders conclude a deal in a back channel between them (not announced). */
export function concludeDeal(c: Cast, terms: Term[] = DEAL_TERMS): { channelId: string; proposalId: string } {
  const channelId = openBack(c.g, c.nL, [c.sL]);
  const proposalId = eventOf(c.g.must({ type: 'Propose', channelId, terms, mode: 'official' }, seat(c.nL)), 'ProposalMade').proposalId;
  c.g.must({ type: 'SignProposal', proposalId }, seat(c.nL));
  c.g.must({ type: 'SignProposal', proposalId }, seat(c.sL));
  return { channelId, proposalId };
}

/** `by` says `text` in `channelId`; the facilitator leaks it as a quote and the journalist publishes it. */
export function leakAndPublish(c: Cast, channelId: string, by: string, text = 'Meet at dawn'): { messageId: string; tipId: string; story: GameEvent } {
  const messageId = eventOf(post(c.g, by, channelId, text), 'MessagePosted').messageId;
  const tipId = eventOf(c.g.must({ type: 'LeakMessage', messageId, form: 'quote' }, facilitator), 'LeakOccurred').tip.id;
  const [story] = c.g.must({ type: 'PublishStory', headline: 'Secret talks', body: 'They are talking.', tipId }, seat(c.j));
  return { messageId, tipId, story: story! };
}

export function post(g: Game, by: string, channelId: string, text: string): GameEvent[] {
  return g.must({ type: 'PostMessage', channelId, text }, seat(by));
}

export function seatView(g: Game, seatId: string): SeatView {
  const view = project(g.state, { kind: 'seat', seatId });
  if (!view) throw new Error(`no view for ${seatId}`);
  return view;
}

export { facilitator, guest, seat };
