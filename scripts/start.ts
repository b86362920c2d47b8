// `npm start`: builds the pages if the build is missing or stale, then runs the production server
// in this same process (one process to signal, one set of logs).
import { projectRoot } from '../server/paths';
import { buildIfStale } from './lib/build';

process.env.NEXT_TELEMETRY_DISABLED = '1';
await buildIfStale(projectRoot);
// Set before the server (and Next) load, since both read NODE_ENV once. (Next types it read-only.)
Object.assign(process.env, { NODE_ENV: 'production' });
await import('../server/main');
