// The game server under test, in a process of its own: the production composition root
// (createServer, as server/main.ts runs it for `npm start`) with NODE_ENV=production, the real JSON
// logger (written to a file in the run's temp dir) and a fresh SQLite file there, on a loopback
// port. Two differences, both said in README: Next's pages are not served (no page is requested;
// the sockets and the API are the same code) and the per-address socket limits are LOAD_TEST_LIMITS.
// It answers the parent's `stats` requests (CPU, heap after GC) over IPC and stops on `stop`.
// BENCH_SQLITE_WRITER=loop|worker picks where the event store's group commit runs (the store's
// default otherwise), so one sweep can be compared with the other.
import path from 'node:path';
import { createServer } from '../../server/app';
import { loadConfig, sqlitePath } from '../../server/config';
import { openSqliteStores } from '../../server/stores/sqlite';
import { LOAD_TEST_LIMITS } from './limits';
import { serve, statsHandlers } from './ipc';

const dir = process.env.BENCH_DIR;
if (!dir) throw new Error('BENCH_DIR is not set: this file is started by npm run bench:load');

const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: path.join(dir, 'bench.db'), NODE_ENV: 'production' });
const writer = process.env.BENCH_SQLITE_WRITER;
if (writer !== undefined && writer !== 'loop' && writer !== 'worker') throw new Error(`BENCH_SQLITE_WRITER must be loop or worker, not ${writer}`);
const stores = writer ? async () => openSqliteStores(sqlitePath(config), { writer }) : undefined;
const server = createServer(config, { next: false, realtime: { limits: LOAD_TEST_LIMITS }, ...(stores ? { stores } : {}) });

serve({
  ...statsHandlers(),
  stop: async () => {
    await server.stop();
    setImmediate(() => process.exit(0));
  },
});

server.start().then(
  (url) => process.send?.({ type: 'ready', url, dbPath: sqlitePath(config) }),
  (error: unknown) => {
    console.error('the game server did not start:', error);
    process.exit(1);
  },
);
