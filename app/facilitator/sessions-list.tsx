'use client';

import { useEffect, useState } from 'react';
import { api, errorMessage } from '../lib/api';

type SessionRow = Awaited<ReturnType<typeof api.session.list.query>>[number];

const time = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
const STATUS_WORDS: Record<string, string> = { lobby: 'Lobby', running: 'Running', ended: 'Ended' };

/** Every session of this facilitator, kept up to date by itself while the page is open. */
export function SessionsList({ selected, onSelect }: { selected: string | null; onSelect: (sessionId: string) => void }) {
  const sessions = useSessionList();
  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">Sessions</h2>
      {sessions.error && <p role="alert" className="error">{sessions.error}</p>}
      {sessions.rows === null ? (
        <p>Loading…</p>
      ) : sessions.rows.length === 0 ? (
        <p>No sessions yet: create one with “New session”.</p>
      ) : (
        <ul className="session-list" aria-live="polite">
          {sessions.rows.map((s) => (
            <li key={s.sessionId} data-current={selected === s.sessionId}>
              <button type="button" className="link-button" aria-current={selected === s.sessionId} onClick={() => onSelect(s.sessionId)}>
                <span className="code">{s.code}</span> {s.scenarioTitle}
              </button>
              <span className="hint">
                <span className="status-badge" data-status={s.status}>{STATUS_WORDS[s.status] ?? s.status}</span>{' '}
                {s.phase ? `${s.phase.title} · ` : ''}
                {s.players} player{s.players === 1 ? '' : 's'} ({s.playersConnected} connected)
                {s.tables > 0 ? ` · ${s.tables} table${s.tables === 1 ? '' : 's'}` : ''}
              </span>
              <span className="hint">
                {s.endedAt ? `ended ${time(s.endedAt)}` : s.startedAt ? `started ${time(s.startedAt)}` : `created ${time(s.createdAt)}`}
              </span>
              {s.status === 'ended' && <a href={`/facilitator/debrief/${s.sessionId}`}>Debrief of {s.code}</a>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The list, asked again every few seconds and whenever the tab comes back into view. */
function useSessionList() {
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      api.session.list.query().then(
        (r) => {
          if (stopped) return;
          setRows([...r].sort((a, b) => b.createdAt - a.createdAt));
          setError(null);
        },
        (e: unknown) => !stopped && setError(errorMessage(e)),
      );
    void load();
    const timer = setInterval(load, 3000);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return { rows, error };
}
