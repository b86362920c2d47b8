import type { RoleScore } from '../server/engine/state';
import type { ScoreView } from '../server/engine/view';

/**
 * Roles are scored out of different maxima (a leader's objectives may add up to 100, a journalist's
 * to 45), so raw totals cannot be compared across roles. These pure helpers turn a total into a
 * share of the role's own maximum, the figure the end screen shows and ranks by. Used by the
 * projection, which sends each score with its `max`, `share` and outcomes, so browsers compute none.
 */

/** The most a role can score: the sum of its positive objectives (a penalty avoided adds nothing). */
export function maxScore(objectives: readonly { points: number }[]): number {
  return objectives.reduce((n, o) => n + Math.max(0, o.points), 0);
}

/**
 * `total` as a whole percentage of `max` (negative when penalties outweigh what was achieved), or
 * null for a role that can score nothing positive, which has no share to compare.
 */
export function scoreShare(total: number, max: number): number | null {
  return max > 0 ? Math.round((100 * total) / max) : null;
}

/** How one objective turned out, as a player should read it: a penalty that did not happen was avoided. */
export type ObjectiveOutcome = 'achieved' | 'missed' | 'avoided' | 'penalised';

export function objectiveOutcome(objective: { points: number; achieved: boolean }): ObjectiveOutcome {
  if (objective.points < 0) return objective.achieved ? 'penalised' : 'avoided';
  return objective.achieved ? 'achieved' : 'missed';
}

/** Ranks scores best share first (ties: more points first), for the leaderboards. */
export function byShare<T extends { total: number; max: number }>(a: T, b: T): number {
  return (scoreShare(b.total, b.max) ?? -Infinity) - (scoreShare(a.total, a.max) ?? -Infinity) || b.total - a.total;
}

/** A role's score as the projection sends it: out of its maximum, each objective with its outcome. */
export function scoreView(score: RoleScore): ScoreView {
  const max = maxScore(score.objectives);
  return {
    seatId: score.seatId, total: score.total, max, share: scoreShare(score.total, max),
    objectives: score.objectives.map((o) => ({ id: o.id, description: o.description, points: o.points, achieved: o.achieved, outcome: objectiveOutcome(o) })),
  };
}

/** Scores for a leaderboard, with max and share, best share first: browsers show them in this order. */
export function rankedScores<T extends { seatId: string }>(scores: RoleScore[], extra: (s: RoleScore) => T): (T & { total: number; max: number; share: number | null })[] {
  return scores
    .map((s) => {
      const max = maxScore(s.objectives);
      return { ...extra(s), total: s.total, max, share: scoreShare(s.total, max) };
    })
    .sort(byShare);
}
