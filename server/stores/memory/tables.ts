import type { SeatTokenRecord, StoredEvent } from '../../runtime/ports';
import type { ClassLinkRecord, FacilitatorRecord, Json, LoginRecord, SessionRecord, UploadRecord } from '../ports';

/**
 * What the in-memory twins hold, shared by all of them as one database's tables are: a removed
 * account takes its uploads along, a deleted session its log, tokens and class link. Records are
 * copied on the way in and out, so a caller never holds a stored object.
 */
export interface MemoryTables {
  facilitators: Map<string, FacilitatorRecord>;
  logins: Map<string, LoginRecord>;
  setupTokens: Map<string, { createdAt: number; usedAt: number | null }>;
  /** `updatedAt`: the session's last event (or its creation, or import): the retention sweep's clock. */
  sessions: Map<string, SessionRecord & { updatedAt: number }>;
  logs: Map<string, StoredEvent[]>;
  seatTokens: Map<string, SeatTokenRecord & { sessionId: string }>;
  /** `${sessionId} ${commandKey}` */
  commands: Set<string>;
  uploads: Map<string, UploadRecord>;
  classLinks: Map<string, ClassLinkRecord>;
  settings: Map<string, { value: Json; updatedAt: number }>;
  /**
   * Whether references are checked (a session's facilitator must exist…). A lone MemoryEventStore,
   * as the runtime's unit tests use it, has no accounts to check against.
   */
  checkReferences: boolean;
}

export function emptyTables(checkReferences: boolean): MemoryTables {
  return {
    facilitators: new Map(), logins: new Map(), setupTokens: new Map(), sessions: new Map(), logs: new Map(), seatTokens: new Map(),
    commands: new Set(), uploads: new Map(), classLinks: new Map(), settings: new Map(), checkReferences,
  };
}

/** A copy, as a database returns a fresh row (undefined stays undefined). */
export function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** Deletes a session with everything that refers to it (a database's ON DELETE CASCADE). */
export function dropSession(t: MemoryTables, sessionId: string): boolean {
  if (!t.sessions.delete(sessionId)) return false;
  t.logs.delete(sessionId);
  for (const [hash, token] of t.seatTokens) if (token.sessionId === sessionId) t.seatTokens.delete(hash);
  for (const key of t.commands) if (key.startsWith(`${sessionId} `)) t.commands.delete(key);
  t.classLinks.delete(sessionId);
  return true;
}
