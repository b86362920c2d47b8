// Behind nginx every socket comes from the proxy's address. With TRUST_PROXY naming the proxy, the
// per-address limits count the clients X-Forwarded-For names, not the proxy; without it, the header
// is not believed (anyone can write it).
import { afterEach, describe, expect, it } from 'vitest';
import type { SeatView } from '../engine';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient } from '../testing/player-client';

let live: LiveServer | undefined;
const open: PlayerClient[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await live?.stop();
  live = undefined;
});

/** Six joins into one room, each claiming the address `forwardedFor(i)`; how many had to wait their turn. */
async function joinsThatWaited(env: Record<string, string>, forwardedFor: (i: number) => string): Promise<number> {
  const clock = { t: Date.now() };
  const waits: number[] = [];
  live = await startLiveServer(undefined, {
    env,
    realtime: { now: () => clock.t, limits: { joins: { burst: 3, perSecond: 1, maxDelayMs: 3000 } }, wait: async (ms) => void waits.push(ms) },
  });
  const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'proxy@school.org'));
  const { code } = await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis', options: { maxSeats: null, tableCount: null } });
  for (let i = 1; i <= 6; i++) {
    open.push(await PlayerClient.open<SeatView>(live.url, { kind: 'join', room: code, name: `Student ${i}` }, { headers: { 'x-forwarded-for': forwardedFor(i) } }));
  }
  return waits.length;
}

describe('client addresses behind a trusted proxy', () => {
  it('counts joins per forwarded client when the proxy (loopback) is trusted', async () => {
    expect(await joinsThatWaited({ TRUST_PROXY: 'loopback' }, (i) => `198.51.100.${i}`)).toBe(0);
  });

  it('still counts one forwarded client as one, however it connects', async () => {
    expect(await joinsThatWaited({ TRUST_PROXY: 'loopback' }, () => '198.51.100.7')).toBe(3);
  });

  it('ignores X-Forwarded-For when no proxy is trusted: every socket is the TCP peer', async () => {
    expect(await joinsThatWaited({}, (i) => `198.51.100.${i}`)).toBe(3);
  });
});
