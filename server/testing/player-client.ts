// Real socket.io clients for integration tests: each keeps its view with the same ViewTracker the
// browser and the bots use, records every raw payload it receives (to prove what never reached it),
// and sends commands with an ack.
import { project, type Viewer } from '../engine';
import type { AnyView, CommandAck, CommandEnvelope, Result, Welcome } from '../realtime/protocol';
import { ViewTracker } from '../../shared/view-tracker';
import type { Runtime } from '../runtime/runtime';
import { connect, type ClientSocket } from './live-server';

export type Auth = Parameters<typeof connect>[1];
export type Ack = Result<CommandAck>;

/** One thing a client received: an event with its arguments, or the answer to one of its emits. */
export interface Received {
  event: string;
  json: string;
}

export interface Refusal {
  code: string;
  message: string;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export class PlayerClient<V extends AnyView = AnyView> {
  readonly tracker = new ViewTracker<V>();
  readonly received: Received[] = [];
  welcome: Welcome | null = null;
  /** Patches that did not follow the version held (each triggered a resync). */
  resyncs = 0;
  removed: string | null = null;
  disconnected = false;

  private constructor(
    readonly socket: ClientSocket,
    readonly label: string,
  ) {
    // Listeners first: welcome and snapshot arrive together.
    socket.onAny((event: string, ...args: unknown[]) => this.received.push({ event, json: JSON.stringify(args) }));
    socket.on('snapshot', (s) => this.tracker.snapshot(s));
    socket.on('patch', (p) => {
      if (!this.tracker.patch(p)) this.resync();
    });
    socket.on('stream', (f) => {
      if (!this.tracker.stream(f)) this.resync();
    });
    socket.on('removed', (n) => (this.removed = n.message));
    socket.on('disconnect', () => (this.disconnected = true));
  }

  /** Connects and resolves once the welcome and the first snapshot have arrived. */
  static async open<V extends AnyView = AnyView>(url: string, auth: Auth, options: { label?: string; cookie?: string; headers?: Record<string, string> } = {}): Promise<PlayerClient<V>> {
    const socket = connect(url, auth, { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) });
    const client = new PlayerClient<V>(socket, options.label ?? ('name' in auth ? auth.name : auth.kind));
    client.welcome = await new Promise<Welcome>((resolve, reject) => {
      socket.once('welcome', resolve);
      socket.once('connect_error', (error) => {
        socket.close();
        reject(Object.assign(new Error(`${client.label} refused: ${JSON.stringify((error as { data?: unknown }).data)}`), { data: (error as { data?: unknown }).data }));
      });
    });
    await client.ping();
    await waitFor(() => client.tracker.view !== null, `${client.label}'s snapshot`);
    return client;
  }

  /** Connects with a handshake that must be refused; resolves with the refusal's data. */
  static refusal(url: string, auth: Auth, options: { cookie?: string } = {}): Promise<Refusal> {
    const socket = connect(url, auth, options.cookie ? { cookie: options.cookie } : {});
    return new Promise<Refusal>((resolve, reject) => {
      socket.once('connect', () => {
        socket.close();
        reject(new Error(`handshake ${JSON.stringify(auth)} was accepted`));
      });
      socket.once('connect_error', (error) => {
        socket.close();
        resolve((error as Error & { data?: Refusal }).data ?? { code: 'NO_DATA', message: error.message });
      });
    });
  }

  get view(): V {
    if (!this.tracker.view) throw new Error(`${this.label} has no view`);
    return this.tracker.view;
  }

  get seatId(): string {
    if (!this.welcome?.seatId) throw new Error(`${this.label} has no seat`);
    return this.welcome.seatId;
  }

  get viewer(): Viewer {
    const kind = this.welcome?.kind;
    if (kind === 'projector') return { kind: 'projector' };
    if (kind === 'facilitator') return { kind: 'facilitator' };
    return { kind: 'seat', seatId: this.seatId };
  }

  private resync(): void {
    this.resyncs++;
    this.socket.emit('resync', (r) => this.record('ack:resync', r));
  }

  private record(event: string, value: unknown): void {
    this.received.push({ event, json: JSON.stringify(value) });
  }

  /**
   * Sends a command and resolves with its ack. A RATE_LIMITED answer is retried after a pause
   * (the limiter refuses before reading the payload) unless `retry` is false.
   */
  async send(command: CommandEnvelope, options: { retry?: boolean } = {}): Promise<Ack> {
    return this.sendRaw(command, options);
  }

  /** Sends anything at all as a `command` payload. */
  async sendRaw(payload: unknown, options: { retry?: boolean } = {}): Promise<Ack> {
    for (let attempt = 0; ; attempt++) {
      const ack = await this.emitWithAck('command', payload);
      if (ack.ok || ack.code !== 'RATE_LIMITED' || options.retry === false || attempt > 40) return ack;
      await sleep(150);
    }
  }

  /** Emits any event name with one argument and an ack, as a hostile client could. */
  emitWithAck(event: string, ...args: unknown[]): Promise<Ack> {
    return new Promise<Ack>((resolve) => {
      const untyped = this.socket as unknown as { timeout(ms: number): { emit(event: string, ...rest: unknown[]): void } };
      untyped.timeout(5000).emit(event, ...args, (error: Error | null, result?: Ack) => {
        const ack: Ack = error || !result ? { ok: false, code: 'INTERNAL', message: `no answer to ${event}` } : result;
        this.record(`ack:${event}`, ack);
        resolve(ack);
      });
    });
  }

  /** A round trip: everything the server sent this socket before answering has arrived. */
  ping(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.socket.timeout(5000).emit('ping', (error: Error | null) => (error ? reject(new Error(`${this.label}: ping ${error.message}`)) : resolve()));
    });
  }

  /** Whether any payload this client ever received contains `text` (as it appears inside JSON). */
  saw(text: string): boolean {
    const needle = JSON.stringify(text).slice(1, -1);
    return this.received.some((r) => r.json.includes(needle));
  }

  close(): void {
    this.socket.close();
  }
}

/** Waits until every client has received what the server sent it so far. */
export async function settle(clients: PlayerClient[]): Promise<void> {
  await Promise.all(clients.filter((c) => c.socket.connected).map((c) => c.ping()));
}

/** The projection the server holds for a client's viewer, as it travels (JSON). */
export function expectedView(runtime: Runtime | undefined, sessionId: string, viewer: Viewer): unknown {
  const session = runtime?.loaded(sessionId);
  if (!session) throw new Error(`no live session ${sessionId}`);
  return JSON.parse(JSON.stringify(project(session.current, viewer) ?? null)) as unknown;
}
