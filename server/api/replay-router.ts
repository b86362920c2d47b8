import { z } from 'zod';
import { ownedSession } from '../replay/access';
import { deleteSession, getRetention, setRetention } from '../replay/archive';
import { getClassLink, sessionForClassToken, setClassLink } from '../replay/class-link';
import { exportLog, ImportError, importLog, type ExportFile } from '../replay/export';
import { ReplayError } from '../replay/history';
import { SessionReplay } from '../replay/service';
import { normaliseRoomCode } from '../runtime/codes';
import type { ClassLink, ClassReveal, ClassView, LeakTrace, MySeatReplay, ReplayComparison, ReplayMoment, ReplaySeries, ReplaySupportChange, RetentionSetting, Timeline } from '../replay/types';
import { adminProcedure, AppError, facilitatorProcedure, publicProcedure, router, type Context } from './trpc';

/**
 * The debrief's API: a session rebuilt from its event log. Everything here is the session's
 * facilitator's (or an admin's); the class link and a student's own seat are the only public
 * doors, and they serve only what the facilitator revealed and the seat could see.
 *
 * Downloads (plain HTTP, the facilitator's cookie checked, same refusals as here):
 *   GET /api/export/SESSION_ID/events.json        the event log (docs/export.md)
 *   GET /api/export/SESSION_ID/transcript.csv     the transcript; `?names=0` writes role labels instead of names
 */

/** An exported log of a long class runs to a few megabytes; this leaves room, and bounds what one request costs. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const id = z.string().min(1).max(64);
const token = z.string().min(16).max(128);
const sessionInput = z.strictObject({ sessionId: id });
const seq = z.number().int().min(1).max(10_000_000);

export const perspectiveInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('table'), tableId: id }),
  z.strictObject({ kind: z.literal('seat'), seatId: id }),
]);

export const revealInput = z.strictObject({
  tables: z.union([z.literal('all'), z.array(id).max(50)]),
  backChannels: z.boolean(),
  names: z.boolean(),
});

type FacilitatorCtx = Context & { facilitator: NonNullable<Context['facilitator']> };

/** Turns the replay's own failures into API errors with their codes. */
async function answer<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReplayError) throw new AppError(error.code, error.message, error.code === 'UNKNOWN_SEAT' || error.code === 'UNKNOWN_TABLE' || error.code === 'UNKNOWN_SESSION' ? 'NOT_FOUND' : 'BAD_REQUEST');
    if (error instanceof ImportError) throw new AppError(error.code, error.message, error.code === 'UNKNOWN_FACILITATOR' ? 'UNAUTHORIZED' : 'BAD_REQUEST');
    throw error;
  }
}

const noSuchSession = () => new AppError('UNKNOWN_SESSION', 'You have no such session.', 'NOT_FOUND');

/** A session this facilitator runs (admins: any); others are told there is no such session. */
async function owned(ctx: FacilitatorCtx, sessionId: string) {
  const row = await ownedSession(ctx.stores.events, ctx.facilitator, sessionId);
  if (!row) throw noSuchSession();
  return row;
}

/** The replay of a session this facilitator runs (admins: any). */
async function replayOf(ctx: FacilitatorCtx, sessionId: string): Promise<SessionReplay> {
  const row = await owned(ctx, sessionId);
  return answer(() => SessionReplay.open(ctx.stores.events, row.id, row.createdAt));
}

async function classSession(ctx: Context, token: string): Promise<{ replay: SessionReplay; reveal: ClassReveal }> {
  const found = await sessionForClassToken(ctx.stores.classLinks, token);
  if ('error' in found) {
    throw found.error === 'CLASS_LINK_OFF'
      ? new AppError('CLASS_LINK_OFF', 'The facilitator has not opened this replay to the class (or has closed it).', 'FORBIDDEN')
      : new AppError('UNKNOWN_CLASS_LINK', 'There is no replay at this link.', 'NOT_FOUND');
  }
  const row = await ctx.stores.events.findSession({ id: found.sessionId });
  if (!row) throw new AppError('UNKNOWN_CLASS_LINK', 'There is no replay at this link.', 'NOT_FOUND');
  return { replay: await answer(() => SessionReplay.open(ctx.stores.events, found.sessionId, row.createdAt)), reveal: found.link.reveal };
}

export const replayRouter = router({
  timeline: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }): Promise<Timeline> => answer(async () => (await replayOf(ctx, input.sessionId)).timeline())),
  at: facilitatorProcedure
    .input(z.strictObject({ sessionId: id, seq, perspective: perspectiveInput }))
    .query(async ({ ctx, input }): Promise<ReplayMoment> => answer(async () => (await replayOf(ctx, input.sessionId)).at(input.seq, input.perspective))),
  leaks: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }): Promise<LeakTrace[]> => answer(async () => (await replayOf(ctx, input.sessionId)).leaks())),
  series: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }): Promise<ReplaySeries> => answer(async () => (await replayOf(ctx, input.sessionId)).series())),
  compare: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }): Promise<ReplayComparison> => answer(async () => (await replayOf(ctx, input.sessionId)).compare())),
  supportLedger: facilitatorProcedure
    .input(z.strictObject({ sessionId: id, seatId: id.optional() }))
    .query(async ({ ctx, input }): Promise<ReplaySupportChange[]> => answer(async () => (await replayOf(ctx, input.sessionId)).supportLedger(input.seatId ?? null))),

  classLink: router({
    get: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }): Promise<ClassLink> => getClassLink(ctx.stores.classLinks, (await owned(ctx, input.sessionId)).id)),
    set: facilitatorProcedure
      .input(z.strictObject({ sessionId: id, enabled: z.boolean(), reveal: revealInput }))
      .mutation(async ({ ctx, input }): Promise<ClassLink> => {
        const replay = await replayOf(ctx, input.sessionId);
        if (input.reveal.tables !== 'all') {
          const tables = (await answer(() => replay.final())).tables;
          const unknown = input.reveal.tables.find((t) => !tables[t]);
          if (unknown) throw new AppError('UNKNOWN_TABLE', `There is no table ${unknown} in this session.`, 'NOT_FOUND');
        }
        const link = await setClassLink(ctx.stores.classLinks, replay.sessionId, input.enabled, input.reveal, Date.now());
        if (!link) throw noSuchSession();
        return link;
      }),
  }),
  /** Public: only what the facilitator revealed, at `seq` (default: the end). */
  classView: publicProcedure.input(z.strictObject({ token, seq: seq.optional() })).query(async ({ ctx, input }): Promise<ClassView> => {
    const { replay, reveal } = await classSession(ctx, input.token);
    return answer(() => replay.classView(reveal, input.seq));
  }),
  /** Public: a student's own seat, once the class link is on; their seat token proves the seat. */
  mySeat: publicProcedure.input(z.strictObject({ token, seatToken: token, seq: seq.optional() })).query(async ({ ctx, input }): Promise<MySeatReplay> => {
    const { replay } = await classSession(ctx, input.token);
    const seatId = await ctx.runtime.seatForToken(replay.sessionId, input.seatToken);
    if (!seatId) throw new AppError('UNKNOWN_SEAT_TOKEN', 'This device holds no seat in that session.', 'FORBIDDEN');
    return answer(() => replay.mySeat(seatId, input.seq));
  }),
  /**
   * Public: a student's way to the class replay from their end screen. The seat token their device
   * holds proves the seat; the answer is the class link's token once the facilitator has turned it
   * on (null before, or after it is turned off). Nothing else about the session is told.
   */
  seatClassLink: publicProcedure.input(z.strictObject({ room: z.string().min(1).max(16), seatToken: token })).query(async ({ ctx, input }): Promise<{ token: string | null }> => {
    const record = await ctx.runtime.recordByCode(normaliseRoomCode(input.room));
    const seatId = record ? await ctx.runtime.seatForToken(record.id, input.seatToken) : undefined;
    if (!record || !seatId) throw new AppError('UNKNOWN_SEAT_TOKEN', 'This device holds no seat in that room.', 'FORBIDDEN');
    const link = await getClassLink(ctx.stores.classLinks, record.id);
    return { token: link.enabled ? link.token : null };
  }),

  /** The event log as a file (also served as a download: GET /api/export/SESSION/events.json). */
  exportLog: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }): Promise<ExportFile> => {
    const row = await owned(ctx, input.sessionId);
    return answer(async () => exportLog((await SessionReplay.open(ctx.stores.events, row.id, row.createdAt)).log, row, Date.now()));
  }),
  /** Creates a finished session on this installation from an exported log. */
  import: facilitatorProcedure
    .input(z.strictObject({ file: z.unknown() }))
    .mutation(({ ctx, input }): Promise<{ sessionId: string; code: string }> => answer(() => importLog(ctx.stores, ctx.facilitator.id, input.file, Date.now()))),
  /** Deletes a session that is not running, with everything stored about it. */
  deleteSession: facilitatorProcedure.input(sessionInput).mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
    const row = await owned(ctx, input.sessionId);
    const result = await deleteSession(ctx.stores, ctx.runtime, row.id);
    if (!result.ok) {
      throw result.code === 'SESSION_RUNNING'
        ? new AppError('SESSION_RUNNING', 'This session is running: end it before deleting it.', 'CONFLICT')
        : noSuchSession();
    }
    ctx.log.info('session deleted', { event: 'session.deleted', sessionId: row.id, by: ctx.facilitator.id });
    return { ok: true };
  }),
  retention: router({
    get: adminProcedure.query(({ ctx }): Promise<RetentionSetting> => getRetention(ctx.stores)),
    set: adminProcedure
      .input(z.strictObject({ days: z.number().int().min(1).max(3650).nullable() }))
      .mutation(({ ctx, input }): Promise<RetentionSetting> => setRetention(ctx.stores, { days: input.days }, Date.now())),
  }),
});
