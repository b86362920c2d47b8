import { describe, expect, it } from 'vitest';
import { facilitator, runningGame, seat } from './testing/harness';
import { project } from './project';

describe('a game flows from lobby to scores', () => {
  it('plays a back-channel deal through signature and announcement', () => {
    const g = runningGame(9, { tableCount: 1 });
    const nLeader = g.seatOf('n-leader');
    const sLeader = g.seatOf('s-leader');
    const [opened] = g.must({ type: 'OpenBackChannel', inviteeIds: [sLeader], topic: 'the border' }, seat(nLeader));
    expect(opened?.type).toBe('BackChannelOpened');
    const channelId = opened?.type === 'BackChannelOpened' ? opened.channelId : '';
    g.must({ type: 'AnswerInvitation', channelId, accept: true }, seat(sLeader));
    g.must({ type: 'PostMessage', channelId, text: 'Shall we talk?' }, seat(nLeader));
    const [made] = g.must({ type: 'Propose', channelId, mode: 'official', terms: [{ issueId: 'border', optionId: 'open', secret: false }, { issueId: 'prisoners', optionId: 'release', secret: true }] }, seat(nLeader));
    const proposalId = made?.type === 'ProposalMade' ? made.proposalId : '';
    g.must({ type: 'SignProposal', proposalId }, seat(nLeader));
    const concluded = g.must({ type: 'SignProposal', proposalId }, seat(sLeader));
    expect(concluded.map((e) => e.type)).toEqual(['ProposalSigned', 'AgreementConcluded']);
    g.must({ type: 'AnnounceAgreement' }, seat(sLeader));
    const journalist = g.seatOf('journalist');
    const view = project(g.state, { kind: 'seat', seatId: journalist });
    expect(view?.table?.agreement?.terms).toEqual([{ issueId: 'border', optionId: 'open', secret: false }]);
    expect(view?.messages.some((m) => m.channelId === channelId)).toBe(false);
    g.passDeadline();
    g.passDeadline();
    expect(g.game.status).toBe('ended');
    const score = g.game.scores?.find((s) => s.seatId === nLeader);
    expect(score?.objectives.find((o) => o.id === 'deal')?.achieved).toBe(true);
    expect(g.run({ type: 'Pause' }, facilitator)).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
  });
});
