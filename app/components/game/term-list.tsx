import type { SeatView } from '../../../server/engine/view';
import type { Term } from '../../../server/engine/state';
import { termLabel } from './labels';

/** The terms of a proposal or an agreement, with secret ones marked in words, not colour alone. */
export function TermList({ view, terms }: { view: SeatView; terms: Term[] }) {
  return (
    <ul className="terms">
      {terms.map((t) => {
        const label = termLabel(view, t);
        return (
          <li key={t.issueId}>
            <strong>{label.issue}:</strong> {label.option} {t.secret ? <span className="badge badge-secret">Secret</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
