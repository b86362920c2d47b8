// The fan-out projects only the viewers a commit concerns: over real sockets, talk at one table
// sends nothing to the other table's players, and after moves, kicks, a seat handed to a waiting
// player and a second tab opened mid-game, every client's folded view still equals project().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../engine';
import { atTable, startGame, type Game, type Player } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { expectedView, PlayerClient, settle, type Auth } from '../testing/player-client';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(async () => {
  await live.stop();
});

const patchesOf = (c: PlayerClient) => c.received.filter((r) => r.event === 'patch' || r.event === 'stream').length;
const framesOf = (c: PlayerClient) => c.received.filter((r) => r.event === 'stream').length;
const ok = { ok: true };

describe('fan-out scope', () => {
  it('sends a table’s talk only to those who see it, and keeps every view equal to its projection through a move, a second tab, a kick, a hand-over and the end', async () => {
    const game: Game = await startGame(live, { players: 12, tableCount: 2, email: 'scope@school.org', prefix: 'Scope' });
    const { api, sessionId } = game;
    await api.session.deal.mutate({ sessionId });
    const projector = await PlayerClient.open(live.url, { kind: 'projector', room: game.code }, { label: 'projector' });
    const facilitator = await PlayerClient.open(live.url, { kind: 'facilitator', sessionId }, { label: 'facilitator', cookie: game.cookie });
    const clients: PlayerClient[] = [...game.players, projector, facilitator];
    /** A waiting player's socket shows the seat it was handed from then on. */
    const tookOver = new Map<PlayerClient, Viewer>();
    const inSync = async (where: string) => {
      await settle(clients);
      for (const c of clients.filter((x) => x.socket.connected)) {
        expect(c.tracker.view, `${where}: ${c.label}`).toEqual(expectedView(live.server.runtime, sessionId, tookOver.get(c) ?? c.viewer));
        expect(c.resyncs, `${where}: ${c.label} resynced`).toBe(0);
      }
    };
    await inSync('after the deal');
    // Before the start, a t1 player moves to t2 in a role nobody holds there.
    const mover: Player = atTable(game.players, 't1').find((p) => p.view.me.role?.kind === 'journalist') ?? atTable(game.players, 't1')[0]!;
    const taken = new Set(atTable(game.players, 't2').map((p) => p.view.me.role?.id));
    const free = ['washington-correspondent', 'un-correspondent', 'usa-go-between', 'ussr-go-between'].find((r) => !taken.has(r))!;
    await api.session.move.mutate({ sessionId, seatId: mover.seatId, tableId: 't2', roleId: free });
    await inSync('after a move');
    expect(mover.view.me.tableId).toBe('t2');
    await api.session.start.mutate({ sessionId });
    await api.session.skip.mutate({ sessionId });
    // A latecomer waits in the lobby (the start locked the room).
    await api.session.lock.mutate({ sessionId, locked: false });
    const waiting = await PlayerClient.open(live.url, { kind: 'join', room: game.code, name: 'Waiting Wanda' }, { label: 'waiting' });
    clients.push(waiting);
    await inSync('after the start');
    const t1 = atTable(game.players, 't1');
    const t2 = atTable(game.players, 't2');
    const speakers = t1.filter((p) => p.view.me.role?.kind !== 'journalist');

    // A tab of a protocol 1 client: never a stream frame, every line as a patch.
    const oldTab = await PlayerClient.open(live.url, { v: 1, kind: 'player', room: game.code, token: t1[1]!.welcome!.token! } as unknown as Auth, { label: 'protocol 1 tab' });
    clients.push(oldTab);
    await inSync('after a protocol 1 tab opened');

    const before = new Map(clients.map((c) => [c, patchesOf(c)]));
    const framesBefore = new Map(clients.map((c) => [c, framesOf(c)]));
    for (let i = 0; i < 30; i++) {
      const p = speakers[i % speakers.length]!;
      expect(await p.send({ type: 'PostMessage', channelId: i % 3 === 0 ? `t1:team:${p.view.me.role!.side}` : 't1:front', text: `t1 line ${i}` })).toMatchObject(ok);
    }
    await inSync('after talk at t1');
    for (const p of t2) expect(patchesOf(p) - before.get(p)!, `${p.label} at t2`).toBe(0);
    expect(patchesOf(waiting) - before.get(waiting)!).toBe(0);
    for (const p of t1) expect(patchesOf(p) - before.get(p)!, `${p.label} at t1`).toBeGreaterThanOrEqual(20);
    // The 20 front-channel lines reach each t1 seat as stream frames, encoded once for the table;
    // the facilitator and the projector keep their own patches.
    for (const p of t1) expect(framesOf(p) - framesBefore.get(p)!, `${p.label}'s frames`).toBe(20);
    expect(framesOf(facilitator) + framesOf(projector) + framesOf(oldTab)).toBe(0);
    expect(patchesOf(oldTab) - before.get(oldTab)!).toBeGreaterThanOrEqual(20);
    expect(patchesOf(facilitator) - before.get(facilitator)!).toBe(30);

    // A second tab of a t1 player, opened in the middle of the game.
    const tab = await PlayerClient.open(live.url, { kind: 'player', room: game.code, token: t1[0]!.welcome!.token! }, { label: 'second tab' });
    clients.push(tab);

    // Roles are dealt at random: journalists report on the front channel but do not speak in it.
    const t2Speaker = t2.find((p) => p.view.me.role?.kind !== 'journalist')!;
    expect(await t2Speaker.send({ type: 'PostMessage', channelId: 't2:front', text: 'welcome to t2' })).toMatchObject(ok);
    await inSync('after talk at t2');

    await api.session.kick.mutate({ sessionId, seatId: t2.find((p) => p !== t2Speaker)!.seatId });
    await inSync('after a kick');

    // The newcomer speaks in the front channel next, so the seat handed over is a speaker's.
    const handed = speakers[1]!;
    await api.session.replace.mutate({ sessionId, seatId: handed.seatId, newcomer: { seatId: waiting.seatId } });
    tookOver.set(waiting, { kind: 'seat', seatId: handed.seatId });
    await inSync('after a hand-over');
    expect(await waiting.send({ type: 'PostMessage', channelId: 't1:front', text: 'I took the seat over' })).toMatchObject(ok);
    await inSync('after the newcomer spoke');

    await api.session.end.mutate({ sessionId });
    await inSync('after the end');
    for (const c of clients) c.close();
  }, 90_000);
});
