import type { Server } from 'socket.io';
import { project, type Viewer } from '../engine';
import { projectFrontStream, type FrontStreamItem } from '../engine/project';
import type { GameEvent } from '../engine/events';
import type { GameState } from '../engine/state';
import type { Logger } from '../log';
import type { Committed } from '../runtime/session-runtime';
import type { ViewDiff } from '../../shared/patch';
import { keepsMessageVisibility, scopeOf, type Scope } from './event-scope';
import type { AnyView, ServerToClientEvents } from './protocol';
import { describeViewer, roomOf, type GameSocket } from './sockets';
import { advance, appendMessages, type Tail, type ViewSync } from './view-sync';

const SEAT_HANDED_OVER = 'The facilitator has given your seat to another player. If this is a mistake, ask the facilitator.';

/** The Socket.IO room of the sockets that show a front channel: its frames are encoded once for all of them. */
export const streamRoomOf = (sessionId: string, channelId: string) => `stream:${sessionId}:${channelId}`;

/**
 * The front channel a view shows, whose stream its socket may receive: a seat's view lists its
 * table's front channel exactly while project() shows that channel's messages to it (active, at
 * that table). Protocol 2 and later; null for other viewers.
 */
export function streamOf(view: AnyView | null): string | null {
  if (view?.kind !== 'seat') return null;
  return view.channels.find((c) => c.kind === 'front')?.id ?? null;
}

/**
 * Puts the socket in the room of the stream its view shows now, and out of any other: called
 * whenever the socket is brought to a commit by a snapshot or a patch, so it receives a stream's
 * frames exactly from the commit at which project() starts showing the channel until the commit at
 * which it stops (a move, a kick, leaving, a seat handed over).
 */
export function followStream(socket: GameSocket, view: AnyView | null): void {
  const data = socket.data;
  const channelId = data.streams ? streamOf(view) : null;
  if (channelId === data.stream) return;
  if (data.stream !== null) void socket.leave(streamRoomOf(data.sessionId, data.stream));
  if (channelId !== null) void socket.join(streamRoomOf(data.sessionId, channelId));
  data.stream = channelId;
}

export interface FanOutDeps {
  now: () => number;
  send: <E extends keyof ServerToClientEvents>(socket: GameSocket, event: E, ...args: Parameters<ServerToClientEvents[E]>) => boolean;
  removeSocket: (socket: GameSocket) => void;
  /** Drops a socket that holds more unsent output than `maxBufferedBytes` (see send in index.ts). */
  drop: (socket: GameSocket) => void;
  maxBufferedBytes: number;
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
  /**
   * When the commit only posts front-channel messages, those messages by channel: a seat view that
   * shows such a channel changes by these messages and nothing else (a front message moves no
   * clock, no risk, no ability), so its socket gets them as stream frames and is not projected.
   * Null for any other commit.
   */
  readonly streams: Map<string, FrontStreamItem[]> | null;
  /** By channel: this commit's messages, and the message chains they already extended. */
  private readonly chains = new Map<string, { messages: FrontStreamItem['message'][]; memo: Map<Tail, Tail> }>();

  constructor(readonly state: GameState, events: readonly GameEvent[]) {
    this.messagesTail = keepsMessageVisibility(events);
    this.scope = scopeOf(events, state);
    this.unchanging = unchangingIn(state);
    this.streams = frontStreams(state, events);
  }

  /**
   * The stream items of this commit for a socket that shows `channelId`, and `sync` moved past
   * them; null when the socket must be patched instead (not a stream commit, or its view already
   * holds a later state than the commit before this one, as a snapshot taken meanwhile would).
   */
  streamFor(channelId: string, sync: ViewSync): FrontStreamItem[] | null {
    const items = this.streams?.get(channelId);
    if (!items || !this.state.created || sync.messagesSeen > items[0]!.index) return null;
    let chain = this.chains.get(channelId);
    if (!chain) this.chains.set(channelId, (chain = { messages: items.map((i) => i.message), memo: new Map() }));
    appendMessages(sync, chain.messages, this.state.messages.length, chain.memo);
    return items;
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

function frontStreams(state: GameState, events: readonly GameEvent[]): Map<string, FrontStreamItem[]> | null {
  if (!state.created || events.length === 0 || !events.every((e) => e.type === 'MessagePosted')) return null;
  const items = projectFrontStream(state, state.messages.length - events.length);
  if (!items || items.length !== events.length) return null;
  const byChannel = new Map<string, FrontStreamItem[]>();
  for (const [k, item] of items.entries()) {
    const event = events[k]!;
    // Each MessagePosted appends one message, in order: anything else is not this fast path's to judge.
    if (event.type !== 'MessagePosted' || event.messageId !== item.message.id) return null;
    const list = byChannel.get(item.channelId);
    if (list) list.push(item);
    else byChannel.set(item.channelId, [item]);
  }
  return byChannel;
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
    /** Sockets of a stream room that get this commit as a patch instead of its frames. */
    let patched: string[] | null = null;
    for (const socketId of sockets) {
      const socket = io.sockets.sockets.get(socketId) as GameSocket | undefined;
      const sync = socket?.data.sync;
      if (!socket || !sync) continue;
      const stream = socket.data.stream;
      if (stream !== null && projections.streams?.has(stream)) {
        if (projections.streamFor(stream, sync)) {
          // The room's emit does not go through send(): its flow control is applied here.
          if (socket.data.outbox.overLimit(deps.maxBufferedBytes)) {
            followStream(socket, null);
            deps.drop(socket);
          }
          continue;
        }
        (patched ??= []).push(socketId);
      }
      if (!projections.concerns(socket.data.viewer, sync)) continue;
      try {
        patchSocket(socket, sync, projections);
      } catch (error) {
        // One viewer's failure must not keep the change from the others; nor may it leave the
        // socket in a stream its view may no longer show.
        followStream(socket, null);
        deps.log.error(`fan-out to ${describeViewer(socket.data)} in session ${committed.sessionId} failed`, error);
      }
    }
    if (!projections.streams) return;
    const serverNow = deps.now();
    for (const [channelId, items] of projections.streams) {
      const room = io.local.to(streamRoomOf(committed.sessionId, channelId)).except(patched ?? []);
      for (const { n, message } of items) room.emit('stream', { channelId, n, message, serverNow });
    }
  }

  function patchSocket(socket: GameSocket, sync: ViewSync, projections: CommitProjections): void {
    const next = projections.patchFor(socket.data.viewer, sync);
    followStream(socket, next?.view ?? null);
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
