// Crash and restart: the server runs as a child process on a real SQLite file (in the "postgres"
// project, a PostgreSQL database) and is killed with SIGKILL mid-game. Everything acknowledged must be there after the restart, play goes on, and
// deadlines fire by themselves, including one that passed while the server was down. The game clock
// is a manual one in the child process: it stands still until the test moves it, so no step of this
// test depends on how fast the machine is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, SeatView } from '../engine';
import { startChildServer, type ChildServer } from '../testing/child-server';
import { SCENARIO } from '../testing/game-setup';
import { apiClient, signIn } from '../testing/live-server';
import { releaseTestDatabase, testDatabaseUrl } from '../testing/matrix';
import { PlayerClient, settle, waitFor } from '../testing/player-client';

let dir: string;
let dbPath: string;
let server: ChildServer | null = null;
let clients: PlayerClient[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'backchannel-restart-'));
  dbPath = path.join(dir, 'restart.db');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.kill();
  await releaseTestDatabase(dbPath);
  rmSync(dir, { recursive: true, force: true });
});

type Seated = PlayerClient<SeatView>;

async function crash(): Promise<void> {
  for (const c of clients) c.close();
  clients = [];
  await server!.kill();
  server = null;
}

/** Each (re)start continues the game clock from `at`: time that passed while the server was down. */
async function restart(at: number): Promise<{ url: string }> {
  server = await startChildServer(await testDatabaseUrl(dbPath), { clockAt: at });
  return { url: server.url };
}

describe('a server killed mid-game', () => {
  it('comes back with every acknowledged message, lets play go on, and keeps its deadlines', async () => {
    const startedAt = Date.now();
    server = await startChildServer(await testDatabaseUrl(dbPath), { clockAt: startedAt });
    // The account is created straight in the database file the server holds open (WAL), then signs in over HTTP.
    const cookie = await signIn(server.url, dbPath, 'restart@school.org');
    const phaseDurations = { briefing: 5, 'round-1': 5, 'round-2': 5, 'round-3': 5 };
    const created = await apiClient(server.url, cookie).session.create.mutate({ scenarioId: SCENARIO, options: { phaseDurations, leakSensitivity: 0, tableCount: 1, openChannels: {} } });
    const { sessionId, code } = created;

    const names = ['Ana', 'Ben', 'Cleo', 'Dev'];
    let players: Seated[] = [];
    for (const name of names) players.push(await PlayerClient.open<SeatView>(server.url, { kind: 'join', room: code, name }, { label: name }));
    clients = [...players];
    const tokens = new Map(players.map((p) => [p.view.me.name, p.welcome!.token!]));
    const api = () => apiClient(server!.url, cookie);
    await api().session.deal.mutate({ sessionId });
    await api().session.start.mutate({ sessionId });
    await settle(players);
    const byRole = (list: Seated[], id: string) => list.find((p) => p.view.me.role?.id === id)!;

    // Briefing: each player writes to their team; keep what was acknowledged.
    const acked: string[] = [];
    const post = async (p: Seated, channelId: string, text: string) => {
      const ack = await p.send({ type: 'PostMessage', channelId, text });
      expect(ack, text).toMatchObject({ ok: true });
      acked.push(text);
    };
    for (const p of players) await post(p, `t1:team:${p.view.me.role!.side}`, `${p.view.me.name} before the first crash`);
    const briefingDeadline = players[0]!.view.session.deadlineAt!;
    expect(players[0]!.view.session.phase?.id).toBe('briefing');

    // Crash 1: down until the briefing's deadline has passed.
    await crash();
    let up = await restart(briefingDeadline + 300);

    const rejoin = async (url: string) => {
      const list: Seated[] = [];
      for (const name of names) {
        const p = await PlayerClient.open<SeatView>(url, { kind: 'player', room: code, token: tokens.get(name)! }, { label: `${name} (rejoined)` });
        expect(p.view.me.name).toBe(name);
        list.push(p);
      }
      const god = await PlayerClient.open<FacilitatorView>(url, { kind: 'facilitator', sessionId }, { label: 'facilitator', cookie });
      clients = [...list, god];
      return { list, god };
    };
    let { list: again, god } = await rejoin(up.url);
    // The deadline that passed while the server was down fired as soon as it came back: the clock
    // has not moved since the restart, so only the catch-up at load can have started round 1.
    await waitFor(() => [...again, god].every((p) => p.view.session.phase?.id === 'round-1'), 'round 1 after the restart');
    expect(again[0]!.view.session.deadlineAt).toBe(briefingDeadline + 300 + 5000);

    const expectAllAcked = async (list: Seated[], facilitator: PlayerClient<FacilitatorView>) => {
      await settle([...list, facilitator]);
      const everything = facilitator.view.messages.map((m) => m.text);
      expect(everything).toEqual(expect.arrayContaining(acked));
      const seen = new Set(list.flatMap((p) => p.view.messages.map((m) => m.text)));
      expect(acked.filter((t) => !seen.has(t))).toEqual([]);
      for (const p of list) {
        const ids = p.view.messages.map((m) => m.id);
        expect(new Set(ids).size, `${p.label}: message ids unique`).toBe(ids.length);
        for (const m of p.view.messages) expect(facilitator.view.messages).toContainEqual(expect.objectContaining({ id: m.id, text: m.text }));
      }
    };
    await expectAllAcked(again, god);

    // Round 1 on the restarted server: front channel, a back channel opened, accepted and used.
    players = again;
    const roundOneDeadline = players[0]!.view.session.deadlineAt!;
    await post(byRole(players, 'usa-leader'), 't1:front', 'Front, after the first restart');
    const usaEnvoy = byRole(players, 'usa-envoy');
    const ussrEnvoy = byRole(players, 'ussr-envoy');
    expect(await usaEnvoy.send({ type: 'OpenBackChannel', inviteeIds: [ussrEnvoy.seatId], topic: 'a quiet trade' })).toMatchObject({ ok: true });
    const back = usaEnvoy.view.channels.find((c) => c.kind === 'back')!.id;
    expect(await ussrEnvoy.send({ type: 'AnswerInvitation', channelId: back, accept: true })).toMatchObject({ ok: true });
    await post(usaEnvoy, back, 'Back channel, just before the second crash');
    await post(ussrEnvoy, back, 'Back channel reply, acknowledged then killed');

    // Crash 2: killed right after the acks, restarted at once.
    await crash();
    up = await restart(briefingDeadline + 300);
    ({ list: again, god } = await rejoin(up.url));
    await expectAllAcked(again, god);
    expect(again[0]!.view.session.phase?.id).toBe('round-1');
    expect(again[0]!.view.session.deadlineAt).toBe(roundOneDeadline);

    // Play goes on.
    players = again;
    await post(byRole(players, 'ussr-leader'), 't1:front', 'Front, after the second restart');
    await expectAllAcked(players, god);

    // And the re-armed deadline fires by itself when its time comes, not before.
    await server!.advanceTo(roundOneDeadline - 1);
    await post(byRole(players, 'usa-leader'), 't1:front', 'Front, a moment before the deadline');
    expect(god.view.session.phase?.id).toBe('round-1');
    await server!.advanceTo(roundOneDeadline);
    await waitFor(() => [...players, god].every((p) => p.view.session.phase?.id === 'round-2'), 'round 2 by the deadline');
    expect(god.view.session.phase?.index).toBe(2);
    await crash();
  }, 45_000);
});
