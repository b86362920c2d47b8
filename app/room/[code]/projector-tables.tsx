import type { ProjectorView } from '../../../server/engine/view';
import { Countdown } from '../../facilitator/countdown';
import { ProjectorMeters } from './projector-meters';

/** Whether every table shows the same phase and time, so that the one big clock speaks for all. */
export function tablesInStep(view: ProjectorView): boolean {
  const first = view.tables[0]?.clock;
  return view.tables.every((t) => t.clock.phase?.index === first?.phase?.index && t.clock.deadlineAt === first?.deadlineAt && t.clock.pausedRemainingMs === first?.pausedRemainingMs && !t.clock.finished);
}

/** Each table as a tile: meters, escalation, the agreement's public terms, the front channel's latest lines. */
export function ProjectorTables({ view, skewMs }: { view: ProjectorView; skewMs: number }) {
  // Tables keep their own time once one is paused or extended: then each tile shows its clock.
  const apart = !tablesInStep(view);
  const scenario = view.session.scenario;
  const count = view.tables.length;
  // Fewer lines per tile as tiles shrink, so that the screen never scrolls.
  const lines = count <= 1 ? 10 : count <= 2 ? 7 : count <= 4 ? 3 : 2;
  const nameOf = (table: ProjectorView['tables'][number], seatId: string) => {
    const seat = table.seats.find((s) => s.id === seatId);
    return seat ? `${seat.name} (${seat.roleTitle ?? ''})` : 'Someone';
  };
  return (
    <div className="projector-tables" data-count={Math.min(count, 6)}>
      {view.tables.map((table) => (
        <section key={table.id} aria-labelledby={`table-${table.id}`} className="projector-tile">
          <h2 id={`table-${table.id}`} className="tile-head">
            <span>Table {table.id.slice(1)}</span>
            {apart && (
              <span className="tile-clock">
                {table.clock.finished ? 'finished' : <Countdown deadlineAt={table.clock.deadlineAt} pausedRemainingMs={table.clock.pausedRemainingMs} skewMs={skewMs} />}
              </span>
            )}
          </h2>
          {apart && table.clock.phase && <p className="tile-phase">{table.clock.phase.title}</p>}
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
