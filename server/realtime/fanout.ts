import type { Server } from 'socket.io';
import { project, type Viewer } from '../engine';
import type { GameEvent } from '../engine/events';
import type { GameState } from '../engine/state';
import type { Logger } from '../log';
import type { Committed } from '../runtime/session-runtime';
import type { ViewDiff } from '../../shared/patch';
import { keepsMessageVisibility, scopeOf, type Scope } from './event-scope';
import type { AnyView, ServerToClientEvents } from './protocol';
import { describeViewer, roomOf, type GameSocket } from './sockets';
import { advance, type ViewSync } from './view-sync';

const SEAT_HANDED_OVER = 'The facilitator has given your seat to another player. If this is a mistake, ask the facilitator.';

export interface FanOutDeps {
  now: () => number;
  send: <E extends keyof ServerToClientEvents>(socket: GameSocket, event: E, ...args: Parameters<ServerToClientEvents[E]>) => boolean;
  removeSocket: (socket: GameSocket) => void;
  log: Logger;
}

/** Values that never change within a session, whose digest is worth keeping by reference. */
export function unchangingIn(state: GameState): (value: object) => boolean {
  return state.created ? (value) => Object.isFrozen(value) || value === state.scenario || value === state.options : Object.isFrozen;
}

/**
 * One commit's projections, each built once for all the sockets of a viewer that hold the same
 * messages (two tabs of one seat share it).
 */
export class CommitProjections {
  private readonly views = new Map<string, AnyView | null>();
  readonly messagesTail: boolean;
  readonly scope: Scope;
  readonly unchanging: (value: object) => boolean;

  constructor(readonly state: GameState, events: readonly GameEvent[]) {
    this.messagesTail = keepsMessageVisibility(events);
    this.scope = scopeOf(events, state);
    this.unchanging = unchangingIn(state);
  }

  /** Whether the commit can change this viewer's view (see event-scope.ts). */
  concerns(viewer: Viewer, sync: ViewSync): boolean {
    if (viewer.kind !== 'seat' || this.scope.all) return true;
    const tables = this.scope.tables;
    if (sync.tableId !== null && tables.has(sync.tableId)) return true;
    const now = this.state.created ? this.state.seats[viewer.seatId]?.tableId : undefined;
    return now !== undefined && now !== null && tables.has(now);
  }

  /** The viewer's change since `sync`, from project() for that viewer; `sync` moves on. */
  patchFor(viewer: Viewer, sync: ViewSync): { diff: ViewDiff | null; view: AnyView } | null {
    const from = this.messagesTail ? sync.messagesSeen : 0;
    const key = `${viewer.kind === 'seat' ? viewer.seatId : viewer.kind}|${from}`;
    let view = this.views.get(key);
    if (view === undefined) {
      view = project(this.state, viewer, { messagesFrom: from }) as AnyView | null;
      this.views.set(key, view);
    }
    if (!view) return null;
    const diff = advance(sync, view, this.messagesTail, this.unchanging);
    // Never back: a snapshot taken from a later state than this commit's already holds more.
    if (this.state.created) sync.messagesSeen = Math.max(sync.messagesSeen, this.state.messages.length);
    return { diff, view };
  }
}

/**
 * After a commit, each socket the commit can concern gets the change of its own projection:
 * projected once per viewer, compared key by key with the digests of what that socket holds, sent
 * as a patch when something changed. Sockets at other tables are not projected at all.
 */
export function createFanOut(io: Server, deps: FanOutDeps): (committed: Committed) => void {
  function fanOut(committed: Committed): void {
    const sockets = io.sockets.adapter.rooms.get(roomOf(committed.sessionId));
    if (!sockets) return;
    for (const { event } of committed.events) if (event.type === 'SeatReplaced') handOver(sockets, event.seatId, event.fromSeatId);
    const projections = new CommitProjections(committed.state, committed.events.map((e) => e.event));
    for (const socketId of sockets) {
      const socket = io.sockets.sockets.get(socketId) as GameSocket | undefined;
      const sync = socket?.data.sync;
      if (!socket || !sync || !projections.concerns(socket.data.viewer, sync)) continue;
      try {
        patchSocket(socket, sync, projections);
      } catch (error) {
        // One viewer's failure must not keep the change from the others.
        deps.log.error(`fan-out to ${describeViewer(socket.data)} in session ${committed.sessionId} failed`, error);
      }
    }
  }

  function patchSocket(socket: GameSocket, sync: ViewSync, projections: CommitProjections): void {
    const next = projections.patchFor(socket.data.viewer, sync);
    if (!next?.diff) return;
    const base = socket.data.seq;
    socket.data.seq = base + 1;
    deps.send(socket, 'patch', { seq: base + 1, base, ...next.diff, serverNow: deps.now() });
    if (next.view.kind === 'seat' && next.view.me.status === 'kicked') deps.removeSocket(socket);
  }

  /**
   * A seat changed hands: the old occupant's sockets are told and closed (their token no longer
   * opens anything), and a waiting player's sockets now show the seat they took over.
   */
  function handOver(sockets: Set<string>, seatId: string, fromSeatId: string | null): void {
    for (const socketId of [...sockets]) {
      const socket = io.sockets.sockets.get(socketId) as GameSocket | undefined;
      const viewer = socket?.data.viewer;
      if (!socket || viewer?.kind !== 'seat') continue;
      if (viewer.seatId === seatId) {
        deps.send(socket, 'removed', { message: SEAT_HANDED_OVER });
        socket.disconnect(true);
      } else if (fromSeatId !== null && viewer.seatId === fromSeatId) {
        socket.data.viewer = { kind: 'seat', seatId };
      }
    }
  }

  return fanOut;
}
