import { newToken } from '../runtime/codes';
import type { ClassLinkRecord, ClassLinkStore } from '../stores/ports';
import type { ClassLink, ClassReveal } from './types';

/** What a new link reveals until the facilitator says otherwise: nothing secret. */
export const DEFAULT_REVEAL: ClassReveal = { tables: [], backChannels: false, names: false };

/** What a stored link reveals; anything it cannot understand (a damaged row) reveals nothing rather than everything. */
function parseReveal(value: unknown): ClassReveal {
  if (typeof value !== 'object' || value === null) return DEFAULT_REVEAL;
  const r = value as Partial<Record<keyof ClassReveal, unknown>>;
  return {
    tables: r.tables === 'all' ? 'all' : Array.isArray(r.tables) ? r.tables.filter((t): t is string => typeof t === 'string') : [],
    backChannels: r.backChannels === true,
    names: r.names === true,
  };
}

const toLink = (row: ClassLinkRecord): ClassLink => ({ enabled: row.enabled, token: row.token, reveal: parseReveal(row.reveal) });

export async function getClassLink(store: ClassLinkStore, sessionId: string): Promise<ClassLink> {
  const row = await store.bySession(sessionId);
  return row ? toLink(row) : { enabled: false, token: null, reveal: DEFAULT_REVEAL };
}

/** Turns the link on or off and sets what it reveals; the token is made the first time and kept. Undefined if the session is gone. */
export async function setClassLink(store: ClassLinkStore, sessionId: string, enabled: boolean, reveal: ClassReveal, now: number): Promise<ClassLink | undefined> {
  const row = await store.save({ sessionId, enabled, reveal, now, newToken: newToken() });
  return row && toLink(row);
}

/** The session a class link opens, if the link exists and is on. */
export async function sessionForClassToken(store: ClassLinkStore, token: string): Promise<{ sessionId: string; link: ClassLink } | { error: 'UNKNOWN_CLASS_LINK' | 'CLASS_LINK_OFF' }> {
  const row = await store.byToken(token);
  if (!row) return { error: 'UNKNOWN_CLASS_LINK' };
  if (!row.enabled) return { error: 'CLASS_LINK_OFF' };
  return { sessionId: row.sessionId, link: toLink(row) };
}
