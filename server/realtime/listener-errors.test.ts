// A command whose events are stored has happened: a failure in what runs after the commit (the
// fan-out, or any other listener) is logged, and the player's ack still says it was applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gameOf, lastSeq, startGame, type Game } from '../testing/game-setup';
import { recordingLog, startLiveServer, type LiveServer } from '../testing/live-server';
import { settle } from '../testing/player-client';

let live: LiveServer;
let game: Game;
const log = recordingLog();

beforeAll(async () => {
  live = await startLiveServer(undefined, { log });
  game = await startGame(live, { players: 4, email: 'listener@school.org' });
  await game.api.session.deal.mutate({ sessionId: game.sessionId });
  await game.api.session.start.mutate({ sessionId: game.sessionId });
  await settle(game.players);
}, 20_000);
afterAll(async () => {
  for (const p of game.players) p.close();
  await live.stop();
});

describe('a listener that throws after the commit', () => {
  it('does not turn a stored command into "not applied", and is logged', async () => {
    const unsubscribe = live.server.runtime!.subscribe(() => {
      throw new Error('listener broke');
    });
    try {
      const [sender, reader] = game.players.filter((p) => p.view.me.role?.side === 'usa');
      const before = lastSeq(live.server.runtime, game.sessionId);
      const ack = await sender!.send({ type: 'PostMessage', channelId: 't1:team:usa', text: 'Stored despite the listener' });
      expect(ack).toMatchObject({ ok: true });
      expect(lastSeq(live.server.runtime, game.sessionId)).toBe(before + 1);
      expect(gameOf(live.server.runtime, game.sessionId).messages.some((m) => m.text === 'Stored despite the listener')).toBe(true);
      // The fan-out (subscribed before the broken listener) still reached the other player.
      await settle([reader!]);
      expect(reader!.view.messages.some((m) => m.text === 'Stored despite the listener')).toBe(true);
      expect(log.lines.some((l) => l.includes('listener failed') && l.includes('listener broke'))).toBe(true);
    } finally {
      unsubscribe();
    }
  });
});
