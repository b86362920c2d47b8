// Backchannel node processes for the multi-node tests: the server as server/main.ts runs it (without
// Next's pages), on a port the proxy knows, sharing one store and one Redis, killed without warning.
import { spawn, type ChildProcess } from 'node:child_process';
import { CHILD_ENTRY } from '../../testing/child-server';
import { projectRoot } from '../../paths';

export interface NodeProcess {
  nodeId: string;
  port: number;
  url: string;
  process: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown handler runs, no lease is given back. */
  kill(): Promise<void>;
  /** SIGTERM: a clean stop (leases released). */
  stop(): Promise<void>;
  /** SIGSTOP: frozen, its connections open (a hung machine); nothing runs until it is killed. */
  freeze(): void;
}

export function startNode(options: { nodeId: string; port: number; databaseUrl: string; redisUrl: string; timeoutMs?: number }): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_ENTRY], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      NODE_ID: options.nodeId,
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return new Promise<NodeProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void signal('SIGKILL')();
      reject(new Error(`node ${options.nodeId} did not start in ${options.timeoutMs ?? 60_000} ms:\n${out}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (/listening on http/.test(out)) {
        clearTimeout(timer);
        resolve({ nodeId: options.nodeId, port: options.port, url: `http://127.0.0.1:${options.port}`, process: child, output: () => out, kill: signal('SIGKILL'), stop: signal('SIGTERM'), freeze: () => void child.kill('SIGSTOP') });
      }
    });
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`node ${options.nodeId} exited (${code ?? sig}) before listening:\n${out}`));
    });
  });
}

/** deploy/nginx.conf with the proxy's address and the nodes' ports of this run (as many as given). */
export function nginxConfFor(conf: string, nodePorts: number[]): string {
  const servers = conf.match(/^(\s*)server 127\.0\.0\.1:\d+([^\n]*)$/gm);
  if (!servers || servers.length === 0) throw new Error('deploy/nginx.conf lists no node');
  const [first] = servers;
  const lines = nodePorts.map((port) => first!.replace(/:\d+/, `:${port}`)).join('\n');
  let out = conf.replace(/listen 127\.0\.0\.1:\d+;/, 'listen {{listen}};');
  out = out.replace(first!, lines);
  for (const line of servers.slice(1)) out = out.replace(`${line}\n`, '');
  return out;
}
