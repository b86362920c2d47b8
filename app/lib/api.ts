'use client';

import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/api/router';

/** The browser's tRPC client; the login cookie travels with every call (same origin). */
export const api = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/api/trpc' })],
});

/** The message the server wrote for people, or a generic one when the network failed. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'The server could not be reached. Check the connection and try again.';
}
