import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { Bot } from './bot';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(async () => {
  await live.stop();
});

describe('bots against the real server', () => {
  it('play a whole session to the end through the public protocol', async () => {
    const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'bots@school.org'));
    const phaseDurations = { briefing: 5, 'round-1': 6, 'round-2': 6, 'round-3': 6 };
    const { sessionId, code } = await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis', options: { phaseDurations, leakSensitivity: 3, tableCount: 1, openChannels: {} } });
    const bots = Array.from({ length: 8 }, (_, i) => new Bot({ url: live.url, room: code, name: `Bot ${i + 1}`, tickMs: 60 }));
    const playing = bots.map((b) => b.play());
    await until(() => bots.every((b) => b.view !== null));
    await api.session.deal.mutate({ sessionId });
    await api.session.start.mutate({ sessionId });
    const stats = await Promise.all(playing);
    expect(stats.every((s) => s.seatId !== null)).toBe(true);
    const accepted = stats.reduce((n, s) => n + s.accepted, 0);
    expect(accepted).toBeGreaterThan(20);
    const views = bots.map((b) => b.view!);
    expect(views.every((v) => v.session.status === 'ended' && v.myScore !== null)).toBe(true);
    const kinds = new Set(stats.flatMap((s) => Object.keys(s.rejected)));
    // Bots only act on what their view shows; internal errors or bad payloads would be bugs.
    expect([...kinds].filter((k) => ['INTERNAL', 'INVALID_PAYLOAD', 'UNKNOWN_EVENT'].includes(k))).toEqual([]);
  }, 60_000);
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
