/**
 * A seeded PRNG whose whole state is one 32-bit integer kept inside the game state
 * (mulberry32). `decide` draws from it and records the state after the draw in the event,
 * so `evolve` never draws and a replay reproduces every leak exactly.
 */

export interface Draw {
  value: number; // in [0, 1)
  rng: number; // generator state after the draw
}

export function draw(rng: number): Draw {
  const next = (rng + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, rng: next };
}

/** A seed from any string (e.g. a session id), so sessions differ without a clock. */
export function seedFrom(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h | 0;
}

/** Fisher–Yates with the seeded generator; returns the shuffled copy and the new state. */
export function shuffle<T>(items: readonly T[], rng: number): { items: T[]; rng: number } {
  const out = [...items];
  let state = rng;
  for (let i = out.length - 1; i > 0; i--) {
    const d = draw(state);
    state = d.rng;
    const j = Math.floor(d.value * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return { items: out, rng: state };
}
