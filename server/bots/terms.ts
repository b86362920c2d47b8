import type { SeatView, Term } from '../engine';

/**
 * What a bot's side wants from a text, judged from the seat's own view only: the scenario's
 * public reactions, which every student sees. (A role's objectives reach the seat as prose and
 * points, not as conditions, so the reactions are what a bot can reason about, like a student.)
 */
type Scenario = SeatView['session']['scenario'];
type Option = Scenario['issues'][number]['options'][number];

const reaction = (option: Option, side: string) => option.publicReaction[side] ?? 0;

function joint(option: Option, sides: string[]): { sum: number; min: number } {
  const values = sides.map((side) => reaction(option, side));
  return { sum: values.reduce((a, b) => a + b, 0), min: Math.min(...values) };
}

/** Per issue, the option both publics like best together (ties: the fairest): the compromise either side can sell. */
export function compromiseTerms(scenario: Scenario): Term[] {
  const sides = scenario.sides.map((s) => s.id);
  return scenario.issues.map((issue) => {
    const best = [...issue.options].sort((a, b) => joint(b, sides).sum - joint(a, sides).sum || joint(b, sides).min - joint(a, sides).min)[0]!;
    return { issueId: issue.id, optionId: best.id, secret: false };
  });
}

/** Per issue, the option the side's own public likes best (ties: the better compromise): an opening bid. */
export function favouredTerms(scenario: Scenario, side: string): Term[] {
  const sides = scenario.sides.map((s) => s.id);
  return scenario.issues.map((issue) => {
    const best = [...issue.options].sort((a, b) => reaction(b, side) - reaction(a, side) || joint(b, sides).sum - joint(a, sides).sum)[0]!;
    return { issueId: issue.id, optionId: best.id, secret: false };
  });
}

/**
 * Whether a side can put its name to these terms: every term is at least as good for its own
 * public as the compromise on that issue. Anything worse is a concession the other side has
 * not paid for, and a bot leader does not sign it (nor a bot envoy accept it).
 */
export function acceptableTo(scenario: Scenario, side: string, terms: readonly Term[]): boolean {
  const compromise = compromiseTerms(scenario);
  return terms.every((term) => {
    const issue = scenario.issues.find((i) => i.id === term.issueId);
    const option = issue?.options.find((o) => o.id === term.optionId);
    const fair = issue?.options.find((o) => o.id === compromise.find((t) => t.issueId === term.issueId)?.optionId);
    return option !== undefined && fair !== undefined && reaction(option, side) >= reaction(fair, side);
  });
}
