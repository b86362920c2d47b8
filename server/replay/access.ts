import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import type { Facilitator } from '../auth/accounts';

export type SessionRow = typeof sessions.$inferSelect;

/**
 * The session, if this facilitator runs it (admins see all). Another facilitator's session is
 * answered like one that does not exist, so ids cannot be probed.
 */
export function ownedSession(db: Db, facilitator: Facilitator, sessionId: string): SessionRow | null {
  const row = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!row || (row.facilitatorId !== facilitator.id && !facilitator.isAdmin)) return null;
  return row;
}
