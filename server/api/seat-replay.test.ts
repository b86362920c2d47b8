import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGame, type Game } from '../testing/game-setup';
import { apiClient, appCodeOf, startLiveServer, type LiveServer } from '../testing/live-server';

/** The end screen's way to the class replay, over real HTTP with real seat tokens from real sockets. */
let live: LiveServer;
let game: Game;

beforeAll(async () => {
  live = await startLiveServer();
  game = await startGame(live, { players: 4 });
  await game.api.session.deal.mutate({ sessionId: game.sessionId });
  await game.api.session.start.mutate({ sessionId: game.sessionId });
  await game.api.session.end.mutate({ sessionId: game.sessionId });
}, 60_000);
afterAll(async () => {
  for (const p of game?.players ?? []) p.close();
  await live?.stop();
});

async function codeOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return appCodeOf(error);
  }
}

describe('replay.seatClassLink', () => {
  it('tells a seat the class link only while it is on, and refuses a token that holds no seat there', async () => {
    const student = apiClient(live.url);
    const seatToken = game.players[0]!.welcome!.token!;
    const room = game.code.toLowerCase();
    expect(await student.replay.seatClassLink.query({ room, seatToken })).toEqual({ token: null });

    const on = await game.api.replay.classLink.set.mutate({ sessionId: game.sessionId, enabled: true, reveal: { tables: 'all', backChannels: false, names: false } });
    expect(on.token).toBeTruthy();
    expect(await student.replay.seatClassLink.query({ room, seatToken })).toEqual({ token: on.token });

    await game.api.replay.classLink.set.mutate({ sessionId: game.sessionId, enabled: false, reveal: on.reveal });
    expect(await student.replay.seatClassLink.query({ room, seatToken })).toEqual({ token: null });

    expect(await codeOf(student.replay.seatClassLink.query({ room, seatToken: 'x'.repeat(43) }))).toBe('UNKNOWN_SEAT_TOKEN');
    expect(await codeOf(student.replay.seatClassLink.query({ room: 'ZZZZZZ', seatToken }))).toBe('UNKNOWN_SEAT_TOKEN');
    expect(await codeOf(student.replay.seatClassLink.query({ room, seatToken: 'short' }))).toBe('BAD_REQUEST');
  });
});
