import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventAt, evolve, initialState, project, tableSizeRange, type GameEvent, type GameState, type SeatView } from '../engine';
import { builtInScenarios } from '../scenarios';
import { ReplayCache, replayCacheFor } from './history';
import { leakTraces } from './leaks';
import { SessionReplay } from './service';
import { openReplayBench, playBotSession, type PlayedSession, type ReplayBench } from './testing/bot-session';

/**
 * Bot-played sessions of every scenario, stored by the real runtime in a real SQLite file, then
 * rebuilt from that file. Nothing here compares the replay with itself: the live runtime's state,
 * `project()` of a naive fold, and the events' own records are the references.
 */
let bench: ReplayBench;
const played = new Map<string, PlayedSession>();
/** Each finished session's replay, opened (its log read from the store) once it was played. */
const replays = new Map<string, SessionReplay>();
const scenarios = builtInScenarios();

beforeAll(async () => {
  bench = await openReplayBench();
  for (const [i, scenario] of scenarios.entries()) {
    const size = Math.max(tableSizeRange(scenario.roles).min, 6);
    const session = await playBotSession(bench, scenario, { players: size * 2, tables: 2, seed: 11 + i });
    played.set(scenario.id, session);
    replays.set(scenario.id, await SessionReplay.open(bench.stores.events, session.sessionId, 0));
  }
}, 600_000);
afterAll(() => bench?.close());

const naiveFold = (events: GameEvent[], seq: number): GameState => events.slice(0, seq).reduce(evolve, initialState());
const replayOf = (id: string) => replays.get(id)!;

describe.each(scenarios.map((s) => s.id))('the replay of a bot-played %s session', (scenarioId) => {
  it('folds the stored log to exactly the state the live game ended with', () => {
    const { sessionId } = played.get(scenarioId)!;
    const live = bench.runtime.loaded(sessionId)!.current;
    expect(live.created && live.status).toBe('ended');
    const replay = replayOf(scenarioId);
    expect(replay.final()).toEqual(live);
    expect(replay.timeline().lastSeq).toBe(bench.runtime.loaded(sessionId)!.lastSeq);
  });

  it('gives every event its time, for playback at the game’s own pace', () => {
    const replay = replayOf(scenarioId);
    const { times, firstSeq } = replay.timeline();
    const ats = replay.log.events.map((e) => eventAt(e.event));
    expect(firstSeq).toBe(1);
    expect(times.offsets.map((o) => times.from + o)).toEqual(ats);
    expect(new Set(ats).size).toBeGreaterThan(10);
  });

  it("shows a seat, at any moment, exactly project() of the state folded to that moment", () => {
    const replay = replayOf(scenarioId);
    const events = replay.log.events.map((e) => e.event);
    const seats = Object.keys(replay.final().seats);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: events.length }), fc.constantFrom(...seats), (seq, seatId) => {
        const moment = replay.at(seq, { kind: 'seat', seatId });
        expect(moment.view).toEqual(project(naiveFold(events, seq), { kind: 'seat', seatId }));
      }),
      { numRuns: 40 },
    );
  });

  it('answers "why did my support move?" on every seat\'s end screen: the moves add up to the support it ended with', () => {
    const replay = replayOf(scenarioId);
    const final = replay.final();
    for (const seatId of Object.keys(final.seats)) {
      const view = project(final, { kind: 'seat', seatId }) as SeatView;
      if (!view.table) continue;
      expect(view.supportLedger).not.toBeNull();
      for (const side of final.scenario.sides) {
        const moves = view.supportLedger!.filter((c) => c.side === side.id);
        const total = moves.reduce((n, c) => n + c.delta, side.initialSupport);
        expect(total, `${seatId}: ${side.id}`).toBe(view.table.support[side.id]);
        for (const c of moves) expect(c.label.length).toBeGreaterThan(5);
      }
    }
    // While the game runs, nobody has a ledger yet.
    const running = naiveFold(replay.log.events.map((e) => e.event), replay.timeline().phases[1]!.startSeq);
    for (const seatId of Object.keys(final.seats)) expect(project(running, { kind: 'seat', seatId })?.supportLedger).toBeNull();
  });
});

describe('leak traces', () => {
  const all = () => scenarios.flatMap((s) => leakTraces(replayOf(s.id).log).map((t) => ({ scenario: s.id, t })));

  it('follow every leak from what was said to the tip, the story and the support it moved', () => {
    const traces = all();
    expect(traces.length).toBeGreaterThan(3);
    expect(traces.some(({ t }) => t.published)).toBe(true);
    for (const { scenario, t } of traces) {
      if (t.source === 'message' || t.source === 'proposal') {
        expect(t.origin.seq).not.toBeNull();
        expect(t.origin.seq!).toBeLessThan(t.tip.seq);
        expect(t.origin.text.length).toBeGreaterThan(0);
        expect(t.risk?.recorded).toBe(true);
        expect(t.risk!.roll!).toBeLessThan(t.risk!.value);
      }
      if (t.story) {
        expect(t.story.seq).toBeGreaterThan(t.tip.seq);
        const ledger = replayOf(scenario).supportLedger(null).filter((c) => c.tableId === t.tableId && c.seq === t.story!.seq);
        for (const [side, delta] of Object.entries(t.supportChange)) expect(ledger.filter((c) => c.side === side).reduce((n, c) => n + c.delta, 0)).toBe(delta);
      }
    }
  });

  it('read the same from an older log whose leak events carry no roll: the numbers are recomputed from the folded state', () => {
    let recomputed = 0;
    for (const s of scenarios) {
      const log = replayOf(s.id).log;
      const old = { ...log, events: log.events.map((e) => (e.event.type === 'LeakOccurred' ? { ...e, event: { type: e.event.type, tip: e.event.tip, rng: e.event.rng } as GameEvent } : e)) };
      const now = leakTraces(log);
      const then = leakTraces(old);
      expect(then.length).toBe(now.length);
      then.forEach((t, i) => {
        const recorded = now[i]!;
        if (recorded.risk?.breakdown && t.risk) {
          expect(t.risk.recorded).toBe(false);
          expect(t.risk.value).toBe(recorded.risk.value);
          expect(t.risk.roll).toBe(recorded.risk.roll);
          expect(t.risk.breakdown).toEqual(recorded.risk.breakdown);
          recomputed++;
        }
        expect({ ...t, risk: null }).toEqual({ ...recorded, risk: null });
      });
    }
    expect(recomputed).toBeGreaterThan(0);
  });
});

describe('the snapshot cache', () => {
  it('reaches any moment, in any order, as a fold from nothing does', async () => {
    const { sessionId } = played.get(scenarios[0]!.id)!;
    const store = bench.stores.events;
    const events = (await store.load(sessionId)).map((e) => e.event);
    const cache = new ReplayCache({ every: 7, sessions: 2 });
    const entry = await cache.read(store, sessionId);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: events.length }), { minLength: 1, maxLength: 12 }), (seqs) => {
        for (const seq of seqs) expect(cache.stateAt(entry, seq).state).toEqual(naiveFold(events, seq));
      }),
      { numRuns: 25 },
    );
    expect(() => cache.stateAt(entry, events.length + 1)).toThrow(/no moment/);
  });

  it('folds the whole log once on a first visit of the debrief, whatever it asks first, and at most a snapshot interval per moment after', async () => {
    const { sessionId } = played.get(scenarios[0]!.id)!;
    const store = bench.stores.events;
    const cache = replayCacheFor(store);
    cache.forget(sessionId);
    const replay = await SessionReplay.open(store, sessionId, 0);
    const n = replay.lastSeq();
    const seatId = Object.keys(replay.final().seats)[0]!;
    cache.forget(sessionId);
    const before = cache.evolved;
    // A moment near the end first (the page opens on the final state), then what the page reads.
    replay.at(n - 1, { kind: 'all' });
    replay.timeline();
    replay.leaks();
    replay.at(n - 2, { kind: 'seat', seatId });
    replay.final();
    expect(cache.evolved - before).toBeLessThanOrEqual(n + 3 * 50);
    const later = cache.evolved;
    for (const seq of [1, Math.floor(n / 3), Math.floor(n / 2), n]) replay.at(seq, { kind: 'seat', seatId });
    expect(cache.evolved - later).toBeLessThanOrEqual(4 * 50);
  });
});
