import { rmSync } from 'node:fs';
import { ENV, stopServer } from './server';

/** Runs in the same process as global-setup, so the variables it set are still here. */
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env[ENV.serverPid]);
  if (Number.isInteger(pid) && pid > 0) await stopServer(pid);
  const tempDir = process.env[ENV.tempDir];
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
