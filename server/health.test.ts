import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { handleHealth } from './health';

let server: Server | undefined;

afterEach(async () => {
  const open = server;
  server = undefined;
  if (open) await new Promise<void>((resolve) => open.close(() => resolve()));
});

async function serve(state: { ready: boolean; version: string }): Promise<string> {
  const listening = createServer((req, res) => handleHealth(req, res, state));
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}/healthz`;
}

describe('handleHealth', () => {
  it('is 503 {"ok":false} before the server is ready', async () => {
    const res = await fetch(await serve({ ready: false, version: '1.2.3' }));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false });
  });

  it('is 200 with the version when ready', async () => {
    const res = await fetch(await serve({ ready: true, version: '1.2.3' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '1.2.3' });
  });

  it('refuses other methods', async () => {
    const res = await fetch(await serve({ ready: true, version: '1' }), { method: 'POST' });
    expect(res.status).toBe(405);
  });
});
