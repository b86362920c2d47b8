'use client';

import { useEffect, useState } from 'react';

/**
 * mm:ss to a server deadline, corrected for the difference between this clock and the server's.
 * In the last minute it is marked urgent (data-urgent), for the projector's red clock.
 */
export function Countdown({ deadlineAt, pausedRemainingMs, skewMs }: { deadlineAt: number | null; pausedRemainingMs: number | null; skewMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const remaining = pausedRemainingMs ?? (deadlineAt === null ? 0 : Math.max(0, deadlineAt - (now + skewMs)));
  const seconds = Math.ceil(remaining / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const urgent = pausedRemainingMs === null && deadlineAt !== null && remaining <= 60_000;
  return (
    <span className="countdown" data-urgent={urgent}>
      <time>{text}</time> {pausedRemainingMs !== null ? 'left (paused)' : 'left'}
    </span>
  );
}
