// The debrief on the room screen: only after the end, only when the facilitator puts it there,
// and only what they revealed (back channels, leaks and names stay off the screen unless asked).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backChannelOf, seat, startGame, type Game } from '../testing/game-setup';
import { apiClient, appCodeOf, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, settle, waitFor } from '../testing/player-client';

let live: LiveServer;
let game: Game;
const topic = `tea at the embassy ${randomUUID()}`;
const backText = `we could drop the Jupiters quietly ${randomUUID()}`;
const publicApi = () => apiClient(live.url);

beforeAll(async () => {
  live = await startLiveServer();
  game = await startGame(live, { players: 6, email: 'screen@school.org', prefix: 'Pupil' });
  const { api, sessionId } = game;
  await api.session.deal.mutate({ sessionId });
  await api.session.start.mutate({ sessionId });
  await api.session.skip.mutate({ sessionId });
  await settle(game.players);
  const envoy = seat(game.players, 't1', 'ussr-envoy');
  const leader = seat(game.players, 't1', 'usa-leader');
  expect(await envoy.send({ type: 'OpenBackChannel', inviteeIds: [leader.seatId], topic })).toMatchObject({ ok: true });
  const channelId = backChannelOf(envoy, topic);
  expect(await leader.send({ type: 'AnswerInvitation', channelId, accept: true })).toMatchObject({ ok: true });
  expect(await leader.send({ type: 'PostMessage', channelId, text: backText })).toMatchObject({ ok: true });
  await settle(game.players);
  const messageId = leader.view.messages.find((m) => m.text === backText)!.id;
  await api.session.leakMessage.mutate({ sessionId, messageId, form: 'quote' });
}, 30_000);
afterAll(async () => {
  for (const p of game.players) p.close();
  await live.stop();
});

describe('the debrief on the room screen', () => {
  it('waits for the end, and is nothing until the facilitator puts it there', async () => {
    const { api, sessionId, code } = game;
    await expect(api.session.showOnProjector.mutate({ sessionId, show: true })).rejects.toSatisfy((e) => appCodeOf(e) === 'SESSION_NOT_ENDED');
    expect(await publicApi().session.projectorDebrief.query({ code })).toBeNull();
    await api.session.end.mutate({ sessionId });
    expect(await publicApi().session.projectorDebrief.query({ code })).toBeNull();
    // A code that opens no room answers the same as one not shown: no way to guess codes here.
    expect(await publicApi().session.projectorDebrief.query({ code: 'ZZZZZZ' })).toBeNull();
  });

  it('shows the public outcome without a secret the facilitator did not reveal', async () => {
    const { api, sessionId, code } = game;
    expect(await api.session.showOnProjector.mutate({ sessionId, show: true })).toEqual({ shown: { backChannels: false, names: false } });
    const debrief = await publicApi().session.projectorDebrief.query({ code: code.toLowerCase() });
    expect(debrief?.tables).toHaveLength(1);
    const table = debrief!.tables[0]!;
    expect(Object.keys(table.support).sort()).toEqual(['usa', 'ussr']);
    expect(table.scores).toHaveLength(6);
    expect(table.scores.every((s) => s.max > 0 && s.role.length > 0)).toBe(true);
    expect(table.leaks).toEqual([]);
    const json = JSON.stringify(debrief);
    for (const secret of [topic, backText, 'Pupil']) expect(json).not.toContain(secret);
    expect(await api.session.projectorShow.query({ sessionId })).toEqual({ shown: { backChannels: false, names: false } });
  });

  it('shows the leaks and the names once revealed, and nothing once taken off', async () => {
    const { api, sessionId, code } = game;
    await api.session.showOnProjector.mutate({ sessionId, show: true, backChannels: true, names: true });
    const debrief = await publicApi().session.projectorDebrief.query({ code });
    const table = debrief!.tables[0]!;
    expect(table.leaks).toEqual([{ form: 'quote', from: `the back channel “${topic}”`, headline: null }]);
    expect(table.scores.some((s) => s.label.startsWith('Pupil'))).toBe(true);
    await api.session.showOnProjector.mutate({ sessionId, show: false });
    expect(await publicApi().session.projectorDebrief.query({ code })).toBeNull();
  });

  it("cannot be put on another facilitator's room screen", async () => {
    const other = apiClient(live.url, await signIn(live.url, live.dbPath, 'not-the-teacher@school.org'));
    await expect(other.session.showOnProjector.mutate({ sessionId: game.sessionId, show: true })).rejects.toSatisfy((e) => appCodeOf(e) === 'UNKNOWN_SESSION');
    await expect(other.session.projectorShow.query({ sessionId: game.sessionId })).rejects.toSatisfy((e) => appCodeOf(e) === 'UNKNOWN_SESSION');
    expect(await publicApi().session.projectorDebrief.query({ code: game.code })).toBeNull();
  });

  it("is pushed to the room's screens at once, and to nobody else", async () => {
    const { api, sessionId, code } = game;
    const screen = await PlayerClient.open(live.url, { kind: 'projector', room: code });
    const debriefs = () => screen.received.filter((r) => r.event === 'debrief').map((r) => (JSON.parse(r.json) as [{ debrief: { tables: unknown[] } | null }])[0].debrief);
    await waitFor(() => debriefs().length === 1, 'the debrief on connect');
    expect(debriefs()[0]).toBeNull();
    await api.session.showOnProjector.mutate({ sessionId, show: true });
    await waitFor(() => debriefs().length === 2, 'the debrief put on the screen');
    expect(debriefs()[1]?.tables).toHaveLength(1);
    expect(JSON.stringify(debriefs()[1])).not.toContain(backText);
    await api.session.showOnProjector.mutate({ sessionId, show: false });
    await waitFor(() => debriefs().length === 3, 'the debrief taken off');
    expect(debriefs()[2]).toBeNull();
    expect(game.players.some((p) => p.received.some((r) => r.event === 'debrief'))).toBe(false);
    screen.close();
  });
});
