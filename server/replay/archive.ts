import type { Runtime } from '../runtime/runtime';
import type { Scheduler, Timer } from '../runtime/ports';
import type { Stores } from '../stores/ports';
import { replayCacheFor } from './history';
import type { RetentionSetting } from './types';

const RETENTION_KEY = 'retention';
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the sweep looks for finished sessions past their time. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

type ArchiveStores = Pick<Stores, 'events' | 'replays' | 'settings'>;

/**
 * Deletes a session and everything stored about it (its events, seat tokens and class link). A
 * running session is refused: end it first, so no student is cut off mid-game.
 */
export async function deleteSession(stores: Pick<Stores, 'events' | 'replays'>, runtime: Runtime, sessionId: string): Promise<{ ok: true } | { ok: false; code: 'SESSION_RUNNING' | 'UNKNOWN_SESSION' }> {
  const row = await stores.events.findSession({ id: sessionId });
  if (!row) return { ok: false, code: 'UNKNOWN_SESSION' };
  if (row.status === 'running') return { ok: false, code: 'SESSION_RUNNING' };
  runtime.forget(sessionId);
  if (!(await stores.replays.deleteSession(sessionId))) return { ok: false, code: 'UNKNOWN_SESSION' };
  replayCacheFor(stores.events).forget(sessionId);
  return { ok: true };
}

export async function getRetention(stores: Pick<Stores, 'settings'>): Promise<RetentionSetting> {
  const value = await stores.settings.get(RETENTION_KEY);
  const days = (value as { days?: unknown } | null | undefined)?.days;
  return { days: typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : null };
}

export async function setRetention(stores: Pick<Stores, 'settings'>, setting: RetentionSetting, now: number): Promise<RetentionSetting> {
  await stores.settings.set(RETENTION_KEY, { days: setting.days }, now);
  return getRetention(stores);
}

/** Deletes finished sessions last touched longer ago than the retention period; returns their ids. */
export async function sweepExpired(stores: ArchiveStores, runtime: Runtime, now: number): Promise<string[]> {
  const { days } = await getRetention(stores);
  if (days === null) return [];
  const expired = await stores.replays.endedBefore(now - days * DAY_MS);
  const deleted: string[] = [];
  for (const id of expired) if ((await deleteSession(stores, runtime, id)).ok) deleted.push(id);
  return deleted;
}

/** Sweeps now and every hour on the scheduler; returns a stop function. */
export function startRetentionSweep(
  stores: ArchiveStores,
  runtime: Runtime,
  clock: { now(): number },
  scheduler: Scheduler,
  onSweep: (deleted: string[]) => void = () => {},
  onError: (error: unknown) => void = () => {},
): () => void {
  let timer: Timer | null = null;
  let stopped = false;
  const run = async () => {
    if (stopped) return;
    try {
      const deleted = await sweepExpired(stores, runtime, clock.now());
      if (deleted.length > 0) onSweep(deleted);
    } catch (error) {
      // A failed sweep (the database away for a moment) is tried again at the next one.
      onError(error);
    }
    if (!stopped) timer = scheduler.at(clock.now() + SWEEP_EVERY_MS, () => void run());
  };
  void run();
  return () => {
    stopped = true;
    timer?.cancel();
  };
}
