import Database from 'better-sqlite3';

/**
 * The SQLite result code of a failed statement (e.g. SQLITE_CONSTRAINT_UNIQUE), read from the
 * driver's error code, never from its message text.
 */
export function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

export const UNIQUE = 'SQLITE_CONSTRAINT_UNIQUE';
export const FOREIGN_KEY = 'SQLITE_CONSTRAINT_FOREIGNKEY';
