// The server's structured log, read from a real server on port 0: one JSON line per event, a request
// id on every response and on every error line, sign-ins and session lifecycle recorded, and never
// a password, a token, a cookie or what anyone wrote.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from './app';
import { loadConfig } from './config';
import { createLogger } from './log';
import { startGame, type Game } from './testing/game-setup';
import { type LiveServer } from './testing/live-server';

interface Line {
  level: string;
  msg: string;
  time: string;
  event?: string;
  requestId?: string;
  err?: { message: string; stack?: string };
  [key: string]: unknown;
}

const raw: string[] = [];
const lines = (): Line[] => raw.map((text) => JSON.parse(text) as Line);
const withEvent = (event: string) => lines().filter((l) => l.event === event);

let dir: string;
let live: LiveServer;
let game: Game;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET_TEXT = 'Khrushchev blinks at midnight';
const CONTROL_TEXT = 'Control says the weather is fine';
const WRONG_PASSWORD = 'hunter2-but-longer';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'backchannel-log-'));
  const dbPath = path.join(dir, 'test.db');
  const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: dbPath });
  const server = createServer(config, { next: false, log: createLogger({ write: (line: string) => raw.push(line) }) });
  const url = await server.start();
  live = { url, dbPath, server, stop: () => server.stop() };
  game = await startGame(live, { players: 4, email: 'logger@school.org' });
}, 20_000);

afterAll(async () => {
  for (const p of game?.players ?? []) p.close();
  await live?.server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server log', () => {
  it('writes one JSON object per line, with a level, a time and a message', () => {
    expect(raw.length).toBeGreaterThan(0);
    for (const text of raw) {
      expect(text.endsWith('\n')).toBe(true);
      expect(text.trimEnd()).not.toContain('\n');
      const line = JSON.parse(text) as Line;
      expect(line).toMatchObject({ level: expect.any(String), msg: expect.any(String), time: expect.any(String) });
    }
    expect(withEvent('server.started')).toHaveLength(1);
  });

  it('gives every response its own x-request-id', async () => {
    const a = await fetch(`${live.url}/healthz`);
    const b = await fetch(`${live.url}/api/trpc/health`);
    const c = await fetch(`${live.url}/nothing-here`);
    const ids = [a, b, c].map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
    // A client cannot choose its id (it would write into the log).
    const chosen = await fetch(`${live.url}/healthz`, { headers: { 'x-request-id': 'chosen-by-the-client' } });
    expect(chosen.headers.get('x-request-id')).toMatch(UUID);
  });

  it('logs a failed and a successful sign-in with the request id, and never the password', async () => {
    const login = (email: string, password: string) =>
      fetch(`${live.url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: live.url }, body: JSON.stringify({ email, password }) });
    const failed = await login('Logger@School.org', WRONG_PASSWORD);
    expect(failed.status).toBe(401);
    const pasted = await login(WRONG_PASSWORD, WRONG_PASSWORD);
    expect(pasted.status).toBe(401);
    const ok = await login('logger@school.org', 'correct horse battery');
    expect(ok.status).toBe(200);

    const failures = withEvent('auth.login-failed');
    expect(failures.at(-2)).toMatchObject({ level: 'info', email: 'logger@school.org', requestId: failed.headers.get('x-request-id') });
    // A password typed into the email field stays out of the log too.
    expect(failures.at(-1)).toMatchObject({ email: '(not an email address)', requestId: pasted.headers.get('x-request-id') });
    expect(withEvent('auth.login').at(-1)).toMatchObject({ email: 'logger@school.org', facilitatorId: expect.stringMatching(/^fac_/), requestId: ok.headers.get('x-request-id') });
    expect(raw.join('')).not.toContain(WRONG_PASSWORD);
    expect(raw.join('')).not.toContain('correct horse battery');
  });

  it('logs session created, started and ended, whoever ends it', async () => {
    expect(withEvent('session.created')).toEqual([expect.objectContaining({ sessionId: game.sessionId, scenarioId: 'cuban-missile-crisis', facilitatorId: expect.stringMatching(/^fac_/) })]);
    await game.api.session.deal.mutate({ sessionId: game.sessionId });
    await game.api.session.start.mutate({ sessionId: game.sessionId });
    expect(withEvent('session.started')).toEqual([expect.objectContaining({ sessionId: game.sessionId, seats: 4, tables: 1 })]);

    // What people write never reaches the log: a player's message and a control post.
    await game.api.session.skip.mutate({ sessionId: game.sessionId }); // from the briefing to round 1
    const player = game.players[0]!;
    const front = player.view.channels.find((c) => c.kind === 'front')!;
    expect(await player.send({ type: 'PostMessage', channelId: front.id, text: SECRET_TEXT })).toMatchObject({ ok: true });
    await game.api.session.controlPost.mutate({ sessionId: game.sessionId, channelId: front.id, text: CONTROL_TEXT });

    await game.api.session.end.mutate({ sessionId: game.sessionId });
    expect(withEvent('session.ended')).toEqual([expect.objectContaining({ sessionId: game.sessionId, seats: 4 })]);

    const all = raw.join('');
    for (const secret of [SECRET_TEXT, CONTROL_TEXT, game.cookie.split('=')[1]!, player.welcome!.token!]) expect(all).not.toContain(secret);
  });

  it('logs an unexpected error with the request id the client received, and answers a generic message', async () => {
    const runtime = live.server.runtime!;
    const spy = vi.spyOn(runtime, 'listSessions').mockImplementation(() => {
      throw new Error('the disk is on fire');
    });
    try {
      const res = await fetch(`${live.url}/api/trpc/session.list`, { headers: { cookie: game.cookie } });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toBe('Something went wrong on the server.');
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      const line = withEvent('api.error').at(-1);
      expect(line).toMatchObject({ level: 'error', requestId, procedure: 'session.list', err: { message: 'the disk is on fire' } });
    } finally {
      spy.mockRestore();
    }
  });
});
