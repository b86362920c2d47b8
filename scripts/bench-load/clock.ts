// The one clock every process of the benchmark stamps and reads. process.hrtime is libuv's
// uv_hrtime, which on Linux is clock_gettime(CLOCK_MONOTONIC): one kernel clock shared by every
// process on the machine, never stepped by NTP. So "receive time − send time" across processes is
// a plain subtraction. (performance.timeOrigin + performance.now() is the wall clock read once at
// each process's start plus that same monotonic clock: two processes agree only to within how far
// the wall clock moved between their starts, so it is checked, not used; see checkClocks.)

/** Milliseconds on the machine's monotonic clock, with sub-microsecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The wall-clock-anchored alternative, read for the cross-process check only. */
export function performanceNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface ClockReading {
  monotonic: number;
  performance: number;
}

export function readClocks(): ClockReading {
  return { monotonic: now(), performance: performanceNow() };
}

/**
 * How far another process's reading can be from ours: `before` and `after` bracket the round trip
 * in which it read `theirs`, so a shared clock puts it inside [before, after]; the result is the
 * distance outside that bracket (0 when inside), in ms.
 */
export function offsetOutside(before: number, theirs: number, after: number): number {
  if (theirs < before) return before - theirs;
  if (theirs > after) return theirs - after;
  return 0;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
