import { describe, expect, it } from 'vitest';
import type { Objective, Scenario } from '../engine/scenario';
import { maxScore } from '../engine/score-share';
import { builtInScenarios } from '../scenarios';
import { fairTerms } from './seat';

/**
 * "No side's leader is systematically handicapped" (issue 8): the balance test measures it in
 * play; this checks the design it rests on, so an edit to one leader's objectives that breaks the
 * symmetry fails here at once, with the objective to look at. The two leaders of a scenario want
 * different things, but they weigh alike: the same points for their side's public support, for
 * keeping the crisis in bounds and for penalties, and the same points from the fair package (the
 * deal the harness tables) once it is announced — so whatever the fair package cannot give one
 * leader (a stretch goal), it cannot give the other either, in equal measure.
 */

type Weights = { max: number; support: number; escalation: number; escalationLevels: number[]; penalties: number; fairDeal: number };

function weights(scenario: Scenario, objectives: readonly Objective[]): Weights {
  const fair = fairTerms(scenario.issues, scenario.sides.map((s) => s.id));
  const sum = (test: (o: Objective) => boolean) => objectives.filter(test).reduce((n, o) => n + o.points, 0);
  return {
    max: maxScore(objectives),
    support: sum((o) => o.when.type === 'supportAtLeast'),
    escalation: sum((o) => o.when.type === 'escalationAtMost'),
    escalationLevels: objectives.flatMap((o) => (o.when.type === 'escalationAtMost' ? [o.when.value] : [])),
    penalties: sum((o) => o.points < 0),
    fairDeal: sum((o) => o.points > 0 && (o.when.type === 'dealAnnounced'
      || (o.when.type === 'termAgreed' && fair.some((t) => o.when.type === 'termAgreed' && t.issueId === o.when.issueId && t.optionId === o.when.optionId)))),
  };
}

describe.each(builtInScenarios().map((s) => [s.id, s] as const))('the leaders of %s', (_id, scenario) => {
  const leaders = scenario.roles.filter((r) => r.kind === 'leader');

  it('are one per side', () => {
    expect(leaders.map((r) => r.side).sort()).toEqual(scenario.sides.map((s) => s.id).sort());
  });

  it('weigh their objectives alike: support, escalation (at the same level), penalties and the fair deal', () => {
    const [a, b] = leaders.map((r) => ({ role: r.id, ...weights(scenario, r.objectives) }));
    expect(a!.max).toBe(100);
    expect({ ...b!, role: a!.role }).toEqual(a);
  });

  it('each have one support objective, about their own side (the thresholds differ with where each side starts and where the fair deal leaves it)', () => {
    for (const leader of leaders) {
      const support = leader.objectives.filter((o) => o.when.type === 'supportAtLeast');
      expect(support, leader.id).toHaveLength(1);
      const when = support[0]!.when;
      expect(when.type === 'supportAtLeast' && when.side).toBe(leader.side);
    }
  });
});
