import type { Socket, Server } from 'socket.io';
import type { SocketIdentity } from './handshake';
import type { Outbox } from './outbox';
import type { ViewSync } from './view-sync';
import type { ClientToServerEvents, ServerToClientEvents } from './protocol';
import type { TokenBucket } from './rate-limit';

/** What the server keeps on each socket, beside who it is. */
export interface SocketData extends SocketIdentity {
  /**
   * This socket's view version, not the session's event count: a count of all events would let a
   * player infer how busy the secret channels are.
   */
  seq: number;
  /** What the fan-out keeps of the view this socket holds (never the view): null before its first snapshot. */
  sync: ViewSync | null;
  /** Whether the client reads stream frames (protocol 2 and later). */
  streams: boolean;
  /** The front channel whose stream room the socket is in (see followStream in fanout.ts), or null. */
  stream: string | null;
  outbox: Outbox;
  /** Every event this socket sends, refusals it has earned, and its commands. */
  events: TokenBucket;
  strikes: TokenBucket;
  commands: TokenBucket;
  /** RATE_LIMITED answers so far: logged at the 1st, 10th, 100th… so a flood does not flood the log. */
  refusals: number;
}

export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The Socket.IO room of a game session's sockets. */
export const roomOf = (sessionId: string) => `session:${sessionId}`;

/** For log lines: never a name, a token or a message text. */
export function describeViewer(data: SocketData): string {
  return data.viewer.kind === 'seat' ? `seat ${data.viewer.seatId}` : data.viewer.kind;
}

const SIGNED_OUT = 'Your sign-in has ended. Sign in again to watch this session.';
/** How often idle facilitator sockets are checked for a login that expired. */
export const LOGIN_SWEEP_MS = 60_000;

export function endLogin(socket: GameSocket): void {
  socket.emit('removed', { message: SIGNED_OUT });
  socket.disconnect(true);
}

/**
 * Ends every facilitator socket opened with this login (the hash of its cookie token): called when
 * the facilitator signs out, so no god view outlives the sign-in. Returns how many it ended.
 */
/**
 * Ends every facilitator socket whose sign-in no longer holds (an account removed, a password
 * reset: their logins were deleted). Returns how many it ended.
 */
export async function endStaleLoginSockets(io: Server, stillSignedIn: (cookieHeader: string | undefined) => Promise<boolean>): Promise<number> {
  const sockets = [...(io.sockets.sockets.values() as Iterable<GameSocket>)].filter((s) => s.data.loginHash !== null);
  const signedIn = await Promise.all(sockets.map((s) => stillSignedIn(s.handshake.headers.cookie)));
  let ended = 0;
  for (const [i, socket] of sockets.entries()) {
    if (!signedIn[i] && socket.connected) {
      endLogin(socket);
      ended++;
    }
  }
  return ended;
}

/** The seats of a session with a socket open now. */
export function connectedSeats(io: Server, sessionId: string): Set<string> {
  const seats = new Set<string>();
  for (const id of io.sockets.adapter.rooms.get(roomOf(sessionId)) ?? []) {
    const viewer = (io.sockets.sockets.get(id) as GameSocket | undefined)?.data.viewer;
    if (viewer?.kind === 'seat') seats.add(viewer.seatId);
  }
  return seats;
}

export function endLoginSockets(io: Server, loginHash: string): number {
  let ended = 0;
  for (const socket of io.sockets.sockets.values() as Iterable<GameSocket>) {
    if (socket.data.loginHash === loginHash) {
      endLogin(socket);
      ended++;
    }
  }
  return ended;
}
