'use client';

import { useEffect, useRef, useState } from 'react';
import { useGameContext } from './context';
import { formatClock } from './labels';

const WARNINGS = [
  { ms: 60_000, text: '1 minute left' },
  { ms: 10_000, text: '10 seconds left' },
] as const;
/** A warning is only said within this window, so a page opened with 20 s left does not say "1 minute". */
const WARNING_WINDOW_MS = 5_000;

/**
 * The phase and its countdown to the server's deadline, corrected for clock skew. The digits
 * are not live (they would talk every second); the 1-minute and 10-second marks are announced.
 */
export function Clock() {
  const { view, skewMs, announce } = useGameContext();
  const { deadlineAt, pausedRemainingMs, phase, status, scenario } = view.session;
  const [now, setNow] = useState(() => Date.now());
  const said = useRef(new Set<string>());

  useEffect(() => {
    if (deadlineAt === null || pausedRemainingMs !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [deadlineAt, pausedRemainingMs]);

  const remaining = pausedRemainingMs ?? (deadlineAt !== null ? deadlineAt - (now + skewMs) : null);

  useEffect(() => {
    if (remaining === null || pausedRemainingMs !== null || deadlineAt === null) return;
    for (const w of WARNINGS) {
      const key = `${deadlineAt}:${w.ms}`;
      if (remaining <= w.ms && remaining > w.ms - WARNING_WINDOW_MS && !said.current.has(key)) {
        said.current.add(key);
        announce(`${w.text} in ${phase?.title ?? 'this phase'}.`);
      }
    }
  }, [remaining, deadlineAt, pausedRemainingMs, phase?.title, announce]);

  if (status === 'ended') return <p className="clock">Session ended</p>;
  if (!phase) return <p className="clock">Waiting to start</p>;
  const paused = pausedRemainingMs !== null;
  const urgent = !paused && remaining !== null && remaining <= 60_000;
  return (
    <div className={`clock${urgent ? ' clock-urgent' : ''}`}>
      <span className="clock-phase">
        {phase.title}
        <span className="muted"> · phase {phase.index + 1} of {scenario.phases.length}</span>
      </span>
      {remaining !== null ? (
        <span className="clock-time" role="timer" aria-label={`${paused ? 'Paused, ' : ''}${formatClock(remaining)} left`}>
          {paused ? <span className="badge badge-warn">Paused</span> : null} {formatClock(remaining)}
          {remaining <= 0 && !paused ? <span className="muted"> time is up</span> : null}
        </span>
      ) : null}
    </div>
  );
}
