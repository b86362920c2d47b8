import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Db } from '../../db/client';
import type { Config } from '../config';
import type { Logger } from '../log';

export interface RealtimeDeps {
  config: Config;
  db: Db;
  log: Logger;
}

/**
 * Attaches Socket.IO to the shared HTTP server (path /socket.io/). For now it only accepts
 * connections; handshake auth, payload validation and per-viewer fan-out come with the runtime.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): Server {
  const io = new Server(httpServer, {
    // The browser bundle comes from socket.io-client through Next, not from this server.
    serveClient: false,
    // Next's dev server upgrades its own HMR websocket on this same server; by default engine.io
    // destroys every upgrade it does not own after a second, which would break hot reload.
    destroyUpgrade: false,
    // Same-origin pages need no CORS; other origins only when the operator lists them.
    ...(deps.config.allowedOrigins.length > 0
      ? { cors: { origin: deps.config.allowedOrigins, credentials: true } }
      : {}),
  });
  io.on('connection', () => {
    // Placeholder: the runtime registers its handlers here.
  });
  return io;
}
