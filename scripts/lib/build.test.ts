import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestInputMtime, staleReason } from './build';

let root: string;

/** Writes `file` under the temp root with the given modification time (seconds). */
function touch(file: string, seconds: number): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, seconds, seconds);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backchannel-build-'));
  touch('package.json', 1000);
  touch('app/page.tsx', 1000);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReason', () => {
  it('asks for a build when there is none', () => {
    expect(staleReason(root)).toBe('no production build yet');
  });

  it('is null when the build is newer than every input', () => {
    touch('.next/BUILD_ID', 2000);
    expect(staleReason(root)).toBeNull();
  });

  it.each(['app/page.tsx', 'server/main.ts', 'db/schema.ts', 'next.config.mjs', 'package.json'])(
    'asks for a build when %s is newer than the build',
    (file) => {
      touch('.next/BUILD_ID', 2000);
      touch(file, 3000);
      expect(staleReason(root)).toBe('sources changed since the last build');
    },
  );

  it('ignores test files and files outside the inputs', () => {
    touch('.next/BUILD_ID', 2000);
    touch('server/app.test.ts', 3000);
    touch('e2e/home.spec.ts', 3000);
    touch('README.md', 3000);
    expect(staleReason(root)).toBeNull();
  });
});

describe('newestInputMtime', () => {
  it('is the newest time among the inputs, in ms', () => {
    touch('server/deep/nested/file.ts', 1500);
    expect(newestInputMtime(root)).toBe(1_500_000);
  });
});
