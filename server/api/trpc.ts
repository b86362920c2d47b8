// The tRPC building blocks every router uses.
import { initTRPC } from '@trpc/server';
import type { Db } from '../../db/client';

/** What every procedure receives; the facilitator's identity joins it with sign-in. */
export interface Context {
  db: Db;
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;
