'use client';

import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/api/router';

let room: string | null = null;

/**
 * Several nodes (docs/deploy.md): the proxy sends a room's calls to the node that runs it, by this
 * header, as it sends its sockets by `?room=`. The session on screen sets it.
 */
export function routeApiTo(code: string | null): void {
  room = code;
}

/** The browser's tRPC client; the login cookie travels with every call (same origin). */
export const api = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/api/trpc', headers: (): Record<string, string> => (room ? { 'x-backchannel-room': room } : {}) })],
});

/** The message the server wrote for people, or a generic one when the network failed. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'The server could not be reached. Check the connection and try again.';
}
