import { describe, expect, it } from 'vitest';
import type { GameEvent } from './events';
import { evolve } from './evolve';
import type { GameState } from './state';
import { fold } from './testing/harness';
import { playRandom, type Step } from './testing/random-play';

const steps = (seed: number, from: number, n: number): Step[] =>
  Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return { pick: (seed * 31 + i * 17) % 1000, a: (i * 7 + seed) % 1000, b: (i * 13) % 1000, c: (i * 5 + seed) % 1000, flag: (i + seed) % 3 === 0, dt: (i * 97) % 2000 };
  });

/** How many events two logs share from the start. */
function sharedPrefix(a: GameEvent[], b: GameEvent[]): number {
  let k = 0;
  while (k < a.length && k < b.length && JSON.stringify(a[k]) === JSON.stringify(b[k])) k++;
  return k;
}

describe('evolve shares history between states without letting one change another', () => {
  it('given one prefix folded once, when two different continuations are folded from it event by event in turn, then each ends where a fold from scratch does, and no earlier state changed', () => {
    const forked = new Set<string>();
    for (const seed of [3, 7, 11]) {
      const common = steps(seed, 0, 120);
      const one = playRandom(seed, 9, [...common, ...steps(seed, 120, 120)]);
      const two = playRandom(seed, 9, [...common, ...steps(seed, 1120, 120)]);
      const k = sharedPrefix(one.events, two.events);
      const prefix = fold(one.events.slice(0, k));
      const restA = one.events.slice(k);
      const restB = two.events.slice(k);
      expect(restA.filter((e) => e.type === 'MessagePosted').length).toBeGreaterThan(5);
      expect(restB.filter((e) => e.type === 'MessagePosted').length).toBeGreaterThan(5);
      for (const e of [...restA, ...restB]) forked.add(e.type);

      // Every state either branch passes through, with what it held when it was made.
      const seen: { state: GameState; json: string }[] = [{ state: prefix, json: JSON.stringify(prefix) }];
      let a = prefix;
      let b = prefix;
      for (let i = 0; i < Math.max(restA.length, restB.length); i++) {
        if (restA[i]) seen.push({ state: (a = evolve(a, restA[i]!)), json: JSON.stringify(a) });
        if (restB[i]) seen.push({ state: (b = evolve(b, restB[i]!)), json: JSON.stringify(b) });
        // A third branch from the shared prefix's end each time: a replay reaching a moment from a snapshot.
        evolve(prefix, restA[0]!);
      }
      expect(a).toEqual(one.state);
      expect(b).toEqual(two.state);
      expect(a).toEqual(fold(one.events));
      expect(b).toEqual(fold(two.events));
      for (const { state, json } of seen) expect(JSON.stringify(state)).toBe(json);
    }
    // Every append-only history was forked at least once: messages, tips, stories and support moves.
    expect([...forked]).toEqual(expect.arrayContaining(['MessagePosted', 'LeakOccurred', 'StoryPublished']));
  });
});
