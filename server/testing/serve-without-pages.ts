// The server process as server/main.ts runs it, but without Next's pages: restart tests run it as a
// child process and kill it. (Next in dev mode under NODE_ENV=test rewrites tsconfig.json, which a
// test must not do to the working tree.) Same config from the environment, same composition root.
import { createServer } from '../app';
import { loadConfig } from '../config';
import { ManualTime } from '../runtime/manual-time';

// With BACKCHANNEL_TEST_CLOCK set (a start time in ms), the game's clock stands still until the
// parent test sends { advanceTo } over the IPC channel, so deadlines fire when the test says so.
const start = process.env.BACKCHANNEL_TEST_CLOCK;
const time = start ? new ManualTime(Number(start)) : undefined;
if (time) {
  process.on('message', (message: { advanceTo?: number }) => {
    if (typeof message.advanceTo === 'number') time.advanceTo(message.advanceTo);
    process.send?.({ now: time.now() });
  });
}

// NODE_ID names the node in the leases (REDIS_URL set): the multi-node tests tell their nodes apart by it.
const server = createServer(loadConfig(process.env), {
  next: false,
  ...(time ? { clock: time, scheduler: time } : {}),
  ...(process.env.NODE_ID ? { nodeId: process.env.NODE_ID } : {}),
});
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
