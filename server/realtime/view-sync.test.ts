// The incremental fan-out against project(): random play (kicks, moves, seats handed over, back
// channels left, secret deals signed and leaked, the end of the session) through the very code the
// server runs after each commit. Every viewer starts from a snapshot and folds only the patches it
// was sent (front-channel lines as stream frames, the rest as patches, protocol 1 sockets patches
// only; sockets reconnect mid-stream); at every step its view must equal a fresh project() for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project, type Viewer } from '../engine';
import type { GameEvent } from '../engine/events';
import type { GameState } from '../engine/state';
import { fold, type Game } from '../engine/testing/harness';
import { playRandom, type Step } from '../engine/testing/random-play';
import { ViewTracker } from '../../shared/view-tracker';
import { CommitProjections, streamOf, unchangingIn } from './fanout';
import type { AnyView } from './protocol';
import { syncFrom, type ViewSync } from './view-sync';

/**
 * One simulated socket: what the server keeps (sync, the stream room it is in) and what the client
 * folded, with the browser's ViewTracker. Protocol 1 sockets (streams false) take no stream frames.
 */
interface Tab {
  viewer: Viewer;
  sync: ViewSync;
  tracker: ViewTracker;
  streams: boolean;
  stream: string | null;
}

/** Through JSON, as over the wire. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

class Room {
  tabs: Tab[] = [];
  patches = 0;
  frames = 0;
  checks = 0;
  private seq = 0;

  open(state: GameState, viewer: Viewer, streams = true): void {
    const view = project(state, viewer) as AnyView | null;
    if (!view || !state.created) return;
    const tracker = new ViewTracker();
    tracker.snapshot(wire({ seq: 0, view, serverNow: 0 }));
    this.tabs.push({ viewer, tracker, streams, stream: streams ? streamOf(view) : null, sync: syncFrom(view, state.messages.length, unchangingIn(state)) });
  }

  /** A socket of the same viewer reconnects: a new snapshot, a new sync, its stream room again. */
  reconnect(state: GameState, k: number): void {
    const tab = this.tabs[k % Math.max(1, this.tabs.length)];
    if (!tab) return;
    this.tabs = this.tabs.filter((t) => t !== tab);
    this.open(state, tab.viewer, tab.streams);
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
      if (tab.stream !== null && projections.streams?.has(tab.stream)) {
        const items = projections.streamFor(tab.stream, tab.sync);
        if (items) {
          for (const { n, message } of items) {
            expect(tab.tracker.stream(wire({ channelId: tab.stream, n, message, serverNow: 0 })), `frame ${n} of ${tab.stream} to ${JSON.stringify(tab.viewer)}`).toBe(true);
            this.frames++;
          }
          continue;
        }
      }
      if (!projections.concerns(tab.viewer, tab.sync)) continue;
      const next = projections.patchFor(tab.viewer, tab.sync);
      // The stream room follows the view at every commit it is brought to (followStream).
      tab.stream = tab.streams ? streamOf(next?.view ?? null) : null;
      if (!next?.diff) continue;
      const base = tab.tracker.seq;
      expect(tab.tracker.patch(wire({ seq: base + 1, base, ...next.diff, serverNow: 0 }))).toBe(true);
      this.patches++;
      if (next.view.kind === 'seat' && next.view.me.status === 'kicked') removed.add(tab);
    }
    this.tabs = this.tabs.filter((t) => !removed.has(t));
    // A newcomer's socket connects after its join.
    for (const e of events) if (e.type === 'PlayerJoined') this.open(state, { kind: 'seat', seatId: e.seatId }, this.seq++ % 5 !== 0);
  }

  check(state: GameState, where: string): void {
    for (const tab of this.tabs) {
      const fresh = wire(project(state, tab.viewer));
      expect(wire(tab.tracker.view), `${where}: ${JSON.stringify(tab.viewer)}`).toEqual(fresh);
      // A stream room only while the view shows that front channel.
      expect(tab.stream, `${where}: stream of ${JSON.stringify(tab.viewer)}`).toBe(tab.streams ? streamOf(fresh as AnyView | null) : null);
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
        // One seat in five on protocol 1: patches only, never a stream frame.
        for (const [i, id] of Object.keys(setUp.seats).entries()) room.open(setUp, { kind: 'seat', seatId: id }, i % 5 !== 4);
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
    // A reconnect mid-stream: the socket starts again from a snapshot and its stream room.
    if (k % 13 === 7) room.reconnect(game.state, k);
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
    let frames = 0;
    fc.assert(
      fc.property(fc.record({ seed: fc.integer(), players: fc.integer({ min: 4, max: 24 }), steps: fc.array(step, { minLength: 10, maxLength: 200 }) }), ({ seed, players, steps }) => {
        const room = play(seed, players, steps, 1);
        patches += room.patches;
        frames += room.frames;
      }),
      { numRuns: Number(process.env.FANOUT_RUNS ?? 100) },
    );
    expect(patches).toBeGreaterThan(1000);
    // Random play posts in every kind of channel: a front line is one post in several. With 40
    // sequences the frames ranged 43–108 and once fell under this bar; 100 give 180–230.
    expect(frames).toBeGreaterThan(50);
  }, 240_000);

  it('still folds to project() after thousands of patches in one long session', () => {
    // Short gaps between commands, so the session is still being played after thousands of them.
    const steps = fc.sample(fc.record({ pick: fc.nat(1000), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), flag: fc.boolean(), dt: fc.nat(300) }), { numRuns: 3000, seed: 11 });
    const room = play(7, 30, steps, 100);
    expect(room.patches).toBeGreaterThan(1500);
    expect(room.frames).toBeGreaterThan(30);
    expect(room.checks).toBeGreaterThan(300);
  }, 240_000);
});
