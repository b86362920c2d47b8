// Password guessing against the real server: failed sign-ins cost growing waits per account and
// per address (the clock is injected, so no test waits), requests sent at once are counted as they
// start, and a batched call cannot carry sign-ins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type BackchannelServer } from '../app';
import { createFacilitator } from '../auth/accounts';
import { loadConfig } from '../config';
import { silentLogger } from '../log';

const PASSWORD = 'correct horse battery';

interface Clocked {
  url: string;
  advance(ms: number): void;
  server: BackchannelServer;
  dir: string;
}

const started: Clocked[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) {
    await s.server.stop();
    rmSync(s.dir, { recursive: true, force: true });
  }
});

/** A server whose sign-in throttle reads a clock the test moves, with the given accounts. */
async function serverWithAccounts(emails: string[]): Promise<Clocked> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-throttle-'));
  const dbPath = path.join(dir, 'test.db');
  let time = Date.parse('2030-01-01T09:00:00Z');
  const server = createServer(loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: dbPath }), { next: false, log: silentLogger, now: () => time });
  const url = await server.start();
  for (const email of emails) await createFacilitator(server.stores!.accounts, { email, password: PASSWORD, isAdmin: false });
  const clocked = { url, server, dir, advance: (ms: number) => (time += ms) };
  started.push(clocked);
  return clocked;
}

interface Outcome {
  status: number;
  appCode: string;
  retryAfter: string | null;
  retryAfterSeconds?: number;
  message: string;
}

async function login(url: string, email: string, password: string): Promise<Outcome> {
  const res = await fetch(`${url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email, password }) });
  const body = (await res.json()) as { error?: { message: string; data: { appCode: string; retryAfterSeconds?: number } } };
  return {
    status: res.status,
    appCode: body.error?.data.appCode ?? 'OK',
    retryAfter: res.headers.get('retry-after'),
    message: body.error?.message ?? '',
    ...(body.error?.data.retryAfterSeconds !== undefined ? { retryAfterSeconds: body.error.data.retryAfterSeconds } : {}),
  };
}

const codes = (outcomes: Outcome[]) => outcomes.map((o) => o.appCode);

// Each password check runs scrypt (tens of milliseconds of a core): generous timeouts for a busy machine.
describe('the sign-in throttle', { timeout: 120_000 }, () => {
  it('after 5 wrong passwords for an account, refuses even the right one until the wait is over', async () => {
    const s = await serverWithAccounts(['teacher@school.org']);
    const wrong: Outcome[] = [];
    for (let i = 0; i < 5; i++) wrong.push(await login(s.url, 'teacher@school.org', `guess number ${i}`));
    expect(codes(wrong)).toEqual(Array(5).fill('BAD_CREDENTIALS'));

    const refused = await login(s.url, 'Teacher@School.org', PASSWORD);
    expect(refused).toEqual({ status: 429, appCode: 'TOO_MANY_ATTEMPTS', retryAfter: '1', retryAfterSeconds: 1, message: 'Too many failed sign-ins. Wait 1 second, then try again.' });

    s.advance(1000);
    expect(await login(s.url, 'teacher@school.org', PASSWORD)).toMatchObject({ status: 200, appCode: 'OK' });
    // A success clears the account's count: the next mistake is one of five again.
    expect((await login(s.url, 'teacher@school.org', 'one more typo')).appCode).toBe('BAD_CREDENTIALS');
    expect((await login(s.url, 'teacher@school.org', PASSWORD)).appCode).toBe('OK');
  });

  it('doubles the wait with every further failure', async () => {
    const s = await serverWithAccounts(['teacher@school.org']);
    for (let i = 0; i < 5; i++) await login(s.url, 'teacher@school.org', `guess ${i}`);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = await login(s.url, 'teacher@school.org', 'another guess');
      expect(refused.appCode).toBe('TOO_MANY_ATTEMPTS');
      waits.push(refused.retryAfterSeconds!);
      // Half the wait is not enough; the whole wait is.
      s.advance((refused.retryAfterSeconds! * 1000) / 2);
      expect((await login(s.url, 'teacher@school.org', 'another guess')).appCode).toBe('TOO_MANY_ATTEMPTS');
      s.advance((refused.retryAfterSeconds! * 1000) / 2);
      expect((await login(s.url, 'teacher@school.org', 'another guess')).appCode).toBe('BAD_CREDENTIALS');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
  });

  it('leaves other accounts alone, but throttles one address that tries many accounts', async () => {
    const s = await serverWithAccounts(['teacher@school.org', 'colleague@school.org']);
    for (let i = 0; i < 6; i++) await login(s.url, 'teacher@school.org', `guess ${i}`);
    expect((await login(s.url, 'colleague@school.org', PASSWORD)).appCode).toBe('OK');

    // 20 failures from this address in all (5 above reached the password check, 1 was refused).
    for (let i = 0; i < 15; i++) expect((await login(s.url, `someone${i}@school.org`, 'guess')).appCode).toBe('BAD_CREDENTIALS');
    const refused = await login(s.url, 'colleague@school.org', PASSWORD);
    expect(refused).toMatchObject({ status: 429, appCode: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 });
    s.advance(1000);
    expect((await login(s.url, 'colleague@school.org', PASSWORD)).appCode).toBe('OK');
  });

  it('counts requests sent at once as they start: 30 parallel guesses, 5 reach the password check', async () => {
    const s = await serverWithAccounts(['teacher@school.org']);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => login(s.url, 'teacher@school.org', `parallel ${i}`)));
    expect(codes(outcomes).filter((c) => c === 'BAD_CREDENTIALS')).toHaveLength(5);
    expect(codes(outcomes).filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(25);
  });

  it('refuses a batched call that carries sign-ins, and counts nothing for it', async () => {
    const s = await serverWithAccounts(['teacher@school.org']);
    const inputs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i), { email: 'teacher@school.org', password: `batched ${i}` }]));
    for (const procedures of ['auth.login,auth.login', 'auth.me,auth.login', 'auth.setup,auth.setup', 'auth.login%2Cauth.login']) {
      const paths = decodeURIComponent(procedures).split(',');
      const res = await fetch(`${s.url}/api/trpc/${procedures}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: s.url },
        body: JSON.stringify(Object.fromEntries(paths.map((_, i) => [String(i), inputs[String(i)]]))),
      });
      expect(res.status, procedures).toBe(400);
      expect(((await res.json()) as { error: { data: { appCode: string } } }).error.data.appCode).toBe('BATCH_NOT_ALLOWED');
    }
    // Nothing was tried: five mistakes are still allowed.
    for (let i = 0; i < 5; i++) expect((await login(s.url, 'teacher@school.org', `guess ${i}`)).appCode).toBe('BAD_CREDENTIALS');
    // Batching itself still works for other procedures.
    const res = await fetch(`${s.url}/api/trpc/health,auth.me?batch=1&input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ result: { data: { ok: true } } }, { result: { data: null } }]);
  });
});
