import type { Facilitator } from '../auth/accounts';
import type { EventStore, SessionRecord } from '../runtime/ports';

/**
 * The session, if this facilitator runs it (admins see all). Another facilitator's session is
 * answered like one that does not exist, so ids cannot be probed.
 */
export async function ownedSession(store: EventStore, facilitator: Facilitator, sessionId: string): Promise<SessionRecord | null> {
  const row = await store.findSession({ id: sessionId });
  if (!row || (row.facilitatorId !== facilitator.id && !facilitator.isAdmin)) return null;
  return row;
}
