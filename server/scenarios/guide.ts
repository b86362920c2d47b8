import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Scenario } from '../engine/scenario';
import { projectRoot } from '../paths';

/**
 * A teacher's guide to one built-in scenario, as data (docs/teaching/<scenario-id>.yaml): what the
 * class should learn (mapped to the points of the reading the game is built on), a 50-minute
 * plan, setup advice per table size, when to fire which inject and why, three debrief questions
 * with model answers, and the balance harness's strategy table. The format is in docs/scenarios.md.
 */

/**
 * The points of the seeds (the reading in /work/shared/seeds: PON's "The Pros and Cons of
 * Back-Channel Negotiations" after Wanis-St. John, and a review of back-channel diplomacy) that a
 * guide's objectives map to. Ids, so that a guide cannot cite a point the reading does not make.
 */
export const SEED_POINTS = {
  'escape-the-audience': 'Back channels remove talks from the scrutiny of an audience (constituents, press, one’s own team), so negotiators can test the waters before real commitments.',
  'circumvent-spoilers': 'Going underground can give negotiators cover to reach a breakthrough before spoilers mobilise.',
  'circumvent-preconditions': 'Back channels let parties talk without first meeting the preconditions either side sets for official talks.',
  'diminishing-returns': 'Relied on too often, back channels yield diminishing returns: they create the need for further back channels and delay.',
  'temporary-protection': 'The protection is temporary: when secrecy comes out, critics react more strongly and leaders’ reputations suffer, especially if the process looks unfair.',
  'go-public': 'Most deals must go public to be implemented: the goal is consensus among supporters and detractors, bringing the talks into the light.',
  'deniability-and-trust': 'Back channels work through deniable, informal contacts and depend on trust between the parties, which is hard to build in a crisis.',
} as const;

export type SeedPoint = keyof typeof SEED_POINTS;
const seedPoint = z.enum(Object.keys(SEED_POINTS) as [SeedPoint, ...SeedPoint[]]);

const text = (max: number) => z.string().trim().min(1).max(max);
export const CLASS_MINUTES = 50;

export const guideSchema = z.strictObject({
  scenarioId: text(120),
  title: text(200),
  /** One paragraph: what this scenario is good for in class. */
  overview: text(2000),
  objectives: z
    .array(z.strictObject({ id: text(60), objective: text(400), seedPoints: z.array(seedPoint).min(1), inTheGame: text(800) }))
    .min(3)
    .max(8),
  timing: z
    .array(z.strictObject({ minutes: z.number().int().min(1).max(CLASS_MINUTES), activity: text(200), notes: text(800) }))
    .min(3)
    .refine((blocks) => blocks.reduce((sum, b) => sum + b.minutes, 0) === CLASS_MINUTES, { message: `The timing plan must add up to ${CLASS_MINUTES} minutes` }),
  setup: z
    .array(z.strictObject({ players: z.number().int().min(1).max(60), tables: text(200), advice: text(800), rolesThatMatter: z.array(text(60)).min(1) }))
    .min(2),
  injects: z.array(z.strictObject({ injectId: text(60), when: text(300), why: text(800) })).min(1),
  debrief: z.array(z.strictObject({ question: text(400), modelAnswer: text(1500) })).length(3),
  balance: z.strictObject({
    /** The harness's table for this scenario, as in docs/balance.md. */
    columns: z.array(text(60)).min(2),
    rows: z.array(z.strictObject({ strategy: text(60), values: z.array(text(40)) })).min(1),
    reading: text(1500),
  }),
  /** Facts the guide relies on, with where they can be checked. */
  history: z.array(z.strictObject({ fact: text(600), source: text(300) })).min(1),
});

export type TeachingGuide = z.infer<typeof guideSchema>;
export interface GuideError {
  path: string;
  message: string;
}

/** Checks against the scenario itself: its roles and injects exist, and the balance rows are as wide as the header. */
export function crossCheckGuide(guide: TeachingGuide, scenario: Scenario): GuideError[] {
  const errors: GuideError[] = [];
  if (guide.scenarioId !== scenario.id) errors.push({ path: 'scenarioId', message: `Is "${guide.scenarioId}", but the scenario is "${scenario.id}"` });
  const roles = new Set(scenario.roles.map((r) => r.id));
  guide.setup.forEach((s, i) =>
    s.rolesThatMatter.forEach((r, k) => {
      if (!roles.has(r)) errors.push({ path: `setup[${i}].rolesThatMatter[${k}]`, message: `"${r}" is not a role of ${scenario.id}` });
    }),
  );
  const injects = new Set(scenario.injects.map((i) => i.id));
  guide.injects.forEach((g, i) => {
    if (!injects.has(g.injectId)) errors.push({ path: `injects[${i}].injectId`, message: `"${g.injectId}" is not an inject of ${scenario.id}` });
  });
  guide.balance.rows.forEach((row, i) => {
    if (row.values.length !== guide.balance.columns.length - 1) {
      errors.push({ path: `balance.rows[${i}].values`, message: `Has ${row.values.length} values for ${guide.balance.columns.length - 1} columns after the strategy` });
    }
  });
  return errors;
}

export function parseGuide(data: unknown, scenario: Scenario): { ok: true; guide: TeachingGuide } | { ok: false; errors: GuideError[] } {
  const parsed = guideSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const errors = crossCheckGuide(parsed.data, scenario);
  return errors.length ? { ok: false, errors } : { ok: true, guide: parsed.data };
}

export const guidePath = (scenarioId: string, root = projectRoot) => path.join(root, 'docs', 'teaching', `${scenarioId}.yaml`);

/** The guide of a built-in scenario, or null if it has none. An invalid guide is a bug: it throws. */
export function loadGuide(scenario: Scenario, root = projectRoot): TeachingGuide | null {
  if (!/^[a-z0-9-]+$/.test(scenario.id)) return null;
  const file = guidePath(scenario.id, root);
  if (!existsSync(file)) return null;
  const result = parseGuide(parseYaml(readFileSync(file, 'utf8')), scenario);
  if (!result.ok) throw new Error(`${file} is not a valid teacher's guide:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  return result.guide;
}
