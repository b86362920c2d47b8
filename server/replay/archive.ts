import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, settings } from '../../db/schema';
import type { Runtime } from '../runtime/runtime';
import type { Scheduler, Timer } from '../runtime/ports';
import { replayCacheFor } from './history';
import type { RetentionSetting } from './types';

const RETENTION_KEY = 'retention';
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the sweep looks for finished sessions past their time. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes a session and everything stored about it (its events, seat tokens and class link go
 * with it: the foreign keys cascade). A running session is refused: end it first, so no student
 * is cut off mid-game.
 */
export function deleteSession(db: Db, runtime: Runtime, sessionId: string): { ok: true } | { ok: false; code: 'SESSION_RUNNING' | 'UNKNOWN_SESSION' } {
  const row = db.select({ status: sessions.status }).from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!row) return { ok: false, code: 'UNKNOWN_SESSION' };
  if (row.status === 'running') return { ok: false, code: 'SESSION_RUNNING' };
  runtime.forget(sessionId);
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  replayCacheFor(db).forget(sessionId);
  return { ok: true };
}

export function getRetention(db: Db): RetentionSetting {
  const row = db.select().from(settings).where(eq(settings.key, RETENTION_KEY)).get();
  if (!row) return { days: null };
  try {
    const days = (JSON.parse(row.value) as { days?: unknown }).days;
    return { days: typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : null };
  } catch {
    return { days: null };
  }
}

export function setRetention(db: Db, setting: RetentionSetting, now: number): RetentionSetting {
  const value = JSON.stringify({ days: setting.days });
  db.insert(settings).values({ key: RETENTION_KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
  return getRetention(db);
}

/** Deletes finished sessions last touched longer ago than the retention period; returns their ids. */
export function sweepExpired(db: Db, runtime: Runtime, now: number): string[] {
  const { days } = getRetention(db);
  if (days === null) return [];
  const expired = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.status, 'ended'), lt(sessions.updatedAt, now - days * DAY_MS)))
    .all();
  for (const { id } of expired) deleteSession(db, runtime, id);
  return expired.map((r) => r.id);
}

/** Sweeps now and every hour on the scheduler; returns a stop function. */
export function startRetentionSweep(db: Db, runtime: Runtime, clock: { now(): number }, scheduler: Scheduler, onSweep: (deleted: string[]) => void = () => {}): () => void {
  let timer: Timer | null = null;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    const deleted = sweepExpired(db, runtime, clock.now());
    if (deleted.length > 0) onSweep(deleted);
    timer = scheduler.at(clock.now() + SWEEP_EVERY_MS, run);
  };
  run();
  return () => {
    stopped = true;
    timer?.cancel();
  };
}
