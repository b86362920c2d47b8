// Decides whether the Next build is older than its sources and, if so, rebuilds it.
// Shared by `npm start` (scripts/start.ts) and `npm run test:e2e` (scripts/build-if-stale.ts).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What the build depends on: a change to any of these makes .next stale. */
export const BUILD_INPUTS = ['app', 'server', 'db', 'next.config.mjs', 'package.json', 'tsconfig.json'];

/** Tests never reach the build. */
const isIgnored = (name: string): boolean => name.endsWith('.test.ts') || name.endsWith('.test.tsx');

/** The newest modification time (ms) among the build inputs under `root`; 0 if there are none. */
export function newestInputMtime(root: string, inputs: readonly string[] = BUILD_INPUTS): number {
  let newest = 0;
  const visit = (file: string): void => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(path.join(file, entry));
      }
    } else if (!isIgnored(path.basename(file))) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return newest;
}

/** Why a build is needed, or null when .next/BUILD_ID is newer than every input. */
export function staleReason(root: string): string | null {
  const buildId = statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  if (!buildId) return 'no production build yet';
  if (newestInputMtime(root) > buildId.mtimeMs) return 'sources changed since the last build';
  return null;
}

/** Runs `next build` with its output streamed to this terminal. */
export function runNextBuild(root: string): Promise<void> {
  const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Builds when stale; returns whether it built. */
export async function buildIfStale(root: string, log: (line: string) => void = console.log): Promise<boolean> {
  const reason = staleReason(root);
  if (reason === null) return false;
  log(`Building the pages (${reason})…`);
  const startedAt = new Date();
  await runNextBuild(root);
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) throw new Error('next build did not write .next/BUILD_ID');
  // Date the build from its start, so a source saved while it ran still counts as newer.
  utimesSync(buildId, startedAt, startedAt);
  return true;
}
