// The database schema for PostgreSQL: the same tables, columns, keys and indexes as ../schema.ts
// (SQLite), so both stores hold the same data and one can be copied into the other.
// schema-parity.test.ts fails if the two drift apart.
// Times are milliseconds since the Unix epoch, as in SQLite: `bigint` because they overflow a
// PostgreSQL `integer` (4 bytes); mode 'number' reads them as JS numbers (exact below 2^53).
// Flags stay integers 0/1 and JSON stays text, as in SQLite, so rows read the same in both.
import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

const ms = (name: string) => bigint(name, { mode: 'number' });

export const facilitators = pgTable('facilitators', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** 0 or 1: admins manage other facilitators' accounts. */
  isAdmin: integer('is_admin').notNull().default(0),
  createdAt: ms('created_at').notNull(),
});

/** A game session (one room code); its history is the event log below. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => facilitators.id),
    scenarioId: text('scenario_id').notNull(),
    status: text('status').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (table) => [index('sessions_facilitator_idx').on(table.facilitatorId)],
);

/** The append-only event log. The primary key (session_id, seq) makes a second writer of a session fail: two nodes never both extend one log. */
export const events = pgTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** The event as JSON text. */
    payload: text('payload').notNull(),
    at: ms('at').notNull(),
    /** On the first event of a player's command that carried an id: `seatId:commandId`. */
    commandId: text('command_id'),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.seq] }), uniqueIndex('events_command_idx').on(table.sessionId, table.commandId)],
);

/** A facilitator's signed-in browser; `id` is the hash of the cookie's token. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => facilitators.id, { onDelete: 'cascade' }),
    expiresAt: ms('expires_at').notNull(),
  },
  (table) => [index('auth_sessions_facilitator_idx').on(table.facilitatorId)],
);

/** A student's claim on a seat, so a refresh or a new device returns them to it. */
export const seatTokens = pgTable(
  'seat_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seatId: text('seat_id').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (table) => [index('seat_tokens_session_idx').on(table.sessionId)],
);

/** One-time tokens that let the first facilitator account be created. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: ms('created_at').notNull(),
  usedAt: ms('used_at'),
});

/** Scenarios uploaded by facilitators: private to their author unless shared. */
export const scenarios = pgTable(
  'scenarios',
  {
    /** `${authorId}/${scenarioId}`. */
    key: text('key').primaryKey(),
    scenarioId: text('scenario_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => facilitators.id, { onDelete: 'cascade' }),
    shared: integer('shared').notNull().default(0),
    title: text('title').notNull(),
    /** The validated scenario as JSON. */
    body: text('body').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (table) => [index('scenarios_author_idx').on(table.authorId)],
);

/** A session's read-only class link for the debrief (see ../schema.ts for why the token is not hashed). */
export const classLinks = pgTable('class_links', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  enabled: integer('enabled').notNull().default(0),
  reveal: text('reveal').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Settings of the installation that an admin changes (a key and a JSON value). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ms('updated_at').notNull(),
});
