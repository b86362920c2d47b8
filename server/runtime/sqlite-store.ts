import { and, asc, eq, gt, max, ne, sql } from 'drizzle-orm';
import { eventAt, type GameEvent } from '../engine';
import type { OpenedDatabase } from '../../db/client';
import { events, seatTokens, sessions } from '../../db/schema';
import { AppendConflict, GroupCommit, type AppendOutcome, type PendingAppend } from './group-commit';
import { SqliteWorkerWriter } from './sqlite-worker-writer';
import type { AppendExtra, EventStore, SessionRecord, StoredEvent } from './ports';

const toRecord = (row: typeof sessions.$inferSelect): SessionRecord => ({
  id: row.id,
  code: row.code,
  facilitatorId: row.facilitatorId,
  scenarioId: row.scenarioId,
  status: row.status as SessionRecord['status'],
  createdAt: row.createdAt,
});

const p = sql.placeholder;

/** The statements of the hot path, prepared once per database: drizzle would build and prepare them again on every call. */
function prepare(db: OpenedDatabase['db']) {
  return {
    lastSeq: db.select({ seq: max(events.seq) }).from(events).where(eq(events.sessionId, p('sessionId'))).prepare(),
    insertEvent: db.insert(events).values({ sessionId: p('sessionId'), seq: p('seq'), type: p('type'), payload: p('payload'), at: p('at'), commandId: p('commandId') }).prepare(),
    revokeSeat: db.delete(seatTokens).where(and(eq(seatTokens.sessionId, p('sessionId')), eq(seatTokens.seatId, p('seatId')))).prepare(),
    moveTokens: db.update(seatTokens).set({ seatId: sql`${p('seatId')}` }).where(and(eq(seatTokens.sessionId, p('sessionId')), eq(seatTokens.seatId, p('fromSeatId')))).prepare(),
    insertToken: db.insert(seatTokens).values({ tokenHash: p('tokenHash'), sessionId: p('sessionId'), seatId: p('seatId'), createdAt: p('createdAt') }).prepare(),
    touch: db.update(sessions).set({ updatedAt: sql`${p('at')}` }).where(eq(sessions.id, p('sessionId'))).prepare(),
    touchStatus: db.update(sessions).set({ updatedAt: sql`${p('at')}`, status: sql`${p('status')}` }).where(eq(sessions.id, p('sessionId'))).prepare(),
    hasCommand: db.select({ seq: events.seq }).from(events).where(and(eq(events.sessionId, p('sessionId')), eq(events.commandId, p('commandId')))).prepare(),
    load: db.select({ seq: events.seq, payload: events.payload }).from(events).where(and(eq(events.sessionId, p('sessionId')), gt(events.seq, p('afterSeq')))).orderBy(asc(events.seq)).prepare(),
    byId: db.select().from(sessions).where(eq(sessions.id, p('id'))).prepare(),
    byCode: db.select().from(sessions).where(eq(sessions.code, p('code'))).prepare(),
    seatForToken: db.select({ seatId: seatTokens.seatId }).from(seatTokens).where(and(eq(seatTokens.sessionId, p('sessionId')), eq(seatTokens.tokenHash, p('tokenHash')))).prepare(),
  };
}

export interface SqliteEventStoreOptions {
  grouped?: boolean;
  writer?: 'loop' | 'worker';
}

/** Where the group's transaction runs unless told: see README, Benchmark. */
export const DEFAULT_WRITER: 'loop' | 'worker' = 'loop';

/**
 * The event store on SQLite. Appends of one event-loop turn share one transaction (one fsync,
 * see GroupCommit); each append runs in its own savepoint, so one that fails (a seq conflict)
 * is rolled back alone and the others commit. Nothing resolves before its transaction committed.
 */
export class SqliteEventStore implements EventStore {
  private readonly q: ReturnType<typeof prepare>;
  private readonly group: GroupCommit;
  /** The writer thread, when the appends are written off the event loop. */
  readonly worker: SqliteWorkerWriter | undefined;

  /**
   * `grouped: false` gives every append its own transaction (the benchmark's baseline).
   * `writer: 'loop'` runs the group's transaction on this thread, `'worker'` on a worker thread.
   */
  constructor(
    private readonly database: OpenedDatabase,
    options: SqliteEventStoreOptions = {},
  ) {
    this.q = prepare(database.db);
    const { sqlite } = database;
    // better-sqlite3 runs a transaction function called inside another as a SAVEPOINT.
    const one = sqlite.transaction((a: PendingAppend) => this.write(a));
    const batch = sqlite.transaction((list: PendingAppend[]): AppendOutcome[] =>
      list.map((a) => {
        try {
          return { ok: true, stored: one(a) };
        } catch (error) {
          // Some errors (disk full, I/O) make SQLite roll the whole transaction back: then the
          // appends after this one would run outside it, so the batch fails as a whole instead.
          if (!sqlite.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
    // IMMEDIATE: the write lock is taken at BEGIN, so another process sharing the file (several
    // nodes on one SQLite file, in tests) makes this wait (busy_timeout) rather than fail on upgrade.
    const writer = options.writer ?? DEFAULT_WRITER;
    if (writer === 'worker' && (options.grouped ?? true)) {
      // A second connection to ':memory:' would be a second, empty database.
      if (sqlite.memory) throw new Error("the SQLite writer thread needs a database file, not ':memory:'");
      const worker = new SqliteWorkerWriter(database.sqlite.name);
      this.worker = worker;
      this.group = new GroupCommit((list: PendingAppend[]) => worker.write(list));
    } else this.group = new GroupCommit((list: PendingAppend[]) => batch.immediate(list), options.grouped ?? true);
  }

  /** Transactions written and appends they held. */
  get stats(): GroupCommit['stats'] {
    return this.group.stats;
  }

  async createSession(record: SessionRecord): Promise<void> {
    this.database.db.insert(sessions).values({ ...record, updatedAt: record.createdAt }).run();
  }

  append(sessionId: string, expectedSeq: number, list: GameEvent[], extra: AppendExtra = {}): Promise<StoredEvent[]> {
    return this.group.append({ sessionId, expectedSeq, events: list, extra });
  }

  /** One append, inside its savepoint. */
  private write({ sessionId, expectedSeq, events: list, extra }: PendingAppend): StoredEvent[] {
    // The primary key (session_id, seq) refuses a second writer at the same seq, but not a gap: an
    // append decided on top of one that failed would leave one. So the log's end is checked first.
    const last = this.q.lastSeq.get({ sessionId })?.seq ?? 0;
    if (last !== expectedSeq) throw new AppendConflict(sessionId, expectedSeq, last);
    const stored = list.map((event, i) => ({ seq: expectedSeq + i + 1, event }));
    // The unique index on (session_id, command_id) refuses the same command stored twice.
    for (const [i, { seq, event }] of stored.entries()) {
      const commandId = i === 0 ? (extra.commandKey ?? null) : null;
      this.q.insertEvent.run({ sessionId, seq, type: event.type, payload: JSON.stringify(event), at: eventAt(event), commandId });
    }
    if (extra.handOver) {
      const { seatId, fromSeatId } = extra.handOver;
      this.q.revokeSeat.run({ sessionId, seatId });
      if (fromSeatId !== null) this.q.moveTokens.run({ sessionId, seatId, fromSeatId });
    }
    for (const t of extra.seatTokens ?? []) this.q.insertToken.run({ tokenHash: t.tokenHash, sessionId, seatId: t.seatId, createdAt: Date.now() });
    const lastEvent = stored[stored.length - 1];
    const at = lastEvent ? eventAt(lastEvent.event) : Date.now();
    if (extra.status) this.q.touchStatus.run({ sessionId, at, status: extra.status });
    else this.q.touch.run({ sessionId, at });
    return stored;
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    return this.q.hasCommand.get({ sessionId, commandId: commandKey }) !== undefined;
  }

  async load(sessionId: string, afterSeq = 0): Promise<StoredEvent[]> {
    return this.q.load.all({ sessionId, afterSeq }).map((row) => ({ seq: row.seq, event: JSON.parse(row.payload) as GameEvent }));
  }

  async liveSessions(): Promise<SessionRecord[]> {
    return this.database.db.select().from(sessions).where(ne(sessions.status, 'ended')).all().map(toRecord);
  }

  async findSession({ id, code }: { id?: string; code?: string }): Promise<SessionRecord | undefined> {
    const row = id !== undefined ? this.q.byId.get({ id }) : code !== undefined ? this.q.byCode.get({ code }) : undefined;
    return row ? toRecord(row) : undefined;
  }

  async listSessions(facilitatorId: string | null): Promise<SessionRecord[]> {
    const query = this.database.db.select().from(sessions);
    const rows = facilitatorId === null ? query.all() : query.where(eq(sessions.facilitatorId, facilitatorId)).all();
    return rows.map(toRecord).sort((a, b) => b.createdAt - a.createdAt);
  }

  async seatForToken(sessionId: string, tokenHash: string): Promise<string | undefined> {
    return this.q.seatForToken.get({ sessionId, tokenHash })?.seatId;
  }

  /** Writes what waits, then refuses appends; the writer thread (if any) ends after. */
  async close(): Promise<void> {
    await this.group.close();
    await this.worker?.close();
  }
}
