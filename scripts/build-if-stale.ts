// `tsx scripts/build-if-stale.ts`: runs `next build` only when .next is missing or older than the sources.
import { projectRoot } from '../server/paths';
import { buildIfStale } from './lib/build';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const built = await buildIfStale(projectRoot);
if (!built) console.log('The production build is up to date.');
