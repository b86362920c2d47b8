// Where a server's time went, from a V8 CPU profile written by `--cpu-prof` (README: profiling
// bench:load). Each busy sample goes to the first category its stack matches, in this order, so
// the shares add up to 100 %: the socket writes first (what bare Socket.IO pays too), then GC,
// then the game's own parts. Prints the share of busy time and milliseconds per second of the
// window, which divided by the run's deliveries/s gives a cost per delivery.
//
//   npm run bench:profile -- /tmp/prof/CPU….cpuprofile [--from 0.6]
//
// --from skips the first part of the run (seating everyone): 0.6 keeps its last 40 %.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

type Frame = { fn: string; file: string };

const CATEGORIES: [string, (stack: Frame[]) => boolean][] = [
  ['socket writes (writev syscall)', (s) => s.some((f) => f.fn === 'writev')],
  ['garbage collection', (s) => s[0]!.fn === '(garbage collector)'],
  ['fan-out: room emits and per-socket bookkeeping', (s) => s.some((f) => f.fn === 'fanOut')],
  ['decide + evolve (session runtime)', (s) => s.some((f) => f.fn === 'decide' && f.file.endsWith('session-runtime.ts'))],
  ['event store: append, group commit, writer thread', (s) => s.some((f) => /group-commit|sqlite-worker-writer|sqlite-store/.test(f.file))],
  ['command handler: rate limits, validation, ack', (s) => s.some((f) => f.fn === 'handleCommand')],
  ['reading sockets', (s) => s.some((f) => f.fn === 'onStreamRead')],
  ['after each write (stream callbacks, engine.io drain)', (s) => s.some((f) => f.fn === 'afterWriteTick' || f.fn === 'WebSocket._onSentLast')],
  ['room emits and acks outside the fan-out (bare server)', (s) => s.some((f) => f.file.endsWith('broadcast-operator.js') || f.file.endsWith('socket.io/dist/socket.js'))],
];

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: 'string', default: '0' } } });
  const file = positionals[0];
  const from = Number(values.from);
  if (!file || !(from >= 0 && from < 1)) {
    console.error('usage: npm run bench:profile -- <file.cpuprofile> [--from 0..1]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (leaf: number): Frame[] => {
    const stack: Frame[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url } = byId.get(id)!.callFrame;
      stack.push({ fn: functionName, file: url });
    }
    return stack;
  };
  const cut = profile.startTime + (profile.endTime - profile.startTime) * from;
  const counts = new Map<string, number>();
  let t = profile.startTime;
  let busy = 0;
  let windowUs = 0;
  let windowSamples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    if (t < cut) continue;
    windowUs += profile.timeDeltas[i]!;
    windowSamples++;
    const stack = stackOf(profile.samples[i]!);
    if (stack[0]!.fn === '(idle)') continue;
    busy++;
    const category = CATEGORIES.find(([, matches]) => matches(stack))?.[0] ?? 'other';
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const seconds = windowUs / 1e6;
  // Samples come about every --cpu-prof-interval (1 ms by default): one stands for that much time.
  const sampleMs = windowSamples > 0 ? windowUs / 1000 / windowSamples : 0;
  console.log(`window ${seconds.toFixed(1)} s, ${busy} busy samples (${((100 * busy * sampleMs) / (seconds * 1000)).toFixed(0)} % of the window)`);
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`${((100 * n) / busy).toFixed(1).padStart(5)} %  ${((n * sampleMs) / seconds).toFixed(0).padStart(5)} ms/s  ${name}`);
  }
}

main();
