// A real server process for restart tests: started with the environment a deployment would give
// it, its URL read from the "listening on" line, and killed without warning when the test says so.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../paths';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown handler runs, as in a crash or a power cut. */
  kill(): Promise<void>;
  /** With a manual clock: moves the server's game clock to `at` and runs the deadlines due by then. */
  advanceTo(at: number): Promise<void>;
}

export const CHILD_ENTRY = path.join(projectRoot, 'server', 'testing', 'serve-without-pages.ts');

export interface ChildOptions {
  entry?: string;
  timeoutMs?: number;
  /** Start the game clock here and let it move only by `advanceTo` (no wall-clock deadlines). */
  clockAt?: number;
}

export function startChildServer(databasePath: string, options: ChildOptions = {}): Promise<ChildServer> {
  const { entry = CHILD_ENTRY, timeoutMs = 20_000, clockAt } = options;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databasePath,
      NODE_ENV: 'test',
      ...(clockAt !== undefined ? { BACKCHANNEL_TEST_CLOCK: String(clockAt) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const advanceTo = (at: number) =>
    new Promise<void>((resolve, reject) => {
      if (clockAt === undefined) return reject(new Error('this server runs on the system clock'));
      child.once('message', () => resolve());
      child.send({ advanceTo: at });
    });
  return new Promise<ChildServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/[^\s"]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, process: child, output: () => out, kill, advanceTo });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
}
