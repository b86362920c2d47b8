import { z } from 'zod';
import { getClassLink } from '../replay/class-link';
import { normaliseRoomCode } from '../runtime/codes';
import { AppError, publicProcedure, router } from './trpc';

/**
 * A student's way to the class replay from their end screen: the seat token their device holds
 * proves the seat, and the answer is the class link's token once the facilitator has turned it
 * on (null before, or after it is turned off). Nothing else about the session is told.
 */
export const seatReplayRouter = router({
  classLink: publicProcedure.input(z.strictObject({ room: z.string().min(1).max(16), seatToken: z.string().min(16).max(128) })).query(async ({ ctx, input }): Promise<{ token: string | null }> => {
    const found = await ctx.runtime.findByCode(normaliseRoomCode(input.room));
    const seatId = found ? await ctx.runtime.seatForToken(found.record.id, input.seatToken) : undefined;
    if (!found || !seatId) throw new AppError('UNKNOWN_SEAT_TOKEN', 'This device holds no seat in that room.', 'FORBIDDEN');
    const link = getClassLink(ctx.db, found.record.id);
    return { token: link.enabled ? link.token : null };
  }),
});
