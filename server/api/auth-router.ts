import { z } from 'zod';
import { AccountError, clearedSessionCookie, completeSetup, createFacilitator, listFacilitators, login, logout, normaliseEmail, readCookie, SESSION_COOKIE, sessionCookie, setupStatus } from '../auth/accounts';
import { hashToken } from '../runtime/codes';
import { changePassword, ManageError, removeFacilitator, resetPassword } from '../auth/manage';
import { adminProcedure, AppError, facilitatorProcedure, publicProcedure, router } from './trpc';

const credentials = z.strictObject({ email: z.string().max(200), password: z.string().max(200) });

/**
 * The email as typed, for the sign-in lines, unless it does not look like one: people paste their
 * password into the wrong field, and that must not land in the log.
 */
function loggableEmail(email: string): string {
  const normalised = normaliseEmail(email);
  return /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(normalised) && normalised.length <= 200 ? normalised : '(not an email address)';
}

function manageError(error: unknown): never {
  if (error instanceof ManageError) {
    const status = error.code === 'UNKNOWN_FACILITATOR' ? 'NOT_FOUND' : error.code === 'CANNOT_REMOVE_SELF' ? 'FORBIDDEN' : 'BAD_REQUEST';
    throw new AppError(error.code, error.message, status);
  }
  throw error;
}

function accountError(error: unknown): never {
  if (error instanceof AccountError) throw new AppError(error.code, error.message);
  throw error;
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.facilitator),

  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const fields = { requestId: ctx.requestId, address: ctx.address, email: loggableEmail(input.email) };
    const attempt = ctx.signInThrottle.begin(input.email, ctx.address);
    if (!attempt.ok) {
      ctx.log.info('sign-in throttled', { event: 'auth.login-throttled', ...fields, retryAfterSeconds: attempt.retryAfterSeconds });
      ctx.res?.setHeader('retry-after', String(attempt.retryAfterSeconds));
      const wait = attempt.retryAfterSeconds === 1 ? '1 second' : `${attempt.retryAfterSeconds} seconds`;
      throw new AppError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Wait ${wait}, then try again.`, 'TOO_MANY_REQUESTS', {
        retryAfterSeconds: attempt.retryAfterSeconds,
      });
    }
    const result = await login(ctx.stores.accounts, input.email, input.password);
    if (!result) {
      ctx.log.info('sign-in failed', { event: 'auth.login-failed', ...fields });
      throw new AppError('BAD_CREDENTIALS', 'That email and password do not match an account.', 'UNAUTHORIZED');
    }
    ctx.signInThrottle.succeeded(attempt);
    ctx.log.info('signed in', { event: 'auth.login', ...fields, facilitatorId: result.facilitator.id });
    ctx.res?.appendHeader('set-cookie', sessionCookie(result.token, result.expiresAt, ctx.secureCookies));
    return result.facilitator;
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    const token = readCookie(ctx.req?.headers.cookie, SESSION_COOKIE);
    if (token) {
      await logout(ctx.stores.accounts, token);
      ctx.loginEnded(hashToken(token));
    }
    if (ctx.facilitator) ctx.log.info('signed out', { event: 'auth.logout', requestId: ctx.requestId, facilitatorId: ctx.facilitator.id });
    ctx.res?.appendHeader('set-cookie', clearedSessionCookie());
    return { ok: true as const };
  }),

  /** Whether a setup link can still be used, so the page says so before showing a form. */
  setupStatus: publicProcedure.input(z.strictObject({ token: z.string().max(200).optional() })).query(async ({ ctx, input }) => ({ status: await setupStatus(ctx.stores, input.token) })),

  /** The first account, with the one-time token printed in the server log at first start. */
  setup: publicProcedure.input(credentials.extend({ token: z.string().max(200) })).mutation(async ({ ctx, input }) => {
    const created = await completeSetup(ctx.stores, input.token, input.email, input.password).catch(accountError);
    const session = await login(ctx.stores.accounts, input.email, input.password);
    if (session) ctx.res?.appendHeader('set-cookie', sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
    return created;
  }),

  createFacilitator: adminProcedure.input(credentials.extend({ isAdmin: z.boolean().default(false) })).mutation(({ ctx, input }) =>
    createFacilitator(ctx.stores.accounts, input).catch(accountError),
  ),

  listFacilitators: adminProcedure.query(({ ctx }) => listFacilitators(ctx.stores.accounts)),

  /** Removes an account (not one's own); its sessions pass to this admin, its logins and sockets end. */
  removeFacilitator: adminProcedure.input(z.strictObject({ facilitatorId: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    const removed = await removeFacilitator(ctx.stores.accounts, ctx.facilitator.id, input.facilitatorId).catch(manageError);
    await ctx.facilitatorEnded(input.facilitatorId);
    ctx.log.info('facilitator removed', { event: 'auth.facilitator-removed', requestId: ctx.requestId, facilitatorId: input.facilitatorId, by: ctx.facilitator.id, sessionsMoved: removed.sessionsMoved });
    return { ok: true as const, sessionsMoved: removed.sessionsMoved };
  }),

  /** Sets a new password for another account; its logins and sockets end. */
  resetPassword: adminProcedure.input(z.strictObject({ facilitatorId: z.string().min(1).max(64), password: z.string().max(200) })).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.stores.accounts, ctx.facilitator.id, input.facilitatorId, input.password).catch(manageError);
    await ctx.facilitatorEnded(input.facilitatorId);
    ctx.log.info('password reset', { event: 'auth.password-reset', requestId: ctx.requestId, facilitatorId: input.facilitatorId, by: ctx.facilitator.id });
    return { ok: true as const };
  }),

  /**
   * Changes one's own password with the current one (throttled like a sign-in, since it checks a
   * password); the other logins of the account and their sockets end, this one stays.
   */
  changePassword: facilitatorProcedure.input(z.strictObject({ currentPassword: z.string().max(200), newPassword: z.string().max(200) })).mutation(async ({ ctx, input }) => {
    const attempt = ctx.signInThrottle.begin(ctx.facilitator.email, ctx.address);
    if (!attempt.ok) {
      ctx.res?.setHeader('retry-after', String(attempt.retryAfterSeconds));
      throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong passwords. Wait ${attempt.retryAfterSeconds} seconds, then try again.`, 'TOO_MANY_REQUESTS', { retryAfterSeconds: attempt.retryAfterSeconds });
    }
    const token = readCookie(ctx.req?.headers.cookie, SESSION_COOKIE) ?? '';
    await changePassword(ctx.stores.accounts, ctx.facilitator.id, token, input.currentPassword, input.newPassword).catch(manageError);
    ctx.signInThrottle.succeeded(attempt);
    await ctx.facilitatorEnded(ctx.facilitator.id);
    ctx.log.info('password changed', { event: 'auth.password-changed', requestId: ctx.requestId, facilitatorId: ctx.facilitator.id });
    return { ok: true as const };
  }),
});
