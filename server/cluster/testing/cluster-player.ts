// A bot player for the multi-node tests: plays through the proxy like a browser (reconnecting on
// its own, its seat token kept), sends every command with an id and sends it again after a
// reconnect until it is answered, and records what was acknowledged and when, so the test can
// check it against the store.
import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../../engine';
import { nextMove } from '../../bots/strategy';
import { PROTOCOL_VERSION, type ClientToServerEvents, type CommandEnvelope, type Result, type ServerToClientEvents } from '../../realtime/protocol';
import { ViewTracker } from '../../../shared/view-tracker';

export interface Acked {
  commandId: string;
  sentAt: number;
  ackedAt: number;
}

export class ClusterPlayer {
  readonly tracker = new ViewTracker<SeatView>();
  readonly acked: Acked[] = [];
  /** Patches that did not follow the version held: each would be a gap in this seat's view. */
  gaps = 0;
  reconnects = 0;
  rejected = new Map<string, number>();
  seatId: string | null = null;
  private token: string | null = null;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: { envelope: CommandEnvelope; sentAt: number } | null = null;
  private inFlight = false;
  /** Bumped per connection: an answer to a send made on an earlier connection is ignored. */
  private attempt = 0;
  private n = 0;
  private playing = false;
  private stopped = false;

  constructor(
    url: string,
    readonly room: string,
    readonly name: string,
    private readonly tickMs = 500,
    private readonly random: () => number = Math.random,
  ) {
    this.socket = io(url, {
      auth: (cb) => cb(this.token ? { v: PROTOCOL_VERSION, kind: 'player', room, token: this.token } : { v: PROTOCOL_VERSION, kind: 'join', room, name }),
      query: { room },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      randomizationFactor: 0.2,
    });
    this.socket.on('welcome', (w) => {
      this.token = w.token ?? this.token;
      this.seatId = w.seatId;
    });
    this.socket.on('snapshot', (s) => this.tracker.snapshot(s));
    this.socket.on('patch', (p) => {
      if (!this.tracker.patch(p)) {
        this.gaps++;
        this.socket.emit('resync', () => undefined);
      }
    });
    // Protocol 2: a table's front-channel lines come once per table, checked by their index.
    this.socket.on('stream', (f) => {
      if (!this.tracker.stream(f)) {
        this.gaps++;
        this.socket.emit('resync', () => undefined);
      }
    });
    this.socket.io.on('reconnect', () => this.reconnects++);
    // As the browser's CommandSender does: a command unanswered when the connection dropped is sent
    // again at once on the new connection (same id), not after its ack times out.
    this.socket.on('connect', () => {
      this.attempt++;
      this.inFlight = false;
      this.kick();
    });
    this.socket.on('connect_error', (error) => {
      const data = (error as Error & { data?: { code: string } }).data;
      // BUSY: the room is moving between nodes. Socket.IO does not retry a refused handshake by itself.
      if (data && !this.stopped) setTimeout(() => this.socket.connect(), 100);
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  get view(): SeatView | null {
    return this.tracker.view;
  }

  /** Starts sending moves (one at a time, every tickMs). */
  play(): void {
    this.playing = true;
    this.schedule();
  }

  /** Stops deciding new moves; a command still unanswered is sent again until answered. */
  pause(): void {
    this.playing = false;
  }

  /** Whether a command is still waiting for its answer. */
  get busy(): boolean {
    return this.pending !== null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), this.tickMs * (0.5 + this.random()));
  }

  private tick(): void {
    this.timer = null;
    if (this.stopped) return;
    if (!this.pending && this.playing && this.socket.connected && this.tracker.view) {
      const move = nextMove(this.tracker.view, this.random);
      if (move) this.pending = { envelope: { ...move, commandId: `${this.name.replace(/\W/g, '')}-${++this.n}` }, sentAt: Date.now() };
    }
    this.kick();
    if (this.playing) this.schedule();
  }

  /** Sends the pending command if connected and not already on its way. */
  private kick(): void {
    const pending = this.pending;
    if (!pending || this.inFlight || !this.socket.connected) return;
    this.inFlight = true;
    const attempt = this.attempt;
    this.socket.timeout(3000).emit('command', pending.envelope, (error: Error | null, result?: Result<{ seq: number }>) => {
      if (attempt !== this.attempt) return;
      this.inFlight = false;
      // No answer (the node died, the socket moved): the same command, with its id, goes again.
      if (error || !result) return this.kick();
      this.pending = null;
      if (result.ok) this.acked.push({ commandId: pending.envelope.commandId!, sentAt: pending.sentAt, ackedAt: Date.now() });
      else if (result.code === 'BUSY' || result.code === 'SESSION_ENDED' || result.code === 'INTERNAL') {
        // Not applied (the room was moving, or the store refused a stale writer): send it again.
        this.pending = pending;
        this.rejected.set(result.code, (this.rejected.get(result.code) ?? 0) + 1);
        setTimeout(() => this.kick(), 100);
      } else this.rejected.set(result.code, (this.rejected.get(result.code) ?? 0) + 1);
    });
  }

  /** A round trip: everything the server sent before answering has arrived. */
  ping(): Promise<void> {
    return new Promise((resolve, reject) => this.socket.timeout(5000).emit('ping', (error: Error | null) => (error ? reject(error) : resolve())));
  }

  close(): void {
    this.stopped = true;
    this.playing = false;
    if (this.timer) clearTimeout(this.timer);
    this.socket.close();
  }
}
