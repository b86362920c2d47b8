import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { classLinks } from '../../db/schema';
import { newToken } from '../runtime/codes';
import type { ClassLink, ClassReveal } from './types';

/** What a new link reveals until the facilitator says otherwise: nothing secret. */
export const DEFAULT_REVEAL: ClassReveal = { tables: [], backChannels: false, names: false };

function parseReveal(text: string): ClassReveal {
  try {
    const r = JSON.parse(text) as Partial<ClassReveal>;
    return {
      tables: r.tables === 'all' ? 'all' : Array.isArray(r.tables) ? r.tables.filter((t): t is string => typeof t === 'string') : [],
      backChannels: r.backChannels === true,
      names: r.names === true,
    };
  } catch {
    // A damaged row reveals nothing rather than everything.
    return DEFAULT_REVEAL;
  }
}

export function getClassLink(db: Db, sessionId: string): ClassLink {
  const row = db.select().from(classLinks).where(eq(classLinks.sessionId, sessionId)).get();
  if (!row) return { enabled: false, token: null, reveal: DEFAULT_REVEAL };
  return { enabled: row.enabled === 1, token: row.token, reveal: parseReveal(row.reveal) };
}

/** Turns the link on or off and sets what it reveals; the token is made the first time and kept. */
export function setClassLink(db: Db, sessionId: string, enabled: boolean, reveal: ClassReveal, now: number): ClassLink {
  const existing = db.select().from(classLinks).where(eq(classLinks.sessionId, sessionId)).get();
  const value = { enabled: enabled ? 1 : 0, reveal: JSON.stringify(reveal), updatedAt: now };
  if (existing) db.update(classLinks).set(value).where(eq(classLinks.sessionId, sessionId)).run();
  else db.insert(classLinks).values({ sessionId, token: newToken(), ...value }).run();
  return getClassLink(db, sessionId);
}

/** The session a class link opens, if the link exists and is on. */
export function sessionForClassToken(db: Db, token: string): { sessionId: string; link: ClassLink } | { error: 'UNKNOWN_CLASS_LINK' | 'CLASS_LINK_OFF' } {
  const row = db.select().from(classLinks).where(eq(classLinks.token, token)).get();
  if (!row) return { error: 'UNKNOWN_CLASS_LINK' };
  if (row.enabled !== 1) return { error: 'CLASS_LINK_OFF' };
  return { sessionId: row.sessionId, link: { enabled: true, token: row.token, reveal: parseReveal(row.reveal) } };
}
