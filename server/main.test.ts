// The process refuses a wrong configuration at start, in one line naming the variable and the forms
// it accepts, before it listens or opens any database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from './paths';

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('exits at start with one line per wrong variable: DATABASE_URL and REDIS_URL name their accepted forms', { timeout: 60_000 }, async () => {
  const run = await start({ DATABASE_URL: 'mysql://app:hunter2@db/app', REDIS_URL: 'localhost:6379' });
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toEqual([
    'Invalid configuration: DATABASE_URL must be a file path such as ./data/backchannel.db (SQLite, one machine) or a PostgreSQL URL such as postgres://user:password@db.example.org:5432/backchannel (got "mysql://app:***@db/app")',
    'Invalid configuration: REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@redis.example.org:6380 (leave it unset for a single node) (got "localhost:6379")',
  ]);
  expect(run.stdout).toBe('');
});
