// The database schema. Times are integers: milliseconds since the Unix epoch.
// Secrets (login tokens, seat tokens, setup tokens) are stored only as hashes, so a copy of the
// database file does not let anyone sign in or take a student's seat.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const facilitators = sqliteTable('facilitators', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** 0 or 1: admins manage other facilitators' accounts. */
  isAdmin: integer('is_admin').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});

/** A game session (one room code); its history is the event log below. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => facilitators.id),
    scenarioId: text('scenario_id').notNull(),
    status: text('status').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('sessions_facilitator_idx').on(table.facilitatorId)],
);

/** The append-only event log: the source of truth that live play and replays both fold. */
export const events = sqliteTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per session; the primary key makes a concurrent double append fail loudly. */
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** The event as JSON text. */
    payload: text('payload').notNull(),
    at: integer('at').notNull(),
    /**
     * On the first event of a player's command that carried an id: `seatId:commandId`. A command
     * sent again with the same id (after a lost ack, even across a restart) is answered, not redone.
     */
    commandId: text('command_id'),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.seq] }), uniqueIndex('events_command_idx').on(table.sessionId, table.commandId)],
);

/** A facilitator's signed-in browser; `id` is the hash of the cookie's token. */
export const authSessions = sqliteTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => facilitators.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('auth_sessions_facilitator_idx').on(table.facilitatorId)],
);

/** A student's claim on a seat, so a refresh or a new device returns them to it. */
export const seatTokens = sqliteTable(
  'seat_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seatId: text('seat_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('seat_tokens_session_idx').on(table.sessionId)],
);

/** One-time tokens that let the first facilitator account be created. */
export const setupTokens = sqliteTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: integer('created_at').notNull(),
  usedAt: integer('used_at'),
});

/** Scenarios uploaded by facilitators: private to their author unless shared. */
export const scenarios = sqliteTable(
  'scenarios',
  {
    /** `${authorId}/${scenarioId}`: an author may replace their own upload; others keep theirs. */
    key: text('key').primaryKey(),
    scenarioId: text('scenario_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => facilitators.id, { onDelete: 'cascade' }),
    shared: integer('shared').notNull().default(0),
    title: text('title').notNull(),
    /** The validated scenario as JSON. */
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('scenarios_author_idx').on(table.authorId)],
);

/**
 * A session's read-only class link for the debrief. The token is kept as it is, not hashed: the
 * facilitator must be able to show the link again, and it opens only what they chose to reveal of
 * the session, which a copy of this file holds anyway. `reveal` is JSON (ClassReveal).
 */
export const classLinks = sqliteTable('class_links', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  enabled: integer('enabled').notNull().default(0),
  reveal: text('reveal').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Settings of the installation that an admin changes (a key and a JSON value), e.g. how long finished sessions are kept. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
