/**
 * Slows the guessing of room codes and seat tokens without shutting out a class that shares one
 * address (a school's NAT) with the guesser:
 *
 * - only failures count, per key: the address for room codes, the address and room for tokens;
 * - below the limit nothing waits; above it, each try under that key waits its turn, one every
 *   `intervalMs`, and is refused with the time to wait only when its turn is more than
 *   `maxDelayMs` away. The answer comes after the wait, so a guesser learns no faster whether a
 *   code exists, whatever it is;
 * - an address that has got in with a code is never slowed for that code again (the class keeps
 *   joining while someone at the back guesses), and the caller never slows a valid seat token.
 *
 * What remains: while one address floods wrong codes, someone there who has never entered that
 * room waits up to `maxDelayMs`, or is told how long to wait when the queue is longer.
 */
export interface GuessLimits {
  /** Failures under one key in `windowMs` before tries under it wait their turn. */
  failures: number;
  windowMs: number;
  /** One try every `intervalMs` once over the limit… */
  intervalMs: number;
  /** …held back at most this long; a later turn is refused with the time to wait. */
  maxDelayMs: number;
  /** How long an address is remembered as having got in with a code. */
  knownMs: number;
}

export type Admission = { ok: true; delayMs: number } | { ok: false; retryAfterMs: number };

const MAX_KEYS = 10_000;
const MAX_CODES_PER_ADDRESS = 32;

export class GuessThrottle {
  private failures = new Map<string, number[]>();
  private nextTurn = new Map<string, number>();
  private known = new Map<string, Map<string, number>>();

  constructor(private readonly limits: GuessLimits) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  fail(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    // Only the latest `failures` matter to the decision.
    if (list.length > this.limits.failures) list.shift();
    this.failures.set(key, list);
    if (this.failures.size > MAX_KEYS) this.sweep(now);
  }

  /** When a try under `key` may be looked up. */
  admit(key: string, now: number): Admission {
    if (this.recent(key, now).length < this.limits.failures) return { ok: true, delayMs: 0 };
    const turn = Math.max(now, this.nextTurn.get(key) ?? now);
    if (turn - now > this.limits.maxDelayMs) return { ok: false, retryAfterMs: turn - now - this.limits.maxDelayMs };
    this.nextTurn.set(key, turn + this.limits.intervalMs);
    return { ok: true, delayMs: turn - now };
  }

  succeeded(address: string, code: string, now: number): void {
    let codes = this.known.get(address);
    if (!codes) {
      codes = new Map();
      this.known.set(address, codes);
      if (this.known.size > MAX_KEYS) this.sweep(now);
    }
    codes.delete(code);
    codes.set(code, now);
    if (codes.size > MAX_CODES_PER_ADDRESS) codes.delete(codes.keys().next().value as string);
  }

  isKnown(address: string, code: string, now: number): boolean {
    const at = this.known.get(address)?.get(code);
    return at !== undefined && now - at < this.limits.knownMs;
  }

  private sweep(now: number): void {
    for (const key of this.failures.keys()) this.recent(key, now);
    for (const [key, turn] of this.nextTurn) if (turn < now) this.nextTurn.delete(key);
    for (const [address, codes] of this.known) {
      for (const [code, at] of codes) if (now - at >= this.limits.knownMs) codes.delete(code);
      if (codes.size === 0) this.known.delete(address);
    }
  }
}
