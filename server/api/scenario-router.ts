import { z } from 'zod';
import { findAvailable, listAvailable, saveUpload, setSharing } from '../scenarios/library';
import { MAX_SCENARIO_BYTES, parseScenarioText, summariseScenario } from '../scenarios/source';
import { AppError, facilitatorProcedure, router } from './trpc';
import { builtInScenarios } from '../scenarios';
import { loadGuide } from '../scenarios/guide';

/**
 * The largest request body `scenario.upload` accepts (every other procedure: 1 MB). The file travels
 * as a JSON string, and escaping (quotes, backslashes, line breaks) makes it longer than on disk.
 */
export const UPLOAD_BODY_LIMIT = 4 * MAX_SCENARIO_BYTES;

export const scenarioRouter = router({
  list: facilitatorProcedure.query(({ ctx }) => listAvailable(ctx.stores.scenarios, ctx.facilitator.id)),

  /** The whole scenario, briefs included, for the preview screen. */
  get: facilitatorProcedure.input(z.strictObject({ ref: z.string().min(1).max(120) })).query(async ({ ctx, input }) => {
    const scenario = await findAvailable(ctx.stores.scenarios, ctx.facilitator.id, input.ref);
    if (!scenario) throw new AppError('UNKNOWN_SCENARIO', `There is no scenario “${input.ref}” you can use.`, 'NOT_FOUND');
    return scenario;
  }),

  /**
   * The teacher's guide of a built-in scenario (docs/teaching/<id>.yaml; format in
   * docs/scenarios.md), or null for scenarios without one (uploads).
   */
  guide: facilitatorProcedure.input(z.strictObject({ scenarioId: z.string().min(1).max(120) })).query(async ({ ctx, input }) => {
    const scenario = await findAvailable(ctx.stores.scenarios, ctx.facilitator.id, input.scenarioId);
    if (!scenario) throw new AppError('UNKNOWN_SCENARIO', `There is no scenario “${input.scenarioId}” you can use.`, 'NOT_FOUND');
    const builtIn = builtInScenarios().some((s) => s.id === input.scenarioId);
    return builtIn ? loadGuide(scenario) : null;
  }),

  /**
   * Validates an uploaded file (JSON or YAML) and stores it if valid. Invalid files store nothing
   * and come back with every error and its path, as `npm run scenario -- validate` prints them.
   */
  upload: facilitatorProcedure
    .input(z.strictObject({ text: z.string().max(2 * MAX_SCENARIO_BYTES), format: z.enum(['json', 'yaml']), shared: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const result = parseScenarioText(input.text, input.format);
      if (!result.ok) return { ok: false as const, errors: result.errors };
      const ref = await saveUpload(ctx.stores.scenarios, ctx.facilitator.id, result.scenario, input.shared);
      // The account was removed between the sign-in check and the write.
      if (ref === undefined) throw new AppError('NOT_SIGNED_IN', 'Your account no longer exists.', 'UNAUTHORIZED');
      return { ok: true as const, ref, summary: summariseScenario(result.scenario) };
    }),

  /** Shares one's own upload with every facilitator (`shared: true`) or keeps it private again. */
  setSharing: facilitatorProcedure.input(z.strictObject({ ref: z.string().min(1).max(120), shared: z.boolean() })).mutation(async ({ ctx, input }) => {
    const result = await setSharing(ctx.stores.scenarios, ctx.facilitator.id, input.ref, input.shared);
    if (!result.ok) throw new AppError(result.code, result.message, result.code === 'UNKNOWN_SCENARIO' ? 'NOT_FOUND' : 'FORBIDDEN');
    return { ref: input.ref, shared: result.shared };
  }),
});
