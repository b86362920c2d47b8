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

/** The smallest and the largest table every scenario must be able to seat. */
export const MIN_TABLE_SIZE = 4;
export const MAX_TABLE_SIZE = 10;

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

// ---------------------------------------------------------------------------------------------
// Cross-field checks
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Flag every repeated id in `items` (pointing at the repeat and naming the first occurrence). */
function checkUnique(
  items: readonly { id: string }[],
  basePath: Path,
  what: string,
  report: Report,
): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, i);
    } else {
      report(
        [...basePath, i, 'id'],
        `Duplicate ${what} id "${item.id}" (already used by ${formatPath([...basePath, first])})`,
      );
    }
  });
  return seen;
}

function checkSideKeys(
  record: Record<string, number> | undefined,
  basePath: Path,
  sideIds: Map<string, number>,
  report: Report,
): void {
  if (!record) return;
  for (const key of Object.keys(record)) {
    if (!sideIds.has(key)) {
      report([...basePath, key], `Unknown side "${key}"; expected one of ${list(sideIds.keys())}`);
    }
  }
}

function list(values: Iterable<string>): string {
  const all = [...values].map((v) => `"${v}"`);
  return all.length > 0 ? all.join(', ') : '(none)';
}

export function checkScenario(s: Scenario, report: Report): void {
  // Unique ids ---------------------------------------------------------------------------------
  const sideIds = checkUnique(s.sides, ['sides'], 'side', report);
  checkUnique(s.roles, ['roles'], 'role', report);
  const issueIds = checkUnique(s.issues, ['issues'], 'issue', report);
  const optionIds = new Map<string, Set<string>>();
  s.issues.forEach((issue, i) => {
    const opts = checkUnique(issue.options, ['issues', i, 'options'], 'option', report);
    if (!optionIds.has(issue.id)) optionIds.set(issue.id, new Set(opts.keys()));
  });
  const phaseIds = checkUnique(s.phases, ['phases'], 'phase', report);
  checkUnique(s.injects, ['injects'], 'inject', report);

  const topLevel = Math.max(0, s.escalation.length - 1);

  // Roles ---------------------------------------------------------------------------------------
  s.roles.forEach((role, r) => {
    const rp: Path = ['roles', r];
    checkUnique(role.objectives, [...rp, 'objectives'], 'objective', report);

    if (role.kind === 'journalist') {
      if (role.side !== null) {
        report([...rp, 'side'], `A journalist belongs to no side: side must be null, not "${role.side}"`);
      }
    } else if (role.side === null) {
      report([...rp, 'side'], `${role.kind === 'envoy' ? 'An' : 'A'} ${role.kind} must belong to a side; expected one of ${list(sideIds.keys())}`);
    } else if (!sideIds.has(role.side)) {
      report([...rp, 'side'], `Unknown side "${role.side}"; expected one of ${list(sideIds.keys())}`);
    }

    if (role.min > role.max) {
      report([...rp, 'min'], `min (${role.min}) must not exceed max (${role.max})`);
    }

    role.objectives.forEach((objective, o) => {
      const wp: Path = [...rp, 'objectives', o, 'when'];
      const when = objective.when;
      switch (when.type) {
        case 'termAgreed':
        case 'termKeptSecret': {
          const options = optionIds.get(when.issueId);
          if (!issueIds.has(when.issueId) || !options) {
            report([...wp, 'issueId'], `Unknown issue "${when.issueId}"; expected one of ${list(issueIds.keys())}`);
          } else if (when.type === 'termAgreed' && !options.has(when.optionId)) {
            report(
              [...wp, 'optionId'],
              `Unknown option "${when.optionId}" for issue "${when.issueId}"; expected one of ${list(options)}`,
            );
          }
          break;
        }
        case 'supportAtLeast':
          if (when.side !== undefined && !sideIds.has(when.side)) {
            report([...wp, 'side'], `Unknown side "${when.side}"; expected one of ${list(sideIds.keys())}`);
          } else if (when.side === undefined && role.side === null) {
            report([...wp, 'side'], 'This role belongs to no side, so supportAtLeast must name the side it measures');
          }
          break;
        case 'escalationAtMost':
          if (when.value > topLevel) {
            report([...wp, 'value'], `Escalation level ${when.value} does not exist; the highest level is ${topLevel}`);
          }
          break;
        default:
          break;
      }
    });
  });

  // Seats: one leader per side, tables of MIN_TABLE_SIZE..MAX_TABLE_SIZE ----------------------
  s.sides.forEach((side, i) => {
    if (sideIds.get(side.id) !== i) return; // a duplicate id, already reported
    const leaders = s.roles
      .map((role, r) => ({ role, r }))
      .filter(({ role }) => role.kind === 'leader' && role.side === side.id);
    if (leaders.length === 0) {
      report(['sides', i], `Side "${side.id}" has no leader slot; every side needs exactly one (kind "leader", min 1, max 1)`);
    }
    leaders.forEach(({ role, r }, n) => {
      if (n > 0) {
        report(
          ['roles', r, 'kind'],
          `Side "${side.id}" already has a leader slot (${formatPath(['roles', leaders[0]!.r])}); every side needs exactly one`,
        );
      } else if (role.min !== 1 || role.max !== 1) {
        report(['roles', r, role.min !== 1 ? 'min' : 'max'], `A leader slot must have min 1 and max 1 (found min ${role.min}, max ${role.max})`);
      }
    });
  });

  const sumMin = s.roles.reduce((n, role) => n + role.min, 0);
  const sumMax = s.roles.reduce((n, role) => n + role.max, 0);
  if (sumMin > MIN_TABLE_SIZE) {
    report(
      ['roles'],
      `The role slots cannot seat a table of ${MIN_TABLE_SIZE}: their minimums add up to ${sumMin} (at most ${MIN_TABLE_SIZE} allowed)`,
    );
  }
  if (sumMax < MAX_TABLE_SIZE) {
    report(
      ['roles'],
      `The role slots cannot seat a table of ${MAX_TABLE_SIZE}: their maximums add up to ${sumMax} (at least ${MAX_TABLE_SIZE} needed)`,
    );
  }

  // Issues --------------------------------------------------------------------------------------
  s.issues.forEach((issue, i) => {
    issue.options.forEach((option, o) => {
      checkSideKeys(option.publicReaction, ['issues', i, 'options', o, 'publicReaction'], sideIds, report);
    });
  });

  // Phases --------------------------------------------------------------------------------------
  const first = s.phases[0];
  if (first && first.kind !== 'briefing') {
    report(['phases', 0, 'kind'], 'The first phase must be a briefing');
  }
  if (!s.phases.some((p) => p.kind === 'negotiation')) {
    report(['phases'], 'At least one negotiation phase is required');
  }
  s.phases.forEach((phase, p) => {
    const seen = new Set<string>();
    phase.openChannels.forEach((channel, c) => {
      if (seen.has(channel)) report(['phases', p, 'openChannels', c], `Channel "${channel}" is listed twice`);
      seen.add(channel);
    });
    if (phase.kind === 'negotiation' && phase.openChannels.length === 0) {
      report(['phases', p, 'openChannels'], 'A negotiation phase must open at least one channel');
    }
  });

  // Precondition ----------------------------------------------------------------------------------
  if (s.precondition && !sideIds.has(s.precondition.side)) {
    report(['precondition', 'side'], `Unknown side "${s.precondition.side}"; expected one of ${list(sideIds.keys())}`);
  }

  // Leak parameters -------------------------------------------------------------------------------
  if (s.leak.maxRisk < s.leak.baseRate) {
    report(['leak', 'maxRisk'], `maxRisk (${s.leak.maxRisk}) must be at least baseRate (${s.leak.baseRate})`);
  }

  // Injects ---------------------------------------------------------------------------------------
  s.injects.forEach((inject, i) => {
    if (inject.audience !== 'all' && !sideIds.has(inject.audience)) {
      report(['injects', i, 'audience'], `Audience must be "all" or a side id; expected one of "all", ${list(sideIds.keys())}`);
    }
    if (inject.atPhase !== undefined && !phaseIds.has(inject.atPhase)) {
      report(['injects', i, 'atPhase'], `Unknown phase "${inject.atPhase}"; expected one of ${list(phaseIds.keys())}`);
    }
    checkSideKeys(inject.support, ['injects', i, 'support'], sideIds, report);
  });

  // Escalation ladder -----------------------------------------------------------------------------
  s.escalation.forEach((level, i) => {
    if (level.level !== i) {
      report(['escalation', i, 'level'], `Escalation levels must be numbered 0, 1, 2, … in order: expected ${i}, found ${level.level}`);
    }
  });
}

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

/** `['roles', 3, 'objectives', 0, 'when']` → `roles[3].objectives[0].when`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

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
