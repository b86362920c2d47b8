// A join flood: the room holds a set number of seats (ROOM_FULL beyond), joins from one address
// into one room wait their turn past a burst, and a seat's lobby view stays the same size however
// many join.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
const LOBBY_NAMES_SHOWN = 40; import type { SeatView } from '../engine';
import { apiClient, recordingLog, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, settle, type Auth } from '../testing/player-client';

const clock = { t: Date.now() };
const waits: number[] = [];
const log = recordingLog();
let live: LiveServer;
let api: ReturnType<typeof apiClient>;
const open: PlayerClient[] = [];

beforeAll(async () => {
  live = await startLiveServer(undefined, {
    log,
    realtime: {
      now: () => clock.t,
      limits: { joins: { burst: 5, perSecond: 1, maxDelayMs: 3000 } },
      wait: async (ms) => {
        waits.push(ms);
      },
    },
  });
  api = apiClient(live.url, await signIn(live.url, live.dbPath, 'flood@school.org'));
});
afterAll(async () => {
  for (const c of open) c.close();
  await live.stop();
});
beforeEach(() => {
  clock.t += 10 * 60_000;
  waits.length = 0;
});

async function room(options: { maxSeats?: number; tableCount?: number } = {}): Promise<{ sessionId: string; code: string }> {
  return api.session.create.mutate({ scenarioId: 'cuban-missile-crisis', options: { maxSeats: options.maxSeats ?? null, tableCount: options.tableCount ?? null } });
}

async function attempt(auth: Auth): Promise<PlayerClient<SeatView> | { code: string; message: string; retryAfterMs?: number }> {
  try {
    const client = await PlayerClient.open<SeatView>(live.url, auth);
    open.push(client);
    return client;
  } catch (error) {
    return (error as { data: { code: string; message: string } }).data;
  }
}
const outcome = (r: Awaited<ReturnType<typeof attempt>>) => (r instanceof PlayerClient ? 'in' : r.code);

/** Joins `n` people one second apart on the server's clock, so no join waits. */
async function fill(code: string, n: number, prefix: string): Promise<PlayerClient<SeatView>[]> {
  const clients: PlayerClient<SeatView>[] = [];
  for (let i = 1; i <= n; i++) {
    clock.t += 1000;
    const r = await attempt({ kind: 'join', room: code, name: `${prefix}${i}` });
    if (!(r instanceof PlayerClient)) throw new Error(`${prefix}${i} refused: ${r.code}`);
    clients.push(r);
  }
  return clients;
}

describe('seats per room', () => {
  it('holds the largest table times the tables by default, then answers ROOM_FULL', async () => {
    const { code } = await room({ tableCount: 1 });
    await fill(code, 10, 'T');
    clock.t += 1000;
    const refused = await attempt({ kind: 'join', room: code, name: 'Eleventh' });
    expect(refused).toMatchObject({ code: 'ROOM_FULL' });
    expect(outcome(await attempt({ kind: 'projector', room: code }))).toBe('in');
  });

  it("holds the facilitator's number, and a seat that leaves makes room", async () => {
    const { code } = await room({ maxSeats: 3 });
    const [first] = await fill(code, 3, 'M');
    clock.t += 1000;
    expect(outcome(await attempt({ kind: 'join', room: code, name: 'Fourth' }))).toBe('ROOM_FULL');
    expect(await first!.send({ type: 'Leave' })).toMatchObject({ ok: true });
    clock.t += 1000;
    expect(outcome(await attempt({ kind: 'join', room: code, name: 'Fourth' }))).toBe('in');
    expect(log.lines.some((l) => l.startsWith('left: seat'))).toBe(true);
  });
});

describe('joins per address and room', () => {
  it('lets a burst in at once, holds the next ones back a second apart, then says how long to wait', async () => {
    const { code } = await room({ maxSeats: 50 });
    for (let i = 1; i <= 5; i++) expect(outcome(await attempt({ kind: 'join', room: code, name: `B${i}` }))).toBe('in');
    expect(waits).toEqual([]);
    for (let i = 6; i <= 8; i++) expect(outcome(await attempt({ kind: 'join', room: code, name: `B${i}` }))).toBe('in');
    expect(waits).toEqual([1000, 2000, 3000]);
    const refused = await attempt({ kind: 'join', room: code, name: 'B9' });
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1000 });
    expect(outcome(refused) === 'RATE_LIMITED' && (refused as { message: string }).message).toMatch(/Try again in 1 seconds?/);
    // Another room, the room screen and returning players are not joins into this room.
    const other = await room({ maxSeats: 50 });
    expect(outcome(await attempt({ kind: 'join', room: other.code, name: 'Elsewhere' }))).toBe('in');
    expect(outcome(await attempt({ kind: 'projector', room: code }))).toBe('in');
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(log.lines.filter((l) => l.startsWith('joined: seat')).length).toBeGreaterThanOrEqual(9);
    expect(log.lines.some((l) => /\bB\d\b/.test(l))).toBe(false);
  });
});

describe('the lobby view', () => {
  it(`lists the first ${LOBBY_NAMES_SHOWN} people and counts the rest, so a join patches a number`, async () => {
    const { code } = await room({ maxSeats: 60 });
    const players = await fill(code, LOBBY_NAMES_SHOWN + 5, 'L');
    const projector = await attempt({ kind: 'projector', room: code });
    await settle(players);
    const watcher = players[0]!;
    expect(watcher.view.lobby).toHaveLength(LOBBY_NAMES_SHOWN);
    expect(watcher.view.lobbyCount).toBe(LOBBY_NAMES_SHOWN + 5);
    const before = watcher.received.length;
    await fill(code, 1, 'Late');
    await settle([watcher]);
    const patches = watcher.received.slice(before).filter((r) => r.event === 'patch');
    expect(patches).toHaveLength(1);
    const patch = (JSON.parse(patches[0]!.json) as [{ set: Record<string, unknown>; append: Record<string, unknown> }])[0];
    expect(Object.keys(patch.set)).toEqual(['lobbyCount']);
    expect(patch.set.lobbyCount).toBe(LOBBY_NAMES_SHOWN + 6);
    // The room screen, one per room, still shows everyone.
    await (projector as PlayerClient).ping();
    expect(((projector as PlayerClient).view as { lobby: unknown[] }).lobby).toHaveLength(LOBBY_NAMES_SHOWN + 6);
  }, 30_000);
});
