import { describe, expect, it } from 'vitest';
import { anchorsFromTimes, playbackStep, type PlayClock } from './moments';

// Events 1–5 at 0 s, 1 s, 1 s, 5 s and 65 s into the session.
const anchors = anchorsFromTimes({ from: 1_000_000, offsets: [0, 1000, 1000, 5000, 65_000] }, 1);

/** Plays from `seq` for `ms` of real time in ticks of `tick` ms; the seq shown after each tick. */
function play(seq: number, ms: number, speed: number, tick = 250): number[] {
  let clock: PlayClock | null = null;
  const shown: number[] = [];
  for (let t = 0; t < ms; t += tick) {
    clock = playbackStep(anchors, clock, seq, tick, speed, 5);
    seq = clock.seq;
    shown.push(seq);
  }
  return shown;
}

describe('playback at the game’s own pace', () => {
  it('at 1× shows each event when as much real time has passed as passed in the game', () => {
    const shown = play(1, 6000, 1, 500);
    // After 0.5 s still event 1; at 1 s events 2 and 3 (same moment) → 3; at 5 s event 4.
    expect(shown).toEqual([1, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4]);
  });

  it('at 32× covers a minute of the game in under two seconds, and stops at the last event', () => {
    const shown = play(4, 2000, 32);
    expect(shown.indexOf(5)).toBe(7); // 8 ticks of 250 ms × 32 = 64 s ≥ the 60 s from event 4 to 5
    expect(shown.at(-1)).toBe(5);
  });

  it('carries on from where the scrubber was put, not from where playback had got to', () => {
    const clock = playbackStep(anchors, null, 1, 250, 1, 5);
    expect(playbackStep(anchors, clock, 4, 1000, 1, 5)).toEqual({ t: 1_005_000 + 1000, seq: 4 });
  });
});
