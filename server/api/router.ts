import { authRouter } from './auth-router';
import { replayRouter } from './replay-router';
import { scenarioRouter } from './scenario-router';
import { sessionRouter } from './session-router';
import { publicProcedure, router } from './trpc';

/** The whole API. */
export const appRouter = router({
  health: publicProcedure.query(() => ({ ok: true as const })),
  auth: authRouter,
  session: sessionRouter,
  scenario: scenarioRouter,
  replay: replayRouter,
});

/** Imported by the client as a type only, so no server code reaches the browser. */
export type AppRouter = typeof appRouter;
