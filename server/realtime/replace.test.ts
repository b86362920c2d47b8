// Replacing a player (session.replace): the facilitator gives a seat, with its role and everything
// it saw, to a newcomer by name or to a student waiting in the lobby. The old occupant's token is
// refused from then on; over real sockets and a real SQLite file.
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatView } from '../engine';
import { backChannelOf, seat, startGame, type Game } from '../testing/game-setup';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, settle, waitFor } from '../testing/player-client';

let live: LiveServer;
let game: Game;
const opened: PlayerClient[] = [];
const ok = { ok: true };
const SECRET = 'Only between us: the missiles in Turkey could go, quietly.';

beforeAll(async () => {
  live = await startLiveServer();
  game = await startGame(live, { players: 4, tableCount: 1, email: 'replace@school.org' });
  await game.api.session.deal.mutate({ sessionId: game.sessionId });
  await game.api.session.start.mutate({ sessionId: game.sessionId });
  await game.api.session.skip.mutate({ sessionId: game.sessionId });
  await settle(game.players);
  const usaEnvoy = role('usa-envoy');
  expect(await usaEnvoy.send({ type: 'OpenBackChannel', inviteeIds: [role('ussr-envoy').seatId], topic: 'Turkey' })).toMatchObject(ok);
  await settle(game.players);
  const channelId = backChannelOf(usaEnvoy, 'Turkey');
  expect(await role('ussr-envoy').send({ type: 'AnswerInvitation', channelId, accept: true })).toMatchObject(ok);
  expect(await usaEnvoy.send({ type: 'PostMessage', channelId, text: SECRET })).toMatchObject(ok);
  await settle(game.players);
}, 30_000);
afterAll(async () => {
  for (const c of [...game.players, ...opened]) c.close();
  await live.stop();
});

const role = (id: string) => seat(game.players, 't1', id);

async function appCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    return (error.data as { appCode?: string } | undefined)?.appCode ?? '?';
  }
}

describe('session.replace', () => {
  it('gives a disconnected student’s seat to a newcomer, who sees the seat’s history; the old token is refused', async () => {
    const leaving = role('usa-envoy');
    const seatId = leaving.seatId;
    const oldToken = leaving.welcome!.token!;
    leaving.close();
    await waitFor(() => leaving.disconnected, 'the envoy to be gone');

    const result = await game.api.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { name: 'Newcomer Nia' } });
    expect(result.seatId).toBe(seatId);
    expect(result.joinPath).toMatch(new RegExp(`^/play/${game.code}#seat=.+`));
    const token = decodeURIComponent(result.joinPath!.split('#seat=')[1]!);

    const newcomer = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token }, { label: 'Nia' });
    opened.push(newcomer);
    expect(newcomer.welcome?.seatId).toBe(seatId);
    expect(newcomer.view.me).toMatchObject({ name: 'Newcomer Nia', role: { id: 'usa-envoy' } });
    expect(newcomer.view.messages.map((m) => m.text)).toContain(SECRET);
    expect(newcomer.view.channels.find((c) => c.topic === 'Turkey')).toMatchObject({ left: false });

    const refusal = await PlayerClient.refusal(live.url, { kind: 'player', room: game.code, token: oldToken });
    expect(refusal.code).toBe('BAD_TOKEN');
  });

  it('gives a seat to a student waiting in the lobby: the old occupant is told and disconnected, the waiting student’s screen becomes the seat', async () => {
    await game.api.session.lock.mutate({ sessionId: game.sessionId, locked: false });
    const waiting = await PlayerClient.open<SeatView>(live.url, { kind: 'join', room: game.code, name: 'Waiting Wu' }, { label: 'Wu' });
    opened.push(waiting);
    await game.api.session.lock.mutate({ sessionId: game.sessionId, locked: true });
    const waitingToken = waiting.welcome!.token!;
    const occupant = role('ussr-leader');
    const seatId = occupant.seatId;
    const occupantToken = occupant.welcome!.token!;
    expect(await role('ussr-envoy').send({ type: 'PostMessage', channelId: 't1:team:ussr', text: 'Team: hold firm on Cuba.' })).toMatchObject(ok);

    const result = await game.api.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { seatId: waiting.seatId } });
    expect(result.joinPath).toBeNull();
    await waitFor(() => occupant.disconnected, 'the old occupant to be disconnected');
    expect(occupant.removed).toMatch(/given your seat to another player/);
    await waitFor(() => waiting.tracker.view?.me.seatId === seatId, 'the waiting student to hold the seat');
    expect(waiting.view.me).toMatchObject({ name: 'Waiting Wu', role: { id: 'ussr-leader' } });
    expect(waiting.view.messages.map((m) => m.text)).toContain('Team: hold firm on Cuba.');

    // Their own token now opens the seat; the old occupant's does not.
    const again = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token: waitingToken }, { label: 'Wu again' });
    opened.push(again);
    expect(again.welcome?.seatId).toBe(seatId);
    expect((await PlayerClient.refusal(live.url, { kind: 'player', room: game.code, token: occupantToken })).code).toBe('BAD_TOKEN');
  });

  it('refuses bad requests with a code and changes nothing', async () => {
    const seq = live.server.runtime!.loaded(game.sessionId)!.lastSeq;
    const seatId = role('ussr-envoy').seatId;
    expect(await appCode(game.api.session.replace.mutate({ sessionId: game.sessionId, seatId: 's404', newcomer: { name: 'Zed' } }))).toBe('UNKNOWN_SEAT');
    expect(await appCode(game.api.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { name: 'Newcomer Nia' } }))).toBe('NAME_TAKEN');
    expect(await appCode(game.api.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { name: 'Control' } }))).toBe('NAME_RESERVED');
    expect(await appCode(game.api.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { seatId: role('usa-leader').seatId } }))).toBe('INVALID_INPUT');
    expect(await appCode(game.api.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: {} as { name: string } }))).toBe('BAD_REQUEST');
    const other = apiClient(live.url, await signIn(live.url, live.dbPath, 'someone-else@school.org'));
    expect(await appCode(other.session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { name: 'Intruder' } }))).toBe('UNKNOWN_SESSION');
    expect(await appCode(apiClient(live.url).session.replace.mutate({ sessionId: game.sessionId, seatId, newcomer: { name: 'Anon' } }))).toBe('NOT_SIGNED_IN');
    expect(live.server.runtime!.loaded(game.sessionId)!.lastSeq).toBe(seq);
  });
});
