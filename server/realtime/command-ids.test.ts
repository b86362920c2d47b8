// Commands are idempotent: a command sent again with its id (after a lost ack, a reconnect, a
// server restart) is answered with its first result and done once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatView } from '../engine';
import { gameOf, startGame, type Game, type Player } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, settle, waitFor } from '../testing/player-client';
import { CommandSender, type CommandSocket } from '../../shared/command-sender';
import { PROTOCOL_VERSION } from '../../shared/version';

const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-ids-'));
const dbPath = path.join(dir, 'test.db');
let live: LiveServer;
let game: Game;
let usa: Player[];

beforeAll(async () => {
  live = await startLiveServer(dbPath);
  game = await startGame(live, { players: 4, email: 'ids@school.org' });
  await game.api.session.deal.mutate({ sessionId: game.sessionId });
  await game.api.session.start.mutate({ sessionId: game.sessionId });
  await settle(game.players);
  usa = game.players.filter((p) => p.view.me.role?.side === 'usa');
}, 20_000);
afterAll(async () => {
  for (const p of game.players) p.close();
  await live.stop();
  rmSync(dir, { recursive: true, force: true });
});

const post = (text: string) => ({ type: 'PostMessage' as const, channelId: 't1:team:usa', text });
const count = (text: string) => gameOf(live.server.runtime, game.sessionId).messages.filter((m) => m.text === text).length;

/** Runs `drop` inside the server's commit of the message with this text: before any ack is sent. */
function dropOnCommit(text: string, drop: () => void): () => void {
  return live.server.runtime!.subscribe((c) => {
    if (c.events.some((e) => e.event.type === 'MessagePosted' && e.event.text === text)) drop();
  });
}

async function reopen(player: Player): Promise<Player> {
  const again = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token: player.welcome!.token! }, { label: `${player.label} again` });
  again.welcome = { ...again.welcome!, token: player.welcome!.token };
  return again;
}

describe('command ids', () => {
  it('answers the same id twice with one action, the second ack marked repeated', async () => {
    const p = usa[0]!;
    expect(await p.send({ ...post('Once only'), commandId: 'c-1' })).toEqual({ ok: true, data: { seq: expect.any(Number) } });
    expect(await p.send({ ...post('Once only'), commandId: 'c-1' })).toMatchObject({ ok: true, data: { repeated: true } });
    expect(count('Once only')).toBe(1);
  });

  it('answers a command resent from a new connection after its ack was lost', async () => {
    const p = usa[0]!;
    // The connection drops the moment the command is stored, before its ack can leave.
    const stop = dropOnCommit('Ack lost', () => p.close());
    const acks: unknown[] = [];
    p.socket.emit('command', { ...post('Ack lost'), commandId: 'c-lost' }, (ack) => acks.push(ack));
    await waitFor(() => p.disconnected, 'the drop');
    stop();
    expect(acks).toEqual([]);
    const again = await reopen(p);
    game.players[game.players.indexOf(p)] = again;
    usa[0] = again;
    expect(again.view.messages.filter((m) => m.text === 'Ack lost')).toHaveLength(1);
    expect(await again.send({ ...post('Ack lost'), commandId: 'c-lost' })).toMatchObject({ ok: true, data: { repeated: true } });
    expect(count('Ack lost')).toBe(1);
  });

  it('keeps one id per seat: the same id from another seat is another command', async () => {
    expect(await usa[0]!.send({ ...post('Mine'), commandId: 'shared-id' })).toMatchObject({ ok: true });
    expect(await usa[1]!.send({ ...post('Mine'), commandId: 'shared-id' })).toEqual({ ok: true, data: { seq: expect.any(Number) } });
    expect(count('Mine')).toBe(2);
  });

  it('answers a repeat of a refused command with the same refusal', async () => {
    await game.api.session.pause.mutate({ sessionId: game.sessionId });
    expect(await usa[1]!.send({ ...post('While paused'), commandId: 'c-paused' })).toMatchObject({ ok: false, code: 'PAUSED' });
    await game.api.session.resume.mutate({ sessionId: game.sessionId });
    expect(await usa[1]!.send({ ...post('While paused'), commandId: 'c-paused' })).toMatchObject({ ok: false, code: 'PAUSED' });
    expect(count('While paused')).toBe(0);
  });

  it('refuses a malformed id with INVALID_PAYLOAD naming it, and does nothing', async () => {
    for (const commandId of ['has space', 'x'.repeat(65), 42, '', 'semi;colon']) {
      const ack = await usa[1]!.sendRaw({ ...post('Bad id'), commandId });
      expect(ack).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
      expect(!ack.ok && ack.message).toMatch(/commandId/);
    }
    expect(count('Bad id')).toBe(0);
  });

  it("the client's sender resends after a reconnection with the same id, and the command is done once", async () => {
    const token = usa[1]!.welcome!.token!;
    const socket = io(live.url, {
      auth: { v: PROTOCOL_VERSION, kind: 'player', room: game.code, token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 10,
      reconnectionDelayMax: 50,
    });
    const sender = new CommandSender(socket as unknown as CommandSocket);
    let connects = 0;
    socket.on('connect', () => {
      connects++;
      sender.resend();
    });
    try {
      await waitFor(() => socket.connected, 'the sender socket to connect');
      // The connection drops the moment the command is stored, before its ack: socket.io reconnects.
      const stop = dropOnCommit('Sent through a drop', () => socket.io.engine.close());
      const answer = sender.send(post('Sent through a drop'));
      const [id] = sender.waiting;
      const result = await answer;
      stop();
      expect(result).toMatchObject({ ok: true, data: { repeated: true } });
      expect(connects).toBe(2);
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(sender.waiting).toEqual([]);
      expect(count('Sent through a drop')).toBe(1);
    } finally {
      sender.close();
      socket.close();
    }
  });

  it('answers a repeat after a server restart from the stored log', async () => {
    const p = usa[1]!;
    expect(await p.send({ ...post('Before the restart'), commandId: 'c-restart' })).toMatchObject({ ok: true });
    for (const player of game.players) player.close();
    await live.stop({ keepFiles: true });
    live = await startLiveServer(dbPath);
    const again = await reopen(p);
    game.players = [again];
    expect(await again.send({ ...post('Before the restart'), commandId: 'c-restart' })).toMatchObject({ ok: true, data: { repeated: true } });
    expect(count('Before the restart')).toBe(1);
  });
});
