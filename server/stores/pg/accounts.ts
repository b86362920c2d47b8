// Facilitator accounts, their logins and the one-time setup tokens, on PostgreSQL. A taken email is
// told by the unique violation's SQLSTATE and constraint name, never by the message text.
import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import type { PgDb } from '../../../db/pg/client';
import { isUniqueViolation } from '../../../db/pg/errors';
import { authSessions, facilitators, sessions, setupTokens } from '../../../db/pg/schema';
import type { AccountStore, CreateFacilitatorResult, FacilitatorRecord, LoginRecord, RemoveFacilitatorResult, SetupTokenStore } from '../ports';

const toRecord = (row: typeof facilitators.$inferSelect): FacilitatorRecord => ({
  id: row.id,
  email: row.email,
  passwordHash: row.passwordHash,
  isAdmin: row.isAdmin === 1,
  createdAt: row.createdAt,
});

export class PgAccountStore implements AccountStore {
  constructor(private readonly db: PgDb) {}

  async create(record: FacilitatorRecord): Promise<CreateFacilitatorResult> {
    try {
      await this.db.insert(facilitators).values({ ...record, isAdmin: record.isAdmin ? 1 : 0 });
      return { ok: true };
    } catch (error) {
      if (isUniqueViolation(error, 'facilitators_email_unique')) return { ok: false, code: 'EMAIL_TAKEN' };
      throw error;
    }
  }

  async byId(id: string): Promise<FacilitatorRecord | undefined> {
    const [row] = await this.db.select().from(facilitators).where(eq(facilitators.id, id));
    return row ? toRecord(row) : undefined;
  }

  async byEmail(email: string): Promise<FacilitatorRecord | undefined> {
    const [row] = await this.db.select().from(facilitators).where(eq(facilitators.email, email));
    return row ? toRecord(row) : undefined;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(facilitators);
    return row?.n ?? 0;
  }

  async list(): Promise<FacilitatorRecord[]> {
    return (await this.db.select().from(facilitators).orderBy(asc(facilitators.createdAt), asc(facilitators.email))).map(toRecord);
  }

  remove(id: string, heirId: string): Promise<RemoveFacilitatorResult> {
    return this.db.transaction(async (tx) => {
      // Locked, so a login or upload cannot be added to the account while it goes.
      const [gone] = await tx.select().from(facilitators).where(eq(facilitators.id, id)).for('update');
      if (!gone) return { ok: false, code: 'UNKNOWN_FACILITATOR' };
      const [heir] = await tx.select({ id: facilitators.id }).from(facilitators).where(eq(facilitators.id, heirId)).for('share');
      if (!heir) return { ok: false, code: 'UNKNOWN_HEIR' };
      const moved = await tx.update(sessions).set({ facilitatorId: heirId }).where(eq(sessions.facilitatorId, id)).returning({ id: sessions.id });
      // Its logins and uploads go with it (ON DELETE CASCADE).
      await tx.delete(facilitators).where(eq(facilitators.id, id));
      return { ok: true, email: gone.email, sessionsMoved: moved.length };
    });
  }

  setPasswordHash(id: string, passwordHash: string, keepLogin?: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const updated = await tx.update(facilitators).set({ passwordHash }).where(eq(facilitators.id, id)).returning({ id: facilitators.id });
      if (updated.length === 0) return false;
      const mine = eq(authSessions.facilitatorId, id);
      await tx.delete(authSessions).where(keepLogin === undefined ? mine : and(mine, ne(authSessions.id, keepLogin)));
      return true;
    });
  }

  async addLogin(login: LoginRecord): Promise<void> {
    await this.db.insert(authSessions).values({ id: login.tokenHash, facilitatorId: login.facilitatorId, expiresAt: login.expiresAt });
  }

  async endLogin(tokenHash: string): Promise<void> {
    await this.db.delete(authSessions).where(eq(authSessions.id, tokenHash));
  }

  async loginAt(tokenHash: string, now: number): Promise<{ facilitator: FacilitatorRecord; expiresAt: number } | undefined> {
    const [row] = await this.db
      .select({ facilitator: facilitators, expiresAt: authSessions.expiresAt })
      .from(authSessions)
      .innerJoin(facilitators, eq(facilitators.id, authSessions.facilitatorId))
      .where(and(eq(authSessions.id, tokenHash), gt(authSessions.expiresAt, now)));
    return row ? { facilitator: toRecord(row.facilitator), expiresAt: row.expiresAt } : undefined;
  }
}

export class PgSetupTokenStore implements SetupTokenStore {
  constructor(private readonly db: PgDb) {}

  async add(tokenHash: string, createdAt: number): Promise<void> {
    await this.db.insert(setupTokens).values({ tokenHash, createdAt });
  }

  async state(tokenHash: string): Promise<'unused' | 'used' | undefined> {
    const [row] = await this.db.select({ usedAt: setupTokens.usedAt }).from(setupTokens).where(eq(setupTokens.tokenHash, tokenHash));
    return row ? (row.usedAt === null ? 'unused' : 'used') : undefined;
  }

  async claim(tokenHash: string, now: number): Promise<boolean> {
    // A second claim waits for the first's row lock, then finds used_at set and updates nothing.
    const claimed = await this.db
      .update(setupTokens)
      .set({ usedAt: now })
      .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt)))
      .returning({ tokenHash: setupTokens.tokenHash });
    return claimed.length > 0;
  }

  async release(tokenHash: string): Promise<void> {
    await this.db.update(setupTokens).set({ usedAt: null }).where(eq(setupTokens.tokenHash, tokenHash));
  }

  async useAll(now: number): Promise<void> {
    await this.db.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt));
  }
}
