// The process entry point: reads the environment, starts the server, stops it cleanly on a signal.
// The wiring itself is createServer in ./app, which tests start in-process without this file's
// side effects (signal handlers, process.exit).
import { createServer } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { consoleLogger as log } from './log';

function readConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const server = createServer(readConfigOrExit());
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means "now".
    if (signalled) process.exit(1);
    signalled = true;
    log.info('shutting down', { event: 'server.stopping', signal });
    server.stop().then(
      () => {
        log.info('server stopped', { event: 'server.stopped' });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', error, { event: 'server.stop-failed' });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await server.start();
}

main().catch((error: unknown) => {
  log.error('Backchannel failed to start', error, { event: 'server.start-failed' });
  process.exit(1);
});
