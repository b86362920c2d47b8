'use client';

import { useEffect, useRef, useState } from 'react';
import { seqAtTime, timeOfSeq, type Anchor } from './moments';

export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
export type Speed = (typeof SPEEDS)[number];

/** How often playback moves the scrubber: often enough to look live, rare enough to keep the main thread free. */
const TICK_MS = 250;

/**
 * Plays the session back at 1×–32× its real pace: a timer advances a clock over the events'
 * times and moves to the last event before it; it stops at the end. The seq is the caller's (the
 * scrubber and the jumps set it too), and playing resumes from wherever it is.
 */
export function usePlayback(anchors: readonly Anchor[], seq: number, lastSeq: number, setSeq: (seq: number) => void) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(8);
  const clock = useRef<{ t: number; seq: number } | null>(null);
  const seqRef = useRef(seq);
  useEffect(() => {
    seqRef.current = seq;
  }, [seq]);

  useEffect(() => {
    if (!playing) {
      clock.current = null;
      return;
    }
    const timer = setInterval(() => {
      // Someone moved the scrubber since the last tick: carry on from there.
      if (clock.current === null || clock.current.seq !== seqRef.current) clock.current = { t: timeOfSeq(anchors, seqRef.current), seq: seqRef.current };
      const t = clock.current.t + TICK_MS * speed;
      const next = Math.min(lastSeq, Math.max(seqRef.current, seqAtTime(anchors, t)));
      clock.current = { t, seq: next };
      if (next !== seqRef.current) {
        seqRef.current = next;
        setSeq(next);
      }
      if (next >= lastSeq) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, anchors, lastSeq, setSeq]);

  return { playing, setPlaying, speed, setSpeed };
}
