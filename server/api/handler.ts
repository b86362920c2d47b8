import type { RequestListener } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { requestIdOf } from '../http/request-id';
import { appRouter } from './router';
import { createContextFactory, type ContextDeps } from './trpc';

/** Where the API is mounted on the one HTTP server. */
export const API_BASE_PATH = '/api/trpc/';

export function createApiHandler(deps: ContextDeps): RequestListener {
  return createHTTPHandler({
    router: appRouter,
    basePath: API_BASE_PATH,
    createContext: createContextFactory(deps),
    onError: ({ error, path, req }) => {
      // Expected failures (bad input, not found, forbidden) are answers, not incidents.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.log.error('procedure failed', error.cause ?? error, { event: 'api.error', requestId: requestIdOf(req), procedure: path ?? null });
      }
    },
  });
}
