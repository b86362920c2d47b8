import { isIPv4, isIPv6 } from 'node:net';

/**
 * Failed sign-ins cost time. A key (an account, an address) has `free` failures; after that each
 * failure makes the next attempt wait `baseMs`, doubling per further failure, up to `maxMs`.
 * A key that has not failed for `forgetMs` starts again from nothing.
 */
export interface ThrottlePolicy {
  free: number;
  baseMs: number;
  maxMs: number;
  forgetMs: number;
}

const MINUTE = 60_000;

/** One account: 5 tries, then 1 s, 2 s, 4 s … up to 15 minutes between guesses (about 100 a day). */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 24 * 60 * MINUTE };
/** One address: more room, since a school's staff may share one address behind NAT. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, baseMs: 1000, maxMs: 15 * MINUTE, forgetMs: 24 * 60 * MINUTE };

interface Entry {
  failures: number;
  lastFailureAt: number;
}

/** Failures per key, in memory, with the oldest keys dropped past `maxKeys` so it cannot grow without end. */
export class FailureCounter {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    const entry = this.current(key, now);
    if (!entry || entry.failures < this.policy.free) return 0;
    const delay = Math.min(this.policy.maxMs, this.policy.baseMs * 2 ** (entry.failures - this.policy.free));
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  fail(key: string, now: number): void {
    const entry = this.current(key, now) ?? { failures: 0, lastFailureAt: now };
    // Re-inserted so the map's order is the order of last use, and pruning drops the stalest.
    this.entries.delete(key);
    this.entries.set(key, { failures: entry.failures + 1, lastFailureAt: now });
    for (const stale of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(stale);
    }
  }

  /** Takes back one failure counted in advance for an attempt that turned out right. */
  withdraw(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.failures <= 1) this.entries.delete(key);
    else entry.failures -= 1;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt > this.policy.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

export type Attempt = { ok: true; account: string; address: string } | { ok: false; retryAfterSeconds: number };

/**
 * The sign-in throttle, by account and by address. An attempt is counted as a failure when it
 * starts, before the (slow) password check, so many requests sent at once cannot all slip past the
 * count; a right password then takes its failure back. While a key must wait, even the right
 * password is refused: an answer that depended on it would confirm a guess.
 */
export class SignInThrottle {
  private readonly accounts = new FailureCounter(ACCOUNT_POLICY);
  private readonly addresses = new FailureCounter(ADDRESS_POLICY);

  constructor(private readonly now: () => number) {}

  begin(email: string, address: string): Attempt {
    const now = this.now();
    const account = email.trim().toLowerCase();
    const from = addressKey(address);
    const wait = Math.max(this.accounts.waitMs(account, now), this.addresses.waitMs(from, now));
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    this.accounts.fail(account, now);
    this.addresses.fail(from, now);
    return { ok: true, account, address: from };
  }

  succeeded(attempt: Extract<Attempt, { ok: true }>): void {
    this.accounts.forget(attempt.account);
    // Not forgotten: signing in to one's own account must not reset what an address guessed at others.
    this.addresses.withdraw(attempt.address);
  }
}

/**
 * The key for an address: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64, which one
 * machine or home usually holds whole and could otherwise walk through.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
