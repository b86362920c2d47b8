import { byShare, scoreShare } from '../../../shared/score-share';
import type { ProjectorView } from '../../../server/engine/view';
import { ProjectorMeters } from './projector-meters';

/** After the end: what became of every table, and its best scores (share of each role's maximum). */
export function ProjectorOutcome({ view }: { view: ProjectorView }) {
  const scenario = view.session.scenario;
  return (
    <div className="projector-tables" data-count={Math.min(view.tables.length, 6)}>
      {view.tables.map((table) => {
        const scores = (view.scores ?? []).filter((s) => s.tableId === table.id).sort(byShare).slice(0, 3);
        const story = table.stories[table.stories.length - 1];
        return (
          <section key={table.id} aria-labelledby={`outcome-${table.id}`} className="projector-tile">
            <h2 id={`outcome-${table.id}`}>Table {table.id.slice(1)}</h2>
            <p className="projector-outcome-line">
              {table.agreement
                ? table.agreement.announced
                  ? `Agreement announced: ${table.agreement.terms.map((t) => scenario.issues.find((i) => i.id === t.issueId)?.options.find((o) => o.id === t.optionId)?.label ?? t.optionId).join('; ')}`
                  : 'A deal was made, but never announced'
                : 'No agreement'}
            </p>
            <ProjectorMeters view={view} table={table} />
            {story && (
              <p>
                Last headline: <strong>{story.headline}</strong>
              </p>
            )}
            {scores.length > 0 && <h3>Best scores (share of the role&apos;s maximum)</h3>}
            {scores.length > 0 && (
              <ol className="projector-scores" aria-label={`Best scores at table ${table.id.slice(1)}`}>
                {scores.map((s) => (
                  <li key={s.seatId}>
                    {s.name}: {s.max > 0 ? `${scoreShare(s.total, s.max)}%` : s.total}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
