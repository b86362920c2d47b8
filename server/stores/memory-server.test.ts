// The whole server on the in-memory stores, through the same components as production: nothing
// outside the ports reaches a database (no file is ever made at the server's database path), and
// accounts, play, the replay, class links and deletion all work on another implementation.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGame, type Game } from '../testing/game-setup';
import { apiClient, startLiveServer, type LiveServer } from '../testing/live-server';
import { settle } from '../testing/player-client';
import { openMemoryStores } from './memory';

let live: LiveServer;
let game: Game;

beforeAll(async () => {
  live = await startLiveServer(undefined, { stores: async () => openMemoryStores() });
  game = await startGame(live, { players: 4, email: 'memory@school.org' });
}, 30_000);
afterAll(async () => {
  for (const p of game?.players ?? []) p.close();
  await live?.stop();
});

describe('a server on the in-memory stores', () => {
  it('signs in, runs a game, replays it, opens its class link and deletes it, all without a database file', async () => {
    await game.api.session.deal.mutate({ sessionId: game.sessionId });
    await game.api.session.start.mutate({ sessionId: game.sessionId });
    await settle(game.players);
    const sender = game.players.find((p) => p.view.me.role?.side === 'usa')!;
    expect(await sender.send({ type: 'PostMessage', channelId: 't1:team:usa', text: 'Held in memory' })).toMatchObject({ ok: true });

    const stores = live.server.stores!;
    const texts = (await stores.events.load(game.sessionId)).flatMap((e) => (e.event.type === 'MessagePosted' ? [e.event.text] : []));
    expect(texts).toEqual(['Held in memory']);
    expect(await stores.accounts.byEmail('memory@school.org')).toMatchObject({ email: 'memory@school.org' });

    await game.api.session.end.mutate({ sessionId: game.sessionId });
    const timeline = await game.api.replay.timeline.query({ sessionId: game.sessionId });
    expect(timeline.status).toBe('ended');
    const link = await game.api.replay.classLink.set.mutate({ sessionId: game.sessionId, enabled: true, reveal: { tables: 'all', backChannels: false, names: false } });
    expect((await apiClient(live.url).replay.classView.query({ token: link.token! })).status).toBe('ended');

    expect(await game.api.replay.deleteSession.mutate({ sessionId: game.sessionId })).toEqual({ ok: true });
    expect(await stores.events.findSession({ id: game.sessionId })).toBeUndefined();
    expect(existsSync(live.dbPath)).toBe(false);
  });
});
