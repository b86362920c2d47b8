import { publicProcedure, router } from './trpc';

/** The whole API. Facilitator, lobby, replay and export routers are merged in here. */
export const appRouter = router({
  health: publicProcedure.query(() => ({ ok: true as const })),
});

/** Imported by the client as a type only, so no server code reaches the browser. */
export type AppRouter = typeof appRouter;
