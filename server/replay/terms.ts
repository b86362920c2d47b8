import type { ActiveGame, Term } from '../engine';
import type { TermLabel } from './types';

/** Terms with the scenario's words for them; `exposedIssues`: secret terms a story laid bare. */
export function termLabels(game: ActiveGame, terms: Term[], exposedIssues: string[] = []): TermLabel[] {
  return terms.map((t) => {
    const issue = game.scenario.issues.find((i) => i.id === t.issueId);
    const option = issue?.options.find((o) => o.id === t.optionId);
    return { issueId: t.issueId, issue: issue?.title ?? t.issueId, optionId: t.optionId, option: option?.label ?? t.optionId, secret: t.secret, exposed: t.secret && exposedIssues.includes(t.issueId) };
  });
}

export function termsText(labels: TermLabel[]): string {
  return labels.map((l) => `${l.issue}: ${l.option}${l.secret ? ' (secret)' : ''}`).join('; ');
}
