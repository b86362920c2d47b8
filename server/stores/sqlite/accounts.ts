import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/client';
import { authSessions, facilitators, sessions, setupTokens } from '../../../db/schema';
import type { AccountStore, CreateFacilitatorResult, FacilitatorRecord, LoginRecord, RemoveFacilitatorResult, SetupTokenStore } from '../ports';
import { sqliteCode, UNIQUE } from './errors';

type Row = typeof facilitators.$inferSelect;
const toRecord = (row: Row): FacilitatorRecord => ({ id: row.id, email: row.email, passwordHash: row.passwordHash, isAdmin: row.isAdmin === 1, createdAt: row.createdAt });

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  async create(record: FacilitatorRecord): Promise<CreateFacilitatorResult> {
    try {
      this.db.insert(facilitators).values({ ...record, isAdmin: record.isAdmin ? 1 : 0 }).run();
      return { ok: true };
    } catch (error) {
      // The id is fresh and random: a unique violation is the email (another writer got there first).
      if (sqliteCode(error) === UNIQUE) return { ok: false, code: 'EMAIL_TAKEN' };
      throw error;
    }
  }

  async byId(id: string): Promise<FacilitatorRecord | undefined> {
    const row = this.db.select().from(facilitators).where(eq(facilitators.id, id)).get();
    return row && toRecord(row);
  }

  async byEmail(email: string): Promise<FacilitatorRecord | undefined> {
    const row = this.db.select().from(facilitators).where(eq(facilitators.email, email)).get();
    return row && toRecord(row);
  }

  async count(): Promise<number> {
    return this.db.select({ n: count() }).from(facilitators).get()?.n ?? 0;
  }

  async list(): Promise<FacilitatorRecord[]> {
    return this.db.select().from(facilitators).orderBy(asc(facilitators.createdAt), asc(facilitators.email)).all().map(toRecord);
  }

  async remove(id: string, heirId: string): Promise<RemoveFacilitatorResult> {
    return this.db.transaction((tx): RemoveFacilitatorResult => {
      const row = tx.select({ email: facilitators.email }).from(facilitators).where(eq(facilitators.id, id)).get();
      if (!row) return { ok: false, code: 'UNKNOWN_FACILITATOR' };
      if (!tx.select({ id: facilitators.id }).from(facilitators).where(eq(facilitators.id, heirId)).get()) return { ok: false, code: 'UNKNOWN_HEIR' };
      const sessionsMoved = tx.update(sessions).set({ facilitatorId: heirId }).where(eq(sessions.facilitatorId, id)).run().changes;
      tx.delete(authSessions).where(eq(authSessions.facilitatorId, id)).run();
      // Its uploads go by the foreign key's cascade.
      tx.delete(facilitators).where(eq(facilitators.id, id)).run();
      return { ok: true, email: row.email, sessionsMoved };
    });
  }

  async setPasswordHash(id: string, passwordHash: string, keepLogin?: string): Promise<boolean> {
    return this.db.transaction((tx) => {
      if (tx.update(facilitators).set({ passwordHash }).where(eq(facilitators.id, id)).run().changes === 0) return false;
      const others = keepLogin === undefined ? eq(authSessions.facilitatorId, id) : and(eq(authSessions.facilitatorId, id), ne(authSessions.id, keepLogin));
      tx.delete(authSessions).where(others).run();
      return true;
    });
  }

  async addLogin(login: LoginRecord): Promise<void> {
    this.db.insert(authSessions).values({ id: login.tokenHash, facilitatorId: login.facilitatorId, expiresAt: login.expiresAt }).run();
  }

  async endLogin(tokenHash: string): Promise<void> {
    this.db.delete(authSessions).where(eq(authSessions.id, tokenHash)).run();
  }

  async loginAt(tokenHash: string, now: number): Promise<{ facilitator: FacilitatorRecord; expiresAt: number } | undefined> {
    const row = this.db
      .select({ facilitator: facilitators, expiresAt: authSessions.expiresAt })
      .from(authSessions)
      .innerJoin(facilitators, eq(authSessions.facilitatorId, facilitators.id))
      .where(eq(authSessions.id, tokenHash))
      .get();
    if (!row || row.expiresAt <= now) return undefined;
    return { facilitator: toRecord(row.facilitator), expiresAt: row.expiresAt };
  }
}

export class SqliteSetupTokenStore implements SetupTokenStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  async add(tokenHash: string, createdAt: number): Promise<void> {
    this.db.insert(setupTokens).values({ tokenHash, createdAt }).run();
  }

  async state(tokenHash: string): Promise<'unused' | 'used' | undefined> {
    const row = this.db.select({ usedAt: setupTokens.usedAt }).from(setupTokens).where(eq(setupTokens.tokenHash, tokenHash)).get();
    return row ? (row.usedAt === null ? 'unused' : 'used') : undefined;
  }

  async claim(tokenHash: string, now: number): Promise<boolean> {
    // One statement: of two claims at once, only one changes the row.
    return this.db.update(setupTokens).set({ usedAt: now }).where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt))).run().changes === 1;
  }

  async release(tokenHash: string): Promise<void> {
    this.db.update(setupTokens).set({ usedAt: null }).where(eq(setupTokens.tokenHash, tokenHash)).run();
  }

  async useAll(now: number): Promise<void> {
    this.db.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt)).run();
  }
}
