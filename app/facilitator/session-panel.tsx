'use client';

import { useEffect, useState } from 'react';
import type { FacilitatorView } from '../../server/engine/view';
import { routeApiTo } from '../lib/api';
import { useLiveView } from '../lib/use-live-view';
import { useConfirm } from './confirm-dialog';
import { EndScores } from './end-scores';
import { Feedback } from './feedback';
import { GodView } from './god-view';
import { JoinInfo } from './join-info';
import { LobbyBoard } from './lobby-board';
import { SessionControls } from './session-controls';
import { useAct } from './use-act';
import { usePresence } from './use-presence';

/** One session, live over the facilitator socket (the god view): lobby, play or results. */
export function SessionPanel({ sessionId, room = null }: { sessionId: string; room?: string | null }) {
  const { view, skewMs, status, presence: pushed } = useLiveView<FacilitatorView>({ kind: 'facilitator', sessionId }, room);
  // Several nodes: this session's calls go where its sockets go (docs/deploy.md).
  useEffect(() => {
    routeApiTo(room);
    return () => routeApiTo(null);
  }, [room]);
  const { act, error, notice } = useAct();
  const [dialog, confirm] = useConfirm();
  const [showJoin, setShowJoin] = useState(false);
  const presence = usePresence(pushed);

  if (!view) return <p aria-live="polite">{status}</p>;
  const tools = { sessionId, view, act, confirm, skewMs, presence };

  return (
    <section aria-labelledby="panel-title" className="card">
      <div className="session-head">
        <h2 id="panel-title">
          Room <span className="code">{view.code}</span> — {view.scenario.title}
        </h2>
        <span className="hint" aria-live="polite">
          {status}
        </span>
        <a href={`/facilitator/guide/${encodeURIComponent(view.scenario.id)}`} target="_blank" rel="noreferrer">
          Teacher&apos;s guide
        </a>
        <a href={`/room/${view.code}`} target="_blank" rel="noreferrer">
          Room screen (projector)
        </a>
      </div>
      <SessionControls {...tools} />
      <Feedback className="feedback" error={error} notice={notice} />
      {view.status === 'lobby' ? (
        <JoinInfo code={view.code} />
      ) : view.status === 'running' ? (
        <details open={showJoin} onToggle={(e) => setShowJoin(e.currentTarget.open)}>
          <summary>Room code and join link for late arrivals</summary>
          <JoinInfo code={view.code} compact />
        </details>
      ) : null}
      {view.status === 'lobby' && <LobbyBoard {...tools} />}
      {view.status === 'running' && <GodView {...tools} />}
      {view.status === 'ended' && <EndScores view={view} sessionId={sessionId} />}
      {dialog}
    </section>
  );
}
