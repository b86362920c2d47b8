// The cockpit stays live without polling: a facilitator's `sessions` socket is told of each change
// to a session row (created, players joining and leaving, connected, started, phase, ended), only
// for that facilitator's sessions (an admin's: all); the god view's socket is told who is connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../api/cockpit';
import { LONG_PHASES, SCENARIO } from '../testing/game-setup';
import { apiClient, connect, signIn, startLiveServer, type ClientSocket, type LiveServer } from '../testing/live-server';
import { PlayerClient, waitFor } from '../testing/player-client';
import type { Presence } from './protocol';

/** A `sessions` socket that keeps the list as the cockpit does: the whole on connect, rows after. */
async function openList(live: LiveServer, cookie: string) {
  const socket = connect(live.url, { kind: 'sessions' }, { cookie });
  const list = { socket, rows: new Map<string, SessionSummary>(), pushes: [] as SessionSummary[], wholes: 0 };
  socket.on('sessions', ({ rows }) => {
    list.wholes++;
    list.rows = new Map(rows.map((r) => [r.sessionId, r]));
  });
  socket.on('session', (row) => {
    list.pushes.push(row);
    list.rows.set(row.sessionId, row);
  });
  await waitFor(() => list.wholes > 0, 'the whole list');
  return list;
}
type List = Awaited<ReturnType<typeof openList>>;
const rowOf = (list: List, sessionId: string) => list.rows.get(sessionId);

describe('the pushed session list', () => {
  let live: LiveServer;
  let cookie: string;
  let other: List;
  let admin: List;
  const sockets: { close(): unknown }[] = [];
  beforeAll(async () => {
    live = await startLiveServer();
    cookie = await signIn(live.url, live.dbPath, 'lists@school.org');
    other = await openList(live, await signIn(live.url, live.dbPath, 'other@school.org'));
    admin = await openList(live, await signIn(live.url, live.dbPath, 'admin@school.org', true));
    sockets.push(other.socket, admin.socket);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await live.stop();
  });

  it('follows a session from creation to the end, row by row, without being asked', async () => {
    const api = apiClient(live.url, cookie);
    const list = await openList(live, cookie);
    sockets.push(list.socket);
    expect(list.rows.size).toBe(0);

    const { sessionId, code } = await api.session.create.mutate({ scenarioId: SCENARIO, options: { phaseDurations: LONG_PHASES, tableCount: 1 } });
    await waitFor(() => rowOf(list, sessionId)?.status === 'lobby', 'the new session in the list');
    expect(rowOf(list, sessionId)).toMatchObject({ code, players: 0, playersConnected: 0 });

    const players: PlayerClient[] = [];
    for (let i = 1; i <= 4; i++) players.push(await PlayerClient.open(live.url, { kind: 'join', room: code, name: `L${i}` }));
    sockets.push(...players.map((p) => ({ close: () => p.close() })));
    await waitFor(() => rowOf(list, sessionId)?.playersConnected === 4, 'four players connected');
    expect(rowOf(list, sessionId)?.players).toBe(4);

    await api.session.deal.mutate({ sessionId });
    await api.session.start.mutate({ sessionId });
    await waitFor(() => rowOf(list, sessionId)?.status === 'running', 'the session running');
    expect(rowOf(list, sessionId)).toMatchObject({ tables: 1, phase: { index: 0 } });
    await api.session.skip.mutate({ sessionId });
    await waitFor(() => rowOf(list, sessionId)?.phase?.index === 1, 'the next phase');

    // A closed tab: still a player, no longer connected.
    players[0]!.close();
    await waitFor(() => rowOf(list, sessionId)?.playersConnected === 3, 'a player gone');
    expect(rowOf(list, sessionId)?.players).toBe(4);

    // A chat message changes no row: nothing is pushed for it.
    const pushed = list.pushes.length;
    const sender = players[1] as PlayerClient<import('../engine').SeatView>;
    const front = Object.values(sender.view.channels).find((c) => c.kind === 'front')!;
    expect(await sender.send({ type: 'PostMessage', channelId: front.id, text: 'Nothing for the list' })).toMatchObject({ ok: true });
    await api.session.end.mutate({ sessionId });
    await waitFor(() => rowOf(list, sessionId)?.status === 'ended', 'the session ended');
    expect(list.pushes.slice(pushed).every((r) => r.status === 'ended')).toBe(true);
    expect(rowOf(list, sessionId)).toMatchObject({ phase: null, debriefPath: expect.stringContaining(sessionId) });

    // The admin's list followed it too; another facilitator's never heard of it.
    expect(rowOf(admin, sessionId)?.status).toBe('ended');
    expect(other.rows.size).toBe(0);
    expect(other.pushes).toHaveLength(0);

    // A list opened now gets the whole of it at once, as after a reconnect.
    const again = await openList(live, cookie);
    sockets.push(again.socket);
    expect(rowOf(again, sessionId)).toEqual(rowOf(list, sessionId));
  });

  it('is refused without a sign-in, with a clear code', async () => {
    expect(await PlayerClient.refusal(live.url, { kind: 'sessions' })).toMatchObject({ code: 'NOT_SIGNED_IN', message: expect.stringMatching(/sign in/i) });
  });

  it('ends with the sign-in', async () => {
    const own = await signIn(live.url, live.dbPath, 'lists@school.org');
    const list = await openList(live, own);
    let removed = '';
    list.socket.on('removed', (n) => (removed = n.message));
    await apiClient(live.url, own).auth.logout.mutate();
    await waitFor(() => !list.socket.connected, 'the list socket to end');
    expect(removed).toMatch(/sign-in has ended/);
  });
});

describe("the god view's presence", () => {
  let live: LiveServer;
  beforeAll(async () => {
    live = await startLiveServer();
  });
  afterAll(async () => {
    await live.stop();
  });

  it('is pushed on connect and whenever a seat connects or disconnects', async () => {
    const cookie = await signIn(live.url, live.dbPath, 'presence@school.org');
    const api = apiClient(live.url, cookie);
    const { sessionId, code } = await api.session.create.mutate({ scenarioId: SCENARIO, options: { phaseDurations: LONG_PHASES } });
    const first = await PlayerClient.open(live.url, { kind: 'join', room: code, name: 'Early' });

    const presences: Presence[] = [];
    const god: ClientSocket = connect(live.url, { kind: 'facilitator', sessionId }, { cookie });
    god.on('presence', (p) => presences.push(p));
    await waitFor(() => presences.length === 1, 'the presence on connect');
    expect(presences[0]).toEqual({ connected: [first.seatId], bots: [] });

    const second = await PlayerClient.open(live.url, { kind: 'join', room: code, name: 'Late' });
    await waitFor(() => presences.at(-1)?.connected.length === 2, 'the second seat connected');
    expect(presences.at(-1)?.connected).toEqual([first.seatId, second.seatId].sort());

    first.close();
    await waitFor(() => presences.at(-1)?.connected.length === 1, 'the first seat gone');
    expect(presences.at(-1)).toEqual({ connected: [second.seatId], bots: [] });
    // It matches what the API answers.
    expect(await api.session.presence.query({ sessionId })).toEqual(presences.at(-1));

    // A player's socket is never told who else is connected.
    expect(second.received.some((r) => r.event === 'presence' || r.event === 'session')).toBe(false);
    second.close();
    god.close();
  });
});
