// Security headers on every response of the real server (pages are checked in a real browser by
// e2e/security-headers.spec.ts): API answers, health, errors and refusals alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScriptNonceFromHeaders } from 'next/dist/server/app-render/get-script-nonce-from-header';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { pagePolicy, preparePageRequest } from './security-headers';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(async () => {
  await live?.stop();
});

const EXPECTED = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
};

const headersOf = (res: Response) => Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, res.headers.get(name)]));

describe('every response', () => {
  it.each([
    ['the health check', () => fetch(`${live.url}/healthz`), 200],
    ['a query', () => fetch(`${live.url}/api/trpc/health`), 200],
    ['an API error', () => fetch(`${live.url}/api/trpc/session.list`), 401],
    ['an unknown procedure', () => fetch(`${live.url}/api/trpc/nothing.here`), 404],
    ['a path with no page', () => fetch(`${live.url}/no-such-page`), 404],
    ['a cross-site POST', () => fetch(`${live.url}/api/trpc/auth.logout`, { method: 'POST', headers: { origin: 'https://evil.example' } }), 403],
    ['a body too large', () => fetch(`${live.url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1024 * 1024 + 1) }), 413],
  ])('carries the security headers: %s', async (_name, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(headersOf(res)).toEqual(EXPECTED);
    // Plain HTTP: no HSTS (it would mean nothing, and a school network's IP address must stay reachable).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('pages', () => {
  it('get a fresh nonce in their policy and in the request header Next reads it from', () => {
    const req = { headers: { 'content-security-policy': "script-src 'nonce-chosenByTheClient'" } } as unknown as IncomingMessage;
    const set: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (set[name] = value) } as unknown as ServerResponse;
    const nonce = preparePageRequest(req, res, false);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(getScriptNonceFromHeaders(req.headers)).toBe(nonce);
    expect(set['content-security-policy']).toBe(pagePolicy(nonce, false));
    expect(preparePageRequest(req, res, false)).not.toBe(nonce);
  });

  it('allow only our own scripts and the nonce, nothing framing them, no plugins, no base rewrite', () => {
    const policy = pagePolicy('abc', false);
    expect(policy).toContain("script-src 'self' 'nonce-abc';");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
    expect(pagePolicy('abc', true)).toContain("script-src 'self' 'nonce-abc' 'unsafe-eval'");
  });
});
