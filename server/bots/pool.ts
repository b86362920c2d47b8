import type { Runtime } from '../runtime/runtime';
import { Bot, type BotStats } from './bot';
import type { Pace } from './pace';

export interface PoolBot {
  seatId: string;
  name: string;
}

export type FillResult = { ok: true; bots: PoolBot[] } | { ok: false; code: string; message: string };

/** Names tried for bots: "Bot 1", "Bot 2"… skipping those taken in the room. */
const MAX_NAME_TRIES = 200;

/**
 * Bots the server runs for facilitators ("fill empty seats with bots"): real socket.io clients of
 * this same server, playing through the public protocol like any student. A bot stops when its
 * session ends (Bot.play resolves) or when the server closes (`closeAll`).
 */
export class BotPool {
  private bySession = new Map<string, Map<string, { bot: Bot; name: string }>>();
  private closed = false;

  constructor(
    private readonly runtime: Runtime,
    /** The server's own URL, known once it listens. */
    private readonly url: () => string | null,
    private readonly pace: Pace = 'human',
  ) {}

  /**
   * `seatIds`: dealt seats (say, of students who left) handed to bots with their history;
   * `count`: new bots that join the room by name (in the lobby, before dealing or after it).
   */
  async fill(sessionId: string, input: { seatIds?: string[]; count?: number }): Promise<FillResult> {
    const url = this.url();
    // Closed with the server: its runtime and database are gone too.
    const state = this.closed ? undefined : (await this.runtime.get(sessionId))?.current;
    if (this.closed || !url || !state?.created) return { ok: false, code: 'SESSION_NOT_CREATED', message: 'There is no such session running on this server.' };
    if (state.status === 'ended') return { ok: false, code: 'SESSION_ENDED', message: 'The session has ended.' };
    const started: PoolBot[] = [];
    for (const seatId of input.seatIds ?? []) {
      const name = this.freeName(sessionId);
      const replaced = await this.runtime.replace(sessionId, seatId, { name });
      if (!replaced.ok) return started.length ? { ok: true, bots: started } : replaced;
      started.push(this.launch(sessionId, url, state.code, seatId, name, replaced.token ?? ''));
    }
    for (let i = 0; i < (input.count ?? 0); i++) {
      const name = this.freeName(sessionId);
      const joined = await this.runtime.join(sessionId, name);
      if (!joined.ok) return started.length ? { ok: true, bots: started } : joined;
      started.push(this.launch(sessionId, url, state.code, joined.seatId, name, joined.token));
    }
    return { ok: true, bots: started };
  }

  list(sessionId: string): PoolBot[] {
    return [...(this.bySession.get(sessionId) ?? new Map()).entries()].map(([seatId, b]) => ({ seatId, name: b.name }));
  }

  /** Stops this session's bots (their seats stay; a student or another bot can be given them). */
  stop(sessionId: string): number {
    const bots = this.bySession.get(sessionId);
    if (!bots) return 0;
    for (const { bot } of bots.values()) bot.stop();
    this.bySession.delete(sessionId);
    return bots.size;
  }

  /** How many bots run now, in every session. */
  get running(): number {
    return [...this.bySession.values()].reduce((n, bots) => n + bots.size, 0);
  }

  closeAll(): void {
    this.closed = true;
    for (const id of [...this.bySession.keys()]) this.stop(id);
  }

  private freeName(sessionId: string): string {
    const state = this.runtime.loaded(sessionId)?.current;
    const taken = new Set(state?.created ? Object.values(state.seats).filter((s) => s.status === 'active').map((s) => s.name.toLowerCase()) : []);
    for (let n = 1; n <= MAX_NAME_TRIES; n++) if (!taken.has(`bot ${n}`)) return `Bot ${n}`;
    return `Bot ${Date.now() % 100_000}`;
  }

  private launch(sessionId: string, url: string, room: string, seatId: string, name: string, token: string): PoolBot {
    const bot = new Bot({ url, room, name, token, pace: this.pace });
    let bots = this.bySession.get(sessionId);
    if (!bots) this.bySession.set(sessionId, (bots = new Map()));
    bots.set(seatId, { bot, name });
    const forget = (_: BotStats | unknown) => {
      if (this.bySession.get(sessionId)?.get(seatId)?.bot === bot) this.bySession.get(sessionId)?.delete(seatId);
    };
    bot.play().then(forget, forget);
    return { seatId, name };
  }
}
