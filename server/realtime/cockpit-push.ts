import type { Server } from 'socket.io';
import { summarise, type SessionSummary } from '../api/cockpit';
import { projectorDebrief, projectorDebriefSetting } from '../api/projector-debrief';
import type { EventStore, SessionRecord } from '../runtime/ports';
import type { Runtime } from '../runtime/runtime';
import type { Committed } from '../runtime/session-runtime';
import type { Presence, ServerToClientEvents } from './protocol';
import { connectedSeats, roomOf, type GameSocket } from './sockets';

/** The Socket.IO room of one facilitator's `sessions` sockets, and of every admin's. */
export const listRoomOf = (facilitatorId: string) => `sessions:${facilitatorId}`;
export const ADMIN_LIST_ROOM = 'sessions:admins';

export interface CockpitPushDeps {
  runtime: Runtime;
  /** The event store the room screen's debrief is replayed from. */
  events: EventStore;
  /** The seats the dashboard's bots play in this session (none when the server runs no bots). */
  botsOf: (sessionId: string) => string[];
  /** Sends with the socket layer's flow control and login check; false when it did not send. */
  /** A push that failed (the store could not be read): logged, and the next change pushes again. */
  onError: (error: unknown) => void;
  /**
   * Several nodes: a changed row is told to the other nodes (whose lists may show it), and rows they
   * tell arrive here. Absent with one node.
   */
  rows?: { share(facilitatorId: string, row: SessionSummary): void; onRow(listener: (facilitatorId: string, row: SessionSummary) => void): void };
  send: <E extends 'sessions' | 'session' | 'presence' | 'debrief'>(socket: GameSocket, event: E, ...args: Parameters<ServerToClientEvents[E]>) => boolean;
}

/**
 * What keeps the cockpit live without polling: the session list (one row pushed when a session's
 * status, phase, players or connections change) and the presence of the session open in the god
 * view (pushed when a seat's socket opens or closes). A (re)connecting socket gets the whole of
 * either first, so a change missed while it was away is caught up then.
 */
export function createCockpitPush(io: Server, deps: CockpitPushDeps) {
  /** The last row sent per session: a chat message commits too, and changes no row. */
  const lastRow = new Map<string, string>();
  /** A session's record (id, code, owner, creation) does not change: read from the store once. */
  const records = new Map<string, SessionRecord>();

  const socketsIn = (room: string): GameSocket[] =>
    [...(io.sockets.adapter.rooms.get(room) ?? [])].map((id) => io.sockets.sockets.get(id) as GameSocket | undefined).filter((s): s is GameSocket => s !== undefined);

  async function recordOf(sessionId: string): Promise<SessionRecord | undefined> {
    let record = records.get(sessionId);
    if (!record) {
      const owner = await deps.runtime.ownerOf(sessionId);
      record = owner ? (await deps.runtime.listSessions(owner)).find((r) => r.id === sessionId) : undefined;
      if (record) records.set(sessionId, record);
    }
    return record;
  }

  /** Pushes the session's row to its owner's and the admins' lists, if it changed since last sent. */
  async function pushRow(sessionId: string): Promise<void> {
    // Reading the record may wait on the store; the row is computed after it, from the session as
    // it is then, so rows sent later never show an older state.
    const record = await recordOf(sessionId);
    if (!record) return;
    const targets = new Set([...socketsIn(ADMIN_LIST_ROOM), ...socketsIn(listRoomOf(record.facilitatorId))]);
    // Nobody's list is open: nothing to compute. A list opened later starts with the whole of it,
    // and the next change is pushed whatever was last sent. (Several nodes: another node's may be.)
    if (targets.size === 0 && !deps.rows) {
      lastRow.delete(sessionId);
      return;
    }
    const state = deps.runtime.loaded(sessionId)?.current;
    // Not hosted here (several nodes): its owner tells the row.
    if (!state && deps.rows) return;
    const summary = summarise(record, state, connectedSeats(io, sessionId));
    const json = JSON.stringify(summary);
    if (lastRow.get(sessionId) === json) return;
    lastRow.set(sessionId, json);
    for (const socket of targets) deps.send(socket, 'session', summary);
    deps.rows?.share(record.facilitatorId, summary);
  }

  deps.rows?.onRow((facilitatorId, row) => {
    for (const socket of new Set([...socketsIn(ADMIN_LIST_ROOM), ...socketsIn(listRoomOf(facilitatorId))])) deps.send(socket, 'session', row);
  });

  function presenceOf(sessionId: string): Presence {
    return { connected: [...connectedSeats(io, sessionId)].sort(), bots: deps.botsOf(sessionId).sort() };
  }

  return {
    /** A `sessions` socket has connected: it joins its list's room and gets the whole list. */
    openList(socket: GameSocket): void {
      const lister = socket.data.lister;
      if (!lister) return;
      void socket.join(lister.isAdmin ? ADMIN_LIST_ROOM : listRoomOf(lister.facilitatorId));
      void sendList(socket).catch(deps.onError);
    },
    sendList: (socket: GameSocket) => void sendList(socket).catch(deps.onError),
    /** A facilitator socket has connected to a session: it gets who is there now. */
    openGodView(socket: GameSocket): void {
      deps.send(socket, 'presence', presenceOf(socket.data.sessionId));
    },
    /** After a commit: the session's row, if it changed. */
    committed(committed: Committed): void {
      void pushRow(committed.sessionId).catch(deps.onError);
    },
    /** A room screen has (re)connected: it gets the debrief the facilitator put there, or null. */
    openProjector(socket: GameSocket): void {
      void sendDebrief(socket.data.sessionId, [socket]).catch(deps.onError);
    },
    /** The facilitator put the debrief on the room screen, changed it or took it off. */
    debriefChanged(sessionId: string): void {
      const screens = socketsIn(roomOf(sessionId)).filter((s) => s.data.kind === 'projector');
      if (screens.length > 0) void sendDebrief(sessionId, screens).catch(deps.onError);
    },
    /** A seat's socket opened or closed: the god views of its session and the lists learn it. */
    presenceChanged(sessionId: string): void {
      const presence = presenceOf(sessionId);
      for (const socket of socketsIn(roomOf(sessionId))) if (socket.data.kind === 'facilitator') deps.send(socket, 'presence', presence);
      void pushRow(sessionId).catch(deps.onError);
    },
  };

  async function sendDebrief(sessionId: string, screens: GameSocket[]): Promise<void> {
    const record = await recordOf(sessionId);
    const debrief = record && projectorDebriefSetting(sessionId) ? await projectorDebrief(deps.events, record) : null;
    for (const socket of screens) deps.send(socket, 'debrief', { debrief });
  }

  async function sendList(socket: GameSocket): Promise<void> {
    const lister = socket.data.lister;
    if (!lister) return;
    const records = await deps.runtime.listSessions(lister.isAdmin ? null : lister.facilitatorId);
    const states = await Promise.all(records.map((r) => deps.runtime.read(r.id)));
    const rows = records.map((r, i) => summarise(r, states[i], connectedSeats(io, r.id)));
    deps.send(socket, 'sessions', { rows });
  }
}
