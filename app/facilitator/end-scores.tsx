import { maxScore, scoreShare } from '../../shared/score-share';
import type { FacilitatorView } from '../../server/engine/view';
import { labels } from './labels';
import { ProjectorShow } from './projector-show';
import { shortTitle } from './seat-slot';

/** After the end: each table's outcome and every role's score, and the way into the debrief. */
export function EndScores({ view, sessionId }: { view: FacilitatorView; sessionId: string }) {
  const { tableName, sideName, role } = labels(view);
  const scores = view.scores ?? [];
  const tables = Object.values(view.tables).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return (
    <section aria-labelledby="scores-title">
      <h3 id="scores-title">Scores and outcomes</h3>
      <p>
        <a href={`/facilitator/debrief/${sessionId}`} className="return-link">
          Open the debrief
        </a>
      </p>
      <ProjectorShow sessionId={sessionId} code={view.code} />
      <div className="table-grid">
        {tables.map((table) => {
          const level = view.scenario.escalation[table.escalation];
          const rows = scores.filter((s) => view.seats[s.seatId]?.tableId === table.id);
          return (
            <section key={table.id} className="table-card" aria-labelledby={`end-${table.id}`}>
              <h4 id={`end-${table.id}`}>{tableName(table.id)}</h4>
              <p>
                <strong>Outcome:</strong>{' '}
                {table.agreement ? (table.agreement.announcedAt !== null ? 'agreement announced' : 'secret agreement, never announced') : 'no agreement'}; escalation{' '}
                {level ? `${level.title} (${level.level})` : table.escalation}; support {Object.entries(table.support).map(([s, v]) => `${sideName(s)} ${v}%`).join(', ')}
              </p>
              <div className="table-scroll" role="region" aria-label={`Scores at ${tableName(table.id)}`} tabIndex={0}>
                <table className="score-table">
                  <caption className="hint">Score of each role, and its share of the most it could make</caption>
                  <thead>
                    <tr>
                      <th scope="col">Player</th>
                      <th scope="col">Role</th>
                      <th scope="col">Score</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((s) => {
                      const seat = view.seats[s.seatId];
                      const r = role(seat?.roleId ?? null);
                      const max = r ? maxScore(r.objectives) : 0;
                      return (
                        <tr key={s.seatId}>
                          <td className="name">{seat?.name}</td>
                          <td title={r?.title}>{r ? shortTitle(r.title) : ''}</td>
                          <td className="num">{max > 0 ? `${s.total} / ${max} (${scoreShare(s.total, max)}%)` : s.total}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
      </div>
    </section>
  );
}
