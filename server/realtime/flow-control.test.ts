// Availability against one abusive client: every event is rate limited (resync and ping included),
// repeated resyncs share one snapshot in flight, and a client that does not read is dropped once
// its unread output passes a bound, instead of being buffered for without end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, recordingLog, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, waitFor, type Ack } from '../testing/player-client';
import { eventsIn, RawPollingClient } from '../testing/raw-client';

const clock = { t: Date.now() };
const log = recordingLog();
let live: LiveServer;
let sessionId: string;
let code: string;
const open: PlayerClient[] = [];

beforeAll(async () => {
  live = await startLiveServer(undefined, { log, realtime: { now: () => clock.t, limits: { maxBufferedBytes: 16_000 } } });
  const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'flow@school.org'));
  ({ sessionId, code } = await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis' }));
});
afterAll(async () => {
  for (const c of open) c.close();
  await live.stop();
});
// Every test starts with full buckets: a long time has passed on the server's clock.
beforeEach(() => {
  clock.t += 10 * 60_000;
});

async function projector(label: string): Promise<PlayerClient> {
  const client = await PlayerClient.open(live.url, { kind: 'projector', room: code }, { label });
  open.push(client);
  return client;
}

const refusedWith = (acks: Ack[], code: string) => acks.filter((a): a is Extract<Ack, { ok: false }> => !a.ok && a.code === code);

describe('rate limits on every event', () => {
  it('limits pings: a burst of 20 per socket, then RATE_LIMITED with the time to wait', async () => {
    const client = await projector('pinger');
    // Opening the client used one event (its first ping); the clock stands still meanwhile.
    const acks = await Promise.all(Array.from({ length: 30 }, () => client.emitWithAck('ping')));
    expect(acks.filter((a) => a.ok)).toHaveLength(19);
    const limited = refusedWith(acks, 'RATE_LIMITED');
    expect(limited).toHaveLength(11);
    expect(limited[0]!.retryAfterMs).toBeGreaterThan(0);
    expect(limited[0]!.message).toMatch(/wait \d+ s/);
    clock.t += 1000;
    expect(await client.emitWithAck('ping')).toMatchObject({ ok: true });
  });

  it('limits resyncs per address across sockets, so more tabs buy no more snapshots', async () => {
    const clients = await Promise.all([1, 2, 3, 4].map((i) => projector(`screen ${i}`)));
    const acks = (await Promise.all(clients.map((c) => Promise.all(Array.from({ length: 19 }, () => c.emitWithAck('resync')))))).flat();
    expect(acks.filter((a) => a.ok)).toHaveLength(60);
    expect(refusedWith(acks, 'RATE_LIMITED')).toHaveLength(16);
  });

  it('limits unknown events too, and drops a socket that keeps sending after its refusals', async () => {
    const client = await projector('flooder');
    const untyped = client.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    for (let i = 0; i < 19 + 50 + 5; i++) untyped.emit(i % 2 ? 'ping' : 'whatever', () => undefined);
    await waitFor(() => client.disconnected, 'the server to drop the flooding socket');
    expect(log.lines.some((l) => l.includes('kept sending after being rate limited'))).toBe(true);
  });
});

describe('flow control', () => {
  it('answers repeated resyncs with the snapshot already on its way instead of a copy each', async () => {
    const raw = await RawPollingClient.connect(live.url, { kind: 'projector', room: code });
    await raw.readUntil((p) => eventsIn([p]).some((e) => e.name === 'snapshot'));
    // Ten resyncs arrive while the client is not polling: the first snapshot waits in the buffer.
    const resyncs = Array.from({ length: 10 }, () => raw.event('resync'));
    await raw.post(resyncs.map((r) => r.packet));
    const packets = await raw.readUntil((p) => p.type === '3' && p.ackId === resyncs[9]!.ackId);
    const snapshots = eventsIn(packets).filter((e) => e.name === 'snapshot');
    expect(snapshots).toHaveLength(1);
    const acks = packets.filter((p) => p.type === '3').map((p) => (p.data as [Ack])[0]);
    expect(acks).toHaveLength(10);
    const seq = (snapshots[0]!.arg as { seq: number }).seq;
    expect(acks.every((a) => a.ok && a.data.seq === seq)).toBe(true);
  });

  it('drops a client that stops reading once its unread output passes the bound, and keeps a reader', async () => {
    const reader = await projector('reader');
    const raw = await RawPollingClient.connect(live.url, { kind: 'projector', room: code });
    await raw.readUntil((p) => eventsIn([p]).some((e) => e.name === 'snapshot'));
    // The raw client never polls again; each broadcast adds about 1.6 KB to what it has not read.
    for (let i = 0; i < 20; i++) {
      const result = await live.server.runtime!.dispatch(sessionId, { type: 'ControlBroadcast', text: `${i} ${'news '.repeat(300)}` }, { kind: 'facilitator' });
      expect(result.ok).toBe(true);
      // The reader reads as it goes (a command a second, say), so only the raw client falls behind.
      clock.t += 1000;
      await reader.ping();
    }
    await waitFor(() => log.lines.some((l) => l.includes('bytes unread')), 'the slow reader to be dropped');
    const after = await raw.read();
    expect(after.status).toBe(400);
    await reader.ping();
    expect(reader.socket.connected).toBe(true);
    expect((reader.view as { broadcasts: unknown[] }).broadcasts.length).toBeGreaterThanOrEqual(20);
  });
});
