// npm run bench [-- --sessions 2 --players 30 --tick 250 --seconds 40]
// A load benchmark on this machine: a real server (in-process, real SQLite file, real sockets)
// and bot classes playing through the public protocol. Prints ack latency percentiles,
// throughput and memory. Traffic stays on 127.0.0.1.
import { Bot } from '../server/bots/bot';
import { apiClient, signIn, startLiveServer } from '../server/testing/live-server';
import { integerOption, parseCommandLine } from './lib/cli';

const cli = {
  name: 'npm run bench',
  usage: `Usage: npm run bench -- [options]

Runs a real server on this machine and bot classes against it, then prints ack latency
percentiles, commands per second and memory. Traffic stays on 127.0.0.1.

Options:
  --sessions <n>   sessions at once, 1-20 (default 2)
  --players <n>    bots per session, 4-200 (default 30)
  --tick <ms>      milliseconds between a bot's moves, 50-60000 (default 250)
  --seconds <s>    length of play, 10-3600 (default 40)
  -h, --help       show this help
`,
  options: {
    sessions: { type: 'string', default: '2' },
    players: { type: 'string', default: '30' },
    tick: { type: 'string', default: '250' },
    seconds: { type: 'string', default: '40' },
  },
} as const;

const { values } = parseCommandLine(cli);
const sessions = integerOption(cli, 'sessions', values.sessions, 1, 20);
const players = integerOption(cli, 'players', values.players, 4, 200);
const tickMs = integerOption(cli, 'tick', values.tick, 50, 60_000);
const seconds = integerOption(cli, 'seconds', values.seconds, 10, 3600);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const live = await startLiveServer();
  const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'bench@school.org'));
  const rounds = Math.max(5, Math.floor((seconds - 5) / 3));
  const phaseDurations = { briefing: 5, 'round-1': rounds, 'round-2': rounds, 'round-3': rounds };
  const memoryBefore = process.memoryUsage();
  const all: Bot[] = [];
  const games: Promise<unknown>[] = [];
  for (let s = 0; s < sessions; s++) {
    const { sessionId, code } = await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis', options: { phaseDurations, leakSensitivity: 1, tableCount: null, openChannels: {} } });
    const bots = Array.from({ length: players }, (_, i) => new Bot({ url: live.url, room: code, name: `S${s} Bot ${i + 1}`, tickMs }));
    all.push(...bots);
    games.push(...bots.map((b) => b.play()));
    while (!bots.every((b) => b.view)) await new Promise((r) => setTimeout(r, 50));
    await api.session.deal.mutate({ sessionId });
    await api.session.start.mutate({ sessionId });
  }
  const started = performance.now();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  await Promise.all(games);
  clearInterval(sampler);
  const elapsed = (performance.now() - started) / 1000;
  const latencies = all.flatMap((b) => b.stats.latencies).sort((a, b) => a - b);
  const accepted = all.reduce((n, b) => n + b.stats.accepted, 0);
  const rejected = all.reduce((n, b) => n + Object.values(b.stats.rejected).reduce((m, k) => m + (k ?? 0), 0), 0);
  console.log(`Backchannel load benchmark: ${sessions} session(s) × ${players} bots, a move every ~${tickMs} ms, ${elapsed.toFixed(1)} s of play`);
  console.log(`commands: ${latencies.length} (${accepted} accepted, ${rejected} refused by the rules), ${(latencies.length / elapsed).toFixed(1)} per second`);
  console.log(`ack latency ms: p50 ${percentile(latencies, 50).toFixed(1)}  p90 ${percentile(latencies, 90).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${(latencies[latencies.length - 1] ?? NaN).toFixed(1)}`);
  console.log(`memory (server and bots in one process): rss before ${mb(memoryBefore.rss)}, peak ${mb(peakRss)}, heap used now ${mb(process.memoryUsage().heapUsed)}`);
  await live.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
