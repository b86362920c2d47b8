/**
 * Token buckets: `burst` at once, refilled at `perSecond`. A refusal says how long to wait.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly burst: number, private readonly perSecond: number, now: number) {
    this.tokens = burst;
    this.last = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.perSecond);
    this.last = Math.max(this.last, now);
  }

  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Takes a token that may not exist yet: the caller waits `waitMs` for it (the bucket goes into
   * debt, so callers queue in order). Refused, taking nothing, if the wait would pass `maxWaitMs`.
   */
  reserve(now: number, maxWaitMs: number): { ok: true; waitMs: number } | { ok: false; retryAfterMs: number } {
    this.refill(now);
    const waitMs = this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs - maxWaitMs };
    this.tokens -= 1;
    return { ok: true, waitMs };
  }

  /** Milliseconds until `take` would succeed (0 if it would now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}

/** Buckets by key, forgetting keys idle for a while so memory stays flat. */
export class Buckets {
  private map = new Map<string, { bucket: TokenBucket; seen: number }>();

  constructor(private readonly burst: number, private readonly perSecond: number) {}

  private entry(key: string, now: number) {
    let entry = this.map.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.burst, this.perSecond, now), seen: now };
      this.map.set(key, entry);
      if (this.map.size > 10_000) this.sweep(now);
    }
    entry.seen = now;
    return entry.bucket;
  }

  take(key: string, now: number): boolean {
    return this.entry(key, now).take(now);
  }

  waitMs(key: string, now: number): number {
    return this.entry(key, now).waitMs(now);
  }

  reserve(key: string, now: number, maxWaitMs: number) {
    return this.entry(key, now).reserve(now, maxWaitMs);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.map) if (now - entry.seen > 10 * 60_000) this.map.delete(key);
  }
}
