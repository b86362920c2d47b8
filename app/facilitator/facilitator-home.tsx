'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../lib/api';
import { LoginForm } from './login-form';
import { NewSessionForm } from './new-session-form';
import { SessionPanel } from './session-panel';

type Me = Awaited<ReturnType<typeof api.auth.me.query>>;
type SessionRow = Awaited<ReturnType<typeof api.session.list.query>>[number];

/** Sign-in, then the facilitator's sessions: create one, pick one to run. */
export function FacilitatorHome() {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const who = await api.auth.me.query();
      setMe(who);
      if (who) setSessions(await api.session.list.query());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (me === undefined) return <p aria-live="polite">{error ?? 'Loading…'}</p>;
  if (me === null) return <LoginForm onSignedIn={refresh} />;

  return (
    <>
      <div className="toolbar">
        <h1>Your sessions</h1>
        <p className="hint">
          Signed in as {me.email}
          {me.isAdmin ? ' (administrator)' : ''}.{' '}
          <button type="button" className="link-button" onClick={() => void api.auth.logout.mutate().then(refresh)}>
            Sign out
          </button>
        </p>
      </div>
      <NewSessionForm
        onCreated={(id) => {
          setSelected(id);
          void refresh();
        }}
      />
      <section aria-labelledby="sessions-title" className="card">
        <h2 id="sessions-title">Sessions</h2>
        {sessions.length === 0 ? (
          <p>No sessions yet: create one above.</p>
        ) : (
          <ul className="plain-list">
            {sessions.map((s) => (
              <li key={s.sessionId}>
                <button type="button" className="link-button" aria-current={selected === s.sessionId} onClick={() => setSelected(s.sessionId)}>
                  <span className="code">{s.code}</span> — {s.scenarioId}, {s.status}, {new Date(s.createdAt).toLocaleString()}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && <SessionPanel key={selected} sessionId={selected} />}
    </>
  );
}
