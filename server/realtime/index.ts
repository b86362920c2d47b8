import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { loginFor, readCookie, SESSION_COOKIE } from '../auth/accounts';
import { project } from '../engine';
import type { Config } from '../config';
import { clientAddress, parseTrustProxy } from '../http/client-address';
import type { Logger } from '../log';
import { SessionElsewhere, type Runtime } from '../runtime/runtime';
import type { Stores } from '../stores/ports';
import { Gate, HandshakeError } from './handshake';
import { createFanOut, followStream, unchangingIn } from './fanout';
import { createCockpitPush, type CockpitPushDeps } from './cockpit-push';
import { onProjectorDebriefChange } from '../api/projector-debrief';
import { describeViewer, endLogin, LOGIN_SWEEP_MS, roomOf, type GameSocket, type SocketData } from './sockets';
import { withDefaults, type RealtimeLimits } from './limits';
import { Outbox } from './outbox';
import { syncFrom } from './view-sync';
import { MAX_PAYLOAD_BYTES, parseCommandEnvelope, PROTOCOL_VERSION, type AnyView, type ClientToServerEvents, type CommandAck, type Result, type ServerToClientEvents } from './protocol';
import { Buckets, TokenBucket } from './rate-limit';
import { describeZodError } from './validation';

export { connectedSeats, endLoginSockets, endStaleLoginSockets } from './sockets';

export interface RealtimeDeps {
  config: Config;
  stores: Stores;
  log: Logger;
  runtime: Runtime;
  now?: () => number;
  limits?: Partial<RealtimeLimits>;
  /** How a handshake is held back (a timer unless a test says otherwise). */
  wait?: (ms: number) => Promise<void>;
  /** The seats the dashboard's bots play in a session, for the god view's presence. */
  botsOf?: (sessionId: string) => string[];
  /** Several nodes: session rows shared with the other nodes' session lists (server/cluster). */
  rows?: CockpitPushDeps['rows'];
  /** Several nodes: a socket whose session left this node while it connected is sent to reconnect. */
  severalNodes?: boolean;
}

/** What tests may set from outside: the clock the socket layer reads, its waits and its limits. */
export type RealtimeOptions = Pick<RealtimeDeps, 'now' | 'limits' | 'wait'>;

const timerWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Refusal = Extract<Result<never>, { ok: false }>;

const KNOWN_EVENTS = new Set(['command', 'resync', 'ping']);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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
 * The Socket.IO adapter: handshake identity, validated and rate-limited events answered by ack,
 * and per-viewer fan-out of projections after every commit, with flow control so that a client
 * that does not read is dropped rather than buffered for. Nothing reaches a socket that did not
 * pass through `project()` for that socket's viewer.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): Server {
  const now = deps.now ?? Date.now;
  const limits = withDefaults(deps.limits);
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    allowRequest: (req, callback) => callback(null, originAllowed(req, deps.config.allowedOrigins)),
    ...(deps.config.allowedOrigins.length > 0 ? { cors: { origin: deps.config.allowedOrigins, credentials: true } } : {}),
  });
  const perSeat = new Buckets(limits.seatCommands.burst, limits.seatCommands.perSecond);
  const resyncsPerAddress = new Buckets(limits.addressResyncs.burst, limits.addressResyncs.perSecond);
  const bucket = (b: { burst: number; perSecond: number }) => new TokenBucket(b.burst, b.perSecond, now());

  /**
   * A facilitator socket lives as long as its login. Its expiry is checked before every event it
   * sends and every message to it; a sign-out, a removed account or a reset password end its
   * sockets at once (endLoginSockets, endStaleLoginSockets); and every minute each login is read
   * from the store again, for whatever ended it elsewhere (another node, the command line).
   */
  function loginEnded(socket: GameSocket): boolean {
    if (socket.data.loginHash === null || (socket.data.loginExpiresAt ?? Infinity) > now()) return false;
    endStale(socket);
    return true;
  }
  function endStale(socket: GameSocket): void {
    deps.log.info(`facilitator socket ended: its sign-in is over (session ${socket.data.sessionId})`);
    endLogin(socket);
  }
  const sweep = setInterval(() => {
    for (const socket of io.sockets.sockets.values() as Iterable<GameSocket>) {
      if (socket.data.loginHash === null || loginEnded(socket)) continue;
      loginFor(deps.stores.accounts, readCookie(socket.handshake.headers.cookie, SESSION_COOKIE), now()).then(
        (found) => void (!found && socket.connected && endStale(socket)),
        (error: unknown) => deps.log.error('checking a facilitator socket’s sign-in failed', error),
      );
    }
  }, LOGIN_SWEEP_MS);
  sweep.unref();

  const gate = new Gate({
    runtime: deps.runtime,
    accounts: deps.stores.accounts,
    now,
    wait: deps.wait ?? timerWait,
    guesses: limits.guesses,
    joins: limits.joins,
    onSlowed: (key, ms) => logSampled(`slowed ${key}`, `handshake held back ${ms} ms: ${key} has failed too often`),
  });

  /** Counts lines by key and writes the 1st, 10th, 100th…: a flood of refusals does not flood the log. */
  const logCounts = new Map<string, number>();
  function logSampled(key: string, line: string): void {
    if (logCounts.size > 10_000) logCounts.clear();
    const n = (logCounts.get(key) ?? 0) + 1;
    logCounts.set(key, n);
    if (Number.isInteger(Math.log10(n))) deps.log.info(n === 1 ? line : `${line} (${n} times)`);
  }

  const trustProxy = parseTrustProxy(deps.config.trustProxy);
  io.use((socket, next) => {
    // Behind a trusted proxy the peer is the proxy: every per-address limit below reads the client's own address.
    socket.handshake.address = clientAddress(socket.request, trustProxy);
    gate
      .identify(socket)
      .then((identity) => {
        const data: SocketData = {
          ...identity, seq: 0, sync: null, outbox: new Outbox(socket), stream: null,
          streams: ((socket.handshake.auth as { v?: unknown }).v as number) >= 2,
          events: bucket(limits.events), strikes: bucket(limits.strikes), commands: bucket(limits.commands), refusals: 0,
        };
        Object.assign(socket.data, data);
        next();
      })
      .catch((error: unknown) => {
        if (error instanceof HandshakeError) {
          const kind = (socket.handshake.auth as { kind?: unknown } | undefined)?.kind;
          logSampled(`refused ${socket.handshake.address} ${error.data.code}`, `handshake refused: ${error.data.code} (${typeof kind === 'string' ? kind.slice(0, 20) : '?'} from ${socket.handshake.address})`);
          return next(error);
        }
        if (error instanceof SessionElsewhere) return next(new HandshakeError('BUSY', 'This room is moving to another server; try again in a moment.'));
        deps.log.error('handshake failed', error);
        next(new HandshakeError('INTERNAL', 'The server could not let you in; try again.'));
      });
  });

  io.on('connection', (socket: GameSocket) => {
    const data = socket.data;
    // A session list belongs to no game session: it gets rows, never a view.
    const isList = data.kind === 'sessions';
    if (!isList) void socket.join(roomOf(data.sessionId));
    // Handed over between the handshake and now: the drop closed the room's sockets before this one
    // joined it. Its transport is closed too, so the client reconnects to the session's new node.
    if (!isList && deps.severalNodes && !deps.runtime.loaded(data.sessionId)) {
      socket.conn.close();
      return;
    }
    send(socket, 'welcome', {
      protocol: PROTOCOL_VERSION,
      kind: data.kind,
      seatId: data.viewer.kind === 'seat' ? data.viewer.seatId : null,
      token: data.token,
      sessionId: data.sessionId,
      serverNow: now(),
    });
    data.token = null;
    if (isList) push.openList(socket);
    else sendSnapshot(socket);
    if (data.kind === 'facilitator') push.openGodView(socket);
    if (data.kind === 'projector') push.openProjector(socket);
    if (data.viewer.kind === 'seat') push.presenceChanged(data.sessionId);
    if (data.kind === 'join') deps.log.info(`joined: ${describeViewer(data)} in session ${data.sessionId}`);
    socket.on('disconnect', (reason) => {
      if (data.viewer.kind !== 'seat') return;
      deps.log.info(`disconnected: ${describeViewer(data)} in session ${data.sessionId} (${reason})`);
      push.presenceChanged(data.sessionId);
    });

    // Every event pays first, whatever its name: a flood of cheap events is still a flood.
    socket.use((packet, next) => {
      if (loginEnded(socket)) return;
      const [event, ...args] = packet as unknown as [string, ...unknown[]];
      const t = now();
      const wait = eventWait(socket, event, t);
      if (wait === 0) return next();
      const ack = args[args.length - 1];
      if (typeof ack === 'function') (ack as (r: Refusal) => void)(rateLimited(socket, wait, event));
      else rateLimited(socket, wait, event);
      if (!data.strikes.take(t)) {
        deps.log.info(`socket dropped: it kept sending after being rate limited (session ${data.sessionId}, ${describeViewer(data)})`);
        socket.disconnect(true);
      }
    });

    socket.on('command', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      handleCommand(socket, payload).then(reply, (error: unknown) => {
        deps.log.error('command failed', error);
        reply({ ok: false, code: 'INTERNAL', message: 'Something went wrong on the server; your action was not applied. Try again.' });
      });
    });
    socket.on('resync', (ack) => {
      if (isList) push.sendList(socket);
      const seq = isList ? data.seq : sendSnapshot(socket);
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

  /** 0 if the event may go ahead (its tokens are taken), else how long to wait. */
  function eventWait(socket: GameSocket, event: string, t: number): number {
    if (!socket.data.events.take(t)) return socket.data.events.waitMs(t);
    // A resync builds a whole view: more tabs from one address buy no more of them.
    const address = socket.handshake.address;
    if (event === 'resync' && !resyncsPerAddress.take(address, t)) return resyncsPerAddress.waitMs(address, t);
    return 0;
  }

  function rateLimited(socket: GameSocket, waitMs: number, what: string): Refusal {
    const n = ++socket.data.refusals;
    if (Number.isInteger(Math.log10(n))) deps.log.info(`rate limited: ${what} from ${describeViewer(socket.data)} in session ${socket.data.sessionId} (refusal ${n} on this socket)`);
    return { ok: false, code: 'RATE_LIMITED', message: `You are sending too fast; wait ${seconds(waitMs)} s and try again.`, retryAfterMs: waitMs };
  }

  async function handleCommand(socket: GameSocket, payload: unknown): Promise<Result<CommandAck>> {
    const { viewer, sessionId } = socket.data;
    if (viewer.kind !== 'seat') return { ok: false, code: 'NOT_ALLOWED', message: 'Only players send commands on the socket; facilitators use the dashboard.' };
    const t = now();
    const seatKey = `${sessionId}:${viewer.seatId}`;
    if (!socket.data.commands.take(t)) return rateLimited(socket, socket.data.commands.waitMs(t), 'command');
    if (!perSeat.take(seatKey, t)) return rateLimited(socket, perSeat.waitMs(seatKey, t), 'command (seat)');
    const parsed = parseCommandEnvelope(payload);
    if (!parsed.ok) return { ok: false, code: 'INVALID_PAYLOAD', message: `Invalid command: ${describeZodError(parsed.error)}` };
    const result = await deps.runtime.dispatch(sessionId, parsed.command, { kind: 'seat', seatId: viewer.seatId }, parsed.commandId);
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    if (parsed.command.type === 'Leave' && !result.repeated) deps.log.info(`left: ${describeViewer(socket.data)} in session ${sessionId}`);
    // The fan-out ran before the dispatch resolved, so this is the version that shows the change
    // (a repeat's change is in this socket's view already, whichever socket sent it first).
    return { ok: true, data: { seq: socket.data.seq, ...(result.repeated ? { repeated: true as const } : {}) } };
  }


  /**
   * Sends unless the socket already holds more unsent output than the limit: then it is dropped,
   * not buffered for. Returns whether it sent.
   */
  function send<E extends keyof ServerToClientEvents>(socket: GameSocket, event: E, ...args: Parameters<ServerToClientEvents[E]>): boolean {
    if (!socket.connected || socket.data.outbox.dropped || loginEnded(socket)) return false;
    if (socket.data.outbox.overLimit(limits.maxBufferedBytes)) {
      drop(socket);
      return false;
    }
    socket.emit(event, ...args);
    return true;
  }

  function drop(socket: GameSocket): void {
    deps.log.info(`socket dropped: ${socket.data.outbox.buffered()} bytes unread (session ${socket.data.sessionId}, ${describeViewer(socket.data)})`);
    socket.data.outbox.drop();
  }

  /**
   * A whole view. While one is still queued for this socket, a resync gets that one's seq instead
   * of a second copy: the client has not received it yet, and the patches after it follow it.
   */
  function sendSnapshot(socket: GameSocket): number {
    const data = socket.data;
    if (data.outbox.snapshotInFlight !== null) return data.outbox.snapshotInFlight;
    const state = deps.runtime.loaded(data.sessionId)?.current;
    const view = state ? (project(state, data.viewer) as AnyView | null) : null;
    const seq = ++data.seq;
    if (!state?.created || !view) {
      followStream(socket, null);
      return seq;
    }
    data.sync = syncFrom(view, state.messages.length, unchangingIn(state));
    followStream(socket, view);
    data.outbox.sentSnapshot(seq, () => send(socket, 'snapshot', { seq, view, serverNow: now() }));
    if (view.kind === 'seat' && view.me.status === 'kicked') removeSocket(socket);
    return seq;
  }

  function removeSocket(socket: GameSocket): void {
    send(socket, 'removed', { message: 'The facilitator has removed you from this room.' });
    socket.disconnect(true);
  }

  const fanOut = createFanOut(io, { now, send, removeSocket, drop, maxBufferedBytes: limits.maxBufferedBytes, log: deps.log });
  const push = createCockpitPush(io, { runtime: deps.runtime, events: deps.stores.events, botsOf: deps.botsOf ?? (() => []), send, ...(deps.rows ? { rows: deps.rows } : {}), onError: (error) => deps.log.error('cockpit push failed', error) });
  const unsubscribeDebrief = onProjectorDebriefChange((sessionId) => push.debriefChanged(sessionId));

  // A session handed to another node (several nodes): its sockets' transports are closed, not the
  // sockets ended, so clients reconnect on their own, through the proxy, to the new owner.
  const unsubscribeDropped = deps.runtime.onDropped((sessionId) => {
    for (const id of io.sockets.adapter.rooms.get(roomOf(sessionId)) ?? []) io.sockets.sockets.get(id)?.conn.close();
  });
  const unsubscribe = deps.runtime.subscribe(fanOut);
  const unsubscribeList = deps.runtime.subscribe((committed) => push.committed(committed));
  io.engine.on('close', () => {
    unsubscribe();
    unsubscribeDropped();
    unsubscribeList();
    unsubscribeDebrief();
    clearInterval(sweep);
  });
  return io;
}
