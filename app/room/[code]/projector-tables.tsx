import type { ProjectorView } from '../../../server/engine/view';

/** Each table's public face: meters, escalation, the agreement's public terms, headlines, the front channel. */
export function ProjectorTables({ view }: { view: ProjectorView }) {
  const scenario = view.session.scenario;
  const sideName = (id: string) => scenario.sides.find((s) => s.id === id)?.name ?? id;
  const nameOf = (table: ProjectorView['tables'][number], seatId: string) => {
    const seat = table.seats.find((s) => s.id === seatId);
    return seat ? `${seat.name} (${seat.roleTitle ?? ''})` : 'Someone';
  };
  const scores = view.scores;
  return (
    <div className="projector-tables">
      {view.tables.map((table) => {
        const level = scenario.escalation[table.escalation];
        return (
          <section key={table.id} aria-labelledby={`table-${table.id}`} className="card">
            <h2 id={`table-${table.id}`}>Table {table.id.slice(1)}</h2>
            <h3>Public support</h3>
            {Object.entries(table.support).map(([side, value]) => (
              <p key={side}>
                <label htmlFor={`support-${table.id}-${side}`}>{sideName(side)}</label>{' '}
                <meter id={`support-${table.id}-${side}`} min={0} max={100} value={value}>
                  {value}%
                </meter>{' '}
                {value}%
              </p>
            ))}
            <p>
              <strong>Escalation:</strong> {level ? `${level.title} (level ${level.level} of ${scenario.escalation.length - 1})` : table.escalation}
            </p>
            {table.agreement && (
              <p>
                <strong>{table.agreement.announced ? 'Agreement announced:' : 'Agreement:'}</strong>{' '}
                {table.agreement.terms
                  .map((t) => {
                    const issue = scenario.issues.find((i) => i.id === t.issueId);
                    return `${issue?.title ?? t.issueId}: ${issue?.options.find((o) => o.id === t.optionId)?.label ?? t.optionId}`;
                  })
                  .join('; ')}
              </p>
            )}
            <h3>Headlines</h3>
            {table.stories.length === 0 ? (
              <p className="hint">No story yet.</p>
            ) : (
              <ul className="plain-list">
                {table.stories.slice(-3).reverse().map((s) => (
                  <li key={s.id}>
                    <strong>{s.headline}</strong>
                  </li>
                ))}
              </ul>
            )}
            <h3>Front channel</h3>
            <ol className="plain-list" role="log" aria-live="polite" aria-label={`Front channel of table ${table.id.slice(1)}`}>
              {table.frontMessages.slice(-5).map((m) => (
                <li key={m.id}>
                  <strong>{m.author.kind === 'control' ? 'Control' : nameOf(table, m.author.seatId)}:</strong> {m.text}
                </li>
              ))}
            </ol>
            {scores && (
              <>
                <h3>Scores (share of each role&apos;s maximum)</h3>
                <ol>
                  {scores
                    .filter((s) => s.tableId === table.id)
                    .map((s) => (
                      <li key={s.seatId}>
                        {s.name}: {s.share !== null ? `${s.share}% (${s.total} / ${s.max})` : s.total}
                      </li>
                    ))}
                </ol>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
