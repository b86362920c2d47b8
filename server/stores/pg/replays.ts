// The archive side on PostgreSQL: imported logs, deletion, the retention sweep's query, class links
// and the installation's settings.
import { and, asc, eq, lt } from 'drizzle-orm';
import { eventAt, type GameEvent } from '../../engine';
import type { PgDb } from '../../../db/pg/client';
import { FOREIGN_KEY_VIOLATION, isUniqueViolation, pgError } from '../../../db/pg/errors';
import { classLinks, events, sessions, settings } from '../../../db/pg/schema';
import type { SessionRecord } from '../../runtime/ports';
import type { ClassLinkRecord, ClassLinkStore, ImportSessionResult, Json, ReplayStore, SettingsStore } from '../ports';

/** Rows per INSERT of an imported log: PostgreSQL takes at most 65535 parameters per statement (6 per row). */
const IMPORT_CHUNK = 5000;

export class PgReplayStore implements ReplayStore {
  constructor(private readonly db: PgDb) {}

  async importSession(record: SessionRecord, list: GameEvent[], updatedAt: number): Promise<ImportSessionResult> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.insert(sessions).values({ ...record, updatedAt });
        const rows = list.map((event, i) => ({ sessionId: record.id, seq: i + 1, type: event.type, payload: JSON.stringify(event), at: eventAt(event), commandId: null }));
        for (let i = 0; i < rows.length; i += IMPORT_CHUNK) await tx.insert(events).values(rows.slice(i, i + IMPORT_CHUNK));
      });
      return { ok: true };
    } catch (error) {
      if (isUniqueViolation(error, 'sessions_code_unique')) return { ok: false, code: 'CODE_TAKEN' };
      if (pgError(error)?.code === FOREIGN_KEY_VIOLATION) return { ok: false, code: 'UNKNOWN_FACILITATOR' };
      throw error;
    }
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    // Its events, seat tokens and class link go with it (ON DELETE CASCADE).
    const deleted = await this.db.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
    return deleted.length > 0;
  }

  async endedBefore(before: number): Promise<string[]> {
    const rows = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.status, 'ended'), lt(sessions.updatedAt, before)))
      .orderBy(asc(sessions.updatedAt), asc(sessions.id));
    return rows.map((row) => row.id);
  }
}

const toLink = (row: typeof classLinks.$inferSelect): ClassLinkRecord => ({
  sessionId: row.sessionId,
  token: row.token,
  enabled: row.enabled === 1,
  reveal: JSON.parse(row.reveal) as Json,
  updatedAt: row.updatedAt,
});

export class PgClassLinkStore implements ClassLinkStore {
  constructor(private readonly db: PgDb) {}

  async bySession(sessionId: string): Promise<ClassLinkRecord | undefined> {
    const [row] = await this.db.select().from(classLinks).where(eq(classLinks.sessionId, sessionId));
    return row ? toLink(row) : undefined;
  }

  async byToken(token: string): Promise<ClassLinkRecord | undefined> {
    const [row] = await this.db.select().from(classLinks).where(eq(classLinks.token, token));
    return row ? toLink(row) : undefined;
  }

  async save(link: { sessionId: string; enabled: boolean; reveal: Json; now: number; newToken: string }): Promise<ClassLinkRecord | undefined> {
    const values = { enabled: link.enabled ? 1 : 0, reveal: JSON.stringify(link.reveal), updatedAt: link.now };
    try {
      // The first save sets the token; later ones keep it (a token already another session's is
      // refused by the unique index: rejected, as an error the caller did not expect).
      const [row] = await this.db
        .insert(classLinks)
        .values({ sessionId: link.sessionId, token: link.newToken, ...values })
        .onConflictDoUpdate({ target: classLinks.sessionId, set: values })
        .returning();
      return row ? toLink(row) : undefined;
    } catch (error) {
      if (pgError(error)?.code === FOREIGN_KEY_VIOLATION) return undefined;
      throw error;
    }
  }
}

export class PgSettingsStore implements SettingsStore {
  constructor(private readonly db: PgDb) {}

  async get(key: string): Promise<Json | undefined> {
    const [row] = await this.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
    return row ? (JSON.parse(row.value) as Json) : undefined;
  }

  async set(key: string, value: Json, now: number): Promise<void> {
    const values = { value: JSON.stringify(value), updatedAt: now };
    await this.db.insert(settings).values({ key, ...values }).onConflictDoUpdate({ target: settings.key, set: values });
  }
}
