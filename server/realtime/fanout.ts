import type { Server } from 'socket.io';
import { project } from '../engine';
import type { Logger } from '../log';
import type { Committed } from '../runtime/session-runtime';
import { diffViews, serialise } from './patch';
import type { AnyView, ServerToClientEvents } from './protocol';
import { describeViewer, roomOf, type GameSocket } from './sockets';

const SEAT_HANDED_OVER = 'The facilitator has given your seat to another player. If this is a mistake, ask the facilitator.';

type ViewCache = Map<string, { view: AnyView | null; serialised: Map<string, string> }>;

export interface FanOutDeps {
  now: () => number;
  send: <E extends keyof ServerToClientEvents>(socket: GameSocket, event: E, ...args: Parameters<ServerToClientEvents[E]>) => boolean;
  removeSocket: (socket: GameSocket) => void;
  log: Logger;
}

/**
 * After a commit, each socket of the session gets the change of its own projection: computed once
 * per viewer, diffed with what that socket holds, sent as a patch when something changed.
 */
export function createFanOut(io: Server, deps: FanOutDeps): (committed: Committed) => void {
  /** After a commit, each socket of the session gets the change of its own projection. */
  function fanOut(committed: Committed): void {
    const sockets = io.sockets.adapter.rooms.get(roomOf(committed.sessionId));
    if (!sockets) return;
    for (const { event } of committed.events) if (event.type === 'SeatReplaced') handOver(sockets, event.seatId, event.fromSeatId);
    const cache: ViewCache = new Map();
    for (const socketId of sockets) {
      const socket = io.sockets.sockets.get(socketId) as GameSocket | undefined;
      if (!socket || !socket.data.view) continue;
      try {
        patchSocket(socket, committed, cache);
      } catch (error) {
        // One viewer's failure must not keep the change from the others.
        deps.log.error(`fan-out to ${describeViewer(socket.data)} in session ${committed.sessionId} failed`, error);
      }
    }
  }

  /** One socket's change: its viewer's projection (computed once per viewer and commit) diffed with what it holds. */
  function patchSocket(socket: GameSocket, committed: Committed, cache: ViewCache): void {
    const data = socket.data;
    if (!data.view) return;
    const key = JSON.stringify(data.viewer);
    let next = cache.get(key);
    if (!next) {
      const view = project(committed.state, data.viewer) as AnyView | null;
      next = { view, serialised: view ? serialise(view) : new Map() };
      cache.set(key, next);
    }
    if (!next.view) return;
    const diff = diffViews(data.view, data.serialised, next.view, next.serialised);
    data.view = next.view;
    data.serialised = next.serialised;
    if (Object.keys(diff.set).length === 0 && Object.keys(diff.append).length === 0) return;
    const base = data.seq;
    data.seq = base + 1;
    deps.send(socket, 'patch', { seq: base + 1, base, ...diff, serverNow: deps.now() });
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
