import type { Clock } from '../runtime/ports';

/**
 * Who owns which live session when several nodes share one event store. A lease is a key with a
 * time to live: the holder renews it while it lives, so a node that dies (kill -9, power cut)
 * loses its sessions when the TTL runs out and another node takes them over. The event store's
 * `expectedSeq` check stays the last guard: a node that wrongly thinks it still owns a session
 * cannot append after the new owner did.
 *
 * The same port carries the handover messages: a node that the proxy routes a session's players
 * to asks the owner to let go of it, and the owner answers once it has.
 */
export interface SessionLeases {
  readonly nodeId: string;
  /** How long a lease lives without renewal (ms). */
  readonly ttlMs: number;
  /** Takes the lease if nobody holds it (or this node already does). */
  acquire(sessionId: string): Promise<boolean>;
  /** Extends the lease if this node still holds it; false if it was lost. */
  renew(sessionId: string): Promise<boolean>;
  /** Gives the lease up if this node holds it. */
  release(sessionId: string): Promise<void>;
  /** The node holding the lease, or null if it is free (expired or never taken). */
  holder(sessionId: string): Promise<string | null>;
  /**
   * Whether a node is connected (listening for messages). A node killed outright loses its
   * connections at once, long before its leases expire: that is how a dead node is told apart.
   */
  alive(nodeId: string): Promise<boolean>;
  /** Takes the lease from `from` (a dead node) if it still holds it. */
  takeFrom(sessionId: string, from: string): Promise<boolean>;
  /** Sends `message` to node `to` (delivered at most once, only if that node listens). */
  send(to: string, message: ClusterMessage): Promise<void>;
  /** Sends `message` to every other node. */
  broadcast(message: ClusterMessage): Promise<void>;
  /** Messages to this node, and broadcasts of the others. */
  onMessage(listener: (message: ClusterMessage) => void): void;
  /** Settles promptly even when the backend is gone: what is still pending then is dropped. */
  close(): Promise<void>;
}

export type ClusterMessage =
  /** `from` asks the owner to hand `sessionId` over. */
  | { type: 'handover'; sessionId: string; from: string }
  /** The owner has let go of `sessionId` (its last commit is stored, its sockets closed). */
  | { type: 'released'; sessionId: string; from: string }
  /** A session's row changed (its owner tells the nodes showing facilitators' session lists). */
  | { type: 'row'; from: string; facilitatorId: string; row: unknown };

/** Leases for every node of a test, in memory, expiring on an injected clock. */
export class MemoryLeaseBoard {
  private readonly leases = new Map<string, { nodeId: string; until: number }>();
  private readonly inboxes = new Map<string, Set<(message: ClusterMessage) => void>>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs = 3000,
  ) {}

  /** The lease port of one node. */
  node(nodeId: string): SessionLeases {
    return this.port(nodeId, this.leases, this.inboxes, (sessionId) => this.current(sessionId));
  }

  private port(
    nodeId: string,
    leases: MemoryLeaseBoard['leases'],
    inboxes: MemoryLeaseBoard['inboxes'],
    current: (sessionId: string) => string | null,
  ): SessionLeases {
    const { clock, ttlMs } = this;
    let closed = false;
    return {
      nodeId,
      ttlMs,
      async acquire(sessionId) {
        const held = current(sessionId);
        if (held && held !== nodeId) return false;
        leases.set(sessionId, { nodeId, until: clock.now() + ttlMs });
        return true;
      },
      async renew(sessionId) {
        if (current(sessionId) !== nodeId) return false;
        leases.set(sessionId, { nodeId, until: clock.now() + ttlMs });
        return true;
      },
      async release(sessionId) {
        if (current(sessionId) === nodeId) leases.delete(sessionId);
      },
      async holder(sessionId) {
        return current(sessionId);
      },
      async alive(other) {
        return (inboxes.get(other)?.size ?? 0) > 0;
      },
      async takeFrom(sessionId, from) {
        if (current(sessionId) !== from) return false;
        leases.set(sessionId, { nodeId, until: clock.now() + ttlMs });
        return true;
      },
      async send(to, message) {
        // Delivered on a later turn, as over the network.
        for (const listener of inboxes.get(to) ?? []) queueMicrotask(() => listener(message));
      },
      async broadcast(message) {
        for (const [to, inbox] of inboxes) if (to !== nodeId) for (const listener of inbox) queueMicrotask(() => listener(message));
      },
      onMessage(listener) {
        if (closed) return;
        let inbox = inboxes.get(nodeId);
        if (!inbox) inboxes.set(nodeId, (inbox = new Set()));
        inbox.add(listener);
      },
      async close() {
        closed = true;
        inboxes.delete(nodeId);
      },
    };
  }

  private current(sessionId: string): string | null {
    const lease = this.leases.get(sessionId);
    if (!lease || lease.until <= this.clock.now()) return null;
    return lease.nodeId;
  }
}
