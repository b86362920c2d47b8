import { opaqueId } from '../queries';

const oid = (prefix: string, n: number) => opaqueId({ salt: 42 }, prefix, n);
import { describe, expect, it } from 'vitest';
import { leakRisk } from '../leak-risk';
import { testScenario } from '../testing/fixture';
import { facilitator, guest, runningGame, seat, T0 } from '../testing/harness';
import { briefing9, castOf, eventOf, expectRejected, openBack, post, seatView, table9 } from '../testing/expect';

const texts = (view: { messages: { text: string }[] }) => view.messages.map((m) => m.text);
const say = (channelId: string, text = 'hello') => ({ type: 'PostMessage' as const, channelId, text });

describe('PostMessage', () => {
  it('posts on the front channel, on the record for the whole table', () => {
    const { g, nL, j } = table9();
    expect(post(g, nL, 't1:front', '  Hello  ')).toEqual([
      { type: 'MessagePosted', messageId: oid('m', 1), tableId: 't1', channelId: 't1:front', author: { kind: 'seat', seatId: nL }, text: 'Hello', leakRisk: null, rng: null, at: g.now },
    ]);
    expect(g.game.messages.toArray()).toMatchObject([{ id: oid('m', 1), n: 0, text: 'Hello' }]);
    expect(g.game.channels['t1:front']?.messageCount).toBe(1);
    expect(texts(seatView(g, j))).toEqual(['Hello']);
  });
  it('posts in a team channel that only that side reads', () => {
    const { g, nE, nL, nS, sL, j } = table9();
    post(g, nE, 't1:team:north', 'Our line');
    expect([nL, nS].map((id) => texts(seatView(g, id)))).toEqual([['Our line'], ['Our line']]);
    expect([sL, j].map((id) => texts(seatView(g, id)))).toEqual([[], []]);
  });
  it('posts in a back channel with the leak risk it carried, read only by its members', () => {
    const { g, nE, sE, nL, j } = table9();
    const bc = openBack(g, nE, [sE]);
    const risk = leakRisk(g.game, g.game.channels[bc]!);
    const [posted] = post(g, nE, bc, 'Quietly');
    expect(posted).toMatchObject({ type: 'MessagePosted', channelId: bc, leakRisk: risk, rng: g.game.rng });
    expect(risk).toBeCloseTo(0.05);
    expect(texts(seatView(g, sE))).toEqual(['Quietly']);
    expect([nL, j].map((id) => texts(seatView(g, id)))).toEqual([[], []]);
  });
  it('in the briefing, only the team channels are open', () => {
    const { g, nL } = briefing9();
    post(g, nL, 't1:team:north', 'Read your brief');
    const closed = expectRejected(g, say('t1:front'), seat(nL), 'CHANNEL_CLOSED');
    expect(closed.message).toBe('The front channel is closed during Briefing.');
  });
  it('follows the facilitator\'s channel overrides', () => {
    const { g, nL } = table9({ openChannels: { 'round-1': ['front', 'back'] } });
    expectRejected(g, say('t1:team:north'), seat(nL), 'CHANNEL_CLOSED');
  });
  it('keeps journalists off the front channel and everyone off the press channel', () => {
    const { g, j, nL } = table9();
    expectRejected(g, say('t1:front'), seat(j), 'WRONG_ROLE');
    expectRejected(g, say('t1:press'), seat(j), 'WRONG_ROLE');
    expectRejected(g, say('t1:press'), seat(nL), 'WRONG_ROLE');
    expectRejected(g, say('t1:team:north'), seat(j), 'UNKNOWN_CHANNEL');
  });
  it('reports a back channel unknown to a non-member exactly as a channel that does not exist', () => {
    const { g, nE, sE, sE2, j } = table9();
    const bc = openBack(g, nE, [sE]);
    const missing = expectRejected(g, say(oid('bc', 99)), seat(sE2), 'UNKNOWN_CHANNEL');
    expect(expectRejected(g, say(bc), seat(sE2), 'UNKNOWN_CHANNEL')).toEqual(missing);
    expect(expectRejected(g, say(bc), seat(j), 'UNKNOWN_CHANNEL')).toEqual(missing);
    expect(expectRejected(g, say('t1:team:north'), seat(sE2), 'UNKNOWN_CHANNEL')).toEqual(missing);
    expect(missing.message).not.toContain('bc');
  });
  it('refuses a member who left, empty and overlong messages', () => {
    const { g, nE, sE } = table9();
    const bc = openBack(g, nE, [sE]);
    g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(sE));
    expectRejected(g, say(bc), seat(sE), 'NOT_A_MEMBER');
    expectRejected(g, say('t1:front', ' \n '), seat(nE), 'MESSAGE_EMPTY');
    expectRejected(g, say('t1:front', 'x'.repeat(2001)), seat(nE), 'MESSAGE_TOO_LONG');
    expect(g.run(say('t1:front', 'x'.repeat(2000)), seat(nE))).not.toMatchObject({ ok: false });
  });
  it('refuses the facilitator, guests, and players not yet seated at a table', () => {
    const { g } = table9();
    expectRejected(g, say('t1:front'), facilitator, 'NOT_ALLOWED');
    expectRejected(g, say('t1:front'), guest, 'NOT_ALLOWED');
    g.must({ type: 'SetLocked', locked: false }, facilitator);
    expectRejected(g, say('t1:front'), seat(g.join('Late')), 'WRONG_PHASE');
  });
});

describe('OpenBackChannel', () => {
  it('opens a secret channel and invites people of the other side', () => {
    const { g, nE, sE, sL, j } = table9();
    const events = g.must({ type: 'OpenBackChannel', inviteeIds: [sE, sL, sE], topic: ' the border ' }, seat(nE));
    expect(events).toEqual([{ type: 'BackChannelOpened', channelId: oid('bc', 1), tableId: 't1', by: nE, topic: 'the border', invitees: [sE, sL], at: g.now }]);
    expect(g.game.channels[oid("bc", 1)]).toEqual({
      id: oid('bc', 1), tableId: 't1', kind: 'back', side: null, topic: 'the border', openedBy: nE, openedInPhase: 1, seq: 1,
      members: { [nE]: { stays: [{ from: 0, to: null }], lastSeen: null } }, invited: { [sE]: { by: nE }, [sL]: { by: nE } }, declined: [], messageCount: 0, exposed: false,
    });
    expect(seatView(g, sE).invitations).toEqual([{ channelId: oid('bc', 1), topic: 'the border', by: nE, members: [nE] }]);
    expect(seatView(g, sE).channels.some((c) => c.id === oid('bc', 1))).toBe(false);
    expect(JSON.stringify(seatView(g, j))).not.toContain(oid('bc', 1));
  });
  const open = (inviteeIds: string[], topic = 'talks') => ({ type: 'OpenBackChannel' as const, inviteeIds, topic });
  it('refuses journalists and spoilers, the briefing, and a phase with back channels closed', () => {
    const { g, j, nS, sE } = table9();
    expectRejected(g, open([sE]), seat(j), 'WRONG_ROLE');
    expectRejected(g, open([sE]), seat(nS), 'WRONG_ROLE');
    const b = briefing9();
    expectRejected(b.g, open([b.sE]), seat(b.nE), 'WRONG_PHASE');
    const closed = table9({ openChannels: { 'round-1': ['front', 'team'] } });
    expectRejected(closed.g, open([closed.sE]), seat(closed.nE), 'CHANNEL_CLOSED');
    expectRejected(g, open([sE]), facilitator, 'NOT_ALLOWED');
  });
  it('refuses bad invitees: nobody, too many, oneself, non-negotiators, only one\'s own side, strangers', () => {
    const { g, nE, nE2, nL, sE, j, sS } = table9();
    expectRejected(g, open([]), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, open(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, open([nE, sE]), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, open([j]), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, open([sS]), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, open([nL, nE2]), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, open(['s99']), seat(nE), 'UNKNOWN_SEAT');
    const two = runningGame(12);
    expectRejected(two, open([castOf(two, 't2').sE]), seat(castOf(two, 't1').nE), 'UNKNOWN_SEAT');
  });
  it('refuses an empty or overlong topic', () => {
    const { g, nE, sE } = table9();
    expectRejected(g, open([sE], '  '), seat(nE), 'MESSAGE_EMPTY');
    expectRejected(g, open([sE], 'x'.repeat(121)), seat(nE), 'MESSAGE_TOO_LONG');
  });
});

describe('InviteToBackChannel', () => {
  it('brings a leader into the envoys\' channel, who sees what is said from then on, not before', () => {
    const { g, nE, sE, nL } = table9();
    const bc = openBack(g, nE, [sE]);
    post(g, sE, bc, 'Our leaders cannot be seen talking');
    expect(g.must({ type: 'InviteToBackChannel', channelId: bc, seatId: nL }, seat(nE))).toEqual([
      { type: 'BackChannelInvited', channelId: bc, seatId: nL, by: nE, at: g.now },
    ]);
    expect(g.game.channels[bc]?.invited).toEqual({ [nL]: { by: nE } });
    g.must({ type: 'AnswerInvitation', channelId: bc, accept: true }, seat(nL));
    expect(texts(seatView(g, nL))).toEqual([]);
    post(g, nE, bc, 'Welcome: we have been discussing the border');
    expect(texts(seatView(g, nL))).toEqual(['Welcome: we have been discussing the border']);
    expect(seatView(g, nL).channels.find((c) => c.id === bc)?.members).toEqual([nE, sE, nL]);
  });
  const invite = (channelId: string, seatId: string) => ({ type: 'InviteToBackChannel' as const, channelId, seatId });
  it('refuses outsiders, former members and other channels, and does not reveal the channel', () => {
    const { g, nE, sE, sE2, sL } = table9();
    const bc = openBack(g, nE, [sE]);
    const unknown = expectRejected(g, invite(oid('bc', 99), sL), seat(sE2), 'UNKNOWN_CHANNEL');
    expect(expectRejected(g, invite(bc, sL), seat(sE2), 'UNKNOWN_CHANNEL')).toEqual(unknown);
    expectRejected(g, invite('t1:front', sL), seat(nE), 'NOT_A_MEMBER');
    g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(sE));
    expectRejected(g, invite(bc, sL), seat(sE), 'NOT_A_MEMBER');
    expectRejected(g, invite(bc, sL), facilitator, 'NOT_ALLOWED');
  });
  it('refuses bad invitees and people already in or invited', () => {
    const { g, nE, sE, sL, j } = table9();
    const bc = openBack(g, nE, [sE]);
    expectRejected(g, invite(bc, j), seat(nE), 'INVALID_INVITEE');
    expectRejected(g, invite(bc, 's99'), seat(nE), 'UNKNOWN_SEAT');
    expectRejected(g, invite(bc, sE), seat(nE), 'ALREADY_DONE');
    g.must(invite(bc, sL), seat(nE));
    expectRejected(g, invite(bc, sL), seat(sE), 'ALREADY_DONE');
    expectRejected(g, invite(bc, sL), seat(nE), 'DEADLINE_PASSED', T0 + 180_000);
  });
  it('refuses a ninth person', () => {
    const roles = testScenario.roles.filter((r) => r.kind !== 'spoiler').map((r) => (r.kind === 'envoy' ? { ...r, max: 5 } : r));
    const g = runningGame(11, { tableCount: 1 }, 42, { ...testScenario, roles });
    const holders = (roleId: string) => Object.values(g.game.seats).filter((s) => s.roleId === roleId).map((s) => s.id);
    const [nL] = holders('n-leader');
    const [sL] = holders('s-leader');
    const north = holders('n-envoy');
    const seven = [sL!, ...holders('s-envoy'), ...north.slice(0, 3)];
    expect(seven).toHaveLength(7);
    const bc = eventOf(g.must({ type: 'OpenBackChannel', inviteeIds: seven, topic: 'all' }, seat(nL!)), 'BackChannelOpened').channelId;
    expectRejected(g, invite(bc, north[3]!), seat(nL!), 'LIMIT_REACHED');
  });
});

describe('AnswerInvitation', () => {
  it('accepting makes the invitee a member', () => {
    const { g, nE, sE } = table9();
    const bc = eventOf(g.must({ type: 'OpenBackChannel', inviteeIds: [sE], topic: 't' }, seat(nE)), 'BackChannelOpened').channelId;
    expect(g.must({ type: 'AnswerInvitation', channelId: bc, accept: true }, seat(sE))).toEqual([
      { type: 'InvitationAnswered', channelId: bc, seatId: sE, accepted: true, at: g.now },
    ]);
    expect(g.game.channels[bc]).toMatchObject({ members: { [sE]: { stays: [{ from: 0, to: null }], lastSeen: null } }, invited: {} });
    expect(seatView(g, sE).invitations).toEqual([]);
  });
  it('refusing drops the invitation and keeps the channel out of reach', () => {
    const { g, nE, sE } = table9();
    const bc = eventOf(g.must({ type: 'OpenBackChannel', inviteeIds: [sE], topic: 't' }, seat(nE)), 'BackChannelOpened').channelId;
    expect(g.must({ type: 'AnswerInvitation', channelId: bc, accept: false }, seat(sE))).toMatchObject([{ accepted: false }]);
    expect(g.game.channels[bc]).toMatchObject({ members: { [nE]: { stays: [{ from: 0, to: null }], lastSeen: null } }, invited: {} });
    expect(g.game.channels[bc]?.members[sE]).toBeUndefined();
    expectRejected(g, say(bc), seat(sE), 'UNKNOWN_CHANNEL');
  });
  it('tells the members who refused, until that person is invited again', () => {
    const { g, nE, sE, nL } = table9();
    const bc = eventOf(g.must({ type: 'OpenBackChannel', inviteeIds: [sE], topic: 't' }, seat(nE)), 'BackChannelOpened').channelId;
    g.must({ type: 'AnswerInvitation', channelId: bc, accept: false }, seat(sE));
    expect(seatView(g, nE).channels.find((c) => c.id === bc)).toMatchObject({ members: [nE], invited: [], declined: [sE] });
    g.must({ type: 'InviteToBackChannel', channelId: bc, seatId: nL }, seat(nE));
    g.must({ type: 'AnswerInvitation', channelId: bc, accept: true }, seat(nL));
    expect(seatView(g, nL).channels.find((c) => c.id === bc)?.declined).toEqual([sE]);
    g.must({ type: 'InviteToBackChannel', channelId: bc, seatId: sE }, seat(nE));
    expect(seatView(g, nE).channels.find((c) => c.id === bc)).toMatchObject({ invited: [sE], declined: [] });
  });
  it('refuses anyone without an invitation in the same words whether or not the channel exists', () => {
    const { g, nE, sE, sE2 } = table9();
    const bc = eventOf(g.must({ type: 'OpenBackChannel', inviteeIds: [sE], topic: 't' }, seat(nE)), 'BackChannelOpened').channelId;
    const none = expectRejected(g, { type: 'AnswerInvitation', channelId: oid('bc', 99), accept: true }, seat(sE2), 'NO_INVITATION');
    expect(expectRejected(g, { type: 'AnswerInvitation', channelId: bc, accept: true }, seat(sE2), 'NO_INVITATION')).toEqual(none);
    expectRejected(g, { type: 'AnswerInvitation', channelId: bc, accept: true }, seat(sE), 'DEADLINE_PASSED', T0 + 180_000);
    expectRejected(g, { type: 'AnswerInvitation', channelId: bc, accept: true }, facilitator, 'NOT_ALLOWED');
    g.must({ type: 'AnswerInvitation', channelId: bc, accept: false }, seat(sE));
    expectRejected(g, { type: 'AnswerInvitation', channelId: bc, accept: true }, seat(sE), 'NO_INVITATION');
  });
});

describe('LeaveBackChannel', () => {
  it('a member who leaves keeps what came before and sees nothing after', () => {
    const { g, nE, sE, nL } = table9();
    const bc = openBack(g, nE, [sE, nL]);
    post(g, nE, bc, 'before');
    expect(g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(sE))).toEqual([{ type: 'BackChannelLeft', channelId: bc, seatId: sE, at: g.now }]);
    expect(g.game.channels[bc]?.members[sE]).toEqual({ stays: [{ from: 0, to: 1 }], lastSeen: { members: [nE, nL], invited: [], declined: [], exposed: false, proposals: {} } });
    post(g, nE, bc, 'after');
    const view = seatView(g, sE);
    expect(texts(view)).toEqual(['before']);
    expect(view.channels.find((c) => c.id === bc)).toMatchObject({ left: true, open: false, riskLevel: null, members: [nE, nL] });
  });
  it('a member who left does not see proposals made after leaving', () => {
    const { g, nE, sE, nL } = table9();
    const bc = openBack(g, nE, [sE, nL]);
    g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(sE));
    g.must({ type: 'Propose', channelId: bc, mode: 'exploratory', terms: [{ issueId: 'prisoners', optionId: 'keep', secret: true }] }, seat(nE));
    expect(seatView(g, sE).proposals).toEqual([]);
  });
  it('a member who left before a deal was concluded there does not learn its terms before it is announced', () => {
    const { g, nE, nL, sL } = table9();
    const bc = openBack(g, nL, [sL, nE]);
    g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(nE));
    const p = eventOf(g.must({ type: 'Propose', channelId: bc, mode: 'official', terms: [{ issueId: 'prisoners', optionId: 'release', secret: true }] }, seat(nL)), 'ProposalMade').proposalId;
    g.must({ type: 'SignProposal', proposalId: p }, seat(nL));
    g.must({ type: 'SignProposal', proposalId: p }, seat(sL));
    expect(seatView(g, nE).table?.agreement).toBeNull();
  });
  it('refuses outsiders as if the channel did not exist, and members who already left', () => {
    const { g, nE, sE, sE2 } = table9();
    const bc = openBack(g, nE, [sE]);
    const unknown = expectRejected(g, { type: 'LeaveBackChannel', channelId: oid('bc', 99) }, seat(sE2), 'UNKNOWN_CHANNEL');
    expect(expectRejected(g, { type: 'LeaveBackChannel', channelId: bc }, seat(sE2), 'UNKNOWN_CHANNEL')).toEqual(unknown);
    expectRejected(g, { type: 'LeaveBackChannel', channelId: 't1:front' }, seat(sE), 'NOT_A_MEMBER');
    expectRejected(g, { type: 'LeaveBackChannel', channelId: bc }, facilitator, 'NOT_ALLOWED');
    g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(sE));
    expectRejected(g, { type: 'LeaveBackChannel', channelId: bc }, seat(sE), 'NOT_A_MEMBER');
    g.must({ type: 'Pause' }, facilitator);
    expectRejected(g, { type: 'LeaveBackChannel', channelId: bc }, seat(nE), 'PAUSED');
  });
});

describe('ControlPost', () => {
  it('posts as Control into any channel, secret or closed', () => {
    const { g, nE, sE, j } = table9();
    const bc = openBack(g, nE, [sE]);
    expect(g.must({ type: 'ControlPost', channelId: bc, text: 'Control here' }, facilitator)).toEqual([
      { type: 'MessagePosted', messageId: oid('m', 1), tableId: 't1', channelId: bc, author: { kind: 'control' }, text: 'Control here', leakRisk: null, rng: null, at: g.now },
    ]);
    expect(texts(seatView(g, sE))).toEqual(['Control here']);
    expect(texts(seatView(g, j))).toEqual([]);
    const b = briefing9();
    expect(b.g.run({ type: 'ControlPost', channelId: 't1:front', text: 'Welcome' }, facilitator)).not.toMatchObject({ ok: false });
  });
  it('refuses players, unknown channels, bad text and an ended session', () => {
    const { g, nL } = table9();
    expectRejected(g, { type: 'ControlPost', channelId: 't1:front', text: 'hi' }, seat(nL), 'NOT_ALLOWED');
    expectRejected(g, { type: 'ControlPost', channelId: 'nope', text: 'hi' }, facilitator, 'UNKNOWN_CHANNEL');
    expectRejected(g, { type: 'ControlPost', channelId: 't1:front', text: ' ' }, facilitator, 'MESSAGE_EMPTY');
    expectRejected(g, { type: 'ControlPost', channelId: 't1:front', text: 'x'.repeat(2001) }, facilitator, 'MESSAGE_TOO_LONG');
    g.must({ type: 'EndSession' }, facilitator);
    expectRejected(g, { type: 'ControlPost', channelId: 't1:front', text: 'hi' }, facilitator, 'SESSION_ENDED');
  });
});
