import { and, asc, eq, ne } from 'drizzle-orm';
import { eventAt, type GameEvent } from '../engine';
import type { OpenedDatabase } from '../../db/client';
import { events, seatTokens, sessions } from '../../db/schema';
import type { AppendExtra, EventStore, SessionRecord, StoredEvent } from './ports';

const toRecord = (row: typeof sessions.$inferSelect): SessionRecord => ({
  id: row.id,
  code: row.code,
  facilitatorId: row.facilitatorId,
  scenarioId: row.scenarioId,
  status: row.status as SessionRecord['status'],
  createdAt: row.createdAt,
});

/** The event store on SQLite: one transaction per command, committed before anything is sent. */
export class SqliteEventStore implements EventStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  createSession(record: SessionRecord): void {
    this.db.insert(sessions).values({ ...record, updatedAt: record.createdAt }).run();
  }

  append(sessionId: string, expectedSeq: number, list: GameEvent[], extra: AppendExtra = {}): StoredEvent[] {
    const stored = list.map((event, i) => ({ seq: expectedSeq + i + 1, event }));
    this.database.sqlite.transaction(() => {
      // The primary key (session_id, seq) makes a second writer at the same seq fail here.
      // The unique index on (session_id, command_id) refuses the same command stored twice.
      for (const [i, { seq, event }] of stored.entries()) {
        const commandId = i === 0 ? (extra.commandKey ?? null) : null;
        this.db.insert(events).values({ sessionId, seq, type: event.type, payload: JSON.stringify(event), at: eventAt(event), commandId }).run();
      }
      if (extra.handOver) {
        const { seatId, fromSeatId } = extra.handOver;
        this.db.delete(seatTokens).where(and(eq(seatTokens.sessionId, sessionId), eq(seatTokens.seatId, seatId))).run();
        if (fromSeatId !== null) this.db.update(seatTokens).set({ seatId }).where(and(eq(seatTokens.sessionId, sessionId), eq(seatTokens.seatId, fromSeatId))).run();
      }
      for (const t of extra.seatTokens ?? []) {
        this.db.insert(seatTokens).values({ tokenHash: t.tokenHash, sessionId, seatId: t.seatId, createdAt: Date.now() }).run();
      }
      const last = stored[stored.length - 1];
      const lastAt = last ? eventAt(last.event) : Date.now();
      this.db.update(sessions).set({ updatedAt: lastAt, ...(extra.status ? { status: extra.status } : {}) }).where(eq(sessions.id, sessionId)).run();
    })();
    return stored;
  }

  hasCommand(sessionId: string, commandKey: string): boolean {
    const row = this.db
      .select({ seq: events.seq })
      .from(events)
      .where(and(eq(events.sessionId, sessionId), eq(events.commandId, commandKey)))
      .get();
    return row !== undefined;
  }

  load(sessionId: string): StoredEvent[] {
    return this.db
      .select({ seq: events.seq, payload: events.payload })
      .from(events)
      .where(eq(events.sessionId, sessionId))
      .orderBy(asc(events.seq))
      .all()
      .map((row) => ({ seq: row.seq, event: JSON.parse(row.payload) as GameEvent }));
  }

  liveSessions(): SessionRecord[] {
    return this.db.select().from(sessions).where(ne(sessions.status, 'ended')).all().map(toRecord);
  }

  findSession({ id, code }: { id?: string; code?: string }): SessionRecord | undefined {
    const where = id !== undefined ? eq(sessions.id, id) : code !== undefined ? eq(sessions.code, code) : undefined;
    if (!where) return undefined;
    const row = this.db.select().from(sessions).where(where).get();
    return row ? toRecord(row) : undefined;
  }

  listSessions(facilitatorId: string | null): SessionRecord[] {
    const query = this.db.select().from(sessions);
    const rows = facilitatorId === null ? query.all() : query.where(eq(sessions.facilitatorId, facilitatorId)).all();
    return rows.map(toRecord).sort((a, b) => b.createdAt - a.createdAt);
  }

  seatForToken(sessionId: string, tokenHash: string): string | undefined {
    const row = this.db
      .select({ seatId: seatTokens.seatId })
      .from(seatTokens)
      .where(and(eq(seatTokens.sessionId, sessionId), eq(seatTokens.tokenHash, tokenHash)))
      .get();
    return row?.seatId;
  }
}
