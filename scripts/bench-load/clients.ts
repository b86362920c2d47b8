// One simulated player per object, on its own socket.io-client connection. The game's player
// speaks the real protocol (join with the room code, keep the view with the browser's ViewTracker,
// post with the PostMessage command); the bare one the baseline's one event. Both stamp each
// message with its send time on the shared clock and time its arrival at every receiver.
import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../../server/engine';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../server/realtime/protocol';
import { ViewTracker } from '../../shared/view-tracker';
import { now } from './clock';
import type { Recorder } from './recorder';

/** An ack not back after this long counts as TIMEOUT (the run's drain is shorter anyway). */
const ACK_TIMEOUT_MS = 60_000;
const STAMP = /^bench (\d+(?:\.\d+)?)$/;
const stamp = (sentAt: number) => `bench ${sentAt.toFixed(3)}`;

export interface LoadClient {
  /** The table (room) this player sits at, once ready. */
  readonly table: string | null;
  /** Whether this player posts (in the game, journalists report on the front channel but do not speak in it). */
  readonly speaks: boolean;
  connect(): Promise<void>;
  /** Whether its socket is open (false after the server or the network dropped it). */
  readonly connected: boolean;
  /** Resolves once the player can post (game: dealt, round open) or is known to listen only. */
  ready(): Promise<void>;
  send(): void;
  close(): void;
}

const socketOptions = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 };

function refusal(name: string, error: Error & { data?: unknown }): Error {
  return new Error(`${name} could not connect: ${error.data ? JSON.stringify(error.data) : error.message}`);
}

export class GamePlayer implements LoadClient {
  table: string | null = null;
  speaks = false;
  private front: string | null = null;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private tracker = new ViewTracker<SeatView>();
  private token: string | null = null;
  /** Messages of the view already looked at: only later ones are new deliveries. */
  private seen = 0;
  private waiting: { check: () => boolean; resolve: () => void }[] = [];

  constructor(
    private readonly url: string,
    private readonly room: string,
    private readonly name: string,
    private readonly recorder: Recorder,
  ) {}

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  connect(): Promise<void> {
    // The first time a newcomer by name; after that the same seat by the token from `welcome`.
    const auth = this.token
      ? { v: PROTOCOL_VERSION, kind: 'player' as const, room: this.room, token: this.token }
      : { v: PROTOCOL_VERSION, kind: 'join' as const, room: this.room, name: this.name };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.url, { ...socketOptions, auth });
    this.socket = socket;
    this.tracker = new ViewTracker<SeatView>();
    socket.on('welcome', (w) => (this.token = w.token ?? this.token));
    socket.on('snapshot', (s) => {
      const at = now();
      this.tracker.snapshot(s);
      this.update(at);
    });
    socket.on('patch', (p) => {
      const at = now();
      if (this.tracker.patch(p)) this.update(at);
      else socket.emit('resync', () => undefined);
    });
    socket.on('stream', (f) => {
      const at = now();
      if (this.tracker.stream(f)) this.update(at);
      else socket.emit('resync', () => undefined);
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.recorder.disconnected(reason);
    });
    return new Promise<void>((resolve, reject) => {
      socket.once('connect_error', (error) => {
        socket.close();
        reject(refusal(this.name, error));
      });
      void this.until(() => this.tracker.view !== null).then(resolve);
    });
  }

  ready(): Promise<void> {
    return this.until(() => {
      const view = this.tracker.view;
      const front = view?.channels.find((c) => c.kind === 'front');
      const ability = front && view?.can?.post[front.id];
      if (!view?.me.tableId || !front || !ability) return false;
      // The engine's own answer: may this seat post there now? A journalist never may.
      if (!ability.ok && ability.code !== 'WRONG_ROLE') return false;
      this.speaks = ability.ok;
      this.front = front.id;
      this.table = `${this.room}/${view.me.tableId}`;
      return true;
    });
  }

  send(): void {
    const socket = this.socket;
    if (!socket?.connected || !this.front || !this.table) return;
    const sentAt = now();
    this.recorder.sentMessage(this.table, sentAt);
    socket.timeout(ACK_TIMEOUT_MS).emit('command', { type: 'PostMessage', channelId: this.front, text: stamp(sentAt) }, (error, result) => {
      this.recorder.acknowledged(sentAt, now(), error ? 'TIMEOUT' : result.ok ? null : result.code);
    });
  }

  close(): void {
    this.socket?.disconnect();
  }

  private update(at: number): void {
    const messages = this.tracker.view?.messages ?? [];
    for (let i = this.seen; i < messages.length; i++) {
      const match = STAMP.exec(messages[i]!.text);
      if (match) this.recorder.received(Number(match[1]), at);
    }
    this.seen = Math.max(this.seen, messages.length);
    if (this.waiting.length > 0) this.waiting = this.waiting.filter((w) => (w.check() ? (w.resolve(), false) : true));
  }

  private until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiting.push({ check, resolve }));
  }
}

export class BarePlayer implements LoadClient {
  private socket: Socket | null = null;

  constructor(
    private readonly url: string,
    readonly table: string,
    readonly speaks: boolean,
    private readonly recorder: Recorder,
  ) {}

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  connect(): Promise<void> {
    const socket = io(this.url, { ...socketOptions, auth: { room: this.table } });
    this.socket = socket;
    socket.on('msg', (text: string) => {
      const at = now();
      const match = STAMP.exec(text);
      if (match) this.recorder.received(Number(match[1]), at);
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.recorder.disconnected(reason);
    });
    return new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => {
        socket.close();
        reject(refusal(this.table, error));
      });
    });
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  send(): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    const sentAt = now();
    this.recorder.sentMessage(this.table, sentAt);
    socket.timeout(ACK_TIMEOUT_MS).emit('msg', stamp(sentAt), (error: Error | null) => {
      this.recorder.acknowledged(sentAt, now(), error ? 'TIMEOUT' : null);
    });
  }

  close(): void {
    this.socket?.disconnect();
  }
}
