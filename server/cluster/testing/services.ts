// Throw-away Redis and nginx for the multi-node tests: each on a free loopback port, with its data
// in a temp dir, stopped (and the dir removed) at the end. Missing binaries are reported, not faked.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../testing/pg/cluster';

export function findBinary(name: string): string | null {
  // Checked in process: a spawned `test -x` that failed to start (the machine busy) once read as
  // "not installed" and skipped the Redis tests.
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not there: try the next directory
    }
  }
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** Why the multi-node tests cannot run here, or null if they can. */
export function missingServices(): string | null {
  const missing = ['redis-server', 'nginx'].filter((b) => findBinary(b) === null);
  return missing.length ? `${missing.join(' and ')} not installed (scripts/ensure-services.sh installs them; .ci/run calls it)` : null;
}

/** The test PostgreSQL's helper: one way to ask the kernel for a free loopback port. */
export { freePort };

export interface Service {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Resolves once `pattern` appears in the process's output; rejects if it exits first or after `timeoutMs`. */
function ready(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 10_000): Promise<void> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code ?? signal}):\n${out}`));
    });
  });
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

/** redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<Service & { url: string }> {
  const bin = findBinary('redis-server');
  if (!bin) throw new Error('redis-server is not installed');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-redis-'));
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  await ready(child, /Ready to accept connections/, 'redis-server');
  return { port, url: `redis://127.0.0.1:${port}`, process: child, stop: stopper(child, dir) };
}

/**
 * nginx in the foreground with `conf` (deploy/nginx.conf with its placeholders filled in), its
 * prefix, logs and temp files in a temp dir.
 */
export async function startNginx(conf: string): Promise<Service & { url: string }> {
  const bin = findBinary('nginx');
  if (!bin) throw new Error('nginx is not installed');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-nginx-'));
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, conf.replaceAll('{{listen}}', `127.0.0.1:${port}`).replaceAll('{{prefix}}', dir));
  const child = spawn(bin, ['-p', dir, '-c', file, '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  // nginx says nothing when it starts: ready once it answers.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}); see ${dir}/error.log`);
    const answered = await fetch(`${url}/nginx-ready`).then(() => true, () => false);
    if (answered) break;
    if (Date.now() > deadline) throw new Error('nginx did not start in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, url, process: child, stop: stopper(child, dir) };
}
