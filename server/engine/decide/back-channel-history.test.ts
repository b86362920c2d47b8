import { describe, expect, it } from 'vitest';
import { seat } from '../testing/harness';
import { AT, answered, concluded, invited, leftChannel, opened, proposed, roundOne, said, SEATS, signedBy } from '../testing/history';
import { given, type Outcome } from '../testing/spec';

/**
 * What a back channel shows to those who come in late, leave, or come back. The rule: a seat
 * sees what was said (messages and proposals) while it was in the room; a former member sees
 * the channel as it was when they left. See docs/engine.md, "Who sees a back channel's history".
 */

const { nL, sL, nE, sE, nE2, sE2 } = SEATS;
const TERMS = [{ issueId: 'border', optionId: 'open', secret: false }];
const SECRET_TERMS = [{ issueId: 'prisoners', optionId: 'release', secret: true }];
const envoysTalking = [...roundOne(), opened('bc-1', nE, [sE]), answered('bc-1', sE), said('m-1', 'bc-1', nE, 'Our leaders cannot be seen talking'), proposed('p-1', 'bc-1', sE, TERMS)];

const channelOf = (o: Pick<Outcome, 'seat'>, seatId: string) => {
  const view = o.seat(seatId);
  return {
    channel: view.channels.find((c) => c.id === 'bc-1'),
    messages: view.messages.filter((m) => m.channelId === 'bc-1').map((m) => m.text),
    proposals: view.proposals.filter((p) => p.channelId === 'bc-1'),
  };
};

describe('a newcomer to a back channel', () => {
  it('given two envoys talked and tabled a proposal, when a leader is brought in, then the leader sees who is there but nothing said before', () => {
    const outcome = given([...envoysTalking, invited('bc-1', nL, nE)])
      .when({ type: 'AnswerInvitation', channelId: 'bc-1', accept: true }, { actor: seat(nL) })
      .then([{ type: 'InvitationAnswered', channelId: 'bc-1', seatId: nL, accepted: true, at: AT }]);
    expect(channelOf(outcome, nL)).toMatchObject({ channel: { members: [nE, sE, nL], left: false, open: true }, messages: [], proposals: [] });
    expect(JSON.stringify(outcome.seat(nL))).not.toContain('Our leaders cannot be seen talking');
    // Those already there keep everything.
    expect(channelOf(outcome, sE).messages).toEqual(['Our leaders cannot be seen talking']);
  });

  it('given a leader was brought in, then what is said from then on reaches them', () => {
    const outcome = given([...envoysTalking, invited('bc-1', nL, nE), answered('bc-1', nL), said('m-2', 'bc-1', nE, 'Welcome: here is where we are')]);
    expect(channelOf(outcome, nL).messages).toEqual(['Welcome: here is where we are']);
  });

  it('given a proposal was tabled before the leader came in, when the leader signs, accepts or counters it, then it is unknown to them', () => {
    const inside = given([...envoysTalking, invited('bc-1', sL, sE), answered('bc-1', sL), invited('bc-1', nL, nE), answered('bc-1', nL)]);
    inside.when({ type: 'SignProposal', proposalId: 'p-1' }, { actor: seat(nL) }).thenRejects('UNKNOWN_PROPOSAL');
    inside.when({ type: 'AcceptProposal', proposalId: 'p-1' }, { actor: seat(nL) }).thenRejects('UNKNOWN_PROPOSAL');
    inside.when({ type: 'Propose', channelId: 'bc-1', terms: TERMS, mode: 'official', counterTo: 'p-1' }, { actor: seat(nL) }).thenRejects('UNKNOWN_PROPOSAL');
  });

  it('given the leaders were brought in, when the envoy tables the draft again as a counter to it, then the leaders see it and can sign it', () => {
    const outcome = given([...envoysTalking, invited('bc-1', sL, sE), answered('bc-1', sL), invited('bc-1', nL, nE), answered('bc-1', nL)])
      .when({ type: 'Propose', channelId: 'bc-1', terms: TERMS, mode: 'official', counterTo: 'p-1' }, { actor: seat(sE) })
      .then((events) => expect(events).toMatchObject([{ type: 'ProposalMade', counterTo: 'p-1' }]));
    const retabled = outcome.seat(nL).proposals;
    expect(retabled).toHaveLength(1);
    outcome.given().when({ type: 'SignProposal', proposalId: retabled[0]!.id }, { actor: seat(nL) }).then((events) => expect(events).toMatchObject([{ type: 'ProposalSigned', by: nL }]));
  });

  it('given the leaders concluded a secret deal in the channel, when an envoy is brought in afterwards, then the envoy is not in on it', () => {
    const deal = [...roundOne(), opened('bc-1', nL, [sL]), answered('bc-1', sL), proposed('p-1', 'bc-1', nL, SECRET_TERMS), signedBy('p-1', nL), signedBy('p-1', sL), concluded('p-1')];
    const outcome = given([...deal, invited('bc-1', nE, nL)]).when({ type: 'AnswerInvitation', channelId: 'bc-1', accept: true }, { actor: seat(nE) }).then((e) => expect(e).toHaveLength(1));
    expect(outcome.seat(nE).table?.agreement).toBeNull();
    expect(outcome.seat(nL).table?.agreement?.terms).toEqual(SECRET_TERMS);
  });
});

describe('a member who left a back channel', () => {
  const leftAfterProposal = [
    ...roundOne(), opened('bc-1', nL, [sL, nE]), answered('bc-1', sL), answered('bc-1', nE),
    said('m-1', 'bc-1', nL, 'Before'), proposed('p-1', 'bc-1', nL, TERMS), signedBy('p-1', nL), leftChannel('bc-1', nE),
  ];

  it('given North\'s envoy left, when anything happens there afterwards, then their view of the channel stays as it was when they left', () => {
    const atLeaving = given(leftAfterProposal);
    const before = channelOf(atLeaving, nE);
    expect(before).toMatchObject({ channel: { members: [nL, sL], invited: [], left: true, open: false, riskLevel: null }, messages: ['Before'] });
    expect(before.proposals).toMatchObject([{ id: 'p-1', status: 'open', signedBy: [nL], acceptedBySides: ['north'] }]);
    const later = given([
      ...leftAfterProposal,
      invited('bc-1', sE, sL), answered('bc-1', sE), invited('bc-1', sE2, sL), invited('bc-1', nE2, nL),
      said('m-2', 'bc-1', sE, 'After'), proposed('p-2', 'bc-1', sE, TERMS), signedBy('p-1', sL), concluded('p-1'),
    ]);
    expect(channelOf(later, nE)).toEqual(before);
    // Those still inside see it all move on.
    expect(channelOf(later, nL)).toMatchObject({ channel: { members: [nL, sL, sE], invited: [sE2, nE2] }, messages: ['Before', 'After'] });
  });

  it('given a member left, when they are invited back and accept, then they see what they saw before and what comes after, not what was said while they were away', () => {
    const away = [...leftAfterProposal, said('m-2', 'bc-1', sL, 'While you were away'), proposed('p-2', 'bc-1', sL, SECRET_TERMS), invited('bc-1', nE, nL)];
    const back = given(away)
      .when({ type: 'AnswerInvitation', channelId: 'bc-1', accept: true }, { actor: seat(nE) })
      .then([{ type: 'InvitationAnswered', channelId: 'bc-1', seatId: nE, accepted: true, at: AT }])
      .given([said('m-3', 'bc-1', nL, 'Welcome back')]);
    const seen = channelOf(back, nE);
    expect(seen.messages).toEqual(['Before', 'Welcome back']);
    expect(seen.proposals.map((p) => p.id)).toEqual(['p-1']);
    expect(seen.channel).toMatchObject({ left: false, members: [nL, sL, nE] });
    expect(JSON.stringify(back.seat(nE))).not.toContain('While you were away');
    back.when({ type: 'AcceptProposal', proposalId: 'p-2' }, { actor: seat(nE) }).thenRejects('UNKNOWN_PROPOSAL');
  });

  it('given a member came back and left again, then the view freezes at the second leaving, still without the time away', () => {
    const history = given([
      ...leftAfterProposal, said('m-2', 'bc-1', sL, 'While you were away'), invited('bc-1', nE, nL), answered('bc-1', nE),
      said('m-3', 'bc-1', nL, 'Welcome back'), leftChannel('bc-1', nE), said('m-4', 'bc-1', sL, 'After the second time'),
    ]);
    expect(channelOf(history, nE).messages).toEqual(['Before', 'Welcome back']);
    expect(channelOf(history, nE).channel).toMatchObject({ left: true, members: [nL, sL] });
  });
});
