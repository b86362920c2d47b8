import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../server/engine';
import type { CommandEnvelope } from '../server/realtime/protocol';
import { PROTOCOL_VERSION } from '../shared/version';
import { ViewTracker } from '../shared/view-tracker';

/**
 * A student played by the test over a real socket (the public protocol, as the bots play):
 * joins a room, keeps its view from snapshots and patches, and sends commands with an ack. For
 * the seats whose screen a spec does not test: ten browsers would starve two cores. Light on
 * purpose: server/testing's client pulls in the whole server, which Playwright's loader cannot
 * import.
 */
export class SocketPlayer {
  readonly tracker = new ViewTracker<SeatView>();
  seatId = '';
  /** The seat token from the welcome: what a browser keeps to come back to the seat. */
  token = '';

  private constructor(
    readonly socket: Socket,
    readonly label: string,
  ) {
    socket.on('snapshot', (s) => this.tracker.snapshot(s));
    socket.on('patch', (p) => {
      if (!this.tracker.patch(p)) socket.emit('resync', () => undefined);
    });
    socket.on('stream', (f) => {
      if (!this.tracker.stream(f)) socket.emit('resync', () => undefined);
    });
  }

  static async join(url: string, room: string, name: string): Promise<SocketPlayer> {
    const socket = io(url, { auth: { v: PROTOCOL_VERSION, kind: 'join', room, name }, transports: ['websocket'], reconnection: false, forceNew: true });
    const player = new SocketPlayer(socket, name);
    const welcome = await new Promise<{ seatId?: string; token?: string | null }>((resolve, reject) => {
      socket.once('welcome', resolve);
      socket.once('connect_error', (e) => reject(new Error(`${name} refused: ${JSON.stringify((e as { data?: unknown }).data)}`)));
    });
    player.seatId = welcome.seatId ?? '';
    player.token = welcome.token ?? '';
    await until(() => player.tracker.view !== null, `${name}'s snapshot`);
    return player;
  }

  /** The display name it joined with. */
  get name(): string {
    return this.label;
  }

  get view(): SeatView {
    if (!this.tracker.view) throw new Error(`${this.label} has no view`);
    return this.tracker.view;
  }

  /** Sends a command; a RATE_LIMITED answer is retried after a pause. */
  async send(command: CommandEnvelope): Promise<{ ok: boolean; code?: string; message?: string }> {
    for (let attempt = 0; ; attempt++) {
      const ack = await new Promise<{ ok: boolean; code?: string; message?: string }>((resolve) => {
        this.socket.timeout(10_000).emit('command', command, (error: Error | null, result?: { ok: boolean; code?: string; message?: string }) => resolve(error || !result ? { ok: false, code: 'NO_ANSWER' } : result));
      });
      if (ack.ok || ack.code !== 'RATE_LIMITED' || attempt > 40) return ack;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** Waits for a condition the server's events make true (never for a fixed time). */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fails with the server's words when a command was refused. */
export async function ok(ack: Promise<{ ok: boolean; code?: string; message?: string }>): Promise<void> {
  const result = await ack;
  if (!result.ok) throw new Error(`refused: ${result.code}: ${result.message}`);
}
