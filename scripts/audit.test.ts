// `npm run audit` against a stand-in registry on 127.0.0.1: a clean answer passes, an advisory
// fails with the package listed, and an advisory service that refuses or is not there is reported
// as "nothing was checked" with its own exit code, never as a pass.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../server/paths';

type Mode = 'clean' | 'vulnerable' | 'refuses';

// npm caches what it computed for an advisory by its id: a fresh id per run keeps an earlier run's answer out.
const ADVISORY_ID = 1_000_000 + Math.floor(Math.random() * 1_000_000);

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/** Answers npm's bulk advisory request as the registry would, or refuses it as this sandbox's does. */
async function registry(mode: Mode): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (mode === 'refuses') return void res.writeHead(405, { allow: 'GET,HEAD' }).end();
      if (req.method === 'POST' && req.url?.endsWith('/-/npm/v1/security/advisories/bulk')) {
        const advisories =
          mode === 'vulnerable'
            ? { zod: [{ id: ADVISORY_ID, url: `https://advisories.example/${ADVISORY_ID}`, title: 'Prototype pollution in zod', severity: 'high', vulnerable_versions: '<99.0.0', cwe: [], cvss: { score: 7, vectorString: null } }] }
            : {};
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(advisories));
      }
      res.writeHead(404).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function audit(registryUrl: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'audit.ts'), '--registry', registryUrl], {
      cwd: projectRoot,
      // No retries: a refused connection is an answer here, not something to wait out.
      env: { ...process.env, npm_config_fetch_retries: '0', npm_config_audit_level: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run audit', { timeout: 120_000 }, () => {
  it('passes (exit 0) when the registry knows no advisory', async () => {
    const { code, out } = await audit(await registry('clean'));
    expect(code, out).toBe(0);
    expect(out).toMatch(/^No known vulnerabilities in \d+ production dependencies\.$/m);
  });

  it('fails (exit 1) and lists the package when there is an advisory', async () => {
    const { code, out } = await audit(await registry('vulnerable'));
    expect(code, out).toBe(1);
    expect(out).toContain('1 vulnerable package in the production dependencies:');
    expect(out).toContain(`zod [high] Prototype pollution in zod (https://advisories.example/${ADVISORY_ID})`);
  });

  it('says nothing was checked (exit 3) when the advisory endpoint refuses, as it does in this sandbox', async () => {
    const { code, out } = await audit(await registry('refuses'));
    expect(code, out).toBe(3);
    expect(out).toContain('npm audit could not check the dependencies: 405 Method Not Allowed');
    expect(out).toContain('NOTHING WAS CHECKED');
  });

  it('says nothing was checked (exit 3) when no registry answers at all', async () => {
    const url = await registry('clean');
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { code, out } = await audit(url);
    expect(code, out).toBe(3);
    expect(out).toContain('NOTHING WAS CHECKED');
    expect(out).not.toMatch(/No known vulnerabilities/);
  });
});
