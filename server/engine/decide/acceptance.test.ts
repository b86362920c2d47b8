import { describe, expect, it } from 'vitest';
import { seat } from '../testing/harness';
import { AT, acceptedBy, answered, concluded, opened, proposed, roundOne, SEATS, signedBy } from '../testing/history';
import { given } from '../testing/spec';

const { nL, sL, nE, sE } = SEATS;
const TERMS = [{ issueId: 'border', optionId: 'open', secret: false }];
/** North's envoy and leader and South's envoy and leader in one back channel. */
const channel = [...roundOne(), opened('bc-1', nE, [sE, nL, sL]), answered('bc-1', sE), answered('bc-1', nL), answered('bc-1', sL)];
const shown = (outcome: { seat(id: string): { proposals: { id: string; acceptedBySides: string[]; signedBy: string[] }[] } }, seatId: string, id = 'p-1') =>
  outcome.seat(seatId).proposals.find((p) => p.id === id);

describe('who stands behind a proposal', () => {
  it('given North tables an exploratory proposal, then every member sees North accepting it and South not yet', () => {
    const outcome = given([...channel, proposed('p-1', 'bc-1', nE, TERMS, 'exploratory')]);
    for (const id of [nL, sL, nE, sE]) expect(shown(outcome, id)?.acceptedBySides).toEqual(['north']);
  });

  it('given North tables a proposal, when South\'s envoy accepts, then both sides stand behind it', () => {
    const outcome = given([...channel, proposed('p-1', 'bc-1', nE, TERMS)])
      .when({ type: 'AcceptProposal', proposalId: 'p-1' }, { actor: seat(sE) })
      .then([{ type: 'ProposalAccepted', proposalId: 'p-1', by: sE, side: 'south', at: AT }]);
    expect(shown(outcome, nL)?.acceptedBySides).toEqual(['north', 'south']);
  });

  it('given both leaders signed, then the proposal shows both sides accepting and both signatures (not "no side yet")', () => {
    const outcome = given([...channel, proposed('p-1', 'bc-1', nE, TERMS), signedBy('p-1', nL), signedBy('p-1', sL), concluded('p-1')]);
    expect(shown(outcome, sE)).toMatchObject({ acceptedBySides: ['north', 'south'], signedBy: [nL, sL] });
    expect(outcome.facilitator().proposals['p-1']).toMatchObject({ acceptedBySides: ['north', 'south'] });
  });

  it('given South\'s leader signed a North proposal, when South\'s envoy accepts it too, then ALREADY_DONE: the signature accepted it', () => {
    given([...channel, proposed('p-1', 'bc-1', nE, TERMS), signedBy('p-1', sL)])
      .when({ type: 'AcceptProposal', proposalId: 'p-1' }, { actor: seat(sE) })
      .thenRejects('ALREADY_DONE', /signed this proposal, which accepts it/);
  });

  it('given South accepted, when South accepts again, then ALREADY_DONE; when North accepts its own, then NOT_ALLOWED', () => {
    const accepted = given([...channel, proposed('p-1', 'bc-1', nE, TERMS), acceptedBy('p-1', sE, 'south')]);
    accepted.when({ type: 'AcceptProposal', proposalId: 'p-1' }, { actor: seat(sL) }).thenRejects('ALREADY_DONE', /already accepted/);
    accepted.when({ type: 'AcceptProposal', proposalId: 'p-1' }, { actor: seat(nL) }).thenRejects('NOT_ALLOWED', /already stands behind it/);
  });
});
