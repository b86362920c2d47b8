// A facilitator's socket (the god view) lives only as long as the sign-in it was opened with: it
// ends when that login signs out or expires, and nothing reaches it afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../auth/accounts';
import { startGame, type Game } from '../testing/game-setup';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, settle, waitFor } from '../testing/player-client';

const watch = (live: LiveServer, game: Game, cookie: string, label: string) =>
  PlayerClient.open(live.url, { kind: 'facilitator', sessionId: game.sessionId }, { cookie, label });

describe('signing out', () => {
  let live: LiveServer;
  let game: Game;
  beforeAll(async () => {
    live = await startLiveServer();
    game = await startGame(live, { players: 4, email: 'signout@school.org' });
  });
  afterAll(async () => {
    for (const p of game.players) p.close();
    await live.stop();
  });

  it("ends that login's sockets at once, and only those", async () => {
    // The same account signed in twice: on the classroom PC and on a laptop.
    const laptopCookie = await signIn(live.url, live.dbPath, 'signout@school.org');
    const pc = await watch(live, game, game.cookie, 'classroom PC');
    const laptop = await watch(live, game, laptopCookie, 'laptop');
    await apiClient(live.url, game.cookie).auth.logout.mutate();
    await waitFor(() => pc.disconnected, 'the signed-out socket to end');
    expect(pc.removed).toMatch(/sign-in has ended/);
    expect(await game.players[0]!.send({ type: 'Leave' })).toMatchObject({ ok: true });
    await settle([laptop]);
    expect(laptop.socket.connected).toBe(true);
    expect(laptop.view.kind).toBe('facilitator');
    expect((laptop.view as { seats: Record<string, { status: string }> }).seats[game.players[0]!.seatId]?.status).toBe('left');
    expect(pc.received.filter((r) => r.event === 'patch')).toHaveLength(0);
    laptop.close();
  });
});

describe('a login that expires', () => {
  const clock = { t: Date.now() };
  let live: LiveServer;
  let game: Game;
  beforeAll(async () => {
    live = await startLiveServer(undefined, { realtime: { now: () => clock.t } });
    game = await startGame(live, { players: 4, email: 'expiry@school.org' });
    await game.api.session.deal.mutate({ sessionId: game.sessionId });
    await game.api.session.start.mutate({ sessionId: game.sessionId });
    await settle(game.players);
  }, 20_000);
  afterAll(async () => {
    for (const p of game.players) p.close();
    await live.stop();
  });

  it('ends an idle socket at its next event and a watching one before its next message', async () => {
    const idle = await watch(live, game, game.cookie, 'idle tab');
    const watching = await watch(live, game, game.cookie, 'watching tab');
    clock.t += SESSION_TTL_MS + 60_000;
    idle.socket.emit('ping', () => undefined);
    await waitFor(() => idle.disconnected, 'the idle socket to end');
    expect(idle.removed).toMatch(/sign-in has ended/);

    const sender = game.players.find((p) => p.view.me.role?.side === 'usa')!;
    expect(await sender.send({ type: 'PostMessage', channelId: 't1:team:usa', text: 'After the login expired' })).toMatchObject({ ok: true });
    await waitFor(() => watching.disconnected, 'the watching socket to end');
    expect(watching.removed).toMatch(/sign-in has ended/);
    expect(watching.saw('After the login expired')).toBe(false);
    // And it cannot come back with that cookie.
    expect((await PlayerClient.refusal(live.url, { kind: 'facilitator', sessionId: game.sessionId }, { cookie: game.cookie })).code).toBe('NOT_SIGNED_IN');
  });
});
