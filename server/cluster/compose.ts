import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log';
import { ClusterNode } from './node';
import { RedisLeases } from './redis-leases';

export interface Cluster {
  node: ClusterNode;
  stop(): Promise<void>;
}

/**
 * A node's name: unique per start, so a node restarted on the same host never mistakes the
 * leases its previous life held (and lost when it died) for its own.
 */
export function newNodeId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Connects to Redis and builds this node's lease keeper (started once the runtime exists). */
export async function startCluster(options: { redisUrl: string; nodeId?: string; log: Logger }): Promise<Cluster> {
  const nodeId = options.nodeId ?? newNodeId();
  let lastError = 0;
  const leases = await RedisLeases.connect({ url: options.redisUrl, nodeId }, (error) => {
    // The client retries on its own; one line a second is enough to say Redis is away.
    if (Date.now() - lastError < 1000) return;
    lastError = Date.now();
    options.log.error('Redis connection error', error);
  });
  const node = new ClusterNode({ leases, log: options.log });
  options.log.info('cluster node started', { event: 'cluster.started', nodeId });
  return { node, stop: () => node.stop() };
}
