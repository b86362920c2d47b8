import { createClient } from 'redis';
import type { ClusterMessage, SessionLeases } from './leases';

// Commands fail fast while Redis is unreachable instead of queueing: a renewal that cannot reach
// Redis must count as failed, so the session is dropped before its lease expires.
const redisClient = (url: string) =>
  createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 1000) } });
type RedisClient = ReturnType<typeof redisClient>;

// Compare-and-set in one step on the server: only the holder extends or deletes its lease, so a
// node whose lease expired and was taken by another cannot touch the new owner's.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const TAKE_FROM = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) and 1 or 0 else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

const leaseKey = (sessionId: string) => `backchannel:lease:${sessionId}`;
const inbox = (nodeId: string) => `backchannel:node:${nodeId}`;
const EVERY_NODE = 'backchannel:nodes';

export interface RedisLeaseOptions {
  url: string;
  nodeId: string;
  ttlMs?: number;
}

/** Leases as Redis keys (SET NX PX, renewed and released by compare-and-set scripts); messages over pub/sub. */
export class RedisLeases implements SessionLeases {
  readonly nodeId: string;
  readonly ttlMs: number;
  private readonly listeners = new Set<(message: ClusterMessage) => void>();

  private constructor(
    private readonly client: RedisClient,
    private readonly subscriber: RedisClient,
    options: RedisLeaseOptions,
  ) {
    this.nodeId = options.nodeId;
    this.ttlMs = options.ttlMs ?? 3000;
  }

  /** Connects (a command connection and a subscriber) and listens to this node's inbox. */
  static async connect(options: RedisLeaseOptions, onError: (error: unknown) => void = () => undefined): Promise<RedisLeases> {
    const client = redisClient(options.url);
    const subscriber = redisClient(options.url);
    client.on('error', onError);
    subscriber.on('error', onError);
    await client.connect();
    await subscriber.connect();
    const leases = new RedisLeases(client, subscriber, options);
    await subscriber.subscribe(inbox(options.nodeId), (raw) => leases.deliver(raw));
    await subscriber.subscribe(EVERY_NODE, (raw) => leases.deliver(raw, true));
    return leases;
  }

  private deliver(raw: string, broadcast = false): void {
    let message: ClusterMessage;
    try {
      message = JSON.parse(raw) as ClusterMessage;
    } catch {
      return;
    }
    if (broadcast && message.from === this.nodeId) return;
    for (const listener of this.listeners) listener(message);
  }

  async acquire(sessionId: string): Promise<boolean> {
    const set = await this.client.set(leaseKey(sessionId), this.nodeId, { condition: 'NX', expiration: { type: 'PX', value: this.ttlMs } });
    if (set === 'OK') return true;
    // Already ours (a second caller on this node): extend it.
    return this.renew(sessionId);
  }

  async renew(sessionId: string): Promise<boolean> {
    const extended = await this.client.eval(RENEW, { keys: [leaseKey(sessionId)], arguments: [this.nodeId, String(this.ttlMs)] });
    return extended === 1;
  }

  async release(sessionId: string): Promise<void> {
    await this.client.eval(RELEASE, { keys: [leaseKey(sessionId)], arguments: [this.nodeId] });
  }

  async holder(sessionId: string): Promise<string | null> {
    return (await this.client.get(leaseKey(sessionId))) ?? null;
  }

  async alive(nodeId: string): Promise<boolean> {
    const subscribers = await this.client.pubSubNumSub(inbox(nodeId));
    return Number(subscribers[inbox(nodeId)] ?? 0) > 0;
  }

  async takeFrom(sessionId: string, from: string): Promise<boolean> {
    const taken = await this.client.eval(TAKE_FROM, { keys: [leaseKey(sessionId)], arguments: [from, this.nodeId, String(this.ttlMs)] });
    return taken === 1;
  }

  async send(to: string, message: ClusterMessage): Promise<void> {
    await this.client.publish(inbox(to), JSON.stringify(message));
  }

  async broadcast(message: ClusterMessage): Promise<void> {
    await this.client.publish(EVERY_NODE, JSON.stringify(message));
  }

  onMessage(listener: (message: ClusterMessage) => void): void {
    this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([closeClient(this.subscriber), closeClient(this.client)]);
  }
}

/** How long a shutdown waits for Redis to answer before it drops the connection. */
const CLOSE_GRACE_MS = 1000;

/**
 * Closes politely when Redis is there (what was sent is answered first), at once when it is not:
 * a QUIT sent to a Redis that went away waits for a reconnection that never comes, and the node's
 * shutdown (SIGTERM) hung on it.
 */
async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) return client.destroy();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS);
  });
  const outcome = await Promise.race([client.close().then(() => 'closed' as const, () => 'failed' as const), late]);
  clearTimeout(timer);
  if (outcome !== 'closed' && client.isOpen) client.destroy();
}
