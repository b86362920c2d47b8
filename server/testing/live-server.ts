import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { io, type Socket } from 'socket.io-client';
import { createServer, type BackchannelServer, type ServerOptions } from '../app';
import { createFacilitator } from '../auth/accounts';
import type { EventStore, Stores } from '../stores/ports';
import { loadConfig } from '../config';
import type { ManualTime } from '../runtime/manual-time';
import type { AppRouter } from '../api/router';
import type { ClientToServerEvents, Handshake, ServerToClientEvents } from '../realtime/protocol';
import { PROTOCOL_VERSION } from '../realtime/protocol';
import type { RealtimeOptions } from '../realtime';
import type { Logger } from '../log';
import { matrixStores, openTestStores, releaseTestDatabase } from './matrix';

/**
 * A real server on a free port, for integration tests, built through the same components as
 * production (by default its stores are a real SQLite file); and real clients for it (tRPC over
 * HTTP with a login cookie, socket.io-client sockets).
 */
export interface LiveServer {
  url: string;
  dbPath: string;
  server: BackchannelServer;
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

const quietLog: Logger = { info: () => undefined, error: (...args: unknown[]) => console.error(...args) };

export interface LiveServerOptions {
  /** An injected clock and tighter limits for the socket layer. */
  realtime?: RealtimeOptions;
  /** Defaults to a log that prints only errors. */
  log?: Logger;
  /** The game's clock and timers: deadlines fire when the test moves it. */
  time?: ManualTime;
  /** Wraps the event store the server runs on (a test holds appends back). */
  wrapEvents?: (events: EventStore) => EventStore;
  /** Opens the stores; default: the SQLite file at `dbPath` (a temp file unless given). */
  stores?: (dbPath: string) => Promise<Stores>;
  /** More configuration, as environment variables (e.g. TRUST_PROXY). */
  env?: Record<string, string>;
}

/** The stores of each running live server, by URL: signIn creates its accounts through them. */
const running = new Map<string, Stores>();

export async function startLiveServer(dbPath?: string, options: LiveServerOptions = {}): Promise<LiveServer> {
  const dir = dbPath ? path.dirname(dbPath) : mkdtempSync(path.join(tmpdir(), 'backchannel-test-'));
  const file = dbPath ?? path.join(dir, 'test.db');
  const config = loadConfig({ ...options.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: file, NODE_ENV: 'test' }, process.cwd());
  const time = options.time;
  const server = createServer(config, {
    next: false,
    log: options.log ?? quietLog,
    ...(options.realtime ? { realtime: options.realtime } : {}),
    ...(time ? { clock: time, scheduler: time } : {}),
    ...(options.wrapEvents ? { wrapEvents: options.wrapEvents } : {}),
    // A test's own stores; else, in the "postgres" project, a PostgreSQL database for this file.
    ...(options.stores ? { stores: () => options.stores!(file) } : matrixStores(file) ? { stores: matrixStores(file)! } : {}),
  } satisfies ServerOptions);
  const url = await server.start();
  running.set(url, server.stores!);
  return {
    url,
    dbPath: file,
    server,
    async stop(options = {}) {
      running.delete(url);
      await server.stop();
      if (!options.keepFiles && !dbPath) rmSync(dir, { recursive: true, force: true });
      if (!options.keepFiles && !dbPath) await releaseTestDatabase(file);
    },
  };
}

/**
 * Creates an account straight in the store (as the CLI does) and signs in over HTTP. The server's
 * own stores when it is a live server of this process; else (a child process) its database.
 */
export async function signIn(url: string, dbPath: string, email: string, isAdmin = false): Promise<string> {
  const password = 'correct horse battery';
  const own = running.get(url);
  const stores = own ?? (await openTestStores(dbPath));
  try {
    await createFacilitator(stores.accounts, { email, password, isAdmin }).catch(() => undefined);
  } finally {
    if (!own) await stores.close();
  }
  const res = await fetch(`${url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

export function apiClient(url: string, cookie?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/api/trpc`, headers: () => (cookie ? { cookie } : {}) })],
  });
}

export function appCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { appCode?: string } | undefined)?.appCode : undefined;
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type HandshakeWithoutVersion = Handshake extends infer H ? (H extends { v: number } ? Omit<H, 'v'> : never) : never;

/** `extra`: request headers for the handshake (a cookie, or what a proxy would add). */
export function connect(url: string, auth: HandshakeWithoutVersion, extra: Record<string, string> = {}): ClientSocket {
  return io(url, {
    auth: { v: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    // As the browser does: a proxy in front of several nodes routes by it (docs/deploy.md).
    ...('room' in auth ? { query: { room: auth.room } } : {}),
    reconnection: false,
    forceNew: true,
    ...(Object.keys(extra).length > 0 ? { extraHeaders: extra } : {}),
  });
}

/** A logger that keeps every line, for tests that check what the server logs (and what it never logs). */
export function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    error: (message, error) => lines.push(`${message}${error === undefined ? '' : ` ${String(error)}`}`),
  };
}
