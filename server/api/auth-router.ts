import { z } from 'zod';
import { AccountError, clearedSessionCookie, completeSetup, createFacilitator, listFacilitators, login, logout, readCookie, SESSION_COOKIE, sessionCookie, setupStatus } from '../auth/accounts';
import { adminProcedure, AppError, publicProcedure, router } from './trpc';

const credentials = z.strictObject({ email: z.string().max(200), password: z.string().max(200) });

function accountError(error: unknown): never {
  if (error instanceof AccountError) throw new AppError(error.code, error.message);
  throw error;
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.facilitator),

  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const result = await login(ctx.db, input.email, input.password);
    if (!result) throw new AppError('BAD_CREDENTIALS', 'That email and password do not match an account.', 'UNAUTHORIZED');
    ctx.res?.appendHeader('set-cookie', sessionCookie(result.token, result.expiresAt, ctx.secureCookies));
    return result.facilitator;
  }),

  logout: publicProcedure.mutation(({ ctx }) => {
    const token = readCookie(ctx.req?.headers.cookie, SESSION_COOKIE);
    if (token) logout(ctx.db, token);
    ctx.res?.appendHeader('set-cookie', clearedSessionCookie());
    return { ok: true as const };
  }),

  /** Whether a setup link can still be used, so the page says so before showing a form. */
  setupStatus: publicProcedure.input(z.strictObject({ token: z.string().max(200).optional() })).query(({ ctx, input }) => ({ status: setupStatus(ctx.db, input.token) })),

  /** The first account, with the one-time token printed in the server log at first start. */
  setup: publicProcedure.input(credentials.extend({ token: z.string().max(200) })).mutation(async ({ ctx, input }) => {
    const created = await completeSetup(ctx.db, input.token, input.email, input.password).catch(accountError);
    const session = await login(ctx.db, input.email, input.password);
    if (session) ctx.res?.appendHeader('set-cookie', sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
    return created;
  }),

  createFacilitator: adminProcedure.input(credentials.extend({ isAdmin: z.boolean().default(false) })).mutation(({ ctx, input }) =>
    createFacilitator(ctx.db, input).catch(accountError),
  ),

  listFacilitators: adminProcedure.query(({ ctx }) => listFacilitators(ctx.db)),
});
