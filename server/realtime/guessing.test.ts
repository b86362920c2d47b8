// Guessing room codes and seat tokens is slowed down, but the class sharing the guesser's address
// keeps getting in: valid tokens never wait, an address that got in with a code is not held back
// for it, and a refusal says how long to wait. The clock and the waits are the test's own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, recordingLog, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, type Auth } from '../testing/player-client';
import { GuessThrottle } from './guess-throttle';

const clock = { t: Date.now() };
const waits: number[] = [];
const log = recordingLog();
let live: LiveServer;
let roomA: string;
let roomB: string;
let seated: PlayerClient;
let token: string;

beforeAll(async () => {
  live = await startLiveServer(undefined, {
    log,
    realtime: {
      now: () => clock.t,
      // Held back, the handshake goes on at once: the test reads how long it was held.
      wait: async (ms) => {
        waits.push(ms);
      },
    },
  });
  const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'guess@school.org'));
  roomA = (await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis' })).code;
  roomB = (await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis' })).code;
  seated = await PlayerClient.open(live.url, { kind: 'join', room: roomA, name: 'Ana' });
  token = seated.welcome!.token!;
});
afterAll(async () => {
  seated.close();
  await live.stop();
});
beforeEach(() => {
  clock.t += 10 * 60_000;
  waits.length = 0;
});

/** A handshake's outcome: 'in', or the refusal's data. */
async function attempt(auth: Auth): Promise<{ code: string; message: string; retryAfterMs?: number } | 'in'> {
  try {
    const client = await PlayerClient.open(live.url, auth);
    client.close();
    return 'in';
  } catch (error) {
    return (error as { data: { code: string; message: string; retryAfterMs?: number } }).data;
  }
}

const wrongCode = (i: number) => `ZZZ${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[i % 31]}${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[Math.floor(i / 31) % 31]}Z`;
const codeOf = (r: Awaited<ReturnType<typeof attempt>>) => (r === 'in' ? 'in' : r.code);

describe('a guesser behind the school NAT', () => {
  it('is slowed down and then refused with the time to wait, while the class still gets in', async () => {
    for (let i = 0; i < 20; i++) expect(codeOf(await attempt({ kind: 'projector', room: wrongCode(i) }))).toBe('UNKNOWN_ROOM');
    expect(waits).toEqual([]);
    // Over the limit: one try every 3 s, answered after its wait.
    expect(codeOf(await attempt({ kind: 'join', room: wrongCode(20), name: 'G' }))).toBe('UNKNOWN_ROOM');
    expect(codeOf(await attempt({ kind: 'projector', room: wrongCode(21) }))).toBe('UNKNOWN_ROOM');
    expect(waits).toEqual([3000]);
    // The room screen of a room nobody here has entered yet is held back, not refused.
    expect(await attempt({ kind: 'projector', room: roomB })).toBe('in');
    expect(waits).toEqual([3000, 6000]);
    expect(codeOf(await attempt({ kind: 'projector', room: wrongCode(22) }))).toBe('UNKNOWN_ROOM');
    // A turn more than 10 s away: refused, saying when to come back.
    const refused = await attempt({ kind: 'projector', room: wrongCode(23) });
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
    expect(refused !== 'in' && refused.message).toMatch(/Try again in 2 seconds/);
    expect(waits).toEqual([3000, 6000, 9000]);

    // Meanwhile, without waiting: the right code of a room someone here is in, its room screen, a
    // seat token, and room B now that its screen got in from here.
    expect(await attempt({ kind: 'join', room: roomA, name: 'Ben' })).toBe('in');
    expect(await attempt({ kind: 'projector', room: roomA.toLowerCase() })).toBe('in');
    expect(await attempt({ kind: 'player', room: roomA, token })).toBe('in');
    expect(await attempt({ kind: 'join', room: roomB, name: 'Cleo' })).toBe('in');
    expect(waits).toEqual([3000, 6000, 9000]);

    // A minute without failures and the address is trusted again.
    clock.t += 61_000;
    expect(codeOf(await attempt({ kind: 'projector', room: wrongCode(24) }))).toBe('UNKNOWN_ROOM');
    expect(waits).toEqual([3000, 6000, 9000]);
  });

  it('counts wrong seat tokens per address and room: they slow only tokens for that room', async () => {
    const badToken = (i: number) => `not-a-token-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 21; i++) expect(codeOf(await attempt({ kind: 'player', room: roomA, token: badToken(i) }))).toBe('BAD_TOKEN');
    expect(codeOf(await attempt({ kind: 'player', room: roomA, token: badToken(21) }))).toBe('BAD_TOKEN');
    expect(waits).toEqual([3000]);
    // Not slowed: a wrong token for another room, a wrong room code, a join, the valid token.
    expect(codeOf(await attempt({ kind: 'player', room: roomB, token: badToken(0) }))).toBe('BAD_TOKEN');
    expect(codeOf(await attempt({ kind: 'projector', room: wrongCode(0) }))).toBe('UNKNOWN_ROOM');
    expect(await attempt({ kind: 'join', room: roomA, name: 'Dan' })).toBe('in');
    expect(await attempt({ kind: 'player', room: roomA, token })).toBe('in');
    expect(waits).toEqual([3000]);
  });

  it('logs refusals and holds without the tokens', () => {
    expect(log.lines.some((l) => l.startsWith('handshake refused: UNKNOWN_ROOM'))).toBe(true);
    expect(log.lines.some((l) => l.startsWith('handshake refused: RATE_LIMITED'))).toBe(true);
    expect(log.lines.some((l) => l.startsWith('handshake held back'))).toBe(true);
    expect(log.lines.some((l) => l.includes(token) || l.includes('not-a-token'))).toBe(false);
  });
});

describe('the guess throttle', () => {
  const limits = { failures: 2, windowMs: 1000, intervalMs: 100, maxDelayMs: 150, knownMs: 5000 };
  it('holds tries back one per interval once over the limit, and refuses turns too far off', () => {
    const throttle = new GuessThrottle(limits);
    expect(throttle.admit('a', 0)).toEqual({ ok: true, delayMs: 0 });
    throttle.fail('a', 0);
    throttle.fail('a', 10);
    expect(throttle.admit('b', 10)).toEqual({ ok: true, delayMs: 0 });
    expect(throttle.admit('a', 10)).toEqual({ ok: true, delayMs: 0 });
    expect(throttle.admit('a', 10)).toEqual({ ok: true, delayMs: 100 });
    expect(throttle.admit('a', 10)).toEqual({ ok: false, retryAfterMs: 50 });
    // Failures older than the window are forgotten.
    expect(throttle.admit('a', 1011)).toEqual({ ok: true, delayMs: 0 });
  });
  it('remembers the codes an address got in with, for a while', () => {
    const throttle = new GuessThrottle(limits);
    throttle.succeeded('addr', 'ABC234', 0);
    expect(throttle.isKnown('addr', 'ABC234', 4999)).toBe(true);
    expect(throttle.isKnown('other', 'ABC234', 1)).toBe(false);
    expect(throttle.isKnown('addr', 'ABC234', 5000)).toBe(false);
  });
});
