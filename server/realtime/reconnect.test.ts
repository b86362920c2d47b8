// Reconnection: a player who drops out mid-game comes back to the same seat with the token from
// `welcome` and finds everything, once; refused handshakes say why; a kicked player stays out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatView } from '../engine';
import { backChannelOf, seat, startGame, type Game, type Player, dealWithUsaSpoilers } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { expectedView, PlayerClient, settle, waitFor } from '../testing/player-client';
import { ViewTracker } from '../../shared/view-tracker';

let live: LiveServer;
let game: Game;
let facilitator: PlayerClient;
const ok = { ok: true };

beforeAll(async () => {
  live = await startLiveServer();
  game = await startGame(live, { players: 6, tableCount: 1, email: 'reconnect@school.org' });
  facilitator = await PlayerClient.open(live.url, { kind: 'facilitator', sessionId: game.sessionId }, { label: 'facilitator', cookie: game.cookie });
  await dealWithUsaSpoilers(game.api, live.server.runtime, game.sessionId);
  await game.api.session.start.mutate({ sessionId: game.sessionId });
  await game.api.session.skip.mutate({ sessionId: game.sessionId });
  await settle([...game.players, facilitator]);
}, 20_000);
afterAll(async () => {
  for (const c of [...game.players, facilitator]) c.close();
  await live.stop();
});

const role = (id: string) => seat(game.players, 't1', id);

function expectInSync(client: PlayerClient): void {
  expect(client.tracker.view, `${client.label}'s view`).toEqual(expectedView(live.server.runtime, game.sessionId, client.viewer));
}

function expectNoDuplicates(view: SeatView): void {
  const ids = view.messages.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  const broadcastIds = view.broadcasts.map((b) => b.id);
  expect(new Set(broadcastIds).size).toBe(broadcastIds.length);
}

describe('reconnecting with the seat token', () => {
  it('gives a player who dropped out mid-game everything that happened meanwhile, once', async () => {
    const envoy = role('usa-envoy');
    const token = envoy.welcome?.token;
    expect(token).toBeTruthy();
    const before = envoy.view.messages.length;
    envoy.close();
    await waitFor(() => envoy.disconnected, 'the envoy to be gone');

    // The others keep playing: front, team, a back channel that invites the absent envoy, a broadcast.
    const others = game.players.filter((p) => p !== envoy);
    expect(await role('usa-leader').send({ type: 'PostMessage', channelId: 't1:front', text: 'While you were away: front.' })).toMatchObject(ok);
    expect(await role('usa-spoiler').send({ type: 'PostMessage', channelId: 't1:team:usa', text: 'While you were away: team.' })).toMatchObject(ok);
    const topic = 'a quiet word';
    expect(await role('ussr-envoy').send({ type: 'OpenBackChannel', inviteeIds: [envoy.seatId], topic })).toMatchObject(ok);
    await game.api.session.broadcast.mutate({ sessionId: game.sessionId, text: 'Control: ten minutes left.' });

    // Comes back while the team keeps talking.
    const chatter = Array.from({ length: 6 }, (_, i) => role('usa-leader').send({ type: 'PostMessage', channelId: 't1:team:usa', text: `during the reconnect ${i}` }));
    const back = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token: token! }, { label: 'envoy again' });
    expect(back.welcome).toMatchObject({ kind: 'player', seatId: envoy.seatId, token: null, sessionId: game.sessionId });
    expect((await Promise.all(chatter)).every((a) => a.ok)).toBe(true);
    await settle([...others, back, facilitator]);

    expectInSync(back);
    expectNoDuplicates(back.view);
    expect(back.resyncs).toBe(0);
    const texts = back.view.messages.map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['While you were away: front.', 'While you were away: team.', 'during the reconnect 0', 'during the reconnect 5']));
    expect(back.view.messages.length).toBe(before + 2 + 6);
    expect(back.view.invitations.map((i) => i.topic)).toEqual([topic]);
    expect(back.view.broadcasts.map((b) => b.body)).toContain('Control: ten minutes left.');

    // Play goes on from the new connection, by patches on top of the fresh snapshot.
    const channelId = backChannelOf(role('ussr-envoy'), topic);
    expect(await back.send({ type: 'AnswerInvitation', channelId, accept: true })).toMatchObject(ok);
    expect(await back.send({ type: 'PostMessage', channelId, text: 'Back, and listening.' })).toMatchObject(ok);
    await settle([...others, back, facilitator]);
    for (const c of [...others, back, facilitator]) expectInSync(c);
    expectNoDuplicates(back.view);
    expect(back.resyncs).toBe(0);
    game.players[game.players.indexOf(envoy)] = back;
  });

  it('serves two connections of the same seat alike (a second tab)', async () => {
    const leader = role('ussr-leader');
    // The room locked itself when play started: nobody new gets in, but a seated player may open a second tab.
    expect(await PlayerClient.refusal(live.url, { kind: 'join', room: game.code, name: 'latecomer' })).toMatchObject({ code: 'ROOM_LOCKED' });
    const secondTab = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code.toLowerCase(), token: leader.welcome!.token! }, { label: 'second tab' });
    expect(await secondTab.send({ type: 'PostMessage', channelId: 't1:team:ussr', text: 'from the second tab' })).toMatchObject(ok);
    await settle([leader, secondTab]);
    expect(leader.view).toEqual(secondTab.view);
    expectInSync(leader);
    expectNoDuplicates(secondTab.view);
    secondTab.close();
  });

  it('resyncs when a patch does not follow the version held', async () => {
    // Unit level: the tracker refuses a patch on a base it does not hold, and keeps its view.
    const tracker = new ViewTracker<SeatView>();
    const view = role('usa-leader').view;
    tracker.snapshot({ seq: 3, view, serverNow: Date.now() });
    const patch = { seq: 5, base: 4, set: { tips: [{ id: 'x', form: 'quote' as const, text: 'x', at: 0, published: false }] }, append: {}, serverNow: Date.now() };
    expect(tracker.patch(patch)).toBe(false);
    expect(tracker.view).toBe(view);
    expect(tracker.seq).toBe(3);
    expect(tracker.patch({ ...patch, seq: 4, base: 3 })).toBe(true);
    expect(tracker.seq).toBe(4);
    expect(tracker.view?.tips).toHaveLength(1);

    // Live: a client whose version went wrong asks for a snapshot and ends up equal to its projection.
    const spoiler = role('usa-spoiler');
    spoiler.tracker.seq += 7;
    expect(await role('usa-leader').send({ type: 'PostMessage', channelId: 't1:team:usa', text: 'a patch the spoiler cannot apply' })).toMatchObject(ok);
    await waitFor(() => spoiler.resyncs === 1, 'the resync');
    await settle([spoiler]);
    await settle([spoiler]);
    expectInSync(spoiler);
    expect(spoiler.view.messages.map((m) => m.text)).toContain('a patch the spoiler cannot apply');
  });
});

describe('refused reconnections', () => {
  it('refuses a token that holds no seat with BAD_TOKEN', async () => {
    expect(await PlayerClient.refusal(live.url, { kind: 'player', room: game.code, token: 'A'.repeat(43) })).toMatchObject({ code: 'BAD_TOKEN' });
  });

  it('refuses a real token in another room with BAD_TOKEN', async () => {
    const other = await game.api.session.create.mutate({ scenarioId: 'cuban-missile-crisis' });
    const token = role('usa-leader').welcome!.token!;
    expect(await PlayerClient.refusal(live.url, { kind: 'player', room: other.code, token })).toMatchObject({ code: 'BAD_TOKEN' });
  });

  it('refuses an unknown room with UNKNOWN_ROOM', async () => {
    const unknown = ['ZZZZZZ', 'YYYYYY'].find((c) => c !== game.code)!;
    const refusal = await PlayerClient.refusal(live.url, { kind: 'player', room: unknown, token: role('usa-leader').welcome!.token! });
    expect(refusal).toMatchObject({ code: 'UNKNOWN_ROOM' });
  });

  it('removes a kicked player, who then cannot come back with the token', async () => {
    const spoiler: Player = role('usa-spoiler');
    const token = spoiler.welcome!.token!;
    await game.api.session.kick.mutate({ sessionId: game.sessionId, seatId: spoiler.seatId });
    await waitFor(() => spoiler.removed !== null && spoiler.disconnected, 'the kicked player to be removed');
    expect(spoiler.received.map((r) => r.event)).toContain('removed');
    expect(await PlayerClient.refusal(live.url, { kind: 'player', room: game.code, token })).toMatchObject({ code: 'NOT_ALLOWED' });
    // Nobody else is disturbed, and the seat is gone from the table.
    const stillIn = game.players.filter((p) => p !== spoiler);
    await settle([...stillIn, facilitator]);
    for (const c of [...stillIn, facilitator]) expectInSync(c);
    expect(role('usa-leader').view.table?.seats.map((s) => s.id)).not.toContain(spoiler.seatId);
  });
});
