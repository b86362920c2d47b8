// PostgreSQL errors are told apart by their SQLSTATE code (stable across versions and locales),
// never by their message text. drizzle wraps the driver's error (DrizzleQueryError), so the code is
// looked for along the `cause` chain.

/** SQLSTATE 23505: a unique or primary key constraint refused the row. */
export const UNIQUE_VIOLATION = '23505';
/** SQLSTATE 23503: a foreign key refused the row (e.g. its session or facilitator does not exist). */
export const FOREIGN_KEY_VIOLATION = '23503';

interface PgDriverError {
  code: string;
  constraint?: string;
}

/** The node-postgres error inside `error`, if there is one. */
export function pgError(error: unknown): PgDriverError | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgDriverError;
  }
  return undefined;
}

/** Whether `error` is a unique violation (of `constraint`, when given: its name in the schema). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = pgError(error);
  return found?.code === UNIQUE_VIOLATION && (constraint === undefined || found.constraint === constraint);
}
