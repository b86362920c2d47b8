import { authRouter } from './auth-router';
import { scenarioRouter } from './scenario-router';
import { sessionRouter } from './session-router';
import { publicProcedure, router } from './trpc';

/** The whole API. Replay and export routers join here later. */
export const appRouter = router({
  health: publicProcedure.query(() => ({ ok: true as const })),
  auth: authRouter,
  session: sessionRouter,
  scenario: scenarioRouter,
});

/** Imported by the client as a type only, so no server code reaches the browser. */
export type AppRouter = typeof appRouter;
