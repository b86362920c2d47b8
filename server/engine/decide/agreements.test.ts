import { opaqueId } from '../queries';

const oid = (prefix: string, n: number) => opaqueId({ salt: 42 }, prefix, n);
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands';
import { evolve } from '../evolve';
import { project } from '../project';
import type { Term } from '../state';
import { testScenario } from '../testing/fixture';
import { facilitator, seat, T0 } from '../testing/harness';
import { briefing9, concludeDeal, DEAL_TERMS, eventOf, expectRejected, leakAndPublish, openBack, seatView, table9, type Cast } from '../testing/expect';

const BORDER_OPEN: Term = { issueId: 'border', optionId: 'open', secret: false };
const propose = (channelId: string, terms: Term[] = [BORDER_OPEN], mode: 'exploratory' | 'official' = 'official', counterTo?: string): Command =>
  ({ type: 'Propose', channelId, terms, mode, counterTo });
const made = (c: Cast, by: string, command: Command) => eventOf(c.g.must(command, seat(by)), 'ProposalMade').proposalId;

describe('FulfilPrecondition', () => {
  it('the south leader gives in: official talks open, at a cost at home', () => {
    const { g, sL } = table9();
    expect(g.must({ type: 'FulfilPrecondition' }, seat(sL))).toEqual([{ type: 'PreconditionFulfilled', tableId: 't1', by: sL, supportDelta: { south: -5 }, at: g.now }]);
    expect(g.game.tables.t1).toMatchObject({ preconditionMet: true, support: { north: 60, south: 50 } });
  });
  it('refuses the other side\'s leader, non-leaders, a second time, the briefing and the facilitator', () => {
    const { g, nL, sL, sE } = table9();
    expect(expectRejected(g, { type: 'FulfilPrecondition' }, seat(nL), 'WRONG_ROLE').message).toContain('South must release the border guards first.');
    expectRejected(g, { type: 'FulfilPrecondition' }, seat(sE), 'WRONG_ROLE');
    expectRejected(g, { type: 'FulfilPrecondition' }, facilitator, 'NOT_ALLOWED');
    g.must({ type: 'FulfilPrecondition' }, seat(sL));
    expectRejected(g, { type: 'FulfilPrecondition' }, seat(sL), 'PRECONDITION_ALREADY_MET');
    const b = briefing9();
    expectRejected(b.g, { type: 'FulfilPrecondition' }, seat(b.sL), 'WRONG_PHASE');
  });
  it('has nothing to fulfil in a scenario without a precondition, where official talks are open at once', () => {
    const { g, sL, nL } = table9({}, { ...testScenario, precondition: undefined });
    expect(g.game.tables.t1?.preconditionMet).toBe(true);
    expectRejected(g, { type: 'FulfilPrecondition' }, seat(sL), 'INVALID_INPUT');
    expect(g.run(propose('t1:front'), seat(nL))).not.toMatchObject({ ok: false });
  });
});

describe('Propose', () => {
  it('drafts a proposal in a back channel, where no precondition applies, seen only there', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const terms = [BORDER_OPEN, { issueId: 'prisoners', optionId: 'keep', secret: true }];
    const made = c.g.must(propose(bc, terms, 'exploratory'), seat(c.nE));
    // A text in a back channel carries the channel's leak risk, like a message, and moves the generator.
    expect(made[0]).toEqual({
      type: 'ProposalMade', proposalId: oid('p', 1), tableId: 't1', channelId: bc, by: c.nE, terms, mode: 'exploratory', counterTo: null,
      leakRisk: expect.any(Number), rng: expect.any(Number), at: c.g.now,
    });
    expect(c.g.game.channels[bc]?.messageCount).toBe(1);
    expect(c.g.game.proposals[oid("p", 1)]).toMatchObject({ status: 'open', acceptedBySides: [], signedBy: [] });
    expect(seatView(c.g, c.sE).proposals.map((p) => p.id)).toEqual([oid('p', 1)]);
    expect(seatView(c.g, c.j).proposals).toEqual([]);
  });
  it('on the front channel, waits for the precondition and refuses secret terms', () => {
    const c = table9();
    const unmet = expectRejected(c.g, propose('t1:front'), seat(c.nL), 'PRECONDITION_UNMET');
    expect(unmet.message).toContain('Back channels need no precondition');
    c.g.must({ type: 'FulfilPrecondition' }, seat(c.sL));
    expectRejected(c.g, propose('t1:front', [{ ...BORDER_OPEN, secret: true }]), seat(c.nL), 'SECRET_TERM_IN_PUBLIC');
    expect(c.g.must(propose('t1:front'), seat(c.nL))).toMatchObject([{ channelId: 't1:front', terms: [BORDER_OPEN] }]);
    expect(seatView(c.g, c.j).proposals.map((p) => p.id)).toEqual([oid('p', 1)]);
  });
  it('refuses invalid terms', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    for (const terms of [[], [{ issueId: 'water', optionId: 'x', secret: false }], [{ issueId: 'border', optionId: 'ajar', secret: false }], [BORDER_OPEN, { issueId: 'border', optionId: 'closed', secret: true }]]) {
      expectRejected(c.g, propose(bc, terms), seat(c.nE), 'INVALID_TERMS');
    }
  });
  it('a counter-proposal supersedes the one it answers', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const p1 = made(c, c.nE, propose(bc));
    const p2 = made(c, c.sE, propose(bc, [{ issueId: 'border', optionId: 'closed', secret: false }], 'official', p1));
    expect(c.g.game.proposals[p1]?.status).toBe('superseded');
    expect(c.g.game.proposals[p2]).toMatchObject({ status: 'open', counterTo: p1 });
    expectRejected(c.g, propose(bc, [BORDER_OPEN], 'official', p1), seat(c.nE), 'ALREADY_DONE');
    expectRejected(c.g, propose(bc, [BORDER_OPEN], 'official', oid('p', 99)), seat(c.nE), 'UNKNOWN_PROPOSAL');
    const other = made(c, c.nL, propose('t1:team:north'));
    expectRejected(c.g, propose(bc, [BORDER_OPEN], 'official', other), seat(c.nE), 'UNKNOWN_PROPOSAL');
  });
  it('refuses the wrong people, channels and moments', () => {
    const c = table9({ openChannels: { 'round-1': ['front', 'back', 'press'] } });
    const bc = openBack(c.g, c.nE, [c.sE, c.nL]);
    expectRejected(c.g, propose(bc), seat(c.j), 'WRONG_ROLE');
    expectRejected(c.g, propose('t1:front'), seat(c.nS), 'WRONG_ROLE');
    expectRejected(c.g, propose(bc), facilitator, 'NOT_ALLOWED');
    expectRejected(c.g, propose(bc), seat(c.sE2), 'UNKNOWN_CHANNEL');
    expectRejected(c.g, propose('t1:press'), seat(c.nE), 'INVALID_INPUT');
    expectRejected(c.g, propose('t1:team:north'), seat(c.nE), 'CHANNEL_CLOSED');
    c.g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(c.nL));
    expectRejected(c.g, propose(bc), seat(c.nL), 'NOT_A_MEMBER');
    expectRejected(c.g, propose(bc), seat(c.nE), 'DEADLINE_PASSED', T0 + 180_000);
    const b = briefing9();
    expectRejected(b.g, propose('t1:team:north'), seat(b.nL), 'WRONG_PHASE');
  });
  it('refuses new proposals once the table has a deal', () => {
    const c = table9();
    const { channelId } = concludeDeal(c);
    expectRejected(c.g, propose(channelId), seat(c.nL), 'AGREEMENT_EXISTS');
  });
  it('does not tell someone outside the back channel that a secret deal was concluded there', () => {
    const c = table9();
    c.g.must({ type: 'FulfilPrecondition' }, seat(c.sL));
    concludeDeal(c);
    const result = c.g.run(propose('t1:front'), seat(c.nE));
    expect(result).not.toMatchObject({ code: 'AGREEMENT_EXISTS' });
    expect(JSON.stringify(result)).not.toMatch(/agreement/i);
  });
  it('does not close, in the eyes of outsiders, their open proposals when a secret deal is concluded elsewhere', () => {
    const c = table9();
    c.g.must({ type: 'FulfilPrecondition' }, seat(c.sL));
    const front = made(c, c.nE, propose('t1:front'));
    concludeDeal(c);
    expect(seatView(c.g, c.j).proposals.find((p) => p.id === front)?.status).toBe('open');
  });
});

describe('AcceptProposal', () => {
  it('the other side accepts, once', () => {
    const c = table9();
    c.g.must({ type: 'FulfilPrecondition' }, seat(c.sL));
    const p = made(c, c.nL, propose('t1:front'));
    expectRejected(c.g, { type: 'AcceptProposal', proposalId: p }, seat(c.nE), 'NOT_ALLOWED');
    expect(c.g.must({ type: 'AcceptProposal', proposalId: p }, seat(c.sE))).toEqual([{ type: 'ProposalAccepted', proposalId: p, by: c.sE, side: 'south', at: c.g.now }]);
    expect(c.g.game.proposals[p]?.acceptedBySides).toEqual(['south']);
    expectRejected(c.g, { type: 'AcceptProposal', proposalId: p }, seat(c.sL), 'ALREADY_DONE');
    expectRejected(c.g, { type: 'AcceptProposal', proposalId: p }, seat(c.j), 'WRONG_ROLE');
    expectRejected(c.g, { type: 'AcceptProposal', proposalId: p }, facilitator, 'NOT_ALLOWED');
  });
  it('treats a proposal in a secret channel as unknown to outsiders, and refuses former members and closed proposals', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE, c.sE2]);
    const p1 = made(c, c.nE, propose(bc));
    const unknown = expectRejected(c.g, { type: 'AcceptProposal', proposalId: oid('p', 99) }, seat(c.sL), 'UNKNOWN_PROPOSAL');
    expect(expectRejected(c.g, { type: 'AcceptProposal', proposalId: p1 }, seat(c.sL), 'UNKNOWN_PROPOSAL')).toEqual(unknown);
    c.g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(c.sE2));
    expectRejected(c.g, { type: 'AcceptProposal', proposalId: p1 }, seat(c.sE2), 'NOT_A_MEMBER');
    made(c, c.sE, propose(bc, [BORDER_OPEN], 'official', p1));
    expectRejected(c.g, { type: 'AcceptProposal', proposalId: p1 }, seat(c.sE), 'ALREADY_DONE');
  });
});

describe('SignProposal', () => {
  it('an exploratory proposal tests the waters and cannot be signed', () => {
    const c = table9();
    const bc = openBack(c.g, c.nL, [c.sL]);
    const p = made(c, c.nL, propose(bc, [BORDER_OPEN], 'exploratory'));
    expectRejected(c.g, { type: 'SignProposal', proposalId: p }, seat(c.nL), 'EXPLORATORY_CANNOT_BE_SIGNED');
  });
  it('both leaders, brought into the envoys\' channel, sign to conclude', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    for (const [by, leader] of [[c.nE, c.nL], [c.sE, c.sL]] as const) {
      c.g.must({ type: 'InviteToBackChannel', channelId: bc, seatId: leader }, seat(by));
      c.g.must({ type: 'AnswerInvitation', channelId: bc, accept: true }, seat(leader));
    }
    const p = made(c, c.nE, propose(bc, DEAL_TERMS));
    const elsewhere = made(c, c.nL, propose('t1:team:north'));
    expect(c.g.must({ type: 'SignProposal', proposalId: p }, seat(c.nL))).toEqual([{ type: 'ProposalSigned', proposalId: p, by: c.nL, at: c.g.now }]);
    expect(c.g.game.proposals[p]).toMatchObject({ signedBy: [c.nL], status: 'open' });
    expectRejected(c.g, { type: 'SignProposal', proposalId: p }, seat(c.nL), 'ALREADY_DONE');
    expect(c.g.must({ type: 'SignProposal', proposalId: p }, seat(c.sL))).toEqual([
      { type: 'ProposalSigned', proposalId: p, by: c.sL, at: c.g.now },
      { type: 'AgreementConcluded', tableId: 't1', proposalId: p, at: c.g.now },
    ]);
    expect(c.g.game.proposals[p]?.status).toBe('concluded');
    // Proposals elsewhere stay open until the deal is public: closing them would tell outsiders.
    expect(c.g.game.proposals[elsewhere]?.status).toBe('open');
    expect(c.g.game.tables.t1?.agreement).toEqual({ proposalId: p, concludedAt: c.g.now, announcedAt: null, originExposedFirst: false, exposedSecretIssues: [] });
    expectRejected(c.g, { type: 'SignProposal', proposalId: p }, seat(c.sL), 'ALREADY_DONE');
  });
  it('refuses non-leaders, outsiders and a table that already has a deal', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const p = made(c, c.nE, propose(bc));
    expectRejected(c.g, { type: 'SignProposal', proposalId: p }, seat(c.nE), 'WRONG_ROLE');
    expectRejected(c.g, { type: 'SignProposal', proposalId: p }, seat(c.nL), 'UNKNOWN_PROPOSAL');
    expectRejected(c.g, { type: 'SignProposal', proposalId: p }, facilitator, 'NOT_ALLOWED');
    const { channelId } = concludeDeal(c);
    c.g.state = evolve(c.g.state, { type: 'ProposalMade', proposalId: oid('p', 9), tableId: 't1', channelId, by: c.nL, terms: [BORDER_OPEN], mode: 'official', counterTo: null, leakRisk: null, rng: null, at: c.g.now });
    expectRejected(c.g, { type: 'SignProposal', proposalId: oid('p', 9) }, seat(c.nL), 'AGREEMENT_EXISTS');
  });
});

describe('AnnounceAgreement', () => {
  it('takes the deal public: its public terms meet public opinion, its secret terms stay secret', () => {
    const c = table9();
    const { proposalId, channelId } = concludeDeal(c);
    expect(c.g.must({ type: 'AnnounceAgreement' }, seat(c.sL))).toEqual([
      { type: 'AgreementAnnounced', tableId: 't1', proposalId, supportDelta: { north: -5, south: 5 }, originExposedFirst: false, at: c.g.now },
      // Signed in a back channel: the announcement brings the channel to light (the press desk reports it, -8 each).
      expect.objectContaining({ type: 'StoryPublished', exposedChannelId: channelId, story: expect.objectContaining({ journalistId: 'press-desk', tipId: null, supportDelta: { north: -8, south: -8 } }) }),
    ]);
    expect(c.g.game.channels[channelId]?.exposed).toBe(true);
    expect(c.g.game.tables.t1).toMatchObject({ support: { north: 47, south: 52 }, agreement: { announcedAt: c.g.now } });
    expect(project(c.g.state, { kind: 'projector' })?.tables[0]?.agreement).toMatchObject({ announced: true, terms: [BORDER_OPEN] });
    expect(seatView(c.g, c.j).table?.agreement?.terms).toEqual([BORDER_OPEN]);
    expect(seatView(c.g, c.nL).table?.agreement?.terms).toEqual(DEAL_TERMS);
  });
  it('meets a harsher backlash when its back-channel origin was exposed first', () => {
    const c = table9();
    const { channelId } = concludeDeal(c);
    leakAndPublish(c, channelId, c.nL, 'We have a deal');
    expect(c.g.game.tables.t1?.support).toEqual({ north: 52, south: 47 });
    expect(c.g.must({ type: 'AnnounceAgreement' }, seat(c.nL))).toEqual([expect.objectContaining({ supportDelta: { north: -15, south: -5 }, originExposedFirst: true })]);
    expect(c.g.game.tables.t1).toMatchObject({ support: { north: 37, south: 42 }, agreement: { originExposedFirst: true } });
  });
  it('is not harsher when only another back channel was exposed', () => {
    const c = table9();
    leakAndPublish(c, openBack(c.g, c.nE, [c.sE]), c.nE);
    concludeDeal(c);
    expect(c.g.must({ type: 'AnnounceAgreement' }, seat(c.nL))).toMatchObject([{ supportDelta: { north: -5, south: 5 }, originExposedFirst: false }, { type: 'StoryPublished' }]);
  });
  it('refuses without a deal, twice, non-leaders, the facilitator and a passed deadline', () => {
    const c = table9();
    expectRejected(c.g, { type: 'AnnounceAgreement' }, seat(c.nL), 'NO_AGREEMENT');
    concludeDeal(c);
    expectRejected(c.g, { type: 'AnnounceAgreement' }, seat(c.nE), 'WRONG_ROLE');
    expectRejected(c.g, { type: 'AnnounceAgreement' }, facilitator, 'NOT_ALLOWED');
    expectRejected(c.g, { type: 'AnnounceAgreement' }, seat(c.nL), 'DEADLINE_PASSED', T0 + 180_000);
    c.g.must({ type: 'AnnounceAgreement' }, seat(c.nL));
    expectRejected(c.g, { type: 'AnnounceAgreement' }, seat(c.sL), 'ALREADY_DONE');
  });
});
