import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the working directory does not matter. */
export const projectRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The version in package.json: what /healthz reports, so a deploy can be checked. */
export function readVersion(root: string = projectRoot): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
