import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { readBody } from '../http/body';
import { sendJsonError } from '../http/json-error';
import { requestIdOf } from '../http/request-id';
import { appRouter } from './router';
import { IMPORT_BODY_LIMIT } from './replay-router';
import { UPLOAD_BODY_LIMIT } from './scenario-router';
import { createContextFactory, type ContextDeps } from './trpc';

/** Where the API is mounted on the one HTTP server. */
export const API_BASE_PATH = '/api/trpc/';

/** The largest request body a procedure accepts, unless it has its own limit below. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const BODY_LIMITS: Partial<Record<string, number>> = { 'scenario.upload': UPLOAD_BODY_LIMIT, 'replay.import': IMPORT_BODY_LIMIT };

/** More procedures in one request would only multiply what one request costs. */
const MAX_BATCH_SIZE = 10;

/** Each password check must be its own request, so the sign-in throttle counts every one. */
const NEVER_BATCHED = new Set(['auth.login', 'auth.setup']);

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The procedures a request calls, read from its URL the way tRPC's standalone adapter reads it
 * (path after the base, URL-decoded, split on commas when `batch=1`); null if it cannot be decoded.
 */
export function callsOf(req: IncomingMessage): { paths: string[]; batch: boolean } | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const trim = (path: string) => path.replace(/^\//, '').replace(/\/$/, '');
  const base = trim(API_BASE_PATH);
  let path: string;
  try {
    path = decodeURIComponent(trim(trim(url.pathname).slice(base.length)));
  } catch {
    return null;
  }
  const batch = url.searchParams.get('batch') === '1';
  return { paths: batch ? path.split(',') : [path], batch };
}

export function createApiHandler(deps: ContextDeps): ApiHandler {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: API_BASE_PATH,
    createContext: createContextFactory(deps),
    maxBatchSize: MAX_BATCH_SIZE,
    // A backstop only: bodies are read (and limited per procedure) below, before tRPC runs.
    maxBodySize: Math.max(DEFAULT_BODY_LIMIT, UPLOAD_BODY_LIMIT, IMPORT_BODY_LIMIT),
    onError: ({ error, path, req }) => {
      // Expected failures (bad input, not found, forbidden) are answers, not incidents.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.log.error('procedure failed', error.cause ?? error, { event: 'api.error', requestId: requestIdOf(req), procedure: path ?? null });
      }
    },
  });

  return async (req, res) => {
    const calls = callsOf(req);
    // Refusals before the body is read close the connection, so the body is not read after all.
    const close = { headers: { connection: 'close' } };
    if (!calls) return sendJsonError(res, 'BAD_REQUEST', 'BAD_PATH', 'The procedure name in the address is not valid URL-encoding.', close);
    if (calls.batch && calls.paths.length > 1 && calls.paths.some((path) => NEVER_BATCHED.has(path))) {
      deps.log.info('batched sign-in refused', { event: 'auth.batch-refused', requestId: requestIdOf(req), address: deps.clientAddress ? deps.clientAddress(req) : req.socket.remoteAddress });
      return sendJsonError(res, 'BAD_REQUEST', 'BATCH_NOT_ALLOWED', 'Sign-in and account setup cannot be batched with other calls: send each on its own.', close);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const limit = Math.max(...calls.paths.map((path) => BODY_LIMITS[path] ?? DEFAULT_BODY_LIMIT));
      const body = await readBody(req, limit);
      if (!body.ok) {
        if (body.reason === 'aborted') {
          res.destroy();
          return;
        }
        deps.log.info('request body too large', { event: 'http.body-too-large', requestId: requestIdOf(req), procedures: calls.paths.slice(0, MAX_BATCH_SIZE), limit });
        // Close the connection after answering: the rest of the body is not worth reading.
        return sendJsonError(res, 'PAYLOAD_TOO_LARGE', 'BODY_TOO_LARGE', `The request is larger than ${formatBytes(limit)}, the most this server accepts for it.`, close);
      }
      // tRPC's adapter takes a string body as read (it does not read the stream again).
      (req as IncomingMessage & { body?: string }).body = body.text;
    }
    trpc(req, res);
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}
