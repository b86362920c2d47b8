'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { ChannelView, InvitationView } from '../../../server/engine/view';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { inMyRole, seatLabel, sideName, verdict } from './labels';

function Invitation({ invitation, onAccepted }: { invitation: InvitationView; onAccepted: (channelId: string) => void }) {
  const { view } = useGameContext();
  const answer = useCommand();
  const members = invitation.members.map((id) => seatLabel(view, id)).join(', ');
  const status = verdict(view.can?.answerInvitation);
  async function reply(accept: boolean) {
    if ((await answer.run({ type: 'AnswerInvitation', channelId: invitation.channelId, accept })) && accept) onAccepted(invitation.channelId);
  }
  return (
    <li className="invitation">
      <p>
        <strong>{seatLabel(view, invitation.by)}</strong> invites you to a back channel{invitation.topic ? <> on “{invitation.topic}”</> : null}.
      </p>
      <p className="meta">In it: {members || 'nobody yet'}</p>
      <div className="actions">
        <button type="button" onClick={() => void reply(true)} disabled={answer.pending || !status.ok}>
          Accept
        </button>
        <button type="button" className="button-secondary" onClick={() => void reply(false)} disabled={answer.pending || !status.ok}>
          Refuse
        </button>
      </div>
      {!status.ok ? <p className="hint">{status.reason}</p> : null}
      <ErrorText error={answer.error} />
    </li>
  );
}

/** Pending invitations to back channels, at the top of the screen because they wait for an answer. */
export function Invitations({ onAccepted }: { onAccepted: (channelId: string) => void }) {
  const { view } = useGameContext();
  if (view.invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-title" className="card card-attention">
      <h2 id="invitations-title">Invitations ({view.invitations.length})</h2>
      <ul className="plain">
        {view.invitations.map((inv) => (
          <Invitation key={inv.channelId} invitation={inv} onAccepted={onAccepted} />
        ))}
      </ul>
    </section>
  );
}

/** Leaders and envoys open a back channel with people of another side at their table. */
export function OpenBackChannel({ onOpened }: { onOpened: (previousIds: string[]) => void }) {
  const { view } = useGameContext();
  const open = useCommand();
  const [chosen, setChosen] = useState<string[]>([]);
  const [topic, setTopic] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  // Whether I may, whom I may invite and why not: the engine's answer (view.can), no rule kept here.
  const ability = view.can?.openBackChannel;
  if (!ability || !inMyRole(ability) || !view.table) return null;
  const status = verdict(ability);
  const candidates = view.table.seats.filter((s) => ability.seats.includes(s.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) return setProblem('Choose at least one person to invite.');
    setProblem(null);
    const before = view.channels.map((c) => c.id);
    if (await open.run({ type: 'OpenBackChannel', inviteeIds: chosen, topic: topic.trim() })) {
      setChosen([]);
      setTopic('');
      if (details.current) details.current.open = false;
      onOpened(before);
    }
  }

  return (
    <details className="card open-back" ref={details}>
      <summary>Open a back channel</summary>
      {status.ok ? (
        <form onSubmit={submit} className="stack">
          <fieldset>
            <legend>Invite</legend>
            {candidates.map((s) => (
              <div key={s.id} className="check">
                <input
                  type="checkbox"
                  id={`invite-${s.id}`}
                  checked={chosen.includes(s.id)}
                  onChange={(e) => setChosen((list) => (e.target.checked ? [...list, s.id] : list.filter((x) => x !== s.id)))}
                />
                <label htmlFor={`invite-${s.id}`}>
                  {s.name} — {s.roleTitle} <span className="muted">({sideName(view, s.side)})</span>
                </label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="back-topic">Topic</label>
            <input id="back-topic" value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={view.limits.topicLength} aria-describedby="back-topic-hint" />
            <p id="back-topic-hint" className="hint">
              The invitees see it. Invite at least one person from another side, at most {view.limits.maxInvitees}. Every message in a back channel can leak; more
              people, more risk.
            </p>
          </div>
          <button type="submit" disabled={open.pending}>
            Send invitations
          </button>
          <ErrorText error={problem ?? open.error} />
        </form>
      ) : (
        <p className="notice">{status.reason}</p>
      )}
    </details>
  );
}

/** Inside a back channel: who is in it, bring someone in, or leave. */
export function BackChannelControls({ channel }: { channel: ChannelView }) {
  const { view } = useGameContext();
  const invite = useCommand();
  const leave = useCommand();
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (channel.kind !== 'back' || channel.left) return null;
  // Who may be brought in, and whether I may leave now: the engine's answer (view.can).
  const inviting = view.can?.invite[channel.id];
  const canLeave = view.can?.leaveBackChannel[channel.id]?.ok === true;
  const candidates = (view.table?.seats ?? []).filter((s) => inviting?.seats.includes(s.id));

  async function onInvite(event: FormEvent) {
    event.preventDefault();
    if (target && (await invite.run({ type: 'InviteToBackChannel', channelId: channel.id, seatId: target }))) setTarget('');
  }

  return (
    <div className="back-controls">
      {candidates.length > 0 && inviting?.ok ? (
        <form onSubmit={onInvite} className="inline-form">
          <label htmlFor="bring-in">Bring someone in</label>
          <select id="bring-in" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">— choose —</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.roleTitle}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!target || invite.pending}>
            Invite
          </button>
          <ErrorText error={invite.error} />
        </form>
      ) : null}
      {!confirming ? (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)} disabled={!canLeave}>
          Leave this back channel
        </button>
      ) : (
        <div className="actions" role="group" aria-label="Confirm leaving">
          <p>You will stop seeing what is said here after you leave.</p>
          <button type="button" onClick={() => void leave.run({ type: 'LeaveBackChannel', channelId: channel.id }).then(() => setConfirming(false))} disabled={leave.pending}>
            Yes, leave
          </button>
          <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
            Stay
          </button>
        </div>
      )}
      <ErrorText error={leave.error} />
    </div>
  );
}
