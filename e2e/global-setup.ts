import { ENV, startServer } from './server';

/**
 * Starts the production server once for the whole run. Requires a current `next build`
 * (`npm run test:e2e` runs scripts/build-if-stale.ts first). Playwright starts the workers after
 * this function, and they inherit process.env: that is how the tests learn the URL.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startServer();
  process.env[ENV.baseUrl] = server.url;
  process.env[ENV.serverPid] = String(server.pid);
  process.env[ENV.tempDir] = server.tempDir;
  console.log(`e2e: server ready at ${server.url}`);
}
