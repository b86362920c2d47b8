// Integration: the real HTTP server on port 0 with a real SQLite file; pages (Next) turned off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type BackchannelServer } from './app';
import { loadConfig } from './config';
import { silentLogger } from './log';
import { readVersion } from './paths';

let dir: string;
let server: BackchannelServer;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'backchannel-app-'));
  const config = loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: path.join(dir, 'test.db') });
  server = createServer(config, { next: false, log: silentLogger });
  url = await server.start();
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('createServer', () => {
  it('listens on the port the OS chose', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
  });

  it('answers /healthz with the package version once ready', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, version: readVersion() });
  });

  it('serves tRPC at /api/trpc', async () => {
    const res = await fetch(`${url}/api/trpc/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { ok: true } } });
  });

  it('answers Socket.IO over a websocket, refusing a handshake without credentials', async () => {
    const socket = connect(url, { transports: ['websocket'], reconnection: false });
    try {
      const error = await new Promise<Error & { data?: { code: string } }>((resolve, reject) => {
        socket.once('connect', () => reject(new Error('connected without credentials')));
        socket.once('connect_error', resolve);
      });
      expect(error.data?.code).toBe('INVALID_PAYLOAD');
    } finally {
      socket.close();
    }
  });

  it('answers 404 for pages when Next is off', async () => {
    expect((await fetch(`${url}/`)).status).toBe(404);
  });
});

describe('shutdown', () => {
  it('stops listening, and a second stop is harmless', async () => {
    const stopDir = mkdtempSync(path.join(tmpdir(), 'backchannel-stop-'));
    const other = createServer(loadConfig({ PORT: '0', DATABASE_URL: path.join(stopDir, 'db.sqlite') }), {
      next: false,
      log: silentLogger,
    });
    const otherUrl = await other.start();
    await other.stop();
    await expect(fetch(`${otherUrl}/healthz`)).rejects.toThrow();
    await expect(other.stop()).resolves.toBeUndefined();
    rmSync(stopDir, { recursive: true, force: true });
  });
});
