import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { originAllowed } from './index';
import { Buckets, TokenBucket } from './rate-limit';

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
  it('a refusal says how long until the next token', () => {
    const bucket = new TokenBucket(1, 2, 0);
    expect(bucket.waitMs(0)).toBe(0);
    bucket.take(0);
    expect(bucket.waitMs(0)).toBe(500);
    expect(bucket.waitMs(400)).toBe(100);
  });
});
