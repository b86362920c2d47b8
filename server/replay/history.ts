import { eventAt, evolve, initialState, type ActiveGame, type GameState } from '../engine';
import type { EventStore, StoredEvent } from '../runtime/ports';

/**
 * A session's stored log and the states folded from it. Reaching a moment folds forward from the
 * nearest snapshot (one every `every` events), so any moment of a long session costs at most
 * `every` evolves; the snapshots are kept in memory for the few sessions looked at last (LRU).
 * The log is append-only, so a snapshot never goes stale: a running session's new events are
 * read on the next access and folded onto the last state.
 */
export interface ReplayLog {
  sessionId: string;
  /** events[i] has seq i + 1. */
  events: StoredEvent[];
}

export class ReplayError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * One version of a session's log with its snapshots. A caller keeps the one it read: it stays
 * whole even if the cache drops it meanwhile (another request read eight other sessions).
 */
export interface CachedLog {
  log: ReplayLog;
  /** snapshots[k]: the state after seq k × every (snapshots[0] is the empty state). */
  snapshots: GameState[];
  /** Results computed from the whole log, dropped when it grows. */
  derived: Map<string, unknown>;
}

export interface ReplayCacheOptions {
  every?: number;
  sessions?: number;
}

export class ReplayCache {
  private readonly every: number;
  private readonly capacity: number;
  private readonly entries = new Map<string, CachedLog>();
  /** Events folded so far, all sessions together: lets a test see that a visit folds the log once. */
  evolved = 0;

  constructor(options: ReplayCacheOptions = {}) {
    this.every = options.every ?? 50;
    this.capacity = options.sessions ?? 8;
  }

  /** The session's log, read from the store (only what is new since the last read). */
  async read(store: EventStore, sessionId: string): Promise<CachedLog> {
    const known = this.entries.get(sessionId);
    const fresh = await store.load(sessionId, known?.log.events.length ?? 0);
    // Another read may have moved the entry on while this one waited: continue from the latest.
    let entry = this.entries.get(sessionId) ?? known;
    if (entry) this.entries.delete(sessionId);
    entry ??= { log: { sessionId, events: [] }, snapshots: [initialState()], derived: new Map() };
    const have = entry.log.events.length;
    const newer = fresh.filter((e) => e.seq > have);
    if (newer.length > 0) {
      for (const [i, e] of newer.entries()) {
        if (e.seq !== entry.log.events.length + i + 1) throw new ReplayError('CORRUPT_LOG', `Session ${sessionId}'s log skips from seq ${entry.log.events.length + i} to ${e.seq}.`);
      }
      entry = { log: { sessionId, events: [...entry.log.events, ...newer] }, snapshots: entry.snapshots, derived: new Map() };
    }
    this.entries.set(sessionId, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** The state after event `seq` (0: before anything), exactly as the live game held it. */
  stateAt(entry: CachedLog, seq: number): { state: GameState; at: number } {
    const reached = foldTo(entry, seq, this.every);
    this.evolved += reached.evolved;
    return { state: reached.state, at: reached.at };
  }

  /** Whether reaching `seq` folds at most `every` events (a snapshot lies close before it). */
  covers(entry: CachedLog, seq: number): boolean {
    return (entry.snapshots.length - 1) * this.every + this.every > seq;
  }

  /**
   * A value computed once per version of the log (a timeline, the leak traces…). `walk` folds the
   * log like `walk` below and keeps the snapshots it passes, so that fold also serves the moments.
   */
  derive<T>(entry: CachedLog, key: string, compute: (log: ReplayLog, walk: Walker) => T): T {
    if (!entry.derived.has(key)) {
      const every = this.every;
      const snapshotting: Walker = (log, visit) =>
        walk(log, (stored, before, after) => {
          this.evolved++;
          visit(stored, before, after);
          if (stored.seq % every === 0 && stored.seq / every === entry.snapshots.length) entry.snapshots.push(after);
        });
      entry.derived.set(key, compute(entry.log, snapshotting));
    }
    return entry.derived.get(key) as T;
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }
}

function foldTo(entry: CachedLog, seq: number, every: number): { state: GameState; at: number; evolved: number } {
  const { events } = entry.log;
  if (!Number.isInteger(seq) || seq < 0 || seq > events.length) {
    throw new ReplayError('SEQ_OUT_OF_RANGE', `This session has moments 1 to ${events.length}; there is no moment ${seq}.`);
  }
  let k = Math.min(Math.floor(seq / every), entry.snapshots.length - 1);
  let state = entry.snapshots[k]!;
  const from = k * every;
  for (let s = from + 1; s <= seq; s++) {
    state = evolve(state, events[s - 1]!.event);
    if (s % every === 0 && s / every === entry.snapshots.length) {
      k = s / every;
      entry.snapshots.push(state);
    }
  }
  return { state, at: seq > 0 ? eventAt(events[seq - 1]!.event) : 0, evolved: Math.max(0, seq - from) };
}

/** Folds a whole log, calling `visit` with the state before and after each event. */
export function walk(log: ReplayLog, visit: (stored: StoredEvent, before: GameState, after: GameState) => void): GameState {
  let state: GameState = initialState();
  for (const stored of log.events) {
    const next = evolve(state, stored.event);
    visit(stored, state, next);
    state = next;
  }
  return state;
}

export type Visit = (stored: StoredEvent, before: GameState, after: GameState) => void;

/** A result computed in one pass over the log: `visit` sees every event, `finish` the final state. */
export interface Collector<T> {
  visit: Visit;
  finish(final: ActiveGame): T;
}

export function collect<T>(log: ReplayLog, collector: Collector<T>): T {
  return collector.finish(activeOrThrow(walk(log, collector.visit)));
}

/**
 * Several collectors in one fold: the debrief folds the log once for all of them (and keeps the
 * snapshots it passes, see ReplayCache.derive).
 */
export type Walker = (log: ReplayLog, visit: Visit) => GameState;

export function collectAll<C extends Record<string, Collector<unknown>>>(log: ReplayLog, collectors: C, walker: Walker = walk): { [K in keyof C]: C[K] extends Collector<infer T> ? T : never } {
  const list = Object.values(collectors);
  const final = activeOrThrow(walker(log, (stored, before, after) => {
    for (const c of list) c.visit(stored, before, after);
  }));
  return Object.fromEntries(Object.entries(collectors).map(([k, c]) => [k, c.finish(final)])) as { [K in keyof C]: C[K] extends Collector<infer T> ? T : never };
}

export function activeOrThrow(state: GameState): ActiveGame {
  if (!state.created) throw new ReplayError('UNKNOWN_SESSION', 'This session has no events.');
  return state;
}

/** One cache per event store, so tests with their own stores do not share snapshots. */
const caches = new WeakMap<EventStore, ReplayCache>();
export function replayCacheFor(store: EventStore): ReplayCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new ReplayCache()));
  return cache;
}
