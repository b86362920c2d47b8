import type { Socket } from 'socket.io';
import { loginFor, readCookie, SESSION_COOKIE } from '../auth/accounts';
import { project, type Viewer } from '../engine';
import { hashToken, normaliseRoomCode } from '../runtime/codes';
import type { Runtime } from '../runtime/runtime';
import type { AccountStore } from '../stores/ports';
import { GuessThrottle, type GuessLimits } from './guess-throttle';
import type { RealtimeLimits } from './limits';
import { Buckets } from './rate-limit';
import { handshakeSchema, MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION, type ErrorCode, type Handshake } from './protocol';
import { describeZodError } from './validation';

/** Who a socket is, decided once at the handshake and never from a payload. */
export interface SocketIdentity {
  sessionId: string;
  viewer: Viewer;
  kind: Handshake['kind'];
  /** Only right after a join: handed to the client once in `welcome`. */
  token: string | null;
  /** A facilitator's login (the hash of the cookie's token): the socket lives only as long as it. */
  loginHash: string | null;
  /** When that login expires: the socket ends then without asking the store again. */
  loginExpiresAt?: number;
  /** A `sessions` socket's facilitator: whose sessions it is told about (an admin's: all). */
  lister?: { facilitatorId: string; isAdmin: boolean };
}

export interface HandshakeErrorData {
  code: ErrorCode;
  message: string;
  /** With RATE_LIMITED: how long to wait before trying again. */
  retryAfterMs?: number;
}

export class HandshakeError extends Error {
  readonly data: HandshakeErrorData;
  constructor(code: ErrorCode, message: string, extra: { retryAfterMs?: number } = {}) {
    super(message);
    this.data = { code, message, ...extra };
  }
}

export interface GateDeps {
  runtime: Runtime;
  accounts: AccountStore;
  now: () => number;
  /** Holds a try back (a timer in production; tests pass one that returns at once). */
  wait: (ms: number) => Promise<void>;
  guesses: GuessLimits;
  joins: RealtimeLimits['joins'];
  /** Told when a try is held back, for the log. */
  onSlowed?: (key: string, ms: number) => void;
}

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

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Decides who a connecting socket is; one per server, holding what it has seen of guessing. */
export class Gate {
  private readonly guesses: GuessThrottle;
  private readonly joins: Buckets;

  constructor(private readonly deps: GateDeps) {
    this.guesses = new GuessThrottle(deps.guesses);
    this.joins = new Buckets(deps.joins.burst, deps.joins.perSecond);
  }

  async identify(socket: Socket): Promise<SocketIdentity> {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      checkVersion((socket.handshake.auth as { v?: unknown } | undefined)?.v);
      throw new HandshakeError('INVALID_PAYLOAD', `Invalid handshake: ${describeZodError(parsed.error)}`);
    }
    const auth = parsed.data;
    if (auth.kind === 'facilitator') return this.facilitator(socket, auth.sessionId);
    if (auth.kind === 'sessions') return this.lister(socket);

    const address = socket.handshake.address;
    const code = normaliseRoomCode(auth.room);
    if (auth.kind === 'player') return this.returning(address, code, auth.token);

    // A room code is what a guesser guesses. An address that got in with this code before is not
    // held back for it; any other try from an address that guessed wrong too often waits its turn.
    if (!this.guesses.isKnown(address, code, this.deps.now())) await this.admit(address, 'wrong room codes');
    const found = await this.deps.runtime.findByCode(code);
    if (!found) {
      this.guesses.fail(address, this.deps.now());
      throw unknownRoom(code);
    }
    this.guesses.succeeded(address, code, this.deps.now());
    const sessionId = found.record.id;
    if (auth.kind === 'projector') return { sessionId, viewer: { kind: 'projector' }, kind: 'projector', token: null, loginHash: null };

    const turn = this.joins.reserve(`${address} ${sessionId}`, this.deps.now(), this.deps.joins.maxDelayMs);
    if (!turn.ok) {
      throw new HandshakeError('RATE_LIMITED', `Many people are joining this room from your network at once. Try again in ${seconds(turn.retryAfterMs)} seconds.`, { retryAfterMs: turn.retryAfterMs });
    }
    if (turn.waitMs > 0) {
      this.deps.onSlowed?.(`joins from ${address}`, turn.waitMs);
      await this.deps.wait(turn.waitMs);
    }
    const joined = await this.deps.runtime.join(sessionId, auth.name);
    if (!joined.ok) throw new HandshakeError(joined.code, joined.message);
    return { sessionId, viewer: { kind: 'seat', seatId: joined.seatId }, kind: 'join', token: joined.token, loginHash: null };
  }

  private async signedIn(socket: Socket) {
    const login = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    const found = await loginFor(this.deps.accounts, login, this.deps.now());
    if (!found || !login) throw new HandshakeError('NOT_SIGNED_IN', 'Sign in as a facilitator first.');
    return { facilitator: found.facilitator, login, expiresAt: found.expiresAt };
  }

  /** The session list of whoever signed in: it belongs to no game session (sessionId is empty). */
  private async lister(socket: Socket): Promise<SocketIdentity> {
    const { facilitator, login, expiresAt } = await this.signedIn(socket);
    return {
      sessionId: '', viewer: { kind: 'facilitator' }, kind: 'sessions', token: null, loginHash: hashToken(login), loginExpiresAt: expiresAt,
      lister: { facilitatorId: facilitator.id, isAdmin: facilitator.isAdmin },
    };
  }

  private async facilitator(socket: Socket, sessionId: string): Promise<SocketIdentity> {
    const { facilitator, login, expiresAt } = await this.signedIn(socket);
    const session = await this.deps.runtime.get(sessionId);
    const owner = await this.deps.runtime.ownerOf(sessionId);
    if (!session || (owner !== facilitator.id && !facilitator.isAdmin)) throw new HandshakeError('NOT_ALLOWED', 'You do not run this session.');
    return { sessionId, viewer: { kind: 'facilitator' }, kind: 'facilitator', token: null, loginHash: hashToken(login), loginExpiresAt: expiresAt };
  }

  /**
   * A seat token is 256 random bits: a valid one is never held back. A wrong one is answered only
   * after the throttle for its address (and for its address and room, counted apart, so stale
   * tokens in one room slow nothing else).
   */
  private async returning(address: string, code: string, token: string): Promise<SocketIdentity> {
    const found = await this.deps.runtime.findByCode(code);
    const seatId = found ? await this.deps.runtime.seatForToken(found.record.id, token) : undefined;
    if (!found || !seatId) {
      await this.admit(address, 'wrong room codes');
      if (!found) {
        this.guesses.fail(address, this.deps.now());
        throw unknownRoom(code);
      }
      const roomKey = `${address} ${found.record.id}`;
      await this.admit(roomKey, 'wrong seat tokens for this room');
      this.guesses.fail(roomKey, this.deps.now());
      throw new HandshakeError('BAD_TOKEN', 'This device is not seated in that room any more. Join again with your name.');
    }
    this.guesses.succeeded(address, code, this.deps.now());
    const view = project(found.session.current, { kind: 'seat', seatId });
    if (!view || view.me.status === 'kicked') throw new HandshakeError('NOT_ALLOWED', 'The facilitator has removed you from this room.');
    return { sessionId: found.record.id, viewer: { kind: 'seat', seatId }, kind: 'player', token: null, loginHash: null };
  }

  private async admit(key: string, what: string): Promise<void> {
    const admission = this.guesses.admit(key, this.deps.now());
    if (!admission.ok) {
      throw new HandshakeError('RATE_LIMITED', `Too many ${what} from this network. Try again in ${seconds(admission.retryAfterMs)} seconds, and check the code on the screen.`, {
        retryAfterMs: admission.retryAfterMs,
      });
    }
    if (admission.delayMs > 0) {
      this.deps.onSlowed?.(key, admission.delayMs);
      await this.deps.wait(admission.delayMs);
    }
  }
}

function unknownRoom(code: string): HandshakeError {
  return new HandshakeError('UNKNOWN_ROOM', `There is no open room with the code ${code || '(empty)'}. Check the code on the screen.`);
}
