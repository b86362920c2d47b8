import { z } from 'zod';
import type { ClassLink, ClassView, LeakTrace, MySeatReplay, ReplayComparison, ReplayMoment, ReplaySeries, ReplaySupportChange, RetentionSetting, Timeline } from '../replay/types';
import { adminProcedure, AppError, facilitatorProcedure, publicProcedure, router } from './trpc';

/**
 * The debrief's API: a session rebuilt from its event log. Everything here is the session's
 * facilitator's (or an admin's); the class link and a student's own seat are the only public
 * doors, and they serve only what the facilitator revealed and the seat could see.
 *
 * Downloads (plain HTTP, the facilitator's cookie checked, same refusals as here):
 *   GET /api/export/SESSION_ID/events.json        the event log (docs/export.md)
 *   GET /api/export/SESSION_ID/transcript.csv     the transcript; `?names=0` writes role labels instead of names
 */

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

const notYet = (): never => {
  throw new AppError('NOT_IMPLEMENTED', 'This part of the replay is not built yet.', 'NOT_IMPLEMENTED');
};

export const replayRouter = router({
  timeline: facilitatorProcedure.input(sessionInput).query((): Timeline => notYet()),
  at: facilitatorProcedure.input(z.strictObject({ sessionId: id, seq, perspective: perspectiveInput })).query((): ReplayMoment => notYet()),
  leaks: facilitatorProcedure.input(sessionInput).query((): LeakTrace[] => notYet()),
  series: facilitatorProcedure.input(sessionInput).query((): ReplaySeries => notYet()),
  compare: facilitatorProcedure.input(sessionInput).query((): ReplayComparison => notYet()),
  supportLedger: facilitatorProcedure.input(z.strictObject({ sessionId: id, seatId: id.optional() })).query((): ReplaySupportChange[] => notYet()),

  classLink: router({
    get: facilitatorProcedure.input(sessionInput).query((): ClassLink => notYet()),
    set: facilitatorProcedure.input(z.strictObject({ sessionId: id, enabled: z.boolean(), reveal: revealInput })).mutation((): ClassLink => notYet()),
  }),
  /** Public: only what the facilitator revealed, at `seq` (default: the end). */
  classView: publicProcedure.input(z.strictObject({ token, seq: seq.optional() })).query((): ClassView => notYet()),
  /** Public: a student's own seat, once the class link is on. */
  mySeat: publicProcedure.input(z.strictObject({ token, seatToken: token, seq: seq.optional() })).query((): MySeatReplay => notYet()),

  /** The event log as a file (also served as a download: GET /api/export/SESSION/events.json). */
  exportLog: facilitatorProcedure.input(sessionInput).query((): unknown => notYet()),
  /** Creates a finished session on this installation from an exported log. */
  import: facilitatorProcedure.input(z.strictObject({ file: z.unknown() })).mutation((): { sessionId: string; code: string } => notYet()),
  /** Deletes a session that is not running, with everything stored about it. */
  deleteSession: facilitatorProcedure.input(sessionInput).mutation((): { ok: true } => notYet()),
  retention: router({
    get: adminProcedure.query((): RetentionSetting => notYet()),
    set: adminProcedure.input(z.strictObject({ days: z.number().int().min(1).max(3650).nullable() })).mutation((): RetentionSetting => notYet()),
  }),
});
