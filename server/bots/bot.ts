import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../engine';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ErrorCode, type PlayerCommand, type Result, type ServerToClientEvents } from '../realtime/protocol';
import { ViewTracker } from '../../shared/view-tracker';
import { inRole } from '../../shared/can';
import { strategyFor, type Strategy, type StrategyName } from '../balance/strategies';
import { delayAfter, DEFAULT_TICK_MS, type Pace } from './pace';
import { nextMove } from './strategy';

export interface BotOptions {
  url: string;
  room: string;
  name: string;
  /**
   * 'human' (the default): a text every 15–30 s, a click every 5–12 s, like a person at the table.
   * 'fast': a move every tickMs (give or take half), for tests and the load benchmark.
   */
  pace?: Pace;
  /** Milliseconds between moves at the fast pace; passing it without a pace means 'fast'. */
  tickMs?: number;
  /**
   * A scripted strategy of the balance harness (server/balance/strategies.ts) for a bot in a
   * leader's or an envoy's seat; other seats, and every seat without it, play the bots' brain.
   */
  strategy?: StrategyName;
  random?: () => number;
  /** The clock the scripted strategies read the round's time from (default Date.now). */
  now?: () => number;
  log?: (line: string) => void;
  /** A seat token: the bot plays that seat (one handed to it by the facilitator) instead of joining by name. */
  token?: string;
}

export interface BotStats {
  name: string;
  seatId: string | null;
  sent: number;
  accepted: number;
  rejected: Partial<Record<ErrorCode, number>>;
  lastRejection: string | null;
  /** Milliseconds from sending each command to its ack (for the load benchmark). */
  latencies: number[];
}

/**
 * A bot player: a socket.io client that joins with a display name and plays through the public
 * protocol only, deciding from its own view, until the session ends.
 */
export class Bot {
  readonly stats: BotStats;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private tracker = new ViewTracker<SeatView>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private busy = false;
  private token: string | null = null;
  private done: Promise<BotStats> | null = null;
  private scripted: Strategy | null = null;

  constructor(private readonly options: BotOptions) {
    this.token = options.token ?? null;
    this.stats = { name: options.name, seatId: null, sent: 0, accepted: 0, rejected: {}, lastRejection: null, latencies: [] };
  }

  get view(): SeatView | null {
    return this.tracker.view;
  }

  /** Joins and plays; resolves when the session ends or the bot is removed. */
  play(): Promise<BotStats> {
    this.done ??= new Promise((resolve, reject) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.options.url, {
        auth: (cb) => cb(this.token ? { v: PROTOCOL_VERSION, kind: 'player', room: this.options.room, token: this.token } : { v: PROTOCOL_VERSION, kind: 'join', room: this.options.room, name: this.options.name }),
        transports: ['websocket'],
        // Several nodes: the proxy sends every socket of a room to the same node by it.
        query: { room: this.options.room },
        reconnectionDelay: 200,
      });
      this.socket = socket;
      const finish = () => {
        this.stop();
        resolve(this.stats);
      };
      socket.on('connect_error', (error) => {
        const data = (error as Error & { data?: { code: string; message: string } }).data;
        // Several nodes: the room is moving to the node the proxy routes to; that takes a moment.
        if (data?.code === 'BUSY') {
          setTimeout(() => this.socket?.connect(), 200);
          return;
        }
        if (data) {
          this.stop();
          reject(new Error(`${this.options.name} could not join: ${data.code} ${data.message}`));
        }
      });
      socket.on('welcome', (w) => {
        this.token = w.token ?? this.token;
        this.stats.seatId = w.seatId;
      });
      socket.on('snapshot', (s) => {
        this.tracker.snapshot(s);
        if (this.tracker.view?.session.status === 'ended') finish();
      });
      socket.on('patch', (p) => {
        if (!this.tracker.patch(p)) socket.emit('resync', () => undefined);
        if (this.tracker.view?.session.status === 'ended') finish();
      });
      socket.on('stream', (f) => {
        if (!this.tracker.stream(f)) socket.emit('resync', () => undefined);
      });
      socket.on('removed', finish);
      this.schedule();
    });
    return this.done;
  }

  /** The pace this bot plays at: tickMs alone means the old fast behaviour the tests rely on. */
  get pace(): Pace {
    return this.options.pace ?? (this.options.tickMs !== undefined ? 'fast' : 'human');
  }

  /** Milliseconds to wait after this move (or after having nothing to do). */
  delayAfter(move: PlayerCommand | null): number {
    return delayAfter(move, this.pace, this.options.tickMs ?? DEFAULT_TICK_MS, this.options.random ?? Math.random);
  }

  /** The next move from this bot's own view: the named strategy in a leader's or envoy's seat, else the brain. */
  decide(view: SeatView): PlayerCommand | null {
    const random = this.options.random ?? Math.random;
    // A named strategy plays the seats that negotiate: those whose role may open back channels.
    if (this.options.strategy && inRole(view.can?.openBackChannel)) {
      // The bot sees no cast list: each side's first envoy at the table is its main envoy, for every bot alike.
      this.scripted ??= strategyFor(this.options.strategy, { mainEnvoyRoles: [] });
      return this.scripted(view, (this.options.now ?? Date.now)(), random);
    }
    return nextMove(view, random);
  }

  private schedule(move: PlayerCommand | null = null): void {
    this.timer = setTimeout(() => void this.tick(), this.delayAfter(move));
  }

  private async tick(): Promise<void> {
    const view = this.tracker.view;
    let move: PlayerCommand | null = null;
    if (view && this.socket?.connected && !this.busy) {
      move = this.decide(view);
      if (move) await this.send(move);
    }
    if (this.socket) this.schedule(move);
  }

  send(command: PlayerCommand): Promise<Result<{ seq: number }>> {
    const socket = this.socket;
    if (!socket) return Promise.resolve({ ok: false, code: 'INTERNAL', message: 'not connected' });
    this.busy = true;
    this.stats.sent++;
    const sentAt = performance.now();
    return new Promise((resolve) => {
      socket.timeout(10_000).emit('command', command, (error: Error | null, result?: Result<{ seq: number }>) => {
        this.busy = false;
        this.stats.latencies.push(performance.now() - sentAt);
        const r: Result<{ seq: number }> = error || !result ? { ok: false, code: 'INTERNAL', message: `no answer (${error?.message ?? 'empty ack'})` } : result;
        // The bot closed its own socket (the session ended) while this command was in flight.
        if (!r.ok && !this.socket) return resolve(r);
        if (r.ok) this.stats.accepted++;
        else {
          this.stats.rejected[r.code] = (this.stats.rejected[r.code] ?? 0) + 1;
          this.stats.lastRejection = `${command.type}: ${r.code} ${r.message}`;
          this.options.log?.(`${this.options.name} ${this.stats.lastRejection}`);
        }
        resolve(r);
      });
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Cleared before close(): closing fails the acks still in flight, synchronously.
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }
}

/** Starts `count` bots in a room; resolves with their stats when the session ends for all. */
export async function runBots(options: { url: string; room: string; count: number; pace?: Pace; strategy?: StrategyName; tickMs?: number; prefix?: string; log?: (line: string) => void }): Promise<BotStats[]> {
  const { count, prefix, ...shared } = options;
  const bots = Array.from({ length: count }, (_, i) => new Bot({ ...shared, name: `${prefix ?? 'Bot'} ${i + 1}` }));
  return Promise.all(bots.map((b) => b.play()));
}
