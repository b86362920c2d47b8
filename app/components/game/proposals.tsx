'use client';

import type { ChannelView, ProposalView } from '../../../server/engine/view';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { TermList } from './term-list';
import { seatLabel, seatName, sideName, timeOf } from './labels';

const STATUS = { open: 'Open', superseded: 'Superseded by a counter-proposal', concluded: 'Concluded: both leaders signed', closed: 'Closed' } as const;

function Proposal({ proposal, channel, onCounter }: { proposal: ProposalView; channel: ChannelView; onCounter: (p: ProposalView) => void }) {
  const { view } = useGameContext();
  const act = useCommand();
  // What I may do with it is the engine's answer (view.can), not a rule kept here.
  const canAccept = view.can?.accept[proposal.id]?.ok === true;
  const canSign = view.can?.sign[proposal.id]?.ok === true;
  const canCounter = proposal.status === 'open' && view.can?.propose[channel.id]?.ok === true;
  const counterOf = proposal.counterTo ? view.proposals.find((p) => p.id === proposal.counterTo) : null;
  // The engine counts the proposing side and every side whose leader signed as accepting.
  const waitingFor = view.session.scenario.sides.filter((s) => !proposal.acceptedBySides.includes(s.id));

  return (
    <li className={`proposal proposal-${proposal.status}`}>
      <p className="meta">
        <strong>{seatLabel(view, proposal.by)}</strong> · {timeOf(proposal.at)}
        {counterOf ? <> · counter to {seatName(view, counterOf.by)}’s proposal</> : null}
      </p>
      <p>
        <span className={proposal.mode === 'exploratory' ? 'badge badge-explore' : 'badge badge-official'}>
          {proposal.mode === 'exploratory' ? 'Testing the waters' : 'Official'}
        </span>{' '}
        <span className="badge">{STATUS[proposal.status]}</span>
        {proposal.mode === 'exploratory' ? <span className="hint"> Deniable, not binding; cannot be signed.</span> : null}
      </p>
      <TermList view={view} terms={proposal.terms} />
      <p className="meta">
        Accepted by: {proposal.acceptedBySides.length > 0 ? proposal.acceptedBySides.map((s) => sideName(view, s)).join(', ') : 'no side yet'}
        {proposal.status === 'open' && waitingFor.length > 0 ? <> · waiting for: {waitingFor.map((s) => s.name).join(', ')}</> : null}
        {proposal.mode === 'official' ? <> · Signed by: {proposal.signedBy.length > 0 ? proposal.signedBy.map((id) => seatLabel(view, id)).join(', ') : 'nobody yet'}</> : null}
      </p>
      {canAccept || canSign || canCounter ? (
        <div className="actions">
          {canAccept ? (
            <button type="button" onClick={() => void act.run({ type: 'AcceptProposal', proposalId: proposal.id })} disabled={act.pending}>
              Accept
            </button>
          ) : null}
          {canSign ? (
            <button type="button" onClick={() => void act.run({ type: 'SignProposal', proposalId: proposal.id })} disabled={act.pending}>
              Sign
            </button>
          ) : null}
          {canCounter ? (
            <button type="button" className="button-secondary" onClick={() => onCounter(proposal)}>
              Counter
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorText error={act.error} />
    </li>
  );
}

/** Proposals tabled in the selected channel, newest first. */
export function Proposals({ channel, onCounter }: { channel: ChannelView; onCounter: (p: ProposalView) => void }) {
  const { view } = useGameContext();
  const list = view.proposals.filter((p) => p.channelId === channel.id).reverse();
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="proposals-title" className="proposals">
      <h4 id="proposals-title">Proposals in this channel ({list.length})</h4>
      <ul className="plain">
        {list.map((p) => (
          <Proposal key={p.id} proposal={p} channel={channel} onCounter={onCounter} />
        ))}
      </ul>
    </section>
  );
}
