// Starts and stops the production server as a child process for the e2e run.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/paths';

/** Names of the variables global-setup leaves for the workers and for global-teardown. */
export const ENV = {
  baseUrl: 'E2E_BASE_URL',
  serverPid: 'E2E_SERVER_PID',
  tempDir: 'E2E_TEMP_DIR',
} as const;

const START_TIMEOUT_MS = 60_000;

export interface StartedServer {
  url: string;
  pid: number;
  tempDir: string;
  /** The one-time setup token the server printed at first start (a fresh database has no account). */
  setupToken: string | null;
}

/** Runs `node --import tsx server/main.ts` (one process, so a signal reaches the server itself). */
export async function startServer(): Promise<StartedServer> {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'backchannel-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      // The OS picks a free port; the server prints the URL it got.
      PORT: '0',
      DATABASE_URL: path.join(tempDir, 'e2e.db'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the server did not print its URL in time')), START_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Backchannel listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`the server exited during start (${signal ?? code})`)));
  });
  if (child.pid === undefined) throw new Error('the server has no pid');
  await waitForHealthy(url);
  // Printed right after the URL, before the server answers its first request.
  const setupToken = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(output)?.[1] ?? null;
  return { url, pid: child.pid, tempDir, setupToken };
}

async function waitForHealthy(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return;
    } catch {
      // Not accepting connections yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}/healthz did not answer 200 within ${START_TIMEOUT_MS} ms`);
}

/** SIGTERM (graceful shutdown), then SIGKILL if the server is still there after a few seconds. */
export async function stopServer(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
