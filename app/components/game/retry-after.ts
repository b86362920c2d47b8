/**
 * How long the server asked us to wait before trying again, from a refusal's data. The server may
 * say it in milliseconds (`retryAfterMs`) or seconds (`retryAfterSeconds`, `retryAfterSec`, or
 * `retryAfter` as in HTTP), or not at all: then null.
 */
export function retryAfterMs(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const positive = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);
  const ms = positive(d.retryAfterMs);
  if (ms !== null) return ms;
  const seconds = positive(d.retryAfterSeconds) ?? positive(d.retryAfterSec) ?? positive(d.retryAfter);
  return seconds === null ? null : seconds * 1000;
}

/** "45 seconds", "1 second", "2 min 5 s", "3 min": rounded up, so the wait is never shorter than said. */
export function formatWait(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  if (total < 60) return `${total} ${total === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
