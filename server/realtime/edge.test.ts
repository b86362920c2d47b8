import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, startLiveServer, type LiveServer } from '../testing/live-server';
import { originAllowed } from './index';
import { Buckets, FailureThrottle, TokenBucket } from './rate-limit';

const request = (origin: string | undefined, host = 'class.example:3000') => ({ headers: { origin, host } }) as unknown as IncomingMessage;

describe('origin check', () => {
  it('allows the same origin, listed origins, and clients without an Origin header', () => {
    expect(originAllowed(request('http://class.example:3000'), [])).toBe(true);
    expect(originAllowed(request(undefined), [])).toBe(true);
    expect(originAllowed(request('https://lms.school.org'), ['https://lms.school.org'])).toBe(true);
  });
  it('refuses other origins and garbage', () => {
    expect(originAllowed(request('https://evil.example'), [])).toBe(false);
    expect(originAllowed(request('http://class.example:3001'), [])).toBe(false);
    expect(originAllowed(request('not a url'), [])).toBe(false);
  });
});

describe('rate limits', () => {
  it('a token bucket allows a burst, then the refill rate', () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(500)).toBe(true);
  });
  it('buckets are per key', () => {
    const buckets = new Buckets(1, 1);
    expect(buckets.take('a', 0)).toBe(true);
    expect(buckets.take('a', 0)).toBe(false);
    expect(buckets.take('b', 0)).toBe(true);
  });
  it('the failure throttle forgets failures outside its window', () => {
    const throttle = new FailureThrottle(2, 1000);
    throttle.fail('x', 0);
    throttle.fail('x', 10);
    expect(throttle.blocked('x', 500)).toBe(true);
    expect(throttle.blocked('x', 1011)).toBe(false);
  });
});

describe('guessing room codes over the socket', () => {
  let live: LiveServer;
  beforeAll(async () => {
    live = await startLiveServer();
  });
  afterAll(async () => {
    await live.stop();
  });

  const attempt = (room: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(live.url, { kind: 'join', room, name: 'Guess' });
      socket.on('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.on('connect_error', (e) => {
        socket.close();
        resolve((e as Error & { data?: { code: string } }).data?.code ?? 'none');
      });
    });

  it('is slowed down after 20 wrong codes from one address', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 22; i++) codes.push(await attempt(`ZZZZ${String(i).padStart(2, '2').replace(/[01]/g, '9')}`));
    expect(codes.slice(0, 20).every((c) => c === 'UNKNOWN_ROOM')).toBe(true);
    expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
