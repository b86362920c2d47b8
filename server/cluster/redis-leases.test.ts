import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterMessage } from './leases';
import { RedisLeases } from './redis-leases';
import { findBinary, startRedis, type Service } from './testing/services';

const noRedis = findBinary('redis-server') === null;
// CI installs the services first (.ci/run): there a missing redis-server is a broken machine, not a skip.
if (noRedis && process.env.CI) throw new Error('redis-server is not installed, and CI must run the Redis lease tests (scripts/ensure-services.sh installs it)');
if (noRedis) console.log('SKIPPED server/cluster/redis-leases.test.ts: redis-server is not installed (scripts/ensure-services.sh installs it)');

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(noRedis)('Redis session leases', () => {
  let redis: Service & { url: string };
  const open: RedisLeases[] = [];
  const node = async (nodeId: string, ttlMs = 3000) => {
    const leases = await RedisLeases.connect({ url: redis.url, nodeId, ttlMs });
    open.push(leases);
    return leases;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(open.map((l) => l.close()));
    await redis?.stop();
  });

  it('gives a free lease to one node only, renews and releases it only for its holder', async () => {
    const a = await node('a');
    const b = await node('b');
    expect(await a.acquire('ses_1')).toBe(true);
    expect(await b.acquire('ses_1')).toBe(false);
    expect(await a.acquire('ses_1')).toBe(true);
    expect(await a.holder('ses_1')).toBe('a');
    expect(await b.renew('ses_1')).toBe(false);
    expect(await a.renew('ses_1')).toBe(true);
    await b.release('ses_1');
    expect(await b.holder('ses_1')).toBe('a');
    await a.release('ses_1');
    expect(await b.holder('ses_1')).toBeNull();
    expect(await b.acquire('ses_1')).toBe(true);
  });

  it('lets a lease expire when its holder stops renewing, and the holder cannot renew it then', async () => {
    const a = await node('short-a', 150);
    const b = await node('short-b', 150);
    expect(await a.acquire('ses_2')).toBe(true);
    await until(async () => (await b.holder('ses_2')) === null, 'the lease to expire');
    expect(await b.acquire('ses_2')).toBe(true);
    expect(await a.renew('ses_2')).toBe(false);
  });

  it('tells a connected node from a gone one, and lets a lease be taken from a gone holder only', async () => {
    const a = await node('live-a');
    const b = await node('live-b');
    expect(await a.acquire('ses_4')).toBe(true);
    expect(await b.alive('live-a')).toBe(true);
    expect(await b.takeFrom('ses_4', 'someone-else')).toBe(false);
    await a.close();
    open.splice(open.indexOf(a), 1);
    await until(async () => !(await b.alive('live-a')), 'the closed node to be gone');
    expect(await b.takeFrom('ses_4', 'live-a')).toBe(true);
    expect(await b.holder('ses_4')).toBe('live-b');
    expect(await b.renew('ses_4')).toBe(true);
  });

  it('delivers messages to the node they are sent to', async () => {
    const a = await node('msg-a');
    const b = await node('msg-b');
    const got: ClusterMessage[] = [];
    b.onMessage((m) => got.push(m));
    a.onMessage(() => got.push({ type: 'released', sessionId: 'wrong inbox', from: '?' }));
    await a.send('msg-b', { type: 'handover', sessionId: 'ses_3', from: 'msg-a' });
    await until(async () => got.length > 0, 'the message');
    expect(got).toEqual([{ type: 'handover', sessionId: 'ses_3', from: 'msg-a' }]);
  });
  it('closes (and gives up its leases) without hanging when Redis has gone away', async () => {
    // A Redis of its own, killed: the node's shutdown must still finish (SIGTERM must stop it).
    const own = await startRedis();
    const leases = await RedisLeases.connect({ url: own.url, nodeId: 'orphan', ttlMs: 3000 });
    expect(await leases.acquire('ses_gone')).toBe(true);
    own.process.kill('SIGKILL');
    await new Promise((resolve) => own.process.once('exit', resolve));
    await expect(leases.release('ses_gone')).rejects.toThrow();
    await leases.close();
    await own.stop();
  });
});
