'use client';

import { api } from '../lib/api';
import type { SessionTools } from './tools';

/**
 * Pause, resume, add a minute or end the phase now: for one table when `tableId` is given, else
 * for every table at once. Ending a phase early asks first.
 */
export function ClockControls({ sessionId, view, act, confirm, tableId }: SessionTools & { tableId?: string }) {
  const where = tableId ? { sessionId, tableId } : { sessionId };
  const scope = tableId ? `table ${tableId.replace(/^t/, '')}` : 'all tables';
  const paused = isPaused(view, tableId);
  async function skip() {
    const ok = await confirm({
      title: `End this phase now for ${scope}?`,
      body: <p>The deadline falls at once: stories are published, escalation rises where there is no deal, and the next phase begins.</p>,
      confirm: 'End phase now',
    });
    if (ok) await act(() => api.session.skip.mutate(where), `Phase ended for ${scope}.`);
  }
  return (
    <>
      {paused ? (
        <button type="button" onClick={() => void act(() => api.session.resume.mutate(where), `Resumed ${scope}.`)} aria-label={`Resume ${scope}`}>
          Resume{tableId ? '' : ' all'}
        </button>
      ) : (
        <button type="button" className="secondary" onClick={() => void act(() => api.session.pause.mutate(where), `Paused ${scope}.`)} aria-label={`Pause ${scope}`}>
          Pause{tableId ? '' : ' all'}
        </button>
      )}
      <button type="button" className="secondary" onClick={() => void act(() => api.session.extend.mutate({ ...where, seconds: 60 }), `One more minute for ${scope}.`)} aria-label={`Add a minute for ${scope}`}>
        +1 min
      </button>
      <button type="button" className="secondary" onClick={() => void skip()} aria-label={`End this phase now for ${scope}`}>
        End phase now
      </button>
    </>
  );
}

/** Whether the clock of one table (or, without a table, the session's) is stopped. */
export function isPaused(view: SessionTools['view'], tableId?: string): boolean {
  const table = tableId ? view.tables[tableId] : undefined;
  return table ? table.clock.pausedRemainingMs !== null : view.session.pausedRemainingMs !== null;
}
