// npm run bots -- --url http://localhost:3000 --room ABC234 --count 5 [--pace human|fast] [--tick 1500] [--strategy NAME]
// Fills empty seats with bot players that play through the public protocol until the session ends.
import { runBots } from '../server/bots/bot';
import { DEFAULT_TICK_MS } from '../server/bots/pace';
import { isStrategyName, STRATEGY_NAMES } from '../server/balance/strategies';
import { normaliseRoomCode } from '../server/runtime/codes';
import { integerOption, parseCommandLine, usageError } from './lib/cli';

/** `text` in lines of at most `width` characters, each indented by `indent` spaces. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && indent + last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.map((line) => ' '.repeat(indent) + line).join('\n');
}

const cli = {
  name: 'npm run bots',
  usage: `Usage: npm run bots -- --room <code> [options]

Joins bot players to a room; they play through the public protocol until the session ends.

Options:
  --room <code>     the room code shown on the screen (required)
  --url <url>       the server (default http://localhost:3000)
  --count <n>       how many bots, 1-200 (default 1)
  --pace <pace>     human: a text every 15-30 s, a click every 5-12 s, like a
                    person at the table (default); fast: a move every --tick ms
  --tick <ms>       milliseconds between moves at the fast pace, 50-60000
                    (default 1500; --tick alone means --pace fast)
  --strategy <name> bots in leader and envoy seats play this scripted strategy
                    of the balance harness; other seats keep the bots' brain:
${wrap(STRATEGY_NAMES.join(', '), 20, 80)}
  --prefix <name>   name prefix: "Bot 1", "Bot 2", … (default Bot)
  --quiet           print only the final tally
  -h, --help        show this help
`,
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    room: { type: 'string' },
    count: { type: 'string', default: '1' },
    pace: { type: 'string' },
    strategy: { type: 'string' },
    tick: { type: 'string' },
    prefix: { type: 'string', default: 'Bot' },
    quiet: { type: 'boolean', default: false },
  },
} as const;

const { values } = parseCommandLine(cli);
if (!values.room) usageError(cli, '--room is required');
const room = normaliseRoomCode(values.room);
if (!room) usageError(cli, `--room ${JSON.stringify(values.room)} is not a room code`);
if (!/^https?:\/\/[^/\s]+/.test(values.url)) usageError(cli, `--url must be an http:// or https:// address (got ${JSON.stringify(values.url)})`);
const count = integerOption(cli, 'count', values.count, 1, 200);
const tickMs = integerOption(cli, 'tick', values.tick ?? String(DEFAULT_TICK_MS), 50, 60_000);
const pace = values.pace ?? (values.tick !== undefined ? 'fast' : 'human');
const strategy = values.strategy;
if (strategy !== undefined && !isStrategyName(strategy)) usageError(cli, `--strategy must be one of ${STRATEGY_NAMES.join(', ')} (got ${JSON.stringify(strategy)})`);
if (pace !== 'human' && pace !== 'fast') usageError(cli, `--pace must be human or fast (got ${JSON.stringify(pace)})`);

console.log(`Starting ${count} bot${count === 1 ? '' : 's'} in room ${room} on ${values.url} at the ${pace} pace${strategy ? `, leaders and envoys playing ${strategy}` : ''}…`);
runBots({ url: values.url, room, count, pace, tickMs, ...(strategy ? { strategy } : {}), prefix: values.prefix, ...(values.quiet ? {} : { log: (line: string) => console.log(line) }) })
  .then((stats) => {
    for (const s of stats) console.log(`${s.name} (${s.seatId ?? 'no seat'}): ${s.accepted}/${s.sent} accepted`, s.rejected);
    console.log('The session has ended.');
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
