// Requests and replies between the benchmark's parent and its children (servers and load workers)
// over Node's IPC channel: { id, type, ...payload } answered by { id, ok, value | error }.
import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { readClocks, sleep } from './clock';

interface Request {
  id: number;
  type: string;
  [key: string]: unknown;
}
type Answer = { ok: true; value: unknown } | { ok: false; error: string };
type Reply = Answer & { id: number };

/** The parent's handle on one child: typed calls, and the child's exit if it dies. */
export class Peer {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exitError: Error | null = null;

  constructor(
    readonly child: ChildProcess,
    readonly label: string,
  ) {
    child.on('message', (message: Reply | { type: string }) => {
      if (!('id' in message)) return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(`${label}: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      this.exitError = new Error(`${label} exited (${code ?? signal})`);
      for (const waiting of this.pending.values()) waiting.reject(this.exitError);
      this.pending.clear();
    });
  }

  call<T>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
    if (this.exitError) return Promise.reject(this.exitError);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, type, ...payload });
    });
  }

  /** Waits for the child's first `{ type }` notice (e.g. ready), or its exit. */
  notice<T>(type: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.label} sent no ${type} in ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: { type?: string }) => {
        if (message.type !== type || 'id' in message) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message as T);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.label} exited (${code ?? signal}) before ${type}`));
      });
    });
  }

  /** Kills the child, after waiting up to `graceMs` for it to exit by itself (a CPU profile is written at exit). */
  async kill(graceMs = 0): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (graceMs > 0 && (await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]))) return;
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** Forks a TypeScript entry of this folder under tsx, with an IPC channel; `gc` exposes global.gc. */
export function forkChild(entry: string, label: string, options: { gc?: boolean; env?: Record<string, string>; output?: number | 'inherit' | 'ignore'; nodeArgs?: string[] } = {}): Peer {
  const output = options.output ?? 'inherit';
  const child = fork(new URL(entry, import.meta.url).pathname, [], {
    execArgv: [...(options.gc ? ['--expose-gc'] : []), ...(options.nodeArgs ?? []), '--import', 'tsx'],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', output, output, 'ipc'],
  });
  return new Peer(child, label);
}

export type Handler = (request: Record<string, unknown>) => unknown;

/** In a child: answers the parent's requests with these handlers; the IPC channel's close ends it. */
export function serve(handlers: Record<string, Handler>): void {
  process.on('message', (request: Request) => {
    const handler = handlers[request.type];
    const reply = (r: Answer) => process.send?.({ id: request.id, ...r });
    if (!handler) return reply({ ok: false, error: `unknown request ${request.type}` });
    Promise.resolve()
      .then(() => handler(request))
      .then(
        (value) => reply({ ok: true, value: value ?? null }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  // The parent is gone (or done): nothing is left to do here.
  process.on('disconnect', () => process.exit(0));
}

/** What a process says about itself: CPU used so far, heap (after a full GC if asked), event-loop delay. */
export interface ProcessStats {
  cpuMs: number;
  heapUsed: number;
  rss: number;
  /** p99 of the event-loop delay since the last `reset`, ms (NaN if the loop never came round to sample it). */
  loopDelayP99Ms: number;
  /** Open TCP sockets (listening ones apart): how many connections this process still holds. */
  tcpSockets: number;
  at: number;
}

/** The `stats` and `clock` handlers every child of the benchmark answers. */
export function statsHandlers(): Record<string, Handler> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const gc = (globalThis as { gc?: () => void }).gc;
  return {
    clock: () => readClocks(),
    stats: (request): ProcessStats => {
      if (request.gc === true) {
        if (!gc) throw new Error('started without --expose-gc');
        gc();
        gc();
      }
      const cpu = process.cpuUsage();
      const stats: ProcessStats = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        heapUsed: v8.getHeapStatistics().used_heap_size,
        rss: process.memoryUsage.rss(),
        loopDelayP99Ms: loop.count === 0 ? NaN : loop.percentile(99) / 1e6,
        tcpSockets: process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length,
        at: readClocks().monotonic,
      };
      if (request.reset === true) loop.reset();
      return stats;
    },
  };
}
