// The server process as server/main.ts runs it, but without Next's pages: restart tests run it as a
// child process and kill it. (Next in dev mode under NODE_ENV=test rewrites tsconfig.json, which a
// test must not do to the working tree.) Same config from the environment, same composition root.
import { createServer } from '../app';
import { loadConfig } from '../config';

const server = createServer(loadConfig(process.env), { next: false });
const shutdown = (): void => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.start().catch((error: unknown) => {
  console.error('Backchannel failed to start:', error);
  process.exit(1);
});
