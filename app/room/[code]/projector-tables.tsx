import type { ProjectorView } from '../../../server/engine/view';
import { ProjectorMeters } from './projector-meters';

/** Each table as a tile: meters, escalation, the agreement's public terms, the front channel's latest lines. */
export function ProjectorTables({ view }: { view: ProjectorView }) {
  const scenario = view.session.scenario;
  const count = view.tables.length;
  // Fewer lines per tile as tiles shrink, so that the screen never scrolls.
  const lines = count <= 1 ? 6 : count <= 2 ? 5 : count <= 4 ? 3 : 2;
  const nameOf = (table: ProjectorView['tables'][number], seatId: string) => {
    const seat = table.seats.find((s) => s.id === seatId);
    return seat ? `${seat.name} (${seat.roleTitle ?? ''})` : 'Someone';
  };
  return (
    <div className="projector-tables" data-count={Math.min(count, 6)}>
      {view.tables.map((table) => (
        <section key={table.id} aria-labelledby={`table-${table.id}`} className="projector-tile">
          <h2 id={`table-${table.id}`}>Table {table.id.slice(1)}</h2>
          <ProjectorMeters view={view} table={table} />
          {table.agreement && (
            <p className="projector-deal">
              <strong>{table.agreement.announced ? 'Agreement announced' : 'Agreement'}</strong>
              {table.agreement.terms.length > 0 && ': '}
              {table.agreement.terms
                .map((t) => {
                  const issue = scenario.issues.find((i) => i.id === t.issueId);
                  return `${issue?.title ?? t.issueId}: ${issue?.options.find((o) => o.id === t.optionId)?.label ?? t.optionId}`;
                })
                .join('; ')}
            </p>
          )}
          <div role="log" aria-live="polite" aria-label={`Front channel of table ${table.id.slice(1)}`} className="projector-front">
            {table.frontMessages.length === 0 ? (
              <p className="projector-quiet">The front channel is quiet.</p>
            ) : (
              <ol>
                {table.frontMessages.slice(-lines).map((m) => (
                  <li key={m.id}>
                    <strong>{m.author.kind === 'control' ? 'Control' : nameOf(table, m.author.seatId)}:</strong> {m.text}
                  </li>
                ))}
              </ol>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
