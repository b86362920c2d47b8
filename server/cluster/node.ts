import type { Logger } from '../log';
import type { SessionLeases } from './leases';

/** What the lease keeper needs of the runtime: load a session (claiming it), let one go, and list the live ones. */
export interface Hosted {
  /** Loads the session into memory (the runtime claims it through `claim` first); its deadlines are armed. */
  load(sessionId: string): Promise<unknown>;
  /** Stops the session here: no new commands, the last commit stored, its sockets closed. */
  drop(sessionId: string): Promise<void>;
  /** Sessions that have not ended, whichever node runs them. */
  liveSessions(): Promise<string[]>;
}

export interface ClusterNodeOptions {
  leases: SessionLeases;
  log: Pick<Logger, 'info' | 'error'>;
  /** Renew every lease this often; a third of the TTL leaves two tries before it expires. */
  renewEveryMs?: number;
  /** Look for live sessions whose lease expired (their node died) this often. */
  sweepEveryMs?: number;
  /** How long a claim waits for the owner to hand a session over before giving up. */
  claimTimeoutMs?: number;
  /**
   * How long the sweep leaves a gone node's session to the node its reconnecting players reach
   * (which takes it at once) before taking it itself: one load instead of a load and a handover.
   */
  sweepGraceMs?: number;
  now?: () => number;
}

/**
 * One node's side of session ownership. It holds the leases of the sessions it hosts and renews
 * them; drops a session at once if its lease is lost; hands a session over when the node the proxy
 * routes its players to asks; and sweeps for live sessions whose node died, so their deadlines fire
 * even when nobody reconnects.
 */
export class ClusterNode {
  /** Sessions whose lease this node holds, and until when it is known to hold it. */
  private readonly owned = new Map<string, number>();
  private readonly claims = new Map<string, Promise<boolean>>();
  /** Waiters for an owner's "released" answer, by session. */
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private hosted: Hosted | undefined;
  /** Sessions the sweep took and is loading. */
  private readonly sweepLoading = new Set<string>();
  /** When the sweep first saw a session's holder gone. */
  private readonly goneSince = new Map<string, number>();
  private readonly rowListeners = new Set<(facilitatorId: string, row: unknown) => void>();
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: ClusterNodeOptions) {
    this.now = options.now ?? Date.now;
    options.leases.onMessage((message) => {
      if (message.type === 'released') for (const wake of this.waiting.get(message.sessionId) ?? []) wake();
      else if (message.type === 'handover') void this.handOver(message.sessionId, message.from);
      else for (const listener of this.rowListeners) listener(message.facilitatorId, message.row);
    });
  }

  get nodeId(): string {
    return this.options.leases.nodeId;
  }

  /** Whether this node holds the session's lease (as far as it knows). */
  owns(sessionId: string): boolean {
    return this.owned.has(sessionId);
  }

  /** The sessions this node holds (for tests and the log). */
  ownedIds(): string[] {
    return [...this.owned.keys()];
  }

  /** Tells the other nodes a session's row changed, for the session lists they show. */
  shareRow(facilitatorId: string, row: unknown): void {
    void this.options.leases.broadcast({ type: 'row', from: this.nodeId, facilitatorId, row }).catch((error: unknown) => this.options.log.error('sharing a session row failed', error));
  }

  /** Rows the other nodes share. */
  onRow(listener: (facilitatorId: string, row: unknown) => void): void {
    this.rowListeners.add(listener);
  }

  /** Starts renewing and sweeping; the first sweep runs at once. */
  start(hosted: Hosted): void {
    this.hosted = hosted;
    const ttl = this.options.leases.ttlMs;
    this.timers.push(setInterval(() => void this.renewAll(), this.options.renewEveryMs ?? Math.floor(ttl / 3)));
    this.timers.push(setInterval(() => void this.sweep(), this.options.sweepEveryMs ?? Math.floor(ttl / 3)));
    for (const t of this.timers) t.unref();
    void this.sweep();
  }

  /**
   * Resolves true once this node holds the session's lease: at once if free, else after asking the
   * owner to hand it over (or its lease expiring). False after `claimTimeoutMs`.
   */
  claim(sessionId: string): Promise<boolean> {
    if (this.owned.has(sessionId)) return Promise.resolve(true);
    // Handed over while the sweep was loading it: the sweep's load gives up instead of taking it back.
    if (this.sweepLoading.has(sessionId)) return Promise.resolve(false);
    let claim = this.claims.get(sessionId);
    if (!claim) {
      claim = this.take(sessionId).finally(() => this.claims.delete(sessionId));
      this.claims.set(sessionId, claim);
    }
    return claim;
  }

  private async take(sessionId: string): Promise<boolean> {
    const { leases } = this.options;
    const giveUpAt = this.now() + (this.options.claimTimeoutMs ?? leases.ttlMs + 2000);
    while (!this.stopped) {
      const startedAt = this.now();
      if (await leases.acquire(sessionId)) {
        this.owned.set(sessionId, startedAt + leases.ttlMs);
        return true;
      }
      if (this.now() >= giveUpAt) return false;
      const holder = await leases.holder(sessionId);
      if (holder === null) continue;
      // The holder is gone (killed: its Redis connections closed with it): no need to wait for its
      // lease to run out. Should it be alive after all, its next renewal fails and it drops the
      // session; the store refuses whichever of the two appends second.
      if (!(await leases.alive(holder))) {
        if (await leases.takeFrom(sessionId, holder)) {
          this.owned.set(sessionId, startedAt + leases.ttlMs);
          this.options.log.info(`session ${sessionId} taken from node ${holder}, which is gone`);
          return true;
        }
        continue;
      }
      // Asked again on every turn (the owner may have taken it back meanwhile, or be dead); its
      // answer, or a short poll for a dead owner's lease to expire, wakes us.
      const released = this.released(sessionId, Math.min(250, giveUpAt - this.now()));
      await leases.send(holder, { type: 'handover', sessionId, from: this.nodeId });
      await released;
    }
    return false;
  }

  /** Resolves when the owner says it let go, or after `ms` (a lost message costs a poll, not a hang). */
  private released(sessionId: string, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let set = this.waiting.get(sessionId);
      if (!set) this.waiting.set(sessionId, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && this.waiting.get(sessionId) === set) this.waiting.delete(sessionId);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      set.add(done);
    });
  }

  /** Another node asks for a session: let it go (if held here) and say so. */
  private async handOver(sessionId: string, to: string): Promise<void> {
    if (this.owned.has(sessionId) && this.hosted) {
      this.owned.delete(sessionId);
      try {
        await this.hosted.drop(sessionId);
        await this.options.leases.release(sessionId);
        this.options.log.info(`session ${sessionId} handed over to node ${to}`);
      } catch (error) {
        this.options.log.error(`handing session ${sessionId} over failed`, error);
      }
    }
    await this.options.leases.send(to, { type: 'released', sessionId, from: this.nodeId }).catch(() => undefined);
  }

  /** Extends every lease; a lease lost (or not renewed in time) drops its session at once. */
  async renewAll(): Promise<void> {
    const { leases } = this.options;
    await Promise.all(
      [...this.owned.keys()].map(async (sessionId) => {
        const startedAt = this.now();
        let kept: boolean;
        try {
          kept = await leases.renew(sessionId);
        } catch {
          // Redis unreachable: the lease may still be ours until it runs out; past that, it is not.
          kept = this.now() < (this.owned.get(sessionId) ?? 0) - leases.ttlMs / 3;
          if (kept) return;
        }
        if (!this.owned.has(sessionId)) return;
        if (kept) this.owned.set(sessionId, startedAt + leases.ttlMs);
        else await this.lose(sessionId);
      }),
    );
  }

  private async lose(sessionId: string): Promise<void> {
    if (!this.owned.delete(sessionId)) return;
    this.options.log.info(`lease of session ${sessionId} lost: dropped here`);
    await this.hosted?.drop(sessionId).catch((error: unknown) => this.options.log.error(`dropping session ${sessionId} failed`, error));
  }

  /** Takes live sessions nobody holds (their node died): their deadlines fire here, at once if due. */
  async sweep(): Promise<void> {
    const hosted = this.hosted;
    if (!hosted || this.stopped) return;
    let live: string[];
    try {
      live = await hosted.liveSessions();
    } catch (error) {
      this.options.log.error('lease sweep failed', error);
      return;
    }
    // Asked once per sweep per node, not once per session.
    const aliveNow = new Map<string, Promise<boolean>>();
    const alive = (nodeId: string) => {
      let known = aliveNow.get(nodeId);
      if (!known) aliveNow.set(nodeId, (known = this.options.leases.alive(nodeId)));
      return known;
    };
    for (const sessionId of live) {
      if (this.stopped) return;
      if (this.owned.has(sessionId) || this.claims.has(sessionId) || this.sweepLoading.has(sessionId)) continue;
      try {
        const { leases } = this.options;
        const holder = await leases.holder(sessionId);
        if (holder !== null && (holder === this.nodeId || (await alive(holder)))) {
          this.goneSince.delete(sessionId);
          continue;
        }
        if (holder !== null) {
          const since = this.goneSince.get(sessionId) ?? this.now();
          this.goneSince.set(sessionId, since);
          if (this.now() - since < (this.options.sweepGraceMs ?? 1000)) continue;
        }
        this.goneSince.delete(sessionId);
        // The node that wins the race for the lease loads the session; the others skip it.
        if (!(holder === null ? await leases.acquire(sessionId) : await leases.takeFrom(sessionId, holder))) continue;
        this.owned.set(sessionId, this.now() + this.options.leases.ttlMs);
        this.options.log.info(`session ${sessionId} taken over: its lease had expired`);
        this.sweepLoading.add(sessionId);
        await hosted.load(sessionId);
      } catch (error) {
        // SessionElsewhere: handed over to the node its players reach while loading here. Fine.
        if ((error as { code?: string }).code !== 'BUSY') this.options.log.error(`taking over session ${sessionId} failed`, error);
      } finally {
        this.sweepLoading.delete(sessionId);
      }
    }
  }

  /** Stops renewing and gives every lease back (the sessions are closed by then). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    const held = [...this.owned.keys()];
    this.owned.clear();
    // Sent before the close, which waits for them a moment (RedisLeases: a second) and then
    // drops them: a Redis that stopped answering must not keep the node from stopping.
    const releasing = Promise.allSettled(held.map((id) => this.options.leases.release(id)));
    await this.options.leases.close();
    await releasing;
  }
}
