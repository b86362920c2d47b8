// Clusters whose process was killed outright leave their data directory behind; the next start
// removes those, and only those: old, with no postmaster running.
import { mkdirSync, mkdtempSync, existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sweepStaleClusters } from './cluster';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function clusterDir(options: { ageMs: number; postmasterPid?: number }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-pg-sweep-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'data'));
  if (options.postmasterPid !== undefined) writeFileSync(path.join(dir, 'data', 'postmaster.pid'), `${options.postmasterPid}\n/data\n0\n5432\n`);
  const at = (Date.now() - options.ageMs) / 1000;
  utimesSync(dir, at, at);
  return dir;
}

it('removes old cluster directories whose postmaster is gone, and keeps young or running ones', () => {
  const hour = 60 * 60 * 1000;
  const killed = clusterDir({ ageMs: 2 * hour, postmasterPid: 2 ** 22 + 12345 });
  const neverStarted = clusterDir({ ageMs: 2 * hour });
  const running = clusterDir({ ageMs: 2 * hour, postmasterPid: process.pid });
  const starting = clusterDir({ ageMs: 1000 });
  sweepStaleClusters();
  expect([killed, neverStarted, running, starting].map((dir) => existsSync(dir))).toEqual([false, false, true, true]);
});
