import { opaqueId } from '../queries';

const oid = (prefix: string, n: number) => opaqueId({ salt: 42 }, prefix, n);
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands';
import { project } from '../project';
import type { Scenario } from '../scenario';
import { testScenario } from '../testing/fixture';
import { facilitator, guest, runningGame, seat, system, T0 } from '../testing/harness';
import { briefing9, castOf, eventOf, expectRejected, seatView, table9, types, type Cast } from '../testing/expect';

const titles = (c: Cast, id: string) => seatView(c.g, id).broadcasts.map((b) => b.title);
const projected = (c: Cast) => project(c.g.state, { kind: 'projector' })?.broadcasts.map((b) => b.title);

describe('scheduled injects', () => {
  it('fire when their phase starts, for everyone, projector included', () => {
    const c = briefing9();
    expect(c.g.game.broadcasts.toArray()).toEqual([]);
    c.g.passDeadline();
    expect(c.g.game.broadcasts.toArray()).toEqual([
      { id: oid('b', 1), tableId: null, audience: 'all', kind: 'news', title: 'Storm at the border', body: 'A storm closes the crossing.', at: T0 + 60_000 },
    ]);
    expect([c.nL, c.sL, c.j].map((id) => titles(c, id))).toEqual([['Storm at the border'], ['Storm at the border'], ['Storm at the border']]);
    expect(projected(c)).toEqual(['Storm at the border']);
  });
  it('several at one phase each get their own broadcast and their effects', () => {
    const injects: Scenario['injects'] = [
      ...testScenario.injects,
      { id: 'riot', title: 'Riot in the north', body: 'Crowds gather.', kind: 'news', audience: 'all', atPhase: 'round-2', support: { north: -10 } },
      { id: 'aid', title: 'Aid for the south', body: 'Supplies arrive.', kind: 'intelligence', audience: 'south', atPhase: 'round-2', escalation: 1 },
    ];
    const c = table9({}, { ...testScenario, injects });
    const events = c.g.passDeadline();
    expect(types(events)).toEqual(['EscalationRaised', 'PhaseStarted', 'DeadlineSet', 'BroadcastSent', 'BroadcastSent']);
    expect(c.g.game.broadcasts.map((b) => b.id)).toEqual([oid('b', 1), oid('b', 2), oid('b', 3)]);
    expect(c.g.game.tables.t1).toMatchObject({ escalation: 2, support: { north: 50, south: 55 } });
    expect(titles(c, c.nL)).toEqual(['Storm at the border', 'Riot in the north']);
    expect(titles(c, c.sL)).toEqual(['Storm at the border', 'Riot in the north', 'Aid for the south']);
  });
});

describe('ControlBroadcast', () => {
  it('broadcasts as Control to every table', () => {
    const c = table9();
    expect(c.g.must({ type: 'ControlBroadcast', text: ' Five minutes left ' }, facilitator)).toEqual([{
      type: 'BroadcastSent', supportDelta: null, escalation: null,
      broadcast: { id: oid('b', 2), tableId: null, audience: 'all', kind: 'control', title: 'Control', body: 'Five minutes left', at: c.g.now },
    }]);
    expect(c.g.game.broadcasts).toHaveLength(2);
    expect(titles(c, c.j)).toEqual(['Storm at the border', 'Control']);
    expect(projected(c)).toEqual(['Storm at the border', 'Control']);
  });
  it('broadcasts to one table only', () => {
    const g = runningGame(12);
    g.must({ type: 'ControlBroadcast', text: 'Table two, hurry', tableId: 't2' }, facilitator);
    const bodies = (id: string) => seatView(g, id).broadcasts.map((b) => b.body);
    expect(bodies(castOf(g, 't2').nL)).toContain('Table two, hurry');
    expect(bodies(castOf(g, 't1').nL)).not.toContain('Table two, hurry');
  });
  it('refuses players, unknown tables, bad text and an ended session', () => {
    const c = table9();
    expectRejected(c.g, { type: 'ControlBroadcast', text: 'hi' }, seat(c.nL), 'NOT_ALLOWED');
    expectRejected(c.g, { type: 'ControlBroadcast', text: 'hi', tableId: 't9' }, facilitator, 'UNKNOWN_TABLE');
    expectRejected(c.g, { type: 'ControlBroadcast', text: '   ' }, facilitator, 'MESSAGE_EMPTY');
    expectRejected(c.g, { type: 'ControlBroadcast', text: 'x'.repeat(2001) }, facilitator, 'MESSAGE_TOO_LONG');
    c.g.must({ type: 'EndSession' }, facilitator);
    expectRejected(c.g, { type: 'ControlBroadcast', text: 'hi' }, facilitator, 'SESSION_ENDED');
  });
});

describe('FireInject', () => {
  it('fires a side\'s intelligence: only that side sees it, and the crisis escalates', () => {
    const c = table9();
    expect(c.g.must({ type: 'FireInject', injectId: 'intel' }, facilitator)).toEqual([{
      type: 'BroadcastSent', supportDelta: null, escalation: 1,
      broadcast: { id: oid('b', 2), tableId: null, audience: 'north', kind: 'intelligence', title: 'Northern intelligence', body: 'South is bluffing.', at: c.g.now },
    }]);
    expect(c.g.game.tables.t1?.escalation).toBe(1);
    for (const id of [c.nL, c.nE, c.nS]) expect(titles(c, id)).toContain('Northern intelligence');
    for (const id of [c.sL, c.sE, c.sS, c.j]) expect(titles(c, id)).not.toContain('Northern intelligence');
    expect(projected(c)).not.toContain('Northern intelligence');
  });
  it('fires at one table only, and may refire a scheduled inject', () => {
    const g = runningGame(12);
    g.must({ type: 'FireInject', injectId: 'intel', tableId: 't2' }, facilitator);
    expect([g.game.tables.t1?.escalation, g.game.tables.t2?.escalation]).toEqual([0, 1]);
    expect(g.must({ type: 'FireInject', injectId: 'storm' }, facilitator)).toMatchObject([{ broadcast: { id: oid('b', 3), title: 'Storm at the border' } }]);
  });
  it('moves public support as the scenario says', () => {
    const injects: Scenario['injects'] = [{ id: 'riot', title: 'Riot', body: 'Crowds gather.', kind: 'news', audience: 'all', support: { north: -10, south: 3 } }];
    const c = table9({}, { ...testScenario, injects });
    expect(eventOf(c.g.must({ type: 'FireInject', injectId: 'riot' }, facilitator), 'BroadcastSent').supportDelta).toEqual({ north: -10, south: 3 });
    expect(c.g.game.tables.t1?.support).toEqual({ north: 50, south: 58 });
  });
  it('refuses players, unknown injects and tables, and an ended session', () => {
    const c = table9();
    expectRejected(c.g, { type: 'FireInject', injectId: 'intel' }, seat(c.nL), 'NOT_ALLOWED');
    expectRejected(c.g, { type: 'FireInject', injectId: 'flood' }, facilitator, 'UNKNOWN_INJECT');
    expectRejected(c.g, { type: 'FireInject', injectId: 'intel', tableId: 't9' }, facilitator, 'UNKNOWN_TABLE');
    c.g.must({ type: 'EndSession' }, facilitator);
    expectRejected(c.g, { type: 'FireInject', injectId: 'intel' }, facilitator, 'SESSION_ENDED');
  });
});

describe('WriteInject', () => {
  const write = (audience = 'south', title = 'Breaking', body = 'A ceasefire holds.', tableId?: string): Command => ({ type: 'WriteInject', title, body, audience, tableId });
  it('sends a news item the facilitator wrote to one side of one table', () => {
    const c = table9();
    expect(c.g.must(write('south', ' Breaking ', 'A ceasefire holds.', 't1'), facilitator)).toEqual([{
      type: 'BroadcastSent', supportDelta: null, escalation: null,
      broadcast: { id: oid('b', 2), tableId: 't1', audience: 'south', kind: 'news', title: 'Breaking', body: 'A ceasefire holds.', at: c.g.now },
    }]);
    expect(titles(c, c.sE)).toContain('Breaking');
    expect(titles(c, c.nE)).not.toContain('Breaking');
    expect(titles(c, c.j)).not.toContain('Breaking');
  });
  it('refuses unknown audiences and tables, bad titles and bodies, players and an ended session', () => {
    const c = table9();
    expectRejected(c.g, write('east'), facilitator, 'INVALID_INPUT');
    expectRejected(c.g, write('journalists'), facilitator, 'INVALID_INPUT');
    expectRejected(c.g, write('all', 'T', 'B', 't9'), facilitator, 'UNKNOWN_TABLE');
    expectRejected(c.g, write('all', ' '), facilitator, 'MESSAGE_EMPTY');
    expectRejected(c.g, write('all', 'x'.repeat(141)), facilitator, 'MESSAGE_TOO_LONG');
    expectRejected(c.g, write('all', 'T', ''), facilitator, 'MESSAGE_EMPTY');
    expectRejected(c.g, write('all', 'T', 'x'.repeat(2001)), facilitator, 'MESSAGE_TOO_LONG');
    expectRejected(c.g, write(), seat(c.nL), 'NOT_ALLOWED');
    c.g.must({ type: 'EndSession' }, facilitator);
    expectRejected(c.g, write(), facilitator, 'SESSION_ENDED');
  });
});

describe('the wrong actor', () => {
  const facilitatorCommands: Command[] = [
    { type: 'SetLocked', locked: false }, { type: 'Kick', seatId: 's1' }, { type: 'MoveSeat', seatId: 's1', tableId: 't1', roleId: 'journalist' },
    { type: 'Pause' }, { type: 'Extend', seconds: 60 }, { type: 'Skip' }, { type: 'EndSession' }, { type: 'DeadlineReached' },
    { type: 'ControlPost', channelId: 't1:front', text: 'x' }, { type: 'ControlBroadcast', text: 'x' }, { type: 'FireInject', injectId: 'storm' },
    { type: 'WriteInject', title: 'x', body: 'x', audience: 'all' }, { type: 'LeakMessage', messageId: oid('m', 1), form: 'quote' },
    { type: 'PlantRumour', tableId: 't1', text: 'x', to: 'both' }, { type: 'DealSeats' }, { type: 'StartSession' },
  ];
  it.each(facilitatorCommands.map((command) => [command.type, command] as const))('a player cannot %s', (_, command) => {
    const c = table9();
    c.g.must({ type: 'PostMessage', channelId: 't1:team:north', text: oid('m', 1) }, seat(c.nL));
    expectRejected(c.g, command, seat(c.nL), 'NOT_ALLOWED');
    expectRejected(c.g, command, guest, 'NOT_ALLOWED');
  });
  const playerCommands: Command[] = [
    { type: 'Leave' }, { type: 'PostMessage', channelId: 't1:front', text: 'x' }, { type: 'OpenBackChannel', inviteeIds: ['s1'], topic: 'x' },
    { type: 'InviteToBackChannel', channelId: oid('bc', 1), seatId: 's1' }, { type: 'AnswerInvitation', channelId: oid('bc', 1), accept: true },
    { type: 'LeaveBackChannel', channelId: oid('bc', 1) }, { type: 'Investigate', seatId: 's1' }, { type: 'Surveil', seatId: 's1' },
    { type: 'PublishStory', headline: 'x', body: 'x' }, { type: 'Mobilise' }, { type: 'FulfilPrecondition' },
    { type: 'Propose', channelId: 't1:front', terms: [{ issueId: 'border', optionId: 'open', secret: false }], mode: 'official' },
    { type: 'AcceptProposal', proposalId: oid('p', 1) }, { type: 'SignProposal', proposalId: oid('p', 1) }, { type: 'AnnounceAgreement' },
  ];
  it.each(playerCommands.map((command) => [command.type, command] as const))('the facilitator and the server cannot %s', (_, command) => {
    const { g } = table9();
    expectRejected(g, command, facilitator, 'NOT_ALLOWED');
    expectRejected(g, command, system, 'NOT_ALLOWED');
  });
});
