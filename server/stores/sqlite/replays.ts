import { and, asc, eq, lt } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/client';
import { classLinks, events as eventsTable, facilitators, sessions, settings } from '../../../db/schema';
import { eventAt, type GameEvent } from '../../engine';
import type { ClassLinkRecord, ClassLinkStore, ImportSessionResult, Json, ReplayStore, SessionRecord, SettingsStore } from '../ports';

export class SqliteReplayStore implements ReplayStore {
  constructor(private readonly database: OpenedDatabase) {}

  async importSession(record: SessionRecord, events: GameEvent[], updatedAt: number): Promise<ImportSessionResult> {
    // One connection and a synchronous transaction: nothing else writes between the checks and the inserts.
    return this.database.db.transaction((tx): ImportSessionResult => {
      if (tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.code, record.code)).get()) return { ok: false, code: 'CODE_TAKEN' };
      if (!tx.select({ id: facilitators.id }).from(facilitators).where(eq(facilitators.id, record.facilitatorId)).get()) return { ok: false, code: 'UNKNOWN_FACILITATOR' };
      tx.insert(sessions).values({ ...record, updatedAt }).run();
      for (const [i, event] of events.entries()) {
        tx.insert(eventsTable).values({ sessionId: record.id, seq: i + 1, type: event.type, payload: JSON.stringify(event), at: eventAt(event), commandId: null }).run();
      }
      return { ok: true };
    });
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    // Its events, seat tokens and class link go by the foreign keys' cascade.
    return this.database.db.delete(sessions).where(eq(sessions.id, sessionId)).run().changes === 1;
  }

  async endedBefore(before: number): Promise<string[]> {
    return this.database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.status, 'ended'), lt(sessions.updatedAt, before)))
      .orderBy(asc(sessions.updatedAt), asc(sessions.id))
      .all()
      .map((r) => r.id);
  }
}

type LinkRow = typeof classLinks.$inferSelect;
function toLink(row: LinkRow): ClassLinkRecord {
  let reveal: Json;
  try {
    reveal = JSON.parse(row.reveal) as Json;
  } catch {
    // A damaged row: the reader treats what it cannot understand as revealing nothing.
    reveal = null;
  }
  return { sessionId: row.sessionId, token: row.token, enabled: row.enabled === 1, reveal, updatedAt: row.updatedAt };
}

export class SqliteClassLinkStore implements ClassLinkStore {
  constructor(private readonly database: OpenedDatabase) {}

  async bySession(sessionId: string): Promise<ClassLinkRecord | undefined> {
    const row = this.database.db.select().from(classLinks).where(eq(classLinks.sessionId, sessionId)).get();
    return row && toLink(row);
  }

  async byToken(token: string): Promise<ClassLinkRecord | undefined> {
    const row = this.database.db.select().from(classLinks).where(eq(classLinks.token, token)).get();
    return row && toLink(row);
  }

  async save(link: { sessionId: string; enabled: boolean; reveal: Json; now: number; newToken: string }): Promise<ClassLinkRecord | undefined> {
    const db = this.database.db;
    return db.transaction((tx) => {
      if (!tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, link.sessionId)).get()) return undefined;
      const value = { enabled: link.enabled ? 1 : 0, reveal: JSON.stringify(link.reveal), updatedAt: link.now };
      // The token is made the first time and kept: the insert's token is ignored on conflict.
      tx.insert(classLinks).values({ sessionId: link.sessionId, token: link.newToken, ...value }).onConflictDoUpdate({ target: classLinks.sessionId, set: value }).run();
      const row = tx.select().from(classLinks).where(eq(classLinks.sessionId, link.sessionId)).get();
      return row && toLink(row);
    });
  }
}

export class SqliteSettingsStore implements SettingsStore {
  constructor(private readonly database: OpenedDatabase) {}

  async get(key: string): Promise<Json | undefined> {
    const row = this.database.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as Json;
    } catch {
      // A damaged value reads as none: the reader falls back to its default.
      return undefined;
    }
  }

  async set(key: string, value: Json, now: number): Promise<void> {
    const text = JSON.stringify(value);
    this.database.db.insert(settings).values({ key, value: text, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: now } }).run();
  }
}
