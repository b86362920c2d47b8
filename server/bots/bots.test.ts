import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenarios } from '../scenarios';
import { MAX_TABLE_SIZE, MIN_TABLE_SIZE } from '../scenarios/schema';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { Bot } from './bot';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(async () => {
  await live.stop();
});

/** Rejections that would be bugs: the bots only act on what their own view shows them. */
const UNEXPECTED = ['INTERNAL', 'INVALID_PAYLOAD', 'UNKNOWN_EVENT', 'UNKNOWN_CHANNEL', 'UNKNOWN_PROPOSAL', 'UNKNOWN_SEAT', 'UNKNOWN_TIP', 'WRONG_ROLE'];

describe('bots against the real server', () => {
  it('play every built-in scenario to the end at the smallest and the largest table, all at once', async () => {
    const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'bots@school.org'));
    const games = builtInScenarios().flatMap((scenario) => [MIN_TABLE_SIZE, MAX_TABLE_SIZE].map((players) => ({ scenario, players })));
    const results = await Promise.all(
      games.map(async ({ scenario, players }) => {
        const [briefing, ...rounds] = scenario.phases;
        const phaseDurations = { [briefing!.id]: 5, ...Object.fromEntries(rounds.map((p) => [p.id, 7])) };
        const { sessionId, code } = await api.session.create.mutate({ scenarioId: scenario.id, options: { phaseDurations, leakSensitivity: 2, tableCount: 1, openChannels: {} } });
        const bots = Array.from({ length: players }, (_, i) => new Bot({ url: live.url, room: code, name: `Bot ${i + 1}`, tickMs: 400 }));
        const playing = bots.map((b) => b.play());
        await until(() => bots.every((b) => b.view !== null));
        await api.session.deal.mutate({ sessionId });
        await api.session.start.mutate({ sessionId });
        const stats = await Promise.all(playing);
        return { id: `${scenario.id} × ${players}`, stats, views: bots.map((b) => b.view!) };
      }),
    );
    for (const { id, stats, views } of results) {
      expect(stats.every((s) => s.seatId !== null), id).toBe(true);
      expect(views.every((v) => v.session.status === 'ended' && v.myScore !== null), id).toBe(true);
      expect(stats.reduce((n, s) => n + s.accepted, 0), id).toBeGreaterThan(views.length * 2);
      const unexpected = stats.flatMap((s) => Object.keys(s.rejected).filter((code) => UNEXPECTED.includes(code)).map((code) => `${s.name}: ${code} (${s.lastRejection})`));
      expect(unexpected, id).toEqual([]);
    }
  }, 120_000);
});

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
