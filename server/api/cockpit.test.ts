// The dashboard's data: the live session list, the join address (with advice when it is a
// loopback address), and server-side bots that fill seats and stop with the session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createServer } from '../app';
import { loadConfig } from '../config';
import { joinAddress, lanAddresses } from './cockpit';
import { startGame, type Game } from '../testing/game-setup';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { settle, waitFor } from '../testing/player-client';

describe('joinAddress', () => {
  it('says when the origin is a loopback address, and suggests HOST=0.0.0.0 and PUBLIC_ORIGIN with the LAN address', () => {
    const info = joinAddress('http://127.0.0.1:3000', ['192.168.1.20', 'fd00::5']);
    expect(info).toMatchObject({ origin: 'http://127.0.0.1:3000', loopback: true, lanOrigins: ['http://192.168.1.20:3000', 'http://[fd00::5]:3000'] });
    expect(info.advice).toContain('HOST=0.0.0.0 PUBLIC_ORIGIN=http://192.168.1.20:3000');
    for (const origin of ['http://localhost:3000', 'http://[::1]:8080', 'http://0.0.0.0:3000']) expect(joinAddress(origin, []).loopback, origin).toBe(true);
  });

  it('says how to proceed when no LAN address can be found', () => {
    expect(joinAddress('http://localhost:3000', []).advice).toMatch(/no local network address.*HOST=0\.0\.0\.0 and PUBLIC_ORIGIN=http:\/\/<this computer's address>:3000/);
  });

  it('gives no advice for a reachable origin', () => {
    expect(joinAddress('https://backchannel.school.org', ['10.0.0.3'])).toMatchObject({ loopback: false, advice: null, lanOrigins: ['https://10.0.0.3'] });
  });

  it('lists private IPv4 addresses first and leaves out internal and link-local ones', () => {
    const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) });
    const addresses = lanAddresses({
      lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
      eth0: [nic('fe80::1', 'IPv6'), nic('2001:db8::7', 'IPv6'), nic('203.0.113.9', 'IPv4')],
      wlan0: [nic('192.168.0.42', 'IPv4')],
    } as unknown as Parameters<typeof lanAddresses>[0]);
    expect(addresses).toEqual(['192.168.0.42', '203.0.113.9', '2001:db8::7']);
  });
});

describe('the console banner at start', () => {
  async function banner(env: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-banner-'));
    const lines: string[] = [];
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: path.join(dir, 'db.sqlite'), NODE_ENV: 'test', ...env });
    const server = createServer(config, { next: false, log: { info: () => undefined, error: () => undefined }, announce: (text) => lines.push(text) });
    try {
      await server.start();
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return lines.join('\n');
  }

  it('warns that a loopback join address is unreachable from students’ phones, with what to set', async () => {
    expect(await banner({})).toMatch(/only works on this computer[\s\S]*HOST=0\.0\.0\.0/);
  });

  it('says nothing of the kind when PUBLIC_ORIGIN is a reachable address', async () => {
    expect(await banner({ PUBLIC_ORIGIN: 'https://backchannel.school.org' })).not.toMatch(/only works on this computer/);
  });
});

describe('the live session list and bots', () => {
  let live: LiveServer;
  let game: Game;
  beforeAll(async () => {
    live = await startLiveServer();
    game = await startGame(live, { players: 4, tableCount: 1, email: 'list@school.org' });
  }, 20_000);
  afterAll(async () => {
    for (const p of game.players) p.close();
    await live.stop();
  });

  const row = async () => (await game.api.session.list.query()).find((s) => s.sessionId === game.sessionId)!;

  it('shows status, players and who is connected, tables, phase, started and ended as the session goes', async () => {
    expect(await row()).toMatchObject({ code: game.code, status: 'lobby', scenarioTitle: 'The Cuban Missile Crisis', players: 4, playersConnected: 4, tables: 0, phase: null, startedAt: null, endedAt: null, debriefPath: null });
    await game.api.session.deal.mutate({ sessionId: game.sessionId });
    await game.api.session.start.mutate({ sessionId: game.sessionId });
    expect(await row()).toMatchObject({ status: 'running', tables: 1, phase: { index: 0, id: 'briefing' } });
    expect((await row()).startedAt).toEqual(expect.any(Number));
    await game.api.session.skip.mutate({ sessionId: game.sessionId });
    expect((await row()).phase).toMatchObject({ index: 1, id: 'round-1' });
    const leaving = game.players[3]!;
    leaving.close();
    await waitFor(() => leaving.disconnected, 'a player to disconnect');
    await expect.poll(async () => (await row()).playersConnected).toBe(3);
    expect((await row()).players).toBe(4);
    expect(await game.api.session.presence.query({ sessionId: game.sessionId })).toEqual({ connected: game.players.slice(0, 3).map((p) => p.seatId).sort(), bots: [] });
    // Nothing of another facilitator's session shows.
    const other = apiClient(live.url, await signIn(live.url, live.dbPath, 'list-other@school.org'));
    expect((await other.session.list.query()).map((s) => s.sessionId)).not.toContain(game.sessionId);
  });

  it('hands a disconnected seat to a bot that plays it, lists the bots, and stops them when the session ends', async () => {
    const absent = game.players[3]!;
    const { bots } = await game.api.session.fillWithBots.mutate({ sessionId: game.sessionId, seatIds: [absent.seatId] });
    expect(bots).toEqual([{ seatId: absent.seatId, name: 'Bot 1' }]);
    await expect.poll(async () => (await row()).playersConnected).toBe(4);
    expect(await game.api.session.bots.query({ sessionId: game.sessionId })).toEqual({ bots: [{ seatId: absent.seatId, name: 'Bot 1' }] });
    expect((await game.api.session.presence.query({ sessionId: game.sessionId })).bots).toEqual([absent.seatId]);
    await settle(game.players.slice(0, 3));
    expect(game.players[0]!.view.table?.seats.find((s) => s.id === absent.seatId)?.name).toBe('Bot 1');

    await game.api.session.end.mutate({ sessionId: game.sessionId });
    await expect.poll(async () => (await game.api.session.bots.query({ sessionId: game.sessionId })).bots).toEqual([]);
    await expect.poll(async () => (await row()).playersConnected).toBe(3);
    const ended = await row();
    expect(ended).toMatchObject({ status: 'ended', phase: null, debriefPath: `/facilitator/sessions/${game.sessionId}/debrief` });
    expect(ended.endedAt).toBeGreaterThanOrEqual(ended.startedAt!);
    // An ended session takes no more bots.
    await expect(game.api.session.fillWithBots.mutate({ sessionId: game.sessionId, count: 1 })).rejects.toMatchObject({ data: { appCode: 'SESSION_ENDED' } });
  }, 30_000);

  it('adds bots to a lobby by name, refuses an empty request, and stops bots on request', async () => {
    const lobby = await startGame(live, { players: 2, tableCount: 1, email: 'bots@school.org', prefix: 'B' });
    await expect(lobby.api.session.fillWithBots.mutate({ sessionId: lobby.sessionId })).rejects.toMatchObject({ data: { appCode: 'INVALID_INPUT' } });
    const { bots } = await lobby.api.session.fillWithBots.mutate({ sessionId: lobby.sessionId, count: 2 });
    expect(bots.map((b) => b.name)).toEqual(['Bot 1', 'Bot 2']);
    const lobbyRow = async () => (await lobby.api.session.list.query()).find((s) => s.sessionId === lobby.sessionId)!;
    await expect.poll(async () => (await lobbyRow()).playersConnected).toBe(4);
    expect(await lobby.api.session.stopBots.mutate({ sessionId: lobby.sessionId })).toEqual({ stopped: 2 });
    await expect.poll(async () => (await lobbyRow()).playersConnected).toBe(2);
    expect((await lobbyRow()).players).toBe(4); // their seats stay, to deal or hand over
    for (const p of lobby.players) p.close();
  }, 30_000);

  it('stops every bot when the server stops, and takes no more', async () => {
    const own = await startLiveServer();
    const lobby = await startGame(own, { players: 1, tableCount: 1, email: 'closing@school.org', prefix: 'Z' });
    await lobby.api.session.fillWithBots.mutate({ sessionId: lobby.sessionId, count: 2 });
    const pool = own.server.bots!;
    expect(pool.running).toBe(2);
    for (const p of lobby.players) p.close();
    await own.stop();
    expect(pool.running).toBe(0);
    expect(await pool.fill(lobby.sessionId, { count: 1 })).toMatchObject({ ok: false, code: 'SESSION_NOT_CREATED' });
  }, 30_000);

  it('answers joinAddress from the server’s own origin (a loopback address in tests)', async () => {
    const info = await game.api.session.joinAddress.query();
    expect(info.origin).toBe(live.url);
    expect(info.loopback).toBe(true);
    expect(info.advice).toContain('HOST=0.0.0.0');
  });
});
