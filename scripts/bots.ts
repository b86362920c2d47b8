// npm run bots -- --url http://localhost:3000 --room ABC234 --count 5 [--tick 1500]
// Fills empty seats with bot players that play through the public protocol until the session ends.
import { parseArgs } from 'node:util';
import { runBots } from '../server/bots/bot';
import { normaliseRoomCode } from '../server/runtime/codes';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    room: { type: 'string' },
    count: { type: 'string', default: '1' },
    tick: { type: 'string', default: '1500' },
    prefix: { type: 'string', default: 'Bot' },
    quiet: { type: 'boolean', default: false },
  },
});

const count = Number(values.count);
const tickMs = Number(values.tick);
if (!values.room || !Number.isInteger(count) || count < 1 || count > 200 || !(tickMs >= 50)) {
  console.error('Usage: npm run bots -- --url <server> --room <code> --count <1-200> [--tick <ms between moves, ≥50>] [--prefix Bot]');
  process.exit(2);
}

console.log(`Starting ${count} bot${count === 1 ? '' : 's'} in room ${normaliseRoomCode(values.room)} on ${values.url}…`);
runBots({ url: values.url, room: normaliseRoomCode(values.room), count, tickMs, prefix: values.prefix, ...(values.quiet ? {} : { log: (line: string) => console.log(line) }) })
  .then((stats) => {
    for (const s of stats) console.log(`${s.name} (${s.seatId ?? 'no seat'}): ${s.accepted}/${s.sent} accepted`, s.rejected);
    console.log('The session has ended.');
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
