import type { GameEvent } from '../engine';
import type { EventStore, SessionRecord } from '../runtime/ports';

/**
 * The ports for everything the database holds besides the event log (that is the EventStore in
 * server/runtime/ports.ts). Every method is asynchronous, so the same server runs on the embedded
 * SQLite file, on PostgreSQL across the network, or on the in-memory twins. Expected refusals
 * (an email taken, an unknown account) are typed results that each implementation derives from
 * its own driver's error code; anything else rejects.
 *
 * Values the domain validates (a scenario's body, a class link's reveal, a setting) cross the port
 * as plain JSON values: the store keeps them, the domain code that reads them checks them.
 */
export type { EventStore, SessionRecord };

/** A JSON value as the stores keep it. */
export type Json = unknown;

export interface FacilitatorRecord {
  id: string;
  /** Normalised (trimmed, lower case) by the caller; unique. */
  email: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: number;
}

export type CreateFacilitatorResult = { ok: true } | { ok: false; code: 'EMAIL_TAKEN' };

export type RemoveFacilitatorResult =
  | { ok: true; email: string; sessionsMoved: number }
  | { ok: false; code: 'UNKNOWN_FACILITATOR' | 'UNKNOWN_HEIR' };

/** A facilitator's signed-in browser. Only the hash of the cookie's token is stored. */
export interface LoginRecord {
  tokenHash: string;
  facilitatorId: string;
  expiresAt: number;
}

/** Facilitator accounts and their logins. */
export interface AccountStore {
  create(record: FacilitatorRecord): Promise<CreateFacilitatorResult>;
  byId(id: string): Promise<FacilitatorRecord | undefined>;
  byEmail(email: string): Promise<FacilitatorRecord | undefined>;
  count(): Promise<number>;
  /** Every account, oldest first (ties by email). */
  list(): Promise<FacilitatorRecord[]>;
  /**
   * Removes the account and ends its logins, in one transaction. Its game sessions pass to `heirId`
   * (a class's record outlives the teacher's account); its uploaded scenarios go with it.
   */
  remove(id: string, heirId: string): Promise<RemoveFacilitatorResult>;
  /** Sets a new password hash and ends every login of the account but `keepLogin` (a token hash). False if there is no such account. */
  setPasswordHash(id: string, passwordHash: string, keepLogin?: string): Promise<boolean>;

  /** Rejects if the facilitator does not exist. */
  addLogin(login: LoginRecord): Promise<void>;
  endLogin(tokenHash: string): Promise<void>;
  /** The account a login opens, if the login exists and `expiresAt > now`. */
  loginAt(tokenHash: string, now: number): Promise<{ facilitator: FacilitatorRecord; expiresAt: number } | undefined>;
}

/** One-time tokens that let the first facilitator account be created (only hashes are stored). */
export interface SetupTokenStore {
  add(tokenHash: string, createdAt: number): Promise<void>;
  /** undefined: never issued. */
  state(tokenHash: string): Promise<'unused' | 'used' | undefined>;
  /** Marks an unused token used; true for exactly one of several claims at once. */
  claim(tokenHash: string, now: number): Promise<boolean>;
  /** Makes a claimed token usable again (the form it came with was refused). */
  release(tokenHash: string): Promise<void>;
  /** Marks every unused token used (the first account exists: the other links die). */
  useAll(now: number): Promise<void>;
}

/** A scenario a facilitator uploaded: private to its author unless shared. */
export interface UploadRecord {
  /** `${authorId}/${scenarioId}`: an author replaces their own upload; others keep theirs. */
  key: string;
  scenarioId: string;
  authorId: string;
  shared: boolean;
  title: string;
  /** The validated scenario. */
  body: Json;
  createdAt: number;
  updatedAt: number;
}

export type SaveUploadResult = { ok: true; key: string } | { ok: false; code: 'UNKNOWN_AUTHOR' };

export interface ScenarioStore {
  /** Stores or replaces the author's upload of this scenario id (keeping when it was first uploaded). */
  save(upload: { authorId: string; scenarioId: string; shared: boolean; title: string; body: Json; now: number }): Promise<SaveUploadResult>;
  byKey(key: string): Promise<UploadRecord | undefined>;
  /** False if there is no such upload. */
  setShared(key: string, shared: boolean, now: number): Promise<boolean>;
  /** The facilitator's own uploads and those others shared, oldest first (ties by key). */
  visibleTo(facilitatorId: string): Promise<UploadRecord[]>;
}

export type ImportSessionResult = { ok: true } | { ok: false; code: 'CODE_TAKEN' | 'UNKNOWN_FACILITATOR' };

/** The archive of sessions: imported logs, deletion, the retention sweep's query. */
export interface ReplayStore {
  /**
   * Stores a finished session with its whole log (seq 1, 2, 3…) in one transaction; `updatedAt`
   * is when it was imported. Nothing is stored if it is refused.
   */
  importSession(record: SessionRecord, events: GameEvent[], updatedAt: number): Promise<ImportSessionResult>;
  /** Deletes the session with its events, seat tokens and class link. False if there was none. */
  deleteSession(sessionId: string): Promise<boolean>;
  /** Ended sessions whose last change (an event, the import) came before `before`, oldest first. */
  endedBefore(before: number): Promise<string[]>;
}

/** A session's read-only class link for the debrief; the token is kept as it is (it must be shown again). */
export interface ClassLinkRecord {
  sessionId: string;
  token: string;
  enabled: boolean;
  /** What it reveals (ClassReveal, checked by the reader). */
  reveal: Json;
  updatedAt: number;
}

export interface ClassLinkStore {
  bySession(sessionId: string): Promise<ClassLinkRecord | undefined>;
  byToken(token: string): Promise<ClassLinkRecord | undefined>;
  /**
   * Turns the session's link on or off and sets what it reveals. The first time, `newToken` becomes
   * its token; after that the stored token is kept. Resolves with the stored link; undefined if
   * the session does not exist.
   */
  save(link: { sessionId: string; enabled: boolean; reveal: Json; now: number; newToken: string }): Promise<ClassLinkRecord | undefined>;
}

/** Settings of the installation an admin changes: a key and a JSON value. */
export interface SettingsStore {
  get(key: string): Promise<Json | undefined>;
  set(key: string, value: Json, now: number): Promise<void>;
}

/** Everything the server keeps, as one bundle handed to `createServer`. */
export interface Stores {
  events: EventStore;
  accounts: AccountStore;
  setupTokens: SetupTokenStore;
  scenarios: ScenarioStore;
  replays: ReplayStore;
  classLinks: ClassLinkStore;
  settings: SettingsStore;
  /** Writes the appends still waiting, then closes the connection(s). Safe to call twice. */
  close(): Promise<void>;
}
