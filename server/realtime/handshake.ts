import type { Socket } from 'socket.io';
import { facilitatorForToken, readCookie, SESSION_COOKIE } from '../auth/accounts';
import type { Db } from '../../db/client';
import { project, type Viewer } from '../engine';
import { normaliseRoomCode } from '../runtime/codes';
import type { Runtime } from '../runtime/runtime';
import { FailureThrottle } from './rate-limit';
import { handshakeSchema, MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION, type ErrorCode, type Handshake } from './protocol';
import { describeZodError } from './validation';

/** Who a socket is, decided once at the handshake and never from a payload. */
export interface SocketIdentity {
  sessionId: string;
  viewer: Viewer;
  kind: Handshake['kind'];
  /** Only right after a join: handed to the client once in `welcome`. */
  token: string | null;
}

export class HandshakeError extends Error {
  readonly data: { code: ErrorCode; message: string };
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.data = { code, message };
  }
}

export interface HandshakeDeps {
  runtime: Runtime;
  db: Db;
  now: () => number;
}

/** Wrong room codes and tokens are counted per address, so codes cannot be found by guessing. */
const guesses = new FailureThrottle(20, 60_000);

/** A version outside the range served says who is behind: the client or the server. */
function checkVersion(v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v)) return;
  if (v < MIN_CLIENT_PROTOCOL_VERSION) {
    throw new HandshakeError('CLIENT_TOO_OLD', `This page speaks protocol version ${v}; the server needs version ${MIN_CLIENT_PROTOCOL_VERSION} or later. Reload the page to get the current version.`);
  }
  if (v > PROTOCOL_VERSION) {
    throw new HandshakeError('SERVER_TOO_OLD', `This client speaks protocol version ${v}; the server speaks up to version ${PROTOCOL_VERSION}. The server needs an update: tell the facilitator.`);
  }
}

export async function identify(socket: Socket, deps: HandshakeDeps): Promise<SocketIdentity> {
  const parsed = handshakeSchema.safeParse(socket.handshake.auth);
  if (!parsed.success) {
    checkVersion((socket.handshake.auth as { v?: unknown } | undefined)?.v);
    throw new HandshakeError('INVALID_PAYLOAD', `Invalid handshake: ${describeZodError(parsed.error)}`);
  }
  const auth = parsed.data;
  const address = socket.handshake.address;
  const now = deps.now();

  if (auth.kind === 'facilitator') {
    const facilitator = facilitatorForToken(deps.db, readCookie(socket.handshake.headers.cookie, SESSION_COOKIE), now);
    if (!facilitator) throw new HandshakeError('NOT_SIGNED_IN', 'Sign in as a facilitator first.');
    const session = deps.runtime.get(auth.sessionId);
    const owner = deps.runtime.ownerOf(auth.sessionId);
    if (!session || (owner !== facilitator.id && !facilitator.isAdmin)) throw new HandshakeError('NOT_ALLOWED', 'You do not run this session.');
    return { sessionId: auth.sessionId, viewer: { kind: 'facilitator' }, kind: 'facilitator', token: null };
  }

  if (guesses.blocked(address, now)) throw new HandshakeError('RATE_LIMITED', 'Too many wrong room codes from this network. Wait a minute and check the code on the screen.');
  const found = deps.runtime.findByCode(normaliseRoomCode(auth.room));
  if (!found) {
    guesses.fail(address, now);
    throw new HandshakeError('UNKNOWN_ROOM', `There is no open room with the code ${normaliseRoomCode(auth.room) || '(empty)'}. Check the code on the screen.`);
  }
  const sessionId = found.record.id;

  if (auth.kind === 'projector') return { sessionId, viewer: { kind: 'projector' }, kind: 'projector', token: null };

  if (auth.kind === 'join') {
    const joined = await deps.runtime.join(sessionId, auth.name);
    if (!joined.ok) throw new HandshakeError(joined.code, joined.message);
    return { sessionId, viewer: { kind: 'seat', seatId: joined.seatId }, kind: 'join', token: joined.token };
  }

  const seatId = deps.runtime.seatForToken(sessionId, auth.token);
  if (!seatId) {
    guesses.fail(address, now);
    throw new HandshakeError('BAD_TOKEN', 'This device is not seated in that room any more. Join again with your name.');
  }
  const view = project(found.session.current, { kind: 'seat', seatId });
  if (!view || view.me.status === 'kicked') throw new HandshakeError('NOT_ALLOWED', 'The facilitator has removed you from this room.');
  return { sessionId, viewer: { kind: 'seat', seatId }, kind: 'player', token: null };
}
