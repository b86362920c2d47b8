import { project, type ActiveGame } from '../engine';
import { buildClassView } from './class-view';
import { comparisonCollector } from './compare';
import type { EventStore } from '../runtime/ports';
import { activeOrThrow, collectAll, replayCacheFor, ReplayError, type CachedLog, type ReplayCache, type ReplayLog, type Walker } from './history';
import { ledgerCollector } from './ledger';
import { leakCollector } from './leaks';
import { momentView } from './moment';
import { seriesCollector } from './series';
import { seatingOf, timelineCollector } from './timeline';
import type { ClassReveal, ClassView, LeakTrace, Marker, MySeatReplay, Perspective, ReplayComparison, ReplayMoment, ReplaySeries, ReplaySupportChange, Timeline } from './types';

/**
 * The replay of one session, its log read through the per-store cache when it is opened (only
 * what is new since the last read): whole-log results (timeline, traces, series…) are computed
 * once per version of the log, moments are folded from the nearest snapshot. Everything after
 * `open` is synchronous: the log it read is the one it answers from.
 */
export class SessionReplay {
  static async open(store: EventStore, sessionId: string, createdAt: number): Promise<SessionReplay> {
    const cache = replayCacheFor(store);
    return new SessionReplay(cache, await cache.read(store, sessionId), sessionId, createdAt);
  }

  private constructor(
    private readonly cache: ReplayCache,
    private readonly entry: CachedLog,
    readonly sessionId: string,
    private readonly createdAt: number,
  ) {}

  private derive<T>(key: string, compute: (log: ReplayLog, walk: Walker) => T): T {
    return this.cache.derive(this.entry, key, compute);
  }

  get log(): ReplayLog {
    return this.entry.log;
  }

  lastSeq(): number {
    return this.log.events.length;
  }

  /** Everything the debrief reads from the whole log, in one fold (a long log's fold is the cost). */
  private digest() {
    return this.derive('digest', (log, walk) => {
      const seating = seatingOf(log);
      return collectAll(log, {
        timeline: timelineCollector(this.sessionId, log, { createdAt: this.createdAt }, seating),
        leaks: leakCollector(),
        series: seriesCollector(seating),
        compare: comparisonCollector(seating),
        ledger: ledgerCollector(),
      }, walk);
    });
  }

  timeline(): Timeline {
    return this.digest().timeline;
  }

  leaks(): LeakTrace[] {
    return this.digest().leaks;
  }

  series(): ReplaySeries {
    return this.digest().series;
  }

  compare(): ReplayComparison {
    return this.digest().compare;
  }

  supportLedger(seatId: string | null): ReplaySupportChange[] {
    const all = this.digest().ledger;
    if (seatId === null) return all;
    const tableId = this.derive('seating', seatingOf)[seatId]?.tableId;
    if (!tableId) throw new ReplayError('UNKNOWN_SEAT', `Seat ${seatId} never sat at a table in this session.`);
    return all.filter((c) => c.tableId === tableId);
  }

  /**
   * The state after `seq`. When no snapshot lies close before it, the digest comes first: its one
   * fold of the whole log lays down the snapshots too, so a first visit folds the log once, and
   * every moment after that folds at most `every` events from the snapshot before it.
   */
  private stateAt(seq: number) {
    if (!this.cache.covers(this.entry, seq)) this.digest();
    return this.cache.stateAt(this.entry, seq);
  }

  /**
   * The state after the last event, kept with this version of the log: `at` checks every seat and
   * table against it, so without the memo each moment would also fold up to `every` events more.
   */
  final(): ActiveGame {
    return this.derive('final', () => activeOrThrow(this.stateAt(this.lastSeq()).state));
  }

  at(seq: number, perspective: Perspective): ReplayMoment {
    if (perspective.kind === 'seat' && !this.final().seats[perspective.seatId]) throw new ReplayError('UNKNOWN_SEAT', `There is no seat ${perspective.seatId} in this session.`);
    if (perspective.kind === 'table' && !this.final().tables[perspective.tableId]) throw new ReplayError('UNKNOWN_TABLE', `There is no table ${perspective.tableId} in this session.`);
    const { state, at } = this.stateAt(seq);
    return momentView(state, seq, at, perspective);
  }

  classView(reveal: ClassReveal, seq: number | undefined): ClassView {
    const lastSeq = this.lastSeq();
    const moment = seq ?? lastSeq;
    const { state, at } = this.stateAt(moment);
    if (!state.created) throw new ReplayError('SEQ_OUT_OF_RANGE', 'Nothing had happened yet at that moment.');
    const textSeq = this.derive('textSeq', (log) => new Map(log.events.flatMap((e) => (e.event.type === 'MessagePosted' ? [[e.event.messageId, e.seq] as const] : []))));
    return buildClassView({ state, seq: moment, at, lastSeq, reveal, markers: this.timeline().markers, traces: this.leaks(), textSeq, seating: this.derive('seating', seatingOf) });
  }

  /** A student's own screen at `seq`, and the moments of the game they saw. */
  mySeat(seatId: string, seq: number | undefined): MySeatReplay {
    const lastSeq = this.lastSeq();
    const firstSeq = this.log.events.find((e) => e.event.type === 'PlayerJoined' && e.event.seatId === seatId)?.seq;
    if (firstSeq === undefined) throw new ReplayError('UNKNOWN_SEAT', 'That seat is not in this session.');
    const moment = Math.max(firstSeq, seq ?? lastSeq);
    const { state, at } = this.stateAt(moment);
    const view = project(state, { kind: 'seat', seatId });
    if (!view) throw new ReplayError('UNKNOWN_SEAT', 'That seat is not in this session.');
    const seat = this.derive('seating', seatingOf)[seatId];
    const side = this.final().scenario.roles.find((r) => r.id === seat?.roleId)?.side ?? null;
    const tips = new Set(this.leaks().filter((t) => t.tip.recipients.includes(seatId)).map((t) => t.tip.seq));
    return { firstSeq, seq: moment, at, lastSeq, view, markers: this.timeline().markers.filter((m) => seatMarker(m, seat?.tableId ?? null, side, tips)).map((m) => (m.kind === 'leak' || m.kind === 'rumour' ? { ...m, kind: 'leak' as const, label: 'You received a tip', channelKind: null } : m)) };
  }
}

/** The moments a seat may jump to: public ones of its table, news it received, tips it was given. */
function seatMarker(marker: Marker, tableId: string | null, side: string | null, tips: Set<number>): boolean {
  if (marker.tableId !== null && marker.tableId !== tableId) return false;
  switch (marker.kind) {
    case 'phase':
    case 'deadline':
    case 'story':
    case 'announcement':
      return true;
    case 'inject':
    case 'broadcast':
      return marker.audience === undefined || marker.audience === 'all' || marker.audience === side;
    case 'leak':
    case 'rumour':
      return tips.has(marker.seq);
    default:
      return false;
  }
}
