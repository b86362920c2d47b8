// The tRPC building blocks every router uses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { initTRPC, TRPCError } from '@trpc/server';
import { facilitatorForToken, readCookie, SESSION_COOKIE, type Facilitator } from '../auth/accounts';
import type { SignInThrottle } from '../auth/throttle';
import { requestIdOf } from '../http/request-id';
import type { Logger } from '../log';
import type { Runtime } from '../runtime/runtime';
import type { Stores } from '../stores/ports';
import type { BotPool } from '../bots/pool';

/** What every procedure receives. The facilitator comes from the login cookie, never from input. */
export interface Context {
  stores: Stores;
  runtime: Runtime;
  facilitator: Facilitator | null;
  req: IncomingMessage | null;
  res: ServerResponse | null;
  secureCookies: boolean;
  log: Logger;
  signInThrottle: SignInThrottle;
  /** The id the HTTP layer gave this request (x-request-id), for log lines. */
  requestId: string;
  /** The peer's address (the socket's, never a forwarded header). */
  address: string;
  /** Told when a login ends (its token's hash), so the live sockets opened with it end too. */
  loginEnded: (tokenHash: string) => void;
  /** Told when a facilitator's account goes (removed, password reset): all their logins end with their sockets. */
  facilitatorEnded: (facilitatorId: string) => Promise<void>;
  /** The seats of a session that have a socket open now. */
  connectedSeats: (sessionId: string) => Set<string>;
  /** The origin students join at (PUBLIC_ORIGIN, or the address the server listens on). */
  joinOrigin: () => string;
  bots: BotPool;
}

export interface ContextDeps {
  stores: Stores;
  runtime: Runtime;
  secureCookies: boolean;
  log: Logger;
  signInThrottle: SignInThrottle;
  loginEnded?: (tokenHash: string) => void;
  facilitatorEnded?: (facilitatorId: string) => Promise<void>;
  connectedSeats?: (sessionId: string) => Set<string>;
  joinOrigin: () => string;
  bots: BotPool;
  /** The client's address (behind a trusted proxy, from X-Forwarded-For). Default: the TCP peer. */
  clientAddress?: (req: IncomingMessage) => string;
}

export function createContextFactory(deps: ContextDeps) {
  return async ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<Context> => ({
    stores: deps.stores,
    runtime: deps.runtime,
    facilitator: await facilitatorForToken(deps.stores.accounts, readCookie(req.headers.cookie, SESSION_COOKIE)),
    req,
    res,
    secureCookies: deps.secureCookies,
    log: deps.log,
    signInThrottle: deps.signInThrottle,
    requestId: requestIdOf(req),
    address: deps.clientAddress ? deps.clientAddress(req) : (req.socket.remoteAddress ?? 'unknown'),
    loginEnded: deps.loginEnded ?? (() => undefined),
    facilitatorEnded: deps.facilitatorEnded ?? (async () => undefined),
    connectedSeats: deps.connectedSeats ?? (() => new Set()),
    joinOrigin: deps.joinOrigin,
    bots: deps.bots,
  });
}

/** Application error codes travel in `error.data.appCode` beside tRPC's HTTP-ish code. */
export class AppError extends TRPCError {
  constructor(
    readonly appCode: string,
    message: string,
    code: TRPCError['code'] = 'BAD_REQUEST',
    /** Facts a client can act on, sent in `error.data` beside the code (e.g. `retryAfterSeconds`). */
    readonly details: Record<string, string | number | boolean> = {},
  ) {
    super({ code, message });
  }
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Unexpected errors become a generic message (and are logged by the handler); ours say what went wrong.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? 'Something went wrong on the server.' : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        appCode: error instanceof AppError ? error.appCode : internal ? 'INTERNAL' : error.code,
        ...(error instanceof AppError ? error.details : {}),
      },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

export const facilitatorProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.facilitator) throw new AppError('NOT_SIGNED_IN', 'Sign in as a facilitator first.', 'UNAUTHORIZED');
  return next({ ctx: { ...ctx, facilitator: ctx.facilitator } });
});

export const adminProcedure = facilitatorProcedure.use(({ ctx, next }) => {
  if (!ctx.facilitator.isAdmin) throw new AppError('NOT_ALLOWED', 'Only an administrator can do that.', 'FORBIDDEN');
  return next();
});
