import type { RequestListener } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Db } from '../../db/client';
import type { Logger } from '../log';
import type { Runtime } from '../runtime/runtime';
import { appRouter } from './router';
import { createContextFactory } from './trpc';

/** Where the API is mounted on the one HTTP server. */
export const API_BASE_PATH = '/api/trpc/';

export function createApiHandler(deps: { db: Db; log: Logger; runtime: Runtime; secureCookies: boolean; loginEnded?: (tokenHash: string) => void }): RequestListener {
  return createHTTPHandler({
    router: appRouter,
    basePath: API_BASE_PATH,
    createContext: createContextFactory(deps),
    onError: ({ error, path }) => {
      // Expected failures (bad input, not found, forbidden) are answers, not incidents.
      if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error(`tRPC ${path ?? '?'} failed`, error);
    },
  });
}
