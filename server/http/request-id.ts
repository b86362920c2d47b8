import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const ids = new WeakMap<IncomingMessage, string>();

/**
 * Gives the request an id of our own (a client's x-request-id is not trusted: it would let anyone
 * write into the log), echoes it in the response so a person reporting an error can quote it.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  ids.set(req, id);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The id given by assignRequestId, or "-" for a request that did not pass through it. */
export function requestIdOf(req: IncomingMessage | null | undefined): string {
  return (req && ids.get(req)) ?? '-';
}
