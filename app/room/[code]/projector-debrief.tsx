import { byShare, scoreShare } from '../../../shared/score-share';
import type { ProjectorView } from '../../../server/engine/view';
import type { ProjectorDebrief } from '../../../server/api/projector-debrief';
import { shortTitle } from '../../facilitator/seat-slot';
import { ProjectorMeters } from './projector-meters';

/** A role by its short title (the screen is narrow for two tables); with names revealed, "Ana, Kennedy". */
const who = (s: { label: string; role: string }, names: boolean) => {
  const role = shortTitle(s.role);
  return names ? `${s.label.slice(0, s.label.length - s.role.length - 3)}, ${role}` : role;
};

const outcomeLine = (agreement: ProjectorDebrief['tables'][number]['agreement']) =>
  agreement ? (agreement.announced ? 'Agreement announced' : 'A secret deal, never announced') : 'No agreement';

/** Per table: the outcome and its terms, the meters; below, the stories (and revealed leaks) beside the scores. */
export function ProjectorDebriefView({ view, debrief }: { view: ProjectorView; debrief: ProjectorDebrief }) {
  return (
    <div className="projector-tables projector-debrief" data-count={Math.min(debrief.tables.length, 6)}>
      {debrief.tables.map((t) => {
        const table = view.tables.find((x) => x.id === t.tableId);
        const scores = [...t.scores].sort(byShare);
        return (
          <section key={t.tableId} aria-labelledby={`debrief-${t.tableId}`} className="projector-tile">
            <h2 id={`debrief-${t.tableId}`}>{t.name}</h2>
            <p className="projector-outcome-line">{outcomeLine(t.agreement)}</p>
            {t.agreement && t.agreement.terms.length > 0 && (
              <ul className="projector-terms" aria-label={`Terms agreed at ${t.name}`}>
                {t.agreement.terms.map((term) => (
                  <li key={term.issue}>
                    {term.issue}: <strong>{term.option}</strong>
                    {term.secret ? ' (secret term)' : ''}
                  </li>
                ))}
              </ul>
            )}
            {table && <ProjectorMeters view={view} table={table} />}
            <div className="debrief-columns">
              <div>
                <h3>Stories ({t.stories.length})</h3>
                {t.stories.length === 0 ? (
                  <p className="projector-quiet">No story was published.</p>
                ) : (
                  <ul className="projector-list">
                    {t.stories.map((s, i) => (
                      <li key={i}>
                        “{s.headline}”{s.accurate === true ? ' — accurate' : s.accurate === false ? ' — inaccurate' : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {debrief.reveal.backChannels && (
                  <>
                    <h3>Leaks ({t.leaks.length})</h3>
                    {t.leaks.length === 0 ? (
                      <p className="projector-quiet">Nothing leaked from a back channel.</p>
                    ) : (
                      <ul className="projector-list">
                        {t.leaks.map((l, i) => (
                          <li key={i}>
                            A {l.form} from {l.from}: {l.headline ? <>printed as “{l.headline}”</> : 'never printed'}
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                )}
              </div>
              {scores.length > 0 && (
                <div>
                  <h3>Scores (share of the role&apos;s maximum)</h3>
                  <ol className="projector-scores" aria-label={`Scores at ${t.name}`}>
                    {scores.map((s, i) => (
                      <li key={i}>
                        {who(s, debrief.reveal.names)}: {s.max > 0 ? `${scoreShare(s.total, s.max)}%` : s.total}
                      </li>
                    ))}
                  </ol>
                </div>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
