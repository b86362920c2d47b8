'use client';

import { useEffect, useRef, useState } from 'react';
import { playbackStep, type Anchor, type PlayClock } from './moments';

export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
export type Speed = (typeof SPEEDS)[number];

/** How often playback moves the scrubber: often enough to look live, rare enough to keep the main thread free. */
const TICK_MS = 250;

/**
 * Plays the session back at 1×–32× its real pace: a timer advances a clock over the events'
 * times (the facilitator's timeline anchors every event at its own time, so 1× is the game's
 * pace) and moves to the last event before it; it stops at the end. The seq is the caller's (the
 * scrubber and the jumps set it too), and playing resumes from wherever it is.
 */
export function usePlayback(anchors: readonly Anchor[], seq: number, lastSeq: number, setSeq: (seq: number) => void) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(8);
  const clock = useRef<PlayClock | null>(null);
  const seqRef = useRef(seq);
  useEffect(() => {
    seqRef.current = seq;
  }, [seq]);

  useEffect(() => {
    if (!playing) {
      clock.current = null;
      return;
    }
    // Real elapsed time, not the timer's nominal period: a busy tab's late ticks still play at pace.
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const step = playbackStep(anchors, clock.current, seqRef.current, now - last, speed, lastSeq);
      last = now;
      clock.current = step;
      if (step.seq !== seqRef.current) {
        seqRef.current = step.seq;
        setSeq(step.seq);
      }
      if (step.seq >= lastSeq) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, anchors, lastSeq, setSeq]);

  return { playing, setPlaying, speed, setSpeed };
}
