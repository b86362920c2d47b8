// npm run pg:dev [-- --port 55432]
// A throw-away PostgreSQL for trying the server (or several nodes) on this machine: a temp data
// directory, loopback only, trust auth; Ctrl-C stops it and deletes everything it held.
import pg from 'pg';
import { startPgCluster } from '../server/testing/pg/cluster';
import { parseCommandLine, usageError } from './lib/cli';

const cli = {
  name: 'npm run pg:dev',
  usage: `Usage: npm run pg:dev -- [options]

Starts a throw-away PostgreSQL on 127.0.0.1 (data in a temp directory, deleted on Ctrl-C), creates the
database "backchannel" in it and prints the DATABASE_URL to start the server with. Needs PostgreSQL's
programs (Debian: apt-get install postgresql); the system's own PostgreSQL service is not used.

Options:
  --port <n>   the port to listen on (default 55432)
  -h, --help   show this help
`,
  options: { port: { type: 'string', default: '55432' } },
} as const;

const { values } = parseCommandLine(cli);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) usageError(cli, `--port must be a whole number from 1 to 65535 (got ${JSON.stringify(values.port)})`);

async function main(): Promise<void> {
  // Listen for Ctrl-C before starting, so one pressed during initdb still removes the directory.
  let stopping = false;
  let stop: () => void = () => {
    stopping = true;
  };
  process.once('SIGINT', () => stop());
  process.once('SIGTERM', () => stop());
  const cluster = await startPgCluster({ port });
  stop = () => void cluster.stop().then(() => process.exit(0));
  if (stopping) return stop();
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE backchannel');
  await admin.end();
  const url = `postgres://postgres@127.0.0.1:${cluster.port}/backchannel`;
  console.log(`PostgreSQL is running (Ctrl-C stops it and deletes its data):\n  DATABASE_URL=${url} npm start`);
}

main().catch((error: unknown) => {
  console.error(`npm run pg:dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
