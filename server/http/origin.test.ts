// Cross-site request forgery against the real server: a page on another origin cannot sign a
// facilitator out, sign someone in or run a session, whatever Host it reaches the server with;
// the server's own origin, configured origins and programs without a browser still can.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../app';
import { loadConfig, type Env } from '../config';
import { silentLogger } from '../log';
import { signIn, type LiveServer } from '../testing/live-server';
import { originAllowed } from './origin';

const PUBLIC = 'https://backchannel.school.org';
const PARTNER = 'https://partner.school.org';
const EVIL = 'https://evil.example';

interface Answer {
  status: number;
  appCode: string;
  message: string;
}

/** A POST with exactly these headers (Host included, which fetch will not let a caller set). */
function post(url: string, procedure: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(`${url}/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const json = JSON.parse(text) as { error?: { message: string; data: { appCode: string } } };
        resolve({ status: res.statusCode ?? 0, appCode: json.error?.data.appCode ?? 'OK', message: json.error?.message ?? '' });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function start(env: Env): Promise<LiveServer & { dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-origin-'));
  const dbPath = path.join(dir, 'test.db');
  const server = createServer(loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: dbPath, ...env }), { next: false, log: silentLogger });
  const url = await server.start();
  return { url, dbPath, server, dir, stop: () => server.stop() };
}

async function stop(live: (LiveServer & { dir: string }) | undefined) {
  await live?.stop();
  if (live) rmSync(live.dir, { recursive: true, force: true });
}

/** Whether the login session behind `cookie` is still alive. */
async function signedIn(url: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${url}/api/trpc/auth.me`, { headers: { cookie } });
  return ((await res.json()) as { result: { data: unknown } }).result.data !== null;
}

const credentials = JSON.stringify({ email: 'teacher@school.org', password: 'correct horse battery' });

describe('without PUBLIC_ORIGIN', () => {
  let live: LiveServer & { dir: string };
  let cookie: string;
  let host: string;

  beforeAll(async () => {
    live = await start({});
    cookie = await signIn(live.url, live.dbPath, 'teacher@school.org');
    host = new URL(live.url).host;
  });
  afterAll(() => stop(live));

  it('refuses a cross-site logout (403 ORIGIN_NOT_ALLOWED) and the facilitator stays signed in', async () => {
    const answer = await post(live.url, 'auth.logout', { cookie, origin: EVIL });
    expect(answer).toEqual({ status: 403, appCode: 'ORIGIN_NOT_ALLOWED', message: `Requests from ${EVIL} may not change anything on this server. If this is the address people use for this server, set PUBLIC_ORIGIN to it.` });
    expect(await signedIn(live.url, cookie)).toBe(true);
  });

  it('refuses cross-site sign-in and session commands, and an opaque ("null") origin', async () => {
    expect((await post(live.url, 'auth.login', { origin: EVIL }, credentials)).appCode).toBe('ORIGIN_NOT_ALLOWED');
    expect((await post(live.url, 'session.create', { cookie, origin: EVIL }, JSON.stringify({ scenarioId: 'cuban-missile-crisis' }))).appCode).toBe('ORIGIN_NOT_ALLOWED');
    expect((await post(live.url, 'auth.logout', { cookie, origin: 'null' })).appCode).toBe('ORIGIN_NOT_ALLOWED');
    // A browser request without Origin that says it came from another site.
    expect((await post(live.url, 'auth.logout', { cookie, 'sec-fetch-site': 'cross-site' })).appCode).toBe('ORIGIN_NOT_ALLOWED');
    expect(await signedIn(live.url, cookie)).toBe(true);
  });

  it('refuses a DNS-rebound name even when Origin and Host agree', async () => {
    const rebound = `rebind.evil.example:${new URL(live.url).port}`;
    const answer = await post(live.url, 'auth.logout', { cookie, origin: `http://${rebound}`, host: rebound });
    expect(answer.appCode).toBe('ORIGIN_NOT_ALLOWED');
    expect(await signedIn(live.url, cookie)).toBe(true);
  });

  it('lets the server’s own page (Origin = Host, an IP address) and a program without Origin act', async () => {
    expect((await post(live.url, 'auth.login', { origin: live.url }, credentials)).appCode).toBe('OK');
    expect((await post(live.url, 'session.create', { cookie, origin: live.url, host }, JSON.stringify({ scenarioId: 'cuban-missile-crisis' }))).appCode).toBe('OK');
    // curl, the CLIs, the bots: no browser, no Origin.
    expect((await post(live.url, 'session.create', { cookie }, JSON.stringify({ scenarioId: 'cuban-missile-crisis' }))).appCode).toBe('OK');
    const other = await signIn(live.url, live.dbPath, 'teacher@school.org');
    expect((await post(live.url, 'auth.logout', { cookie: other, origin: live.url })).appCode).toBe('OK');
    expect(await signedIn(live.url, other)).toBe(false);
  });

  it('leaves reads alone: GET changes nothing, and CORS keeps other sites from reading the answer', async () => {
    const res = await fetch(`${live.url}/api/trpc/health`, { headers: { origin: EVIL } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('with PUBLIC_ORIGIN and ALLOWED_ORIGINS', () => {
  let live: LiveServer & { dir: string };
  let cookie: string;

  beforeAll(async () => {
    live = await start({ PUBLIC_ORIGIN: PUBLIC, ALLOWED_ORIGINS: PARTNER });
    cookie = await signIn(live.url, live.dbPath, 'teacher@school.org');
  });
  afterAll(() => stop(live));

  it('accepts the configured origins', async () => {
    expect((await post(live.url, 'auth.login', { origin: PUBLIC }, credentials)).appCode).toBe('OK');
    expect((await post(live.url, 'auth.login', { origin: PARTNER }, credentials)).appCode).toBe('OK');
  });

  it('sends Strict-Transport-Security, the public address being HTTPS', async () => {
    expect((await fetch(`${live.url}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=15552000');
  });

  it('no longer trusts the Host header, even an IP address', async () => {
    const answer = await post(live.url, 'auth.logout', { cookie, origin: live.url });
    expect(answer).toMatchObject({ status: 403, appCode: 'ORIGIN_NOT_ALLOWED', message: `Requests from ${live.url} may not change anything on this server.` });
    expect(await signedIn(live.url, cookie)).toBe(true);
  });
});

describe('originAllowed', () => {
  const open = { publicOrigin: undefined, allowedOrigins: [] };
  it('takes Host only for localhost and IP addresses, with the port', () => {
    expect(originAllowed('http://localhost:3000', 'localhost:3000', open)).toBe(true);
    expect(originAllowed('http://[::1]:3000', '[::1]:3000', open)).toBe(true);
    expect(originAllowed('http://192.168.1.20:3000', '192.168.1.20:3000', open)).toBe(true);
    expect(originAllowed('http://192.168.1.20:3001', '192.168.1.20:3000', open)).toBe(false);
    expect(originAllowed('http://backchannel.local:3000', 'backchannel.local:3000', open)).toBe(false);
    expect(originAllowed('http://127.0.0.1:3000/path', '127.0.0.1:3000', open)).toBe(false);
    expect(originAllowed('http://127.0.0.1:3000', undefined, open)).toBe(false);
  });
});
