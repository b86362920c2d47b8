// The event store on PostgreSQL. The log's primary key (session_id, seq) is what keeps two nodes
// from both extending one session: the second insert at a seq waits for the first's transaction,
// then fails with a unique violation, which is answered as the AppendConflict it is.
import { and, asc, desc, eq, gt, max, ne } from 'drizzle-orm';
import { eventAt, type GameEvent } from '../../engine';
import type { PgDb } from '../../../db/pg/client';
import { isUniqueViolation } from '../../../db/pg/errors';
import { events, seatTokens, sessions } from '../../../db/pg/schema';
import { AppendConflict, GroupCommit, type AppendOutcome, type PendingAppend } from '../../runtime/group-commit';
import type { AppendExtra, EventStore, SessionRecord, StoredEvent } from '../../runtime/ports';

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

export const toSessionRecord = (row: typeof sessions.$inferSelect): SessionRecord => ({
  id: row.id,
  code: row.code,
  facilitatorId: row.facilitatorId,
  scenarioId: row.scenarioId,
  status: row.status as SessionRecord['status'],
  createdAt: row.createdAt,
});

/** The name drizzle-kit gave the log's primary key (db/pg/migrations). */
const EVENTS_PK = 'events_session_id_seq_pk';

/**
 * Appends that arrive together share one transaction (one commit to wait for), each in its own
 * savepoint so one that fails is rolled back alone; see GroupCommit. Nothing resolves before its
 * transaction committed. One batch is in flight at a time per store; the pool serves the reads.
 */
export class PgEventStore implements EventStore {
  private readonly group: GroupCommit;

  constructor(private readonly db: PgDb) {
    this.group = new GroupCommit((batch) => this.writeBatch(batch));
  }

  /** Transactions written and appends they held. */
  get stats(): GroupCommit['stats'] {
    return this.group.stats;
  }

  async createSession(record: SessionRecord): Promise<void> {
    await this.db.insert(sessions).values({ ...record, updatedAt: record.createdAt });
  }

  append(sessionId: string, expectedSeq: number, list: GameEvent[], extra: AppendExtra = {}): Promise<StoredEvent[]> {
    return this.group.append({ sessionId, expectedSeq, events: list, extra });
  }

  private writeBatch(batch: PendingAppend[]): Promise<AppendOutcome[]> {
    return this.db.transaction(async (tx) => {
      const outcomes: AppendOutcome[] = [];
      for (const append of batch) {
        try {
          // drizzle runs a transaction inside another as a SAVEPOINT, rolled back to if it throws.
          outcomes.push({ ok: true, stored: await tx.transaction((sp) => this.write(sp, append)) });
        } catch (error) {
          outcomes.push({ ok: false, error: await this.explain(tx, append, error) });
        }
      }
      return outcomes;
    });
  }

  /** One append, inside its savepoint. */
  private async write(tx: Tx, { sessionId, expectedSeq, events: list, extra }: PendingAppend): Promise<StoredEvent[]> {
    // The primary key refuses a second writer at the same seq, but not a gap: an append decided on
    // top of one that failed would leave one. So the log's end is checked first.
    const last = await this.lastSeq(tx, sessionId);
    if (last !== expectedSeq) throw new AppendConflict(sessionId, expectedSeq, last);
    const stored = list.map((event, i) => ({ seq: expectedSeq + i + 1, event }));
    if (stored.length > 0) {
      await tx.insert(events).values(
        stored.map(({ seq, event }, i) => ({
          sessionId,
          seq,
          type: event.type,
          payload: JSON.stringify(event),
          at: eventAt(event),
          // The unique index on (session_id, command_id) refuses the same command stored twice.
          commandId: i === 0 ? (extra.commandKey ?? null) : null,
        })),
      );
    }
    if (extra.handOver) {
      const { seatId, fromSeatId } = extra.handOver;
      await tx.delete(seatTokens).where(and(eq(seatTokens.sessionId, sessionId), eq(seatTokens.seatId, seatId)));
      if (fromSeatId !== null) await tx.update(seatTokens).set({ seatId }).where(and(eq(seatTokens.sessionId, sessionId), eq(seatTokens.seatId, fromSeatId)));
    }
    const tokens = extra.seatTokens ?? [];
    if (tokens.length > 0) await tx.insert(seatTokens).values(tokens.map((t) => ({ tokenHash: t.tokenHash, sessionId, seatId: t.seatId, createdAt: Date.now() })));
    const lastEvent = stored[stored.length - 1];
    const at = lastEvent ? eventAt(lastEvent.event) : Date.now();
    const touched = await tx
      .update(sessions)
      .set(extra.status ? { updatedAt: at, status: extra.status } : { updatedAt: at })
      .where(eq(sessions.id, sessionId))
      .returning({ id: sessions.id });
    if (touched.length === 0) throw new Error(`append to unknown session ${sessionId}`);
    return stored;
  }

  private async lastSeq(tx: Tx | PgDb, sessionId: string): Promise<number> {
    const [row] = await tx.select({ seq: max(events.seq) }).from(events).where(eq(events.sessionId, sessionId));
    return row?.seq ?? 0;
  }

  /**
   * Another node's transaction that inserted the same seq committed first: the same conflict the
   * check above reports, said the same way (the savepoint is rolled back, so the log can be read).
   */
  private async explain(tx: Tx, append: PendingAppend, error: unknown): Promise<unknown> {
    if (!isUniqueViolation(error, EVENTS_PK)) return error;
    try {
      return new AppendConflict(append.sessionId, append.expectedSeq, await this.lastSeq(tx, append.sessionId));
    } catch {
      return new AppendConflict(append.sessionId, append.expectedSeq, NaN);
    }
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    const rows = await this.db
      .select({ seq: events.seq })
      .from(events)
      .where(and(eq(events.sessionId, sessionId), eq(events.commandId, commandKey)))
      .limit(1);
    return rows.length > 0;
  }

  async load(sessionId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const rows = await this.db
      .select({ seq: events.seq, payload: events.payload })
      .from(events)
      .where(and(eq(events.sessionId, sessionId), gt(events.seq, afterSeq)))
      .orderBy(asc(events.seq));
    return rows.map((row) => ({ seq: row.seq, event: JSON.parse(row.payload) as GameEvent }));
  }

  async liveSessions(): Promise<SessionRecord[]> {
    return (await this.db.select().from(sessions).where(ne(sessions.status, 'ended'))).map(toSessionRecord);
  }

  async findSession({ id, code }: { id?: string; code?: string }): Promise<SessionRecord | undefined> {
    const where = id !== undefined ? eq(sessions.id, id) : code !== undefined ? eq(sessions.code, code) : undefined;
    if (!where) return undefined;
    const [row] = await this.db.select().from(sessions).where(where);
    return row ? toSessionRecord(row) : undefined;
  }

  async listSessions(facilitatorId: string | null): Promise<SessionRecord[]> {
    const query = this.db.select().from(sessions);
    const rows = await (facilitatorId === null ? query : query.where(eq(sessions.facilitatorId, facilitatorId))).orderBy(desc(sessions.createdAt));
    return rows.map(toSessionRecord);
  }

  async seatForToken(sessionId: string, tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ seatId: seatTokens.seatId })
      .from(seatTokens)
      .where(and(eq(seatTokens.sessionId, sessionId), eq(seatTokens.tokenHash, tokenHash)));
    return row?.seatId;
  }

  close(): Promise<void> {
    return this.group.close();
  }
}
