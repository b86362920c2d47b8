import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenarios } from '../scenarios';
import { MAX_TABLE_SIZE, MIN_TABLE_SIZE } from '../scenarios/schema';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { ManualTime } from '../runtime/manual-time';
import { Bot } from './bot';

let live: LiveServer;
/** The game clock moves only when the test has seen the bots play in the current phase. */
const time = new ManualTime(Date.now());
beforeAll(async () => {
  live = await startLiveServer(undefined, { time });
});
afterAll(async () => {
  await live.stop();
});

/** Rejections that would be bugs: the bots only act on what their own view shows them. */
const UNEXPECTED = ['INTERNAL', 'INVALID_PAYLOAD', 'UNKNOWN_EVENT', 'UNKNOWN_CHANNEL', 'UNKNOWN_PROPOSAL', 'UNKNOWN_SEAT', 'UNKNOWN_TIP', 'WRONG_ROLE'];

describe('bots against the real server', () => {
  it('play every built-in scenario to the end at the smallest and the largest table, all at once', async () => {
    const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'bots@school.org'));
    const games = await Promise.all(
      builtInScenarios()
        .flatMap((scenario) => [MIN_TABLE_SIZE, MAX_TABLE_SIZE].map((players) => ({ scenario, players })))
        .map(async ({ scenario, players }) => {
          const [briefing, ...rounds] = scenario.phases;
          const phaseDurations = { [briefing!.id]: 5, ...Object.fromEntries(rounds.map((p) => [p.id, 7])) };
          const { sessionId, code } = await api.session.create.mutate({ scenarioId: scenario.id, options: { phaseDurations, leakSensitivity: 2, tableCount: 1, openChannels: {} } });
          const bots = Array.from({ length: players }, (_, i) => new Bot({ url: live.url, room: code, name: `Bot ${i + 1}`, tickMs: 200 }));
          const playing = bots.map((b) => b.play());
          await until(() => bots.every((b) => b.view !== null));
          await api.session.deal.mutate({ sessionId });
          await api.session.start.mutate({ sessionId });
          return { id: `${scenario.id} × ${players}`, bots, playing: Promise.all(playing) };
        }),
    );
    // Each phase lasts until every game's bots have made a few accepted moves in it; then the clock
    // jumps past the longest phase, so every game moves on by its own deadline.
    const ended = (bots: Bot[]) => bots.every((b) => b.view?.session.status === 'ended');
    const accepted = (bots: Bot[]) => bots.reduce((n, b) => n + b.stats.accepted, 0);
    for (let phase = 0; games.some((g) => !ended(g.bots)); phase++) {
      if (phase > 20) throw new Error('the games did not end after 20 phases');
      const marks = games.map((g) => accepted(g.bots));
      await until(() => games.every((g, i) => ended(g.bots) || accepted(g.bots) >= marks[i]! + g.bots.length), 60_000);
      time.advance(7_000);
    }
    const results = await Promise.all(games.map(async (g) => ({ id: g.id, stats: await g.playing, views: g.bots.map((b) => b.view!) })));
    for (const { id, stats, views } of results) {
      expect(stats.every((s) => s.seatId !== null), id).toBe(true);
      expect(views.every((v) => v.session.status === 'ended' && v.myScore !== null), id).toBe(true);
      expect(stats.reduce((n, s) => n + s.accepted, 0), id).toBeGreaterThan(views.length * 2);
      const unexpected = stats.flatMap((s) => Object.keys(s.rejected).filter((code) => UNEXPECTED.includes(code)).map((code) => `${s.name}: ${code} (${s.lastRejection})`));
      expect(unexpected, id).toEqual([]);
    }
  }, 180_000);
});

/** Waits for the bots (an event, not a duration); the limit only stops a stuck run. */
async function until(check: () => boolean, timeoutMs = 90_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
