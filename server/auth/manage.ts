import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authSessions, facilitators, sessions } from '../../db/schema';
import { hashToken } from '../runtime/codes';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

/** Account management: an admin removes facilitators and resets passwords; everyone changes their own. */
export class ManageError extends Error {
  constructor(readonly code: 'UNKNOWN_FACILITATOR' | 'CANNOT_REMOVE_SELF' | 'WRONG_PASSWORD' | 'PASSWORD_TOO_SHORT' | 'SAME_PASSWORD', message: string) {
    super(message);
  }
}

function checkLength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ManageError('PASSWORD_TOO_SHORT', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
}

function account(db: Db, id: string) {
  const row = db.select().from(facilitators).where(eq(facilitators.id, id)).get();
  if (!row) throw new ManageError('UNKNOWN_FACILITATOR', 'There is no such facilitator account.');
  return row;
}

/**
 * Removes an account and ends its logins. Its sessions pass to the admin who removed it, so a
 * class's record (debrief, scores) is not lost with the teacher's account; its uploaded scenarios go.
 */
export function removeFacilitator(db: Db, adminId: string, id: string): { email: string; sessionsMoved: number } {
  if (id === adminId) throw new ManageError('CANNOT_REMOVE_SELF', 'You cannot remove your own account; another administrator can.');
  const row = account(db, id);
  let moved = 0;
  db.transaction((tx) => {
    moved = tx.update(sessions).set({ facilitatorId: adminId }).where(eq(sessions.facilitatorId, id)).run().changes;
    tx.delete(authSessions).where(eq(authSessions.facilitatorId, id)).run();
    tx.delete(facilitators).where(eq(facilitators.id, id)).run();
  });
  return { email: row.email, sessionsMoved: moved };
}

/** An admin sets a new password for someone who forgot theirs; every login of that account ends. */
export async function resetPassword(db: Db, adminId: string, id: string, password: string): Promise<void> {
  if (id === adminId) throw new ManageError('CANNOT_REMOVE_SELF', 'Change your own password with your current one (auth.changePassword).');
  checkLength(password);
  account(db, id);
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(facilitators).set({ passwordHash }).where(eq(facilitators.id, id)).run();
    tx.delete(authSessions).where(eq(authSessions.facilitatorId, id)).run();
  });
}

/**
 * A facilitator changes their own password, proving the current one. Their other logins end
 * (a stolen cookie stops working); the one making the change stays signed in.
 */
export async function changePassword(db: Db, id: string, currentToken: string, current: string, next: string): Promise<void> {
  const row = account(db, id);
  if (!(await verifyPassword(current, row.passwordHash))) throw new ManageError('WRONG_PASSWORD', 'Your current password is not right.');
  checkLength(next);
  if (next === current) throw new ManageError('SAME_PASSWORD', 'The new password is the same as the current one.');
  const passwordHash = await hashPassword(next);
  db.transaction((tx) => {
    tx.update(facilitators).set({ passwordHash }).where(eq(facilitators.id, id)).run();
    tx.delete(authSessions).where(and(eq(authSessions.facilitatorId, id), ne(authSessions.id, hashToken(currentToken)))).run();
  });
}
