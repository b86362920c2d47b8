'use client';

import { api } from '../lib/api';
import { ClockControls } from './clock-controls';
import { Countdown } from './countdown';
import type { SessionTools } from './tools';

/** The session's own buttons: the room, the deal, the start, the clock for all tables, the end. */
export function SessionControls(tools: SessionTools) {
  const { sessionId, view, act, confirm, skewMs } = tools;
  const phase = view.session.phase;
  async function end() {
    const ok = await confirm({
      title: 'End the session for everyone?',
      body: <p>Every table stops now and the scores are counted. This cannot be undone.</p>,
      confirm: 'End session',
    });
    if (ok) await act(() => api.session.end.mutate({ sessionId }), 'The session has ended.');
  }
  return (
    <>
      <p>
        <strong>{view.status === 'lobby' ? 'Lobby' : view.status === 'ended' ? 'Ended' : (phase?.title ?? '')}</strong>
        {view.status === 'running' && phase && (
          <>
            {' '}
            (phase {phase.index + 1} of {view.scenario.phases.length}) —{' '}
            <Countdown deadlineAt={view.session.deadlineAt} pausedRemainingMs={view.session.pausedRemainingMs} skewMs={skewMs} />
          </>
        )}
        {view.status !== 'ended' && (view.locked ? ' — room locked' : ' — room open')}
      </p>
      <div className="button-row" role="group" aria-label="Session controls">
        {view.status !== 'ended' && (
          <button type="button" className="secondary" onClick={() => void act(() => api.session.lock.mutate({ sessionId, locked: !view.locked }))}>
            {view.locked ? 'Unlock room' : 'Lock room'}
          </button>
        )}
        {view.status === 'lobby' && (
          <>
            <button type="button" onClick={() => void act(() => api.session.deal.mutate({ sessionId }), 'Seats dealt.')}>
              Deal roles
            </button>
            <button type="button" onClick={() => void act(() => api.session.start.mutate({ sessionId }), 'The session has started.')}>
              Start
            </button>
          </>
        )}
        {view.status === 'running' && <ClockControls {...tools} />}
        {view.status !== 'ended' && (
          <button type="button" className="danger" onClick={() => void end()}>
            End session
          </button>
        )}
      </div>
    </>
  );
}
