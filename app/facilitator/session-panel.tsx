'use client';

import { useState, type FormEvent } from 'react';
import type { FacilitatorView } from '../../server/engine/view';
import { api, errorMessage } from '../lib/api';
import { useLiveView } from '../lib/use-live-view';
import { Countdown } from './countdown';

/** One session, live over the facilitator socket (god view), with the controls a teacher needs first. */
export function SessionPanel({ sessionId }: { sessionId: string }) {
  const { view, skewMs: skew, status } = useLiveView<FacilitatorView>({ kind: 'facilitator', sessionId });
  const [error, setError] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (!view) return <p aria-live="polite">{status}</p>;
  const game = view;
  const phase = view.session.phase;
  const players = Object.values(game.seats).filter((s) => s.status === 'active');
  const roleTitle = (roleId: string | null) => game.scenario.roles.find((r) => r.id === roleId)?.title ?? 'not seated';
  const joinUrl = typeof window === 'undefined' ? `/play/${game.code}` : `${window.location.origin}/play/${game.code}`;

  function broadcast(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('broadcast'));
    void act(() => api.session.broadcast.mutate({ sessionId, text }).then(() => form.reset()));
  }

  return (
    <section aria-labelledby="panel-title" className="card">
      <h2 id="panel-title">
        Room <span className="code">{game.code}</span> — {game.scenario.title}
      </h2>
      <p className="hint" aria-live="polite">
        {status}. Students join at <a href={joinUrl}>{joinUrl}</a> or with the code on the home page.{' '}
        <a href={`/room/${game.code}`} target="_blank" rel="noreferrer">
          Open the room screen for the projector
        </a>
        .
      </p>
      <p>
        <strong>{game.status === 'lobby' ? 'Lobby' : game.status === 'ended' ? 'Ended' : (phase?.title ?? '')}</strong>
        {game.status === 'running' && (
          <>
            {' — '}
            <Countdown deadlineAt={view.session.deadlineAt} pausedRemainingMs={view.session.pausedRemainingMs} skewMs={skew} />
          </>
        )}
        {game.locked ? ' — room locked' : ' — room open'}
      </p>
      {game.status === 'ended' && (
        <p>
          <a href={`/facilitator/debrief/${encodeURIComponent(sessionId)}`}>Open the debrief of this session</a>
        </p>
      )}
      <div className="button-row" role="group" aria-label="Session controls">
        {game.status === 'lobby' && (
          <>
            <button type="button" onClick={() => void act(() => api.session.lock.mutate({ sessionId, locked: !game.locked }))}>{game.locked ? 'Unlock room' : 'Lock room'}</button>
            <button type="button" onClick={() => void act(() => api.session.deal.mutate({ sessionId }))}>Deal roles</button>
            <button type="button" onClick={() => void act(() => api.session.start.mutate({ sessionId }))}>Start</button>
          </>
        )}
        {game.status === 'running' && (
          <>
            {view.session.pausedRemainingMs === null ? (
              <button type="button" onClick={() => void act(() => api.session.pause.mutate({ sessionId }))}>Pause</button>
            ) : (
              <button type="button" onClick={() => void act(() => api.session.resume.mutate({ sessionId }))}>Resume</button>
            )}
            <button type="button" onClick={() => void act(() => api.session.extend.mutate({ sessionId, seconds: 60 }))}>Add a minute</button>
            <button type="button" onClick={() => void act(() => api.session.skip.mutate({ sessionId }))}>End this phase now</button>
          </>
        )}
        {game.status !== 'ended' && (
          <button type="button" className="danger" onClick={() => void act(() => api.session.end.mutate({ sessionId }))}>End session</button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h3>Players ({players.length})</h3>
      <ul className="plain-list">
        {players.map((p) => (
          <li key={p.id}>
            {p.name} — {p.tableId ? `table ${p.tableId.slice(1)}, ${roleTitle(p.roleId)}` : 'waiting for a seat'}
          </li>
        ))}
      </ul>
      {game.status !== 'lobby' && (
        <form onSubmit={broadcast} className="join-form">
          <div className="field">
            <label htmlFor="broadcast">Message from Control to everyone</label>
            <input id="broadcast" name="broadcast" required maxLength={view.limits.messageLength} />
          </div>
          <button type="submit">Broadcast</button>
        </form>
      )}
    </section>
  );
}
