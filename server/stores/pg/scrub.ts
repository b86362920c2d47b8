// drizzle wraps a failed query's error in a DrizzleQueryError whose message carries the query's
// parameters: a player's message in an event's payload, an email, a password hash. Such an error
// reaching the server log would break its promise to never hold what people write or their
// secrets. So what the PostgreSQL stores reject with is the driver's own error (SQLSTATE code,
// constraint, table), with the query's text but not its values.
import { DrizzleQueryError } from 'drizzle-orm';

export function scrubbed(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const cause = error.cause;
  if (cause instanceof Error) {
    cause.message = `${cause.message} (in: ${error.query})`;
    return cause;
  }
  return new Error(`PostgreSQL query failed (in: ${error.query})`);
}

/** The store, its promises rejecting with scrubbed errors. */
export function withScrubbedErrors<T extends object>(store: T): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(scrubbed(error))) : result;
      };
    },
  });
}
