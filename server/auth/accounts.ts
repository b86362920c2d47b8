import { hashToken, newId, newToken } from '../runtime/codes';
import type { AccountStore, FacilitatorRecord, Stores } from '../stores/ports';
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

const publicFacilitator = (row: FacilitatorRecord): Facilitator => ({ id: row.id, email: row.email, isAdmin: row.isAdmin });

export async function createFacilitator(accounts: AccountStore, input: { email: string; password: string; isAdmin: boolean }, now = Date.now()): Promise<Facilitator> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 200) throw new AccountError('EMAIL_INVALID', `“${input.email}” is not an email address.`);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AccountError('PASSWORD_TOO_SHORT', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  const taken = () => new AccountError('EMAIL_TAKEN', `There is already an account for ${email}.`);
  // Checked before the slow hashing; the store checks again (two creations of one email at once).
  if (await accounts.byEmail(email)) throw taken();
  const id = newId('fac');
  const passwordHash = await hashPassword(input.password);
  const created = await accounts.create({ id, email, passwordHash, isAdmin: input.isAdmin, createdAt: now });
  if (!created.ok) throw taken();
  return { id, email, isAdmin: input.isAdmin };
}

export function countFacilitators(accounts: AccountStore): Promise<number> {
  return accounts.count();
}

export async function listFacilitators(accounts: AccountStore): Promise<Facilitator[]> {
  return (await accounts.list()).map(publicFacilitator);
}

/** Checks the password and opens a login session; returns the cookie token (never stored). */
export async function login(accounts: AccountStore, email: string, password: string, now = Date.now()): Promise<{ token: string; expiresAt: number; facilitator: Facilitator } | null> {
  const row = await accounts.byEmail(normaliseEmail(email));
  // Verify against a dummy hash when the account does not exist, so timing does not reveal emails.
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) return null;
  const token = newToken();
  const expiresAt = now + SESSION_TTL_MS;
  await accounts.addLogin({ tokenHash: hashToken(token), facilitatorId: row.id, expiresAt });
  return { token, expiresAt, facilitator: publicFacilitator(row) };
}

export function logout(accounts: AccountStore, token: string): Promise<void> {
  return accounts.endLogin(hashToken(token));
}

/** The login a cookie token opens, with when it expires (a live socket ends then). */
export async function loginFor(accounts: AccountStore, token: string | undefined, now = Date.now()): Promise<{ facilitator: Facilitator; expiresAt: number } | null> {
  if (!token) return null;
  const found = await accounts.loginAt(hashToken(token), now);
  return found ? { facilitator: publicFacilitator(found.facilitator), expiresAt: found.expiresAt } : null;
}

export async function facilitatorForToken(accounts: AccountStore, token: string | undefined, now = Date.now()): Promise<Facilitator | null> {
  return (await loginFor(accounts, token, now))?.facilitator ?? null;
}

/** At first start (no account yet) a one-time token lets whoever reads the server log create the admin. */
export async function issueSetupToken(setupTokens: Stores['setupTokens'], now = Date.now()): Promise<string> {
  const token = newToken();
  await setupTokens.add(hashToken(token), now);
  return token;
}

/**
 * What the /setup page may say before anyone fills its form: the link works, it does not (used,
 * mistyped or never issued: the same answer), or no link is needed because an account exists.
 */
export type SetupStatus = 'valid' | 'invalid' | 'not-needed' | 'no-token';

type SetupStores = Pick<Stores, 'accounts' | 'setupTokens'>;

export async function setupStatus(stores: SetupStores, token: string | undefined): Promise<SetupStatus> {
  if ((await stores.accounts.count()) > 0) return 'not-needed';
  if (!token) return 'no-token';
  return (await stores.setupTokens.state(hashToken(token))) === 'unused' ? 'valid' : 'invalid';
}

export async function completeSetup(stores: SetupStores, token: string, email: string, password: string, now = Date.now()): Promise<Facilitator> {
  const invalid = () => new AccountError('BAD_SETUP_TOKEN', 'This setup link is not valid (it may have been used already).');
  if ((await stores.accounts.count()) > 0) throw invalid();
  // Claim the token before the slow password hashing: of two requests at once, only one wins it.
  const tokenHash = hashToken(token);
  if (!(await stores.setupTokens.claim(tokenHash, now))) throw invalid();
  try {
    const created = await createFacilitator(stores.accounts, { email, password, isAdmin: true }, now);
    // Every other setup link printed earlier dies with the first account.
    await stores.setupTokens.useAll(now);
    return created;
  } catch (error) {
    // A bad email or password: give the token back so the person can correct the form.
    await stores.setupTokens.release(tokenHash);
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
