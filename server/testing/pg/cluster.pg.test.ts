// The throw-away cluster does not outlive the process that started it: a SIGTERM (a CI timeout)
// stops postgres and removes its data directory, and the process still ends by that signal.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../paths';
import { alive, CLUSTER_DIR_PREFIX } from './cluster';
import { describePg } from './database';

const clusterDirs = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith(CLUSTER_DIR_PREFIX)));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describePg('the test cluster', () => {
  it('is stopped and removed when the process that started it gets SIGTERM', { timeout: 60_000 }, async () => {
    const before = clusterDirs();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'testing', 'pg', 'fixtures', 'hold-cluster.ts')], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    await until(() => out.includes('\n') || child.exitCode !== null);
    const { port } = JSON.parse(out) as { port: number };
    const dirs = [...clusterDirs()].filter((name) => !before.has(name));
    const mine = dirs.map((name) => path.join(tmpdir(), name)).find((dir) => {
      const pidFile = path.join(dir, 'data', 'postmaster.pid');
      return existsSync(pidFile) && readFileSync(pidFile, 'utf8').split('\n')[3] === String(port);
    });
    expect(mine).toBeDefined();
    const postmaster = Number(readFileSync(path.join(mine!, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(existsSync(mine!)).toBe(false);
    await until(() => !alive(postmaster));
  });
});
