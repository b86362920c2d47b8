import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authSessions, facilitators, setupTokens } from '../../db/schema';
import { hashToken, newId, newToken } from '../runtime/codes';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export interface Facilitator {
  id: string;
  email: string;
  isAdmin: boolean;
}

export const SESSION_COOKIE = 'bc_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export class AccountError extends Error {
  constructor(readonly code: 'EMAIL_INVALID' | 'EMAIL_TAKEN' | 'PASSWORD_TOO_SHORT' | 'BAD_SETUP_TOKEN', message: string) {
    super(message);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createFacilitator(db: Db, input: { email: string; password: string; isAdmin: boolean }, now = Date.now()): Promise<Facilitator> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 200) throw new AccountError('EMAIL_INVALID', `“${input.email}” is not an email address.`);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AccountError('PASSWORD_TOO_SHORT', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  if (db.select({ id: facilitators.id }).from(facilitators).where(eq(facilitators.email, email)).get()) {
    throw new AccountError('EMAIL_TAKEN', `There is already an account for ${email}.`);
  }
  const id = newId('fac');
  const passwordHash = await hashPassword(input.password);
  try {
    db.insert(facilitators).values({ id, email, passwordHash, isAdmin: input.isAdmin ? 1 : 0, createdAt: now }).run();
  } catch (error) {
    // Two creations of the same email at once: the check above passed for both, the index did not.
    if (error instanceof Error && /UNIQUE constraint failed: facilitators\.email/.test(error.message)) {
      throw new AccountError('EMAIL_TAKEN', `There is already an account for ${email}.`);
    }
    throw error;
  }
  return { id, email, isAdmin: input.isAdmin };
}

export function countFacilitators(db: Db): number {
  return db.select({ n: count() }).from(facilitators).get()?.n ?? 0;
}

export function listFacilitators(db: Db): Facilitator[] {
  return db.select().from(facilitators).all().map((f) => ({ id: f.id, email: f.email, isAdmin: f.isAdmin === 1 }));
}

/** Checks the password and opens a login session; returns the cookie token (never stored). */
export async function login(db: Db, email: string, password: string, now = Date.now()): Promise<{ token: string; expiresAt: number; facilitator: Facilitator } | null> {
  const row = db.select().from(facilitators).where(eq(facilitators.email, normaliseEmail(email))).get();
  // Verify against a dummy hash when the account does not exist, so timing does not reveal emails.
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) return null;
  const token = newToken();
  const expiresAt = now + SESSION_TTL_MS;
  db.insert(authSessions).values({ id: hashToken(token), facilitatorId: row.id, expiresAt }).run();
  return { token, expiresAt, facilitator: { id: row.id, email: row.email, isAdmin: row.isAdmin === 1 } };
}

export function logout(db: Db, token: string): void {
  db.delete(authSessions).where(eq(authSessions.id, hashToken(token))).run();
}

export function facilitatorForToken(db: Db, token: string | undefined, now = Date.now()): Facilitator | null {
  if (!token) return null;
  const row = db
    .select({ id: facilitators.id, email: facilitators.email, isAdmin: facilitators.isAdmin, expiresAt: authSessions.expiresAt })
    .from(authSessions)
    .innerJoin(facilitators, eq(authSessions.facilitatorId, facilitators.id))
    .where(eq(authSessions.id, hashToken(token)))
    .get();
  if (!row || row.expiresAt <= now) return null;
  return { id: row.id, email: row.email, isAdmin: row.isAdmin === 1 };
}

/** At first start (no account yet) a one-time token lets whoever reads the server log create the admin. */
export function issueSetupToken(db: Db, now = Date.now()): string {
  const token = newToken();
  db.insert(setupTokens).values({ tokenHash: hashToken(token), createdAt: now }).run();
  return token;
}

/**
 * What the /setup page may say before anyone fills its form: the link works, it does not (used,
 * mistyped or never issued: the same answer), or no link is needed because an account exists.
 */
export type SetupStatus = 'valid' | 'invalid' | 'not-needed' | 'no-token';

export function setupStatus(db: Db, token: string | undefined): SetupStatus {
  if (countFacilitators(db) > 0) return 'not-needed';
  if (!token) return 'no-token';
  const row = db.select({ usedAt: setupTokens.usedAt }).from(setupTokens).where(eq(setupTokens.tokenHash, hashToken(token))).get();
  return row && row.usedAt === null ? 'valid' : 'invalid';
}

export async function completeSetup(db: Db, token: string, email: string, password: string, now = Date.now()): Promise<Facilitator> {
  const invalid = () => new AccountError('BAD_SETUP_TOKEN', 'This setup link is not valid (it may have been used already).');
  if (countFacilitators(db) > 0) throw invalid();
  // Claim the token before the slow password hashing, in one statement: of two requests at once,
  // only one changes the row.
  const claimed = db.update(setupTokens).set({ usedAt: now }).where(and(eq(setupTokens.tokenHash, hashToken(token)), isNull(setupTokens.usedAt))).run();
  if (claimed.changes !== 1) throw invalid();
  try {
    const created = await createFacilitator(db, { email, password, isAdmin: true }, now);
    // Every other setup link printed earlier dies with the first account.
    db.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt)).run();
    return created;
  } catch (error) {
    // A bad email or password: give the token back so the person can correct the form.
    db.update(setupTokens).set({ usedAt: null }).where(eq(setupTokens.tokenHash, hashToken(token))).run();
    throw error;
  }
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
