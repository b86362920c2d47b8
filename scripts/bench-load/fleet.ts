// One server under test and the load workers around it: started, filled with players seated at
// tables of 10, measured and stopped. The game's sessions are made, dealt and started through the
// facilitator API, and its players join by room code, exactly as a class does.
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient, signIn } from '../../server/testing/live-server';
import { now, readClocks, offsetOutside, sleep } from './clock';
import { forkChild, type Peer, type ProcessStats } from './ipc';
import type { Seat } from './worker';

export type ServerKind = 'game' | 'bare';
export type Tables = Record<string, { members: number; speakers: number }>;

export const TABLE_SIZE = 10;
export const SESSION_SIZE = 30;
/** Seats of a bare room that post: as many as speak at a game table (journalists only listen). */
export const BARE_SPEAKERS = 8;

export interface Fleet {
  kind: ServerKind;
  server: Peer;
  workers: Peer[];
  players: number;
  tables: Tables;
  /** Server heap after a full GC: before any player (and before the game's sessions), and with all of them connected. */
  baseline: ProcessStats;
  afterConnect: ProcessStats;
  connectSeconds: number;
  /** How far, at most, another process's clocks read from ours (ms outside the IPC round trip). */
  clockOffsets: { monotonic: number; performance: number };
  stop(): Promise<void>;
}

export interface FleetOptions {
  players: number;
  workers: number;
  log: (line: string) => void;
}

/** Tables of 10 in sessions of 30 (the last session smaller when `players` is not a multiple of 30). */
export function sessionSizes(players: number): number[] {
  const sizes: number[] = [];
  for (let left = players; left > 0; left -= SESSION_SIZE) sizes.push(Math.min(SESSION_SIZE, left));
  return sizes;
}

async function clockOffsets(peers: Peer[]): Promise<Fleet['clockOffsets']> {
  const worst = { monotonic: 0, performance: 0 };
  for (const peer of peers) {
    for (let i = 0; i < 5; i++) {
      const before = readClocks();
      const theirs = await peer.call<ReturnType<typeof readClocks>>('clock');
      const after = readClocks();
      worst.monotonic = Math.max(worst.monotonic, offsetOutside(before.monotonic, theirs.monotonic, after.monotonic));
      worst.performance = Math.max(worst.performance, offsetOutside(before.performance, theirs.performance, after.performance));
    }
  }
  return worst;
}

async function inBatches<T>(items: T[], size: number, task: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

/** The game's seats: one session of the Cuban missile crisis per 30 players, made by a facilitator. */
async function gameSeats(url: string, dbPath: string, players: number, measureBaseline: () => Promise<void>) {
  const api = apiClient(url, await signIn(url, dbPath, 'bench@school.org'));
  // The baseline is taken once the facilitator is signed in, before any session: a session's state
  // is part of what its players cost.
  await measureBaseline();
  // Rounds longer than any run: no deadline fires while measuring.
  const phaseDurations = { briefing: 7200, 'round-1': 7200, 'round-2': 7200, 'round-3': 7200 };
  const sessions: { sessionId: string; code: string }[] = [];
  const seats: Seat[] = [];
  const sizes = sessionSizes(players);
  await inBatches(sizes.map((size, i) => ({ size, i })), 10, async ({ size, i }) => {
    const { sessionId, code } = await api.session.create.mutate({
      scenarioId: 'cuban-missile-crisis',
      options: { phaseDurations, leakSensitivity: 0, tableCount: size / TABLE_SIZE, openChannels: {}, maxSeats: null },
    });
    sessions[i] = { sessionId, code };
  });
  sessions.forEach(({ code }, s) => {
    for (let p = 0; p < sizes[s]!; p++) seats.push({ kind: 'game', room: code, name: `S${s + 1} P${p + 1}` });
  });
  // Deal, start and open round 1 (the front channel is closed during the briefing).
  const begin = () =>
    inBatches(sessions, 10, async ({ sessionId }) => {
      await api.session.deal.mutate({ sessionId });
      await api.session.start.mutate({ sessionId });
      await api.session.skip.mutate({ sessionId });
    });
  return { seats, begin };
}

function bareSeats(players: number): Seat[] {
  return Array.from({ length: players }, (_, i) => ({ kind: 'bare' as const, room: `room-${Math.floor(i / TABLE_SIZE) + 1}`, speaks: i % TABLE_SIZE < BARE_SPEAKERS }));
}

/** Calls every worker and fails with the first workers' own errors when any player failed. */
async function allWorkers(workers: Peer[], type: string, what: string): Promise<Tables> {
  const results = await Promise.all(workers.map((w) => w.call<{ failed: number; errors: string[]; tables?: Tables }>(type)));
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (failed > 0) throw new Error(`${failed} players failed to ${what}: ${results.flatMap((r) => r.errors).slice(0, 3).join('; ')}`);
  const tables: Tables = {};
  for (const r of results) {
    for (const [key, t] of Object.entries(r.tables ?? {})) {
      const total = (tables[key] ??= { members: 0, speakers: 0 });
      total.members += t.members;
      total.speakers += t.speakers;
    }
  }
  return tables;
}

export async function startFleet(kind: ServerKind, options: FleetOptions): Promise<Fleet> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-load-${kind}-`));
  const logFd = openSync(path.join(dir, 'server.log'), 'a');
  const server = forkChild(kind === 'game' ? './game-server.ts' : './bare-server.ts', `${kind} server`, {
    gc: true,
    env: { BENCH_DIR: dir },
    output: logFd,
    // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the game server, and
    // BENCH_BARE_NODE_ARGS the bare one, so their profiles can be set side by side (README).
    nodeArgs: serverNodeArgs(kind),
  });
  closeSync(logFd);
  const workers: Peer[] = [];
  const stop = async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await Promise.race([server.call('stop').catch(() => undefined), sleep(10_000)]);
    await server.kill(serverNodeArgs(kind).length > 0 ? 30_000 : 0);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { url, dbPath } = await server.notice<{ url: string; dbPath?: string }>('ready', 60_000);
    let baseline: ProcessStats | undefined;
    const measureBaseline = async () => void (baseline = await server.call<ProcessStats>('stats', { gc: true }));
    const game = kind === 'game' ? await gameSeats(url, dbPath!, options.players, measureBaseline) : null;
    if (!game) await measureBaseline();
    const seats = game ? game.seats : bareSeats(options.players);
    for (let w = 0; w < options.workers; w++) workers.push(forkChild('./worker.ts', `load worker ${w + 1}`));
    // Whole tables per worker where possible: contiguous slices of the seat list.
    const per = Math.ceil(seats.length / options.workers);
    await Promise.all(workers.map((w, i) => w.call('init', { url, seats: seats.slice(i * per, (i + 1) * per) })));
    const connecting = now();
    options.log(`${kind}: connecting ${options.players} players from ${options.workers} workers…`);
    await allWorkers(workers, 'connect', 'connect');
    await game?.begin();
    const tables = await allWorkers(workers, 'prepare', 'take their seats');
    const connectSeconds = (now() - connecting) / 1000;
    const afterConnect = await server.call<ProcessStats>('stats', { gc: true });
    return { kind, server, workers, players: options.players, tables, baseline: baseline!, afterConnect, connectSeconds, clockOffsets: await clockOffsets([server, ...workers]), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const LINGERING_SOCKETS = 5;

/** Closes every player's socket and waits (up to 60 s) until the server holds none of them. */
export async function disconnectAll(fleet: Fleet): Promise<void> {
  await Promise.all(fleet.workers.map((w) => w.call('disconnect')));
  const deadline = now() + 60_000;
  while (now() < deadline) {
    const stats = await fleet.server.call<ProcessStats>('stats');
    // A few HTTP keep-alive sockets (the facilitator's API calls) may still be open.
    if (stats.tcpSockets <= LINGERING_SOCKETS) return;
    await sleep(200);
  }
}

/** Every player back (the game's with their seat tokens), ready to post again. */
export async function reconnectAll(fleet: Fleet): Promise<void> {
  await allWorkers(fleet.workers, 'connect', 'reconnect');
  await allWorkers(fleet.workers, 'prepare', 'take their seats again');
}

function serverNodeArgs(kind: ServerKind): string[] {
  const args = kind === 'game' ? process.env.BENCH_SERVER_NODE_ARGS : process.env.BENCH_BARE_NODE_ARGS;
  return args?.split(/\s+/).filter(Boolean) ?? [];
}
