import type { RequestListener } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Db } from '../../db/client';
import type { Logger } from '../log';
import { appRouter } from './router';

/** Where the API is mounted on the one HTTP server. */
export const API_BASE_PATH = '/api/trpc/';

export function createApiHandler(deps: { db: Db; log: Logger }): RequestListener {
  return createHTTPHandler({
    router: appRouter,
    basePath: API_BASE_PATH,
    createContext: () => ({ db: deps.db }),
    onError: ({ error, path }) => {
      // Expected failures (bad input, not found, forbidden) are answers, not incidents.
      if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error(`tRPC ${path ?? '?'} failed`, error);
    },
  });
}
