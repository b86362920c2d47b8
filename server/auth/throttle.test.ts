import { describe, expect, it } from 'vitest';
import { slotted } from './passwords';
import { addressKey, FailureCounter } from './throttle';

describe('addressKey', () => {
  it('keys IPv4 as is, unwraps IPv4-mapped IPv6, and keys IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('FailureCounter', () => {
  const policy = { free: 2, baseMs: 1000, maxMs: 4000, forgetMs: 60_000 };

  it('waits after the free failures, doubles up to the cap, and forgets after a quiet spell', () => {
    const counter = new FailureCounter(policy);
    counter.fail('k', 0);
    expect(counter.waitMs('k', 0)).toBe(0);
    counter.fail('k', 0);
    expect(counter.waitMs('k', 0)).toBe(1000);
    counter.fail('k', 1000);
    expect(counter.waitMs('k', 1000)).toBe(2000);
    counter.fail('k', 3000);
    counter.fail('k', 7000);
    expect(counter.waitMs('k', 7000)).toBe(4000); // capped
    expect(counter.waitMs('k', 7000 + 60_001)).toBe(0);
  });

  it('drops the stalest keys past its size, so a flood of names cannot grow it without end', () => {
    const counter = new FailureCounter({ ...policy, free: 1 }, 3);
    for (const key of ['a', 'b', 'c', 'd']) counter.fail(key, 0);
    expect(counter.waitMs('a', 0)).toBe(0);
    expect(counter.waitMs('d', 0)).toBe(1000);
  });
});

describe('slotted', () => {
  it('runs at most N tasks at once and all of them in the end', async () => {
    const run = slotted(2);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }),
    );
    // Let each task that holds a slot finish, one at a time, until all have run.
    for (let done = 0; done < 6; done++) {
      while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
      releases.shift()!();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
