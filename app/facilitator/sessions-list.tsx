'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { SessionSummary } from '../../server/api/cockpit';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/protocol';
import { PROTOCOL_VERSION } from '../../shared/version';

type SessionRow = SessionSummary;

const time = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
const STATUS_WORDS: Record<string, string> = { lobby: 'Lobby', running: 'Running', ended: 'Ended' };

/** Every session of this facilitator, kept up to date by itself while the page is open. */
export function SessionsList({ selected, onSelect }: { selected: string | null; onSelect: (sessionId: string, code: string) => void }) {
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
              <button type="button" className="link-button" aria-current={selected === s.sessionId} onClick={() => onSelect(s.sessionId, s.code)}>
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

/**
 * The list, pushed by the server on the facilitator's `sessions` socket: the whole of it on every
 * (re)connect, then one row whenever a session's status, phase, players or connections change. No
 * polling is needed: Socket.IO reconnects by itself (falling back to long-polling), and a change
 * missed while disconnected arrives with the whole list at the reconnect.
 */
function useSessionList() {
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ auth: { v: PROTOCOL_VERSION, kind: 'sessions' }, transports: ['websocket', 'polling'] });
    const newestFirst = (list: SessionRow[]) => [...list].sort((a, b) => b.createdAt - a.createdAt);
    socket.on('sessions', ({ rows: all }) => {
      setRows(newestFirst(all));
      setError(null);
    });
    socket.on('session', (row) => setRows((old) => newestFirst([...(old ?? []).filter((r) => r.sessionId !== row.sessionId), row])));
    socket.on('connect_error', (e) => setError((e as Error & { data?: { message: string } }).data?.message ?? 'Cannot reach the server; retrying…'));
    socket.on('removed', (notice) => setError(notice.message));
    return () => {
      socket.close();
    };
  }, []);
  return { rows, error };
}
