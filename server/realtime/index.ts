import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Db } from '../../db/client';
import { project, type Viewer } from '../engine';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Runtime } from '../runtime/runtime';
import type { Committed } from '../runtime/session-runtime';
import { HandshakeError, identify, type SocketIdentity } from './handshake';
import { diffViews, serialise } from './patch';
import { MAX_PAYLOAD_BYTES, PROTOCOL_VERSION, playerCommandSchema, type AnyView, type ClientToServerEvents, type Result, type ServerToClientEvents } from './protocol';
import { Buckets } from './rate-limit';
import { describeZodError } from './validation';

export interface RealtimeDeps {
  config: Config;
  db: Db;
  log: Logger;
  runtime: Runtime;
  now?: () => number;
}

/** What tests may set from outside: the clock the socket layer reads. */
export type RealtimeOptions = Pick<RealtimeDeps, 'now'>;

interface SocketData extends SocketIdentity {
  /**
   * This socket's view version, not the session's event count: a count of all events would let a
   * player infer how busy the secret channels are.
   */
  seq: number;
  view: AnyView | null;
  serialised: Map<string, string>;
}

type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const KNOWN_EVENTS = new Set(['command', 'resync', 'ping']);
const roomOf = (sessionId: string) => `session:${sessionId}`;

/** Same origin by default; other origins only when listed. Clients that send no Origin (bots) pass. */
export function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The Socket.IO adapter: handshake identity, validated and rate-limited commands answered by
 * ack, and per-viewer fan-out of projections after every commit. Nothing reaches a socket that
 * did not pass through `project()` for that socket's viewer.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): Server {
  const now = deps.now ?? Date.now;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    allowRequest: (req, callback) => callback(null, originAllowed(req, deps.config.allowedOrigins)),
    ...(deps.config.allowedOrigins.length > 0 ? { cors: { origin: deps.config.allowedOrigins, credentials: true } } : {}),
  });
  const perSocket = new Buckets(10, 4);
  const perSeat = new Buckets(15, 6);

  io.use((socket, next) => {
    identify(socket, { runtime: deps.runtime, db: deps.db, now })
      .then((identity) => {
        Object.assign(socket.data, identity, { seq: 0, view: null, serialised: new Map() });
        next();
      })
      .catch((error: unknown) => {
        if (error instanceof HandshakeError) return next(error);
        deps.log.error('handshake failed', error);
        next(new HandshakeError('INTERNAL', 'The server could not let you in; try again.'));
      });
  });

  io.on('connection', (socket: GameSocket) => {
    const data = socket.data;
    void socket.join(roomOf(data.sessionId));
    socket.emit('welcome', {
      protocol: PROTOCOL_VERSION,
      kind: data.kind,
      seatId: data.viewer.kind === 'seat' ? data.viewer.seatId : null,
      token: data.token,
      sessionId: data.sessionId,
      serverNow: now(),
    });
    data.token = null;
    sendSnapshot(socket);

    socket.on('command', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      handleCommand(socket, payload).then(reply, (error: unknown) => {
        deps.log.error('command failed', error);
        reply({ ok: false, code: 'INTERNAL', message: 'Something went wrong on the server; your action was not applied. Try again.' });
      });
    });
    socket.on('resync', (ack) => {
      const seq = sendSnapshot(socket);
      if (typeof ack === 'function') ack({ ok: true, data: { seq } });
    });
    socket.on('ping', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, data: { serverNow: now() } });
    });
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, code: 'UNKNOWN_EVENT', message: `Unknown event “${event.slice(0, 40)}”.` });
    });
  });

  async function handleCommand(socket: GameSocket, payload: unknown): Promise<Result<{ seq: number }>> {
    const { viewer, sessionId } = socket.data;
    if (viewer.kind !== 'seat') return { ok: false, code: 'NOT_ALLOWED', message: 'Only players send commands on the socket; facilitators use the dashboard.' };
    const t = now();
    if (!perSocket.take(socket.id, t) || !perSeat.take(`${sessionId}:${viewer.seatId}`, t)) {
      return { ok: false, code: 'RATE_LIMITED', message: 'You are sending too fast; wait a moment and try again.' };
    }
    const parsed = playerCommandSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, code: 'INVALID_PAYLOAD', message: `Invalid command: ${describeZodError(parsed.error)}` };
    const result = await deps.runtime.dispatch(sessionId, parsed.data, { kind: 'seat', seatId: viewer.seatId });
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    // The fan-out ran before the dispatch resolved, so this is the version that shows the change.
    return { ok: true, data: { seq: socket.data.seq } };
  }

  function viewFor(sessionId: string, viewer: Viewer): AnyView | null {
    const session = deps.runtime.get(sessionId);
    return session ? (project(session.current, viewer) as AnyView | null) : null;
  }

  function sendSnapshot(socket: GameSocket): number {
    const view = viewFor(socket.data.sessionId, socket.data.viewer);
    const seq = ++socket.data.seq;
    if (!view) return seq;
    socket.data.view = view;
    socket.data.serialised = serialise(view);
    socket.emit('snapshot', { seq, view, serverNow: now() });
    if (view.kind === 'seat' && view.me.status === 'kicked') removeSocket(socket);
    return seq;
  }

  function removeSocket(socket: GameSocket): void {
    socket.emit('removed', { message: 'The facilitator has removed you from this room.' });
    socket.disconnect(true);
  }

  /** After a commit, each socket of the session gets the change of its own projection. */
  function fanOut(committed: Committed): void {
    const sockets = io.sockets.adapter.rooms.get(roomOf(committed.sessionId));
    if (!sockets) return;
    const cache = new Map<string, { view: AnyView | null; serialised: Map<string, string> }>();
    for (const socketId of sockets) {
      const socket = io.sockets.sockets.get(socketId) as GameSocket | undefined;
      if (!socket || !socket.data.view) continue;
      const key = JSON.stringify(socket.data.viewer);
      let next = cache.get(key);
      if (!next) {
        const view = project(committed.state, socket.data.viewer) as AnyView | null;
        next = { view, serialised: view ? serialise(view) : new Map() };
        cache.set(key, next);
      }
      if (!next.view) continue;
      const diff = diffViews(socket.data.view, socket.data.serialised, next.view, next.serialised);
      socket.data.view = next.view;
      socket.data.serialised = next.serialised;
      if (Object.keys(diff.set).length === 0 && Object.keys(diff.append).length === 0) continue;
      const base = socket.data.seq;
      socket.data.seq = base + 1;
      socket.emit('patch', { seq: base + 1, base, ...diff, serverNow: now() });
      if (next.view.kind === 'seat' && next.view.me.status === 'kicked') removeSocket(socket);
    }
  }

  const unsubscribe = deps.runtime.subscribe(fanOut);
  io.engine.on('close', unsubscribe);
  return io;
}
