'use client';

import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { BroadcastBanner, Broadcasts } from './broadcasts';
import { PublicBackground, RoleCard } from './role-card';

/** Before roles are dealt: who is here, and what happens next. */
export function Lobby({ onLeft }: { onLeft: () => void }) {
  const { view } = useGameContext();
  const leave = useCommand();
  const { session, lobby, lobbyCount, me } = view;
  const started = session.status !== 'lobby';

  async function onLeave() {
    if (await leave.run({ type: 'Leave' })) onLeft();
  }

  return (
    <div className="lobby">
      <div className="game-top">
        <BroadcastBanner />
      </div>
      <section aria-labelledby="lobby-title" className="card">
        <h1 id="lobby-title">{session.scenario.title}</h1>
        <p className="muted">
          Room <strong className="code">{session.code}</strong> · you are <strong>{me.name}</strong>
        </p>
        <p className="notice">
          {session.status === 'ended'
            ? 'This session has ended.'
            : started
              ? 'The game has started. The facilitator will give you a seat at a table.'
              : me.role
                ? 'Roles are dealt: read yours below. The briefing starts when the facilitator starts the session.'
                : 'You are in. Wait here: the facilitator will deal roles when everyone has joined.'}
          {session.locked ? ' The room is locked: nobody else can join.' : ''}
        </p>
      </section>
      {me.role ? <RoleCard /> : null}
      <section aria-labelledby="players-title" className="card">
        <h2 id="players-title">
          In the room <span className="count">({lobbyCount} {lobbyCount === 1 ? 'player' : 'players'})</span>
        </h2>
        <ul className="player-list">
          {lobby.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.id === me.seatId ? <span className="muted"> (you)</span> : null}
            </li>
          ))}
          {lobbyCount > lobby.length ? <li className="muted">and {lobbyCount - lobby.length} more</li> : null}
        </ul>
      </section>
      {view.broadcasts.length > 0 ? (
        <section aria-label="News and Control" className="card">
          <Broadcasts />
        </section>
      ) : null}
      <section aria-labelledby="scenario-title" className="card">
        <h2 id="scenario-title">The scenario</h2>
        <p>
          {session.scenario.summary} <span className="muted">({session.scenario.period})</span>
        </p>
        <PublicBackground text={session.scenario.publicBackground} />
      </section>
      {!started ? (
        <div className="actions">
          <button type="button" className="button-secondary" onClick={() => void onLeave()} disabled={leave.pending}>
            Leave this room
          </button>
          <ErrorText error={leave.error} />
        </div>
      ) : null}
    </div>
  );
}
