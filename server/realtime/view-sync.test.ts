// The incremental fan-out against project(): random play (kicks, moves, seats handed over, back
// channels left, secret deals signed and leaked, the end of the session) through the very code the
// server runs after each commit. Every viewer starts from a snapshot and folds only the patches it
// was sent; at every step its view must equal a fresh project() for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project, type Viewer } from '../engine';
import type { GameEvent } from '../engine/events';
import type { GameState } from '../engine/state';
import { fold, type Game } from '../engine/testing/harness';
import { playRandom, type Step } from '../engine/testing/random-play';
import { applyDiff } from '../../shared/patch';
import { CommitProjections, unchangingIn } from './fanout';
import type { AnyView } from './protocol';
import { syncFrom, type ViewSync } from './view-sync';

/** One simulated socket: what the server keeps (sync) and what the browser folded (view). */
interface Tab {
  viewer: Viewer;
  sync: ViewSync;
  view: AnyView;
}

class Room {
  tabs: Tab[] = [];
  patches = 0;
  checks = 0;

  open(state: GameState, viewer: Viewer): void {
    const view = project(state, viewer) as AnyView | null;
    if (!view || !state.created) return;
    this.tabs.push({ viewer, view, sync: syncFrom(view, state.messages.length, unchangingIn(state)) });
  }

  /** What fanout.ts does after a commit, minus the sockets. */
  commit(state: GameState, events: GameEvent[]): void {
    for (const e of events) {
      if (e.type !== 'SeatReplaced') continue;
      this.tabs = this.tabs.filter((t) => !(t.viewer.kind === 'seat' && t.viewer.seatId === e.seatId));
      for (const t of this.tabs) if (e.fromSeatId !== null && t.viewer.kind === 'seat' && t.viewer.seatId === e.fromSeatId) t.viewer = { kind: 'seat', seatId: e.seatId };
    }
    const projections = new CommitProjections(state, events);
    const removed = new Set<Tab>();
    for (const tab of this.tabs) {
      if (!projections.concerns(tab.viewer, tab.sync)) continue;
      const next = projections.patchFor(tab.viewer, tab.sync);
      if (!next?.diff) continue;
      // Through JSON, as over the wire.
      tab.view = applyDiff(tab.view, JSON.parse(JSON.stringify(next.diff)) as typeof next.diff);
      this.patches++;
      if (next.view.kind === 'seat' && next.view.me.status === 'kicked') removed.add(tab);
    }
    this.tabs = this.tabs.filter((t) => !removed.has(t));
    // A newcomer's socket connects after its join.
    for (const e of events) if (e.type === 'PlayerJoined') this.open(state, { kind: 'seat', seatId: e.seatId });
  }

  check(state: GameState, where: string): void {
    for (const tab of this.tabs) {
      const fresh = JSON.parse(JSON.stringify(project(state, tab.viewer))) as AnyView;
      expect(JSON.parse(JSON.stringify(tab.view)), `${where}: ${JSON.stringify(tab.viewer)}`).toEqual(fresh);
      this.checks++;
    }
  }
}

/** Plays the steps, feeding every commit (the step's and any deadline fired before it) to the room. */
function play(seed: number, players: number, steps: Step[], checkEvery: number): Room {
  const room = new Room();
  let seen = -1;
  const step = (accepted: GameEvent[] | null, before: GameState, game: Game, k: number) => {
    const all = game.events;
    const mine = accepted?.length ?? 0;
    const earlier = all.length - mine;
    if (seen < 0) {
      // The first step: open every viewer on the game as set up (joined, dealt, started).
      const setUp = fold(all.slice(0, earlier));
      if (setUp.created) {
        for (const id of Object.keys(setUp.seats)) room.open(setUp, { kind: 'seat', seatId: id });
        room.open(setUp, { kind: 'facilitator' });
        room.open(setUp, { kind: 'projector' });
      }
      seen = earlier;
    }
    if (earlier > seen) room.commit(before, all.slice(seen, earlier));
    if (accepted) room.commit(game.state, accepted);
    seen = all.length;
    // A second tab now and then: it starts from a snapshot while the first keeps folding patches.
    if (k % 17 === 5) {
      const ids = Object.keys(game.game.seats);
      room.open(game.state, { kind: 'seat', seatId: ids[k % ids.length]! });
    }
    if (k % checkEvery === 0) room.check(game.state, `step ${k}`);
  };
  let k = 0;
  const game = playRandom(seed, players, steps, (played, g) => step(played.accepted, played.before, g, k++));
  room.check(game.state, 'the end');
  return room;
}

const step: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat(1000),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  flag: fc.boolean(),
  dt: fc.oneof({ arbitrary: fc.nat(2_000), weight: 20 }, { arbitrary: fc.nat(60_000), weight: 1 }),
});

describe('incremental fan-out', () => {
  it('folds to project() for every viewer, whatever is played', () => {
    let patches = 0;
    fc.assert(
      fc.property(fc.record({ seed: fc.integer(), players: fc.integer({ min: 4, max: 24 }), steps: fc.array(step, { minLength: 10, maxLength: 200 }) }), ({ seed, players, steps }) => {
        patches += play(seed, players, steps, 1).patches;
      }),
      { numRuns: Number(process.env.FANOUT_RUNS ?? 40) },
    );
    expect(patches).toBeGreaterThan(1000);
  }, 240_000);

  it('still folds to project() after thousands of patches in one long session', () => {
    // Short gaps between commands, so the session is still being played after thousands of them.
    const steps = fc.sample(fc.record({ pick: fc.nat(1000), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), flag: fc.boolean(), dt: fc.nat(300) }), { numRuns: 3000, seed: 11 });
    const room = play(7, 30, steps, 100);
    expect(room.patches).toBeGreaterThan(1500);
    expect(room.checks).toBeGreaterThan(300);
  }, 240_000);
});
