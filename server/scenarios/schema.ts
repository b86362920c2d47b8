/**
 * Validation of scenario files against the engine's `Scenario` type (server/engine/scenario.ts).
 *
 * Two layers:
 *  1. a strict zod schema for the shape and the bounds of every field (unknown keys are errors);
 *  2. cross-field checks (`superRefine`) for everything a shape cannot say: unique ids, references
 *     between sides / roles / issues / options / phases, seat counts, phase order, escalation ladder.
 *
 * `parseScenario` turns every problem into `{ path, message }` with a path such as
 * `roles[3].objectives[0].when.issueId`, so a facilitator uploading a file sees exactly what to fix.
 */
import { z } from 'zod';
import { CHANNEL_KINDS, ROLE_KINDS, type Scenario } from '../engine/scenario';
import { checkScenario, formatPath, MAX_TABLE_SIZE } from './cross-checks';

export { checkScenario, formatPath, MAX_TABLE_SIZE, MIN_TABLE_SIZE } from './cross-checks';


export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ID_MAX_LENGTH = 40;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const id = z
  .string()
  .max(ID_MAX_LENGTH)
  .regex(ID_PATTERN, {
    error: 'Must be a lowercase slug: letters a–z, digits and hyphens, starting with a letter or digit',
  });

/** Text with something in it besides whitespace, bounded length. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { error: 'Must not be empty' });

/** Public support points (a change or a level). */
const supportDelta = z.number().int().min(-100).max(100);
const supportLevel = z.number().int().min(0).max(100);
const probability = z.number().min(0).max(1);
const count = z.number().int().min(1).max(100);

/** Map of side id → support change. Keys are checked against the sides in the cross-field pass. */
const supportBySide = z.record(z.string(), supportDelta);

const sideSchema = z.strictObject({
  id,
  name: text(80),
  initialSupport: supportLevel,
});

/** Words in a text: runs of non-space characters with a letter or digit in them (a dash is not a word). */
export function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * The short brief is read first, in the five-minute briefing, so it is limited in words (what a
 * reader feels) as well as in characters. Built-ins must also have at least
 * BUILT_IN_SHORT_BRIEF_MIN_WORDS (checked by the loader in index.ts).
 */
export const SHORT_BRIEF_MAX_WORDS = 260;
export const SHORT_BRIEF_MAX_CHARS = 2500;

const shortBrief = text(SHORT_BRIEF_MAX_CHARS).superRefine((s, ctx) => {
  if (s.length > SHORT_BRIEF_MAX_CHARS) return; // already reported in characters
  const words = countWords(s);
  if (words > SHORT_BRIEF_MAX_WORDS) {
    ctx.addIssue({
      code: 'custom',
      message: `Must be at most ${SHORT_BRIEF_MAX_WORDS} words long (found ${words}): this is the short version players read first; put the details in objectives, privateFacts and limits`,
      input: s,
    });
  }
});

const briefSchema = z.strictObject({
  summary: shortBrief.optional(),
  objectives: text(2000),
  privateFacts: z.array(text(600)).min(1).max(10),
  limits: z.array(text(400)).min(1).max(8),
});

const conditionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('dealAnnounced') }),
  z.strictObject({ type: z.literal('dealConcluded') }),
  z.strictObject({ type: z.literal('noDeal') }),
  z.strictObject({ type: z.literal('termAgreed'), issueId: id, optionId: id }),
  z.strictObject({ type: z.literal('termKeptSecret'), issueId: id }),
  z.strictObject({ type: z.literal('supportAtLeast'), value: supportLevel, side: id.optional() }),
  z.strictObject({ type: z.literal('escalationAtMost'), value: z.number().int().min(0).max(20) }),
  z.strictObject({ type: z.literal('ownBackChannelsUnexposed') }),
  z.strictObject({ type: z.literal('backChannelsExposed'), min: count }),
  z.strictObject({ type: z.literal('accurateStories'), min: count }),
  z.strictObject({ type: z.literal('inaccurateStories'), min: count }),
  z.strictObject({ type: z.literal('mobilised'), min: count }),
]);

const objectiveSchema = z.strictObject({
  id,
  description: text(400),
  points: z.number().int().min(-100).max(100),
  when: conditionSchema,
});

const roleSchema = z.strictObject({
  id,
  title: text(120),
  kind: z.enum(ROLE_KINDS),
  side: id.nullable(),
  min: z.number().int().min(0).max(MAX_TABLE_SIZE),
  max: z.number().int().min(1).max(MAX_TABLE_SIZE),
  priority: z.number().int().min(0).max(100),
  brief: briefSchema,
  objectives: z.array(objectiveSchema).min(1).max(12),
});

const optionSchema = z.strictObject({
  id,
  label: text(160),
  publicReaction: supportBySide,
});

const issueSchema = z.strictObject({
  id,
  title: text(120),
  description: text(1000),
  options: z.array(optionSchema).min(2).max(8),
});

const phaseSchema = z.strictObject({
  id,
  kind: z.enum(['briefing', 'negotiation']),
  title: text(120),
  durationSec: z.number().int().min(10).max(7200),
  openChannels: z.array(z.enum(CHANNEL_KINDS)).max(CHANNEL_KINDS.length),
  escalationIfNoDeal: z.number().int().min(0).max(10),
});

const preconditionSchema = z.strictObject({
  description: text(600),
  side: id,
  supportCost: supportLevel,
});

const leakSchema = z.strictObject({
  baseRate: probability,
  perExtraMember: probability,
  perTenMessages: probability,
  perRoundOpen: probability,
  investigationBoost: probability,
  surveillanceBoost: probability,
  maxRisk: probability,
  spoilerTipChance: probability,
  quoteChance: probability,
  secretTermRate: probability,
  exposureBacklash: supportLevel,
  originExposedBacklash: supportLevel,
  mobilisationImpact: supportLevel,
  rumourImpact: supportLevel,
  // Optional: the engine's defaults (LEAK_DEFAULTS) apply when absent.
  perPriorChannel: z.number().min(0).max(5).optional(),
  distrustBoost: z.number().min(0).max(5).optional(),
  exploratoryShare: probability.optional(),
  storyDecay: probability.optional(),
  legitimacyBonus: supportLevel.optional(),
  legitimacyPerRound: supportLevel.optional(),
  faitAccompliCost: supportLevel.optional(),
  legitimisedMobilisationShare: probability.optional(),
  unpreparedConcessionFactor: z.number().min(1).max(5).optional(),
  renegeCost: supportLevel.optional(),
});

const injectSchema = z.strictObject({
  id,
  title: text(160),
  body: text(2000),
  kind: z.enum(['news', 'intelligence']),
  audience: z.string().min(1).max(ID_MAX_LENGTH),
  atPhase: id.optional(),
  support: supportBySide.optional(),
  escalation: z.number().int().min(-10).max(10).optional(),
});

const escalationLevelSchema = z.strictObject({
  level: z.number().int().min(0).max(20),
  title: text(120),
  description: text(1000),
});

const baseScenarioSchema = z.strictObject({
  id,
  title: text(120),
  period: text(80),
  summary: text(1000),
  publicBackground: text(10000),
  sides: z.array(sideSchema).min(2).max(6),
  roles: z.array(roleSchema).min(1).max(30),
  issues: z.array(issueSchema).min(1).max(12),
  phases: z.array(phaseSchema).min(2).max(20),
  precondition: preconditionSchema.optional(),
  leak: leakSchema,
  injects: z.array(injectSchema).max(40),
  escalation: z.array(escalationLevelSchema).min(2).max(21),
  debriefQuestions: z.array(text(800)).min(1).max(20),
  whatReallyHappened: text(10000),
});

export const scenarioSchema = baseScenarioSchema.superRefine((scenario, ctx) => {
  checkScenario(scenario, (path, message) => ctx.addIssue({ code: 'custom', path, message, input: scenario }));
}) satisfies z.ZodType<Scenario>;

// Compile-time proof that the schema describes exactly the engine's type, both ways.
type SchemaOutput = z.output<typeof scenarioSchema>;
type SchemaInput = z.input<typeof scenarioSchema>;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _outputMatches: MutuallyAssignable<SchemaOutput, Scenario> = true;
const _inputMatches: MutuallyAssignable<SchemaInput, Scenario> = true;
void _outputMatches;
void _inputMatches;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export interface ScenarioError {
  /** Where the problem is, e.g. `roles[3].objectives[0].when.issueId`; '' for the whole file. */
  path: string;
  message: string;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  array: 'a list (array)',
  object: 'an object',
  record: 'an object',
  null: 'null',
  boolean: 'true or false',
};

/** Plain-language messages for zod's built-in issues (schema-specific messages take precedence). */
const errorMessages: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[iss.expected] ?? iss.expected;
      if (iss.input === undefined) return `Required: expected ${expected}`;
      return `Expected ${expected}, received ${describeValue(iss.input)}`;
    }
    case 'too_small': {
      const n = Number(iss.minimum);
      if (iss.origin === 'string') return n <= 1 ? 'Must not be empty' : `Must be at least ${n} characters long`;
      if (iss.origin === 'array') return `Must have at least ${n} item${n === 1 ? '' : 's'}`;
      return `Must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(iss.maximum);
      if (iss.origin === 'string') return `Must be at most ${n} characters long`;
      if (iss.origin === 'array') return `Must have at most ${n} item${n === 1 ? '' : 's'}`;
      return `Must be at most ${n}`;
    }
    case 'invalid_value': {
      const values = iss.values.map((v) => JSON.stringify(v));
      const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      return `Expected ${expected}, received ${describeValue(iss.input)}`;
    }
    case 'invalid_union':
      if ('discriminator' in iss && typeof iss.discriminator === 'string' && Array.isArray(iss.options)) {
        const key = iss.discriminator;
        const options = (iss.options as unknown[]).map((v) => JSON.stringify(v)).join(', ');
        const input = iss.input;
        const got =
          input !== null && typeof input === 'object' && key in input
            ? describeValue((input as Record<string, unknown>)[key])
            : 'nothing';
        return `Unknown ${key}: expected one of ${options}, received ${got}`;
      }
      return undefined;
    default:
      return undefined;
  }
};

/** Validate an uploaded or built-in scenario. Never throws. */
export function parseScenario(input: unknown): ParseScenarioResult {
  const result = scenarioSchema.safeParse(input, { error: errorMessages });
  if (result.success) return { ok: true, scenario: result.data };
  const errors: ScenarioError[] = [];
  // A value of the wrong type also fails the length checks zod runs on it (a string given for a
  // list is "too long"): report only the type error at that path.
  const mistyped = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path)));
  for (const issue of result.error.issues) {
    if ((issue.code === 'too_big' || issue.code === 'too_small') && mistyped.has(formatPath(issue.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: formatPath([...issue.path, key]), message: `Unknown key "${key}"` });
      }
    } else {
      errors.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return { ok: false, errors };
}
