// The composition root: builds the one HTTP server that carries /healthz, tRPC, Socket.IO and
// Next's pages, from a validated Config. server/main.ts runs it as a process; tests run it in-process.
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as SocketServer } from 'socket.io';
import { countFacilitators, issueSetupToken } from './auth/accounts';
import { SignInThrottle } from './auth/throttle';
import { realScheduler, systemClock, type Clock, type EventStore, type Scheduler } from './runtime/ports';
import { Runtime } from './runtime/runtime';
import { openStores } from './stores/open';
import type { Stores } from './stores/ports';
import { API_BASE_PATH, createApiHandler, type ApiHandler } from './api/handler';
import { logSessionLifecycle } from './api/session-log';
import { startRetentionSweep } from './replay/archive';
import type { Config } from './config';
import { handleHealth } from './health';
import { sendJsonError } from './http/json-error';
import { EXPORT_BASE_PATH, handleExport } from './http/export-route';
import { checkOrigin } from './http/origin';
import { clientAddress, parseTrustProxy } from './http/client-address';
import { assignRequestId } from './http/request-id';
import { applySecurityHeaders, preparePageRequest } from './http/security-headers';
import { consoleLogger, type Logger } from './log';
import { projectRoot, readVersion } from './paths';
import { attachRealtime, connectedSeats, endLoginSockets, endStaleLoginSockets, type RealtimeDeps, type RealtimeOptions } from './realtime';
import { facilitatorForToken, readCookie, SESSION_COOKIE } from './auth/accounts';
import { BotPool } from './bots/pool';
import { joinAddress } from './api/cockpit';
import { startCluster, type Cluster } from './cluster/compose';

export interface ServerOptions {
  /** Serve the pages through Next (default true). Tests of the API and sockets turn it off. */
  next?: boolean;
  log?: Logger;
  /** The game's time: the system clock and real timers unless a test passes a manual twin. */
  clock?: Clock;
  scheduler?: Scheduler;
  /**
   * Where the operator's banner goes: the URL and, on a fresh database, the one-time first-account
   * link. Plain text for the person at the console, kept out of the structured log because the link
   * is a secret. Default: stdout when the server writes its own log, nowhere when `log` is given.
   */
  announce?: (text: string) => void;
  /** The clock of the sign-in throttle (tests move it instead of waiting). */
  now?: () => number;
  /** Tests inject a clock and tighter limits into the socket layer. */
  realtime?: RealtimeOptions;
  /**
   * Opens the stores the server runs on; called at start, and they are closed at stop. Default:
   * the database DATABASE_URL names (config.database: SQLite or PostgreSQL), migrated.
   */
  stores?: () => Promise<Stores>;
  /** Wraps the event store the runtime appends to (a test holds appends back, as a slow disk would). */
  wrapEvents?: (events: EventStore) => EventStore;
  /** Several nodes (config.redisUrl): this node's name in the leases (default: host, pid and a random part, new at every start). */
  nodeId?: string;
}

export interface BackchannelServer {
  /** Listens, opens and migrates the database, prepares the pages; resolves with the URL once ready. */
  start(): Promise<string>;
  /** Stops accepting work, closes sockets, Next and the database. Safe to call more than once. */
  stop(): Promise<void>;
  /** The live sessions, once started (tests compare what clients received with the engine's projection). */
  readonly runtime: Runtime | undefined;
  /** The bots facilitators started from the dashboard (tests check they stop with the server). */
  readonly bots: BotPool | undefined;
  /** The stores, once started (tests seed accounts and read the log through them). */
  readonly stores: Stores | undefined;
}

interface NextApp {
  getRequestHandler(): RequestListener;
  close(): Promise<void>;
}

export function createServer(config: Config, options: ServerOptions = {}): BackchannelServer {
  const log = options.log ?? consoleLogger;
  const announce = options.announce ?? (options.log ? () => {} : (text: string) => console.log(text));
  const state = { ready: false, version: readVersion() };
  let stores: Stores | undefined;
  let io: SocketServer | undefined;
  let nextApp: NextApp | undefined;
  let api: ApiHandler | undefined;
  let pages: RequestListener | undefined;
  let runtime: Runtime | undefined;
  let bots: BotPool | undefined;
  let stopping: Promise<void> | undefined;
  let stopSweep: (() => void) | undefined;
  let cluster: Cluster | undefined;

  const dispatch = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/healthz') return handleHealth(req, res, state);
    if (!state.ready) {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '2' }).end('Backchannel is starting up.');
      return;
    }
    // Before anything reads the body or looks at the cookie: a page on another site cannot act here.
    const origin = checkOrigin(req, config);
    if (!origin.ok) {
      log.info('cross-origin request refused', { event: 'http.origin-refused', requestId, method: req.method, path: pathname, origin: origin.origin.slice(0, 200) });
      return sendJsonError(res, 'FORBIDDEN', 'ORIGIN_NOT_ALLOWED', origin.message, { headers: { connection: 'close' } });
    }
    if (api && pathname.startsWith(API_BASE_PATH)) return api(req, res);
    if (stores && pathname.startsWith(EXPORT_BASE_PATH)) return handleExport(req, res, stores, () => (options.clock ?? systemClock).now());
    if (pages) {
      preparePageRequest(req, res, config.nodeEnv !== 'production');
      return pages(req, res);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  };

  const httpServer = createHttpServer((req, res) => {
    const requestId = assignRequestId(req, res);
    applySecurityHeaders(res, config);
    dispatch(req, res, requestId).catch((error: unknown) => {
      // The path without its query: a query can carry a procedure's input.
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      log.error('request failed', error, { event: 'http.error', requestId, method: req.method, path });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });

  async function listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    return (httpServer.address() as AddressInfo).port;
  }

  async function start(): Promise<string> {
    // Listen first so the real port is known (PORT=0) and /healthz answers 503 while starting.
    const port = await listen();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    try {
      stores = options.stores ? await options.stores() : await openStores(config);
      const opened = stores;
      // Every live session is rebuilt from its event log and its deadline re-armed before anyone connects.
      const clock = options.clock ?? systemClock;
      const store = options.wrapEvents ? options.wrapEvents(opened.events) : opened.events;
      const scheduler = options.scheduler ?? realScheduler(clock);
      if (config.redisUrl) {
        // Several nodes: a session lives on the node holding its lease; the sweeper loads the live ones.
        cluster = await startCluster({ redisUrl: config.redisUrl, ...(options.nodeId ? { nodeId: options.nodeId } : {}), log });
        const node = cluster.node;
        runtime = new Runtime({ store, clock, scheduler, log, claim: (id) => node.claim(id), owns: (id) => node.owns(id), loadLiveAtStart: false });
        const hosted = runtime;
        node.start({
          load: (id) => hosted.get(id),
          drop: (id) => hosted.drop(id),
          liveSessions: async () => (await store.liveSessions()).map((r) => r.id),
        });
      } else {
        runtime = new Runtime({ store, clock, scheduler, log });
      }
      logSessionLifecycle(runtime, log);
      const resumed = await runtime.start();
      if (resumed > 0) log.info('live sessions resumed from the event log', { event: 'sessions.resumed', count: resumed });
      // Finished sessions older than the admin's retention period are deleted now and every hour.
      stopSweep = startRetentionSweep(
        opened,
        runtime,
        clock,
        options.scheduler ?? realScheduler(clock),
        (deleted) => log.info('finished sessions deleted after the retention period', { event: 'sessions.expired', count: deleted.length }),
        (error) => log.error('the retention sweep failed', error),
      );
      const trustProxy = parseTrustProxy(config.trustProxy);
      const secureCookies = config.publicOrigin?.startsWith('https:') ?? false;
      const signInThrottle = new SignInThrottle(options.now ?? Date.now);
      // The API is built before the sockets; a sign-out ends that login's sockets once they exist.
      bots = new BotPool(runtime, () => (state.ready ? url : null));
      api = createApiHandler({
        stores: opened, log, runtime, secureCookies, signInThrottle, bots,
        loginEnded: (hash) => void (io && endLoginSockets(io, hash)),
        facilitatorEnded: async () => {
          if (io) await endStaleLoginSockets(io, async (cookie) => (await facilitatorForToken(opened.accounts, readCookie(cookie, SESSION_COOKIE))) !== null);
        },
        connectedSeats: (sessionId) => (io ? connectedSeats(io, sessionId) : new Set()),
        joinOrigin: () => config.publicOrigin ?? url,
        clientAddress: (req) => clientAddress(req, trustProxy),
      });
      const pool = bots;
      const node = cluster?.node;
      const rows: RealtimeDeps['rows'] = node && {
        share: (facilitatorId, row) => node.shareRow(facilitatorId, row),
        onRow: (listener) => node.onRow((facilitatorId, row) => listener(facilitatorId, row as Parameters<typeof listener>[1])),
      };
      io = attachRealtime(httpServer, { ...options.realtime, config, stores: opened, log, runtime, botsOf: (sessionId) => pool.list(sessionId).map((b) => b.seatId), ...(rows ? { rows, severalNodes: true } : {}) });
      if (options.next !== false) {
        // Loaded only when needed: importing Next installs require hooks the API tests do not want.
        const { default: next } = await import('next');
        const app = next({
          dev: config.nodeEnv !== 'production',
          dir: projectRoot,
          hostname: config.host,
          port,
          httpServer,
        });
        await app.prepare();
        nextApp = app;
        pages = app.getRequestHandler();
      }
    } catch (error) {
      await stop();
      throw error;
    }
    state.ready = true;
    log.info('server started', { event: 'server.started', url, version: state.version, pages: options.next !== false });
    announce(`Backchannel listening on ${url}`);
    // Students join from their phones: say so now if the join address only works on this machine.
    const join = joinAddress(config.publicOrigin ?? url);
    if (join.advice) announce(join.advice);
    if (config.publicOrigin === undefined && !/^(127\.|localhost$|::1$)/.test(config.host)) {
      log.info('PUBLIC_ORIGIN is not set: browsers that reach this server by a name rather than an IP address cannot sign in or change anything until it is', {
        event: 'config.public-origin-missing',
        host: config.host,
      });
    }
    if ((await countFacilitators(stores.accounts)) === 0) {
      const token = await issueSetupToken(stores.setupTokens);
      log.info('no facilitator account yet: the first-account link is on the console', { event: 'setup.link-issued' });
      announce(
        [
          'No facilitator account yet. Create the first (administrator) account, either:',
          `  in the browser: ${config.publicOrigin ?? url}/setup?token=${token}   (this link works once)`,
          "  or on this machine: npm run facilitator -- create --email you@school.org --password '…' --admin",
        ].join('\n'),
      );
    }
    return url;
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      state.ready = false;
      bots?.closeAll();
      stopSweep?.();
      // Several nodes: each session's last commit is stored before its lease is given back.
      if (cluster && runtime) await Promise.allSettled(runtime.loadedIds().map((id) => runtime!.drop(id)));
      runtime?.close();
      // io.close() disconnects every socket and closes the HTTP server (idle keep-alives included).
      const closed = io ? io.close() : new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Give in-flight requests a moment, then drop whatever is still open.
      const force = setTimeout(() => httpServer.closeAllConnections(), 3000);
      force.unref();
      await closed;
      clearTimeout(force);
      await nextApp?.close();
      // Appends still waiting for their group commit are written before the database closes.
      await stores?.close();
      await cluster?.stop();
    })();
    return stopping;
  }

  return {
    start,
    stop,
    get runtime() {
      return runtime;
    },
    get bots() {
      return bots;
    },
    get stores() {
      return stores;
    },
  };
}
