'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import { SignedIn } from '../../facilitator/signed-in';
import { DeleteSession } from './delete-session';
import { ImportLog } from './import-log';
import { RetentionSetting } from './retention-setting';
import './debrief.css';

type SessionRow = Awaited<ReturnType<typeof api.session.list.query>>[number];

const time = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** Finished sessions with their debriefs, an import, deletion, and the retention setting for administrators. */
export function ArchiveScreen() {
  return (
    <SignedIn>
      {(me) => (
        <div className="archive">
          <h1>Debriefs</h1>
          <Archive isAdmin={me.isAdmin} />
        </div>
      )}
    </SignedIn>
  );
}

function Archive({ isAdmin }: { isAdmin: boolean }) {
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    api.session.list.query().then(
      (r) => {
        setRows(r.filter((s) => s.status === 'ended').sort((a, b) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt)));
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <div className="archive-columns">
      <section className="card" aria-labelledby="finished-title">
        <h2 id="finished-title">Finished sessions</h2>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <p role="status" className="hint">
          {notice}
        </p>
        {rows === null ? (
          <p>Loading…</p>
        ) : rows.length === 0 ? (
          <p>No finished sessions yet. A session appears here when it ends, or when you import its event log.</p>
        ) : (
          <ul className="archive-list plain">
            {rows.map((s) => (
              <li key={s.sessionId}>
                <div>
                  <a href={`/facilitator/debrief/${encodeURIComponent(s.sessionId)}`}>
                    Debrief of&nbsp;<span className="code">{s.code}</span>
                  </a>{' '}
                  {s.scenarioTitle}
                  <span className="hint">
                    {' '}
                    · {s.endedAt ? `ended ${time(s.endedAt)}` : `created ${time(s.createdAt)}`} · {s.players} {s.players === 1 ? 'player' : 'players'}
                    {s.tables > 0 ? `, ${s.tables} ${s.tables === 1 ? 'table' : 'tables'}` : ''}
                  </span>
                </div>
                <DeleteSession
                  quiet
                  sessionId={s.sessionId}
                  code={s.code}
                  onDeleted={() => {
                    setNotice(`Session ${s.code} and its data are deleted.`);
                    load();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <div>
        <ImportLog onImported={load} />
        {isAdmin ? <RetentionSetting /> : null}
      </div>
    </div>
  );
}
