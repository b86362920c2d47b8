import { hashToken } from '../runtime/codes';
import type { AccountStore, FacilitatorRecord } from '../stores/ports';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

/** Account management: an admin removes facilitators and resets passwords; everyone changes their own. */
export class ManageError extends Error {
  constructor(readonly code: 'UNKNOWN_FACILITATOR' | 'CANNOT_REMOVE_SELF' | 'WRONG_PASSWORD' | 'PASSWORD_TOO_SHORT' | 'SAME_PASSWORD', message: string) {
    super(message);
  }
}

const unknown = () => new ManageError('UNKNOWN_FACILITATOR', 'There is no such facilitator account.');

function checkLength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ManageError('PASSWORD_TOO_SHORT', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
}

async function account(accounts: AccountStore, id: string): Promise<FacilitatorRecord> {
  const row = await accounts.byId(id);
  if (!row) throw unknown();
  return row;
}

/**
 * Removes an account and ends its logins. Its sessions pass to the admin who removed it, so a
 * class's record (debrief, scores) is not lost with the teacher's account; its uploaded scenarios go.
 */
export async function removeFacilitator(accounts: AccountStore, adminId: string, id: string): Promise<{ email: string; sessionsMoved: number }> {
  if (id === adminId) throw new ManageError('CANNOT_REMOVE_SELF', 'You cannot remove your own account; another administrator can.');
  const removed = await accounts.remove(id, adminId);
  // UNKNOWN_HEIR: the admin's own account went meanwhile; nothing was changed either way.
  if (!removed.ok) throw unknown();
  return { email: removed.email, sessionsMoved: removed.sessionsMoved };
}

/** An admin sets a new password for someone who forgot theirs; every login of that account ends. */
export async function resetPassword(accounts: AccountStore, adminId: string, id: string, password: string): Promise<void> {
  if (id === adminId) throw new ManageError('CANNOT_REMOVE_SELF', 'Change your own password with your current one (auth.changePassword).');
  checkLength(password);
  await account(accounts, id);
  const passwordHash = await hashPassword(password);
  if (!(await accounts.setPasswordHash(id, passwordHash))) throw unknown();
}

/**
 * A facilitator changes their own password, proving the current one. Their other logins end
 * (a stolen cookie stops working); the one making the change stays signed in.
 */
export async function changePassword(accounts: AccountStore, id: string, currentToken: string, current: string, next: string): Promise<void> {
  const row = await account(accounts, id);
  if (!(await verifyPassword(current, row.passwordHash))) throw new ManageError('WRONG_PASSWORD', 'Your current password is not right.');
  checkLength(next);
  if (next === current) throw new ManageError('SAME_PASSWORD', 'The new password is the same as the current one.');
  const passwordHash = await hashPassword(next);
  if (!(await accounts.setPasswordHash(id, passwordHash, hashToken(currentToken)))) throw unknown();
}
