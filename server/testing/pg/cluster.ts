// A throw-away PostgreSQL cluster for tests and manual runs: initdb into a temp directory, postgres
// on 127.0.0.1 with trust auth for loopback, removed again on stop. It never touches the system's
// own PostgreSQL service, its port or its data.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PG_MISSING_MESSAGE = 'PostgreSQL not installed: the PostgreSQL store tests are skipped (install postgresql, or run .ci/run)';

/** The directory of initdb and postgres: Debian's /usr/lib/postgresql/<newest>/bin, else `pg_config --bindir`. */
export function findPgBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'))) return dir;
  } catch {
    // No pg_config on the PATH: PostgreSQL is not installed.
  }
  return undefined;
}

/** A port the kernel says is free now (another process could take it before postgres does; rare on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres: the superuser, allowed to create databases. */
  adminUrl: string;
  port: number;
  /** Stops postgres (fast shutdown) and removes the data directory. */
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` system user that Debian's package creates. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, and there is no `postgres` user to run the test cluster as (PostgreSQL refuses root)');
  }
}

function waitUntilReady(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`postgres exited (code ${code}) before it was ready:\n${output.join('')}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The name every test cluster's temp directory starts with. */
export const CLUSTER_DIR_PREFIX = 'backchannel-pg-';

/** Whether a process with this pid exists (its own or another user's). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the data directories of test clusters whose process was killed outright (SIGKILL), so
 * they do not pile up in /tmp. Only directories older than an hour whose postmaster is not running:
 * a cluster another run is starting right now is seconds old, one in use has a live postmaster.
 */
export function sweepStaleClusters(now = Date.now()): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_DIR_PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    try {
      if (now - statSync(dir).mtimeMs < 60 * 60 * 1000) continue;
      const pidFile = path.join(dir, 'data', 'postmaster.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to read: leave it.
    }
  }
}

/**
 * Starts a cluster on `port` (default: a free one). Tuned for tests, not for keeping data: fsync is
 * off (a commit still returns only once PostgreSQL has applied it, which is what the stores rely on;
 * only a crash of the machine could lose it, and the data is thrown away anyway).
 */
export async function startPgCluster(options: { port?: number; binDir?: string } = {}): Promise<PgCluster> {
  const binDir = options.binDir ?? findPgBinaries();
  if (!binDir) throw new Error(PG_MISSING_MESSAGE);
  sweepStaleClusters();
  const owner = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), CLUSTER_DIR_PREFIX));
  const data = path.join(dir, 'data');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  try {
    execFileSync(path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C'], { stdio: 'pipe', ...as });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${stderr || String(error)}`);
  }
  const port = options.port ?? (await freePort());
  const child = spawn(
    path.join(binDir, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300', '-c', 'shared_buffers=32MB'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...as },
  );
  const output: string[] = [];
  try {
    await waitUntilReady(child, output);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // Keep draining the log so postgres never blocks on a full pipe.
  child.stderr?.resume();
  // If this process ends without stop() (Ctrl-C, a timeout's SIGTERM, process.exit), the cluster
  // must not outlive it. After cleaning up, a signal nobody else handles is raised again, so the
  // process still ends as it would have. (SIGKILL cannot be caught: sweepStaleClusters covers it.)
  const orphaned = () => {
    child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    orphaned();
    process.off('exit', orphaned);
    for (const other of SIGNALS) process.off(other, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', orphaned);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  let stopped: Promise<void> | undefined;
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => {
          process.off('exit', orphaned);
          for (const signal of SIGNALS) process.off(signal, onSignal);
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        // SIGINT: "fast" shutdown, which ends the connections of tests that did not close theirs.
        child.kill('SIGINT');
      });
      return stopped;
    },
  };
}
