// npm run bench:load [-- --players 1000 --period 5000 --duration 20 --warmup 5 --workers 2]
// The load benchmark of issue 11: the production game server and a bare Socket.IO 4.8 server, each
// in its own process, loaded in turn by the same players (tables of 10, sessions of 30) from
// separate worker processes; prints both servers' figures side by side with the game/bare ratio.
import { integerOption, parseCommandLine, usageError } from '../lib/cli';
import { formatReport } from './report';
import { runBench } from './run';
import type { ServerKind } from './fleet';

const cli = {
  name: 'npm run bench:load',
  usage: `Usage: npm run bench:load -- [options]

Starts the game server (as npm start does, on a throw-away SQLite file, loopback port) and then a
bare Socket.IO 4.8 server, each in its own process; players in worker processes sit at tables of
10 (sessions of 30) and post one front-channel message every --period ms (journalists, 2 of 10,
only read: the bare rooms do the same). Prints delivery latency p50/p99/p99.9, deliveries/s,
delivery ratio, ack latency, server CPU, heap per player and after waves of disconnects and
reconnects, for both servers and game/bare. Run it alone on the machine (flock the heavy lock).

Options:
  --players <n>     players, a multiple of 10, 10-20000 (default 1000; 2000 with --sweep)
  --period <ms>     milliseconds between one player's messages, 10-600000 (default 5000);
                    with --sweep, the period the sweep starts from (default 10000)
  --duration <s>    seconds measured, 1-3600 (default 20; 10 per step with --sweep)
  --warmup <s>      seconds of load before measuring, 0-600 (default 5; 3 with --sweep)
  --drain <s>       longest wait after the window for messages on their way, 1-600 (default 10)
  --workers <n>     load worker processes, 1-32 (default 2)
  --waves <n>       waves of every player leaving and coming back, 0-10 (default 2)
  --game-only       measure the game server only
  --bare-only       measure the bare Socket.IO server only
  --sweep           halve the period while p99 ≤ 50 ms and every message arrives, then narrow
                    down: the highest deliveries/s each server holds, and game/bare
  --json            print the report as JSON instead of text
  -h, --help        show this help
`,
  options: {
    players: { type: 'string' },
    period: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    drain: { type: 'string', default: '10' },
    workers: { type: 'string', default: '2' },
    waves: { type: 'string', default: '2' },
    'game-only': { type: 'boolean', default: false },
    'bare-only': { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
} as const;

const { values } = parseCommandLine(cli);
const sweep = values.sweep;
const players = integerOption(cli, 'players', values.players ?? (sweep ? '2000' : '1000'), 10, 20_000);
if (players % 10 !== 0) usageError(cli, `--players must be a multiple of 10: players sit at tables of 10 (got ${players})`);
if (values['game-only'] && values['bare-only']) usageError(cli, '--game-only and --bare-only exclude each other');
const servers: ServerKind[] = values['game-only'] ? ['game'] : values['bare-only'] ? ['bare'] : ['game', 'bare'];
const options = {
  players,
  periodMs: integerOption(cli, 'period', values.period ?? (sweep ? '10000' : '5000'), 10, 600_000),
  durationS: integerOption(cli, 'duration', values.duration ?? (sweep ? '10' : '20'), 1, 3600),
  warmupS: integerOption(cli, 'warmup', values.warmup ?? (sweep ? '3' : '5'), 0, 600),
  drainS: integerOption(cli, 'drain', values.drain, 1, 600),
  workers: integerOption(cli, 'workers', values.workers, 1, 32),
  waves: integerOption(cli, 'waves', values.waves, 0, 10),
  servers,
  sweep,
};

const log = values.json ? () => undefined : (line: string) => console.error(line);
runBench({ ...options, log })
  .then((report) => {
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
