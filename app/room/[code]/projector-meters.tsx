import type { ProjectorView } from '../../../server/engine/view';

type Table = ProjectorView['tables'][number];

/** Public support as large bars (one per side) and the escalation ladder with the current step lit. */
export function ProjectorMeters({ view, table }: { view: ProjectorView; table: Table }) {
  const scenario = view.session.scenario;
  const sideName = (id: string) => scenario.sides.find((s) => s.id === id)?.name ?? id;
  const level = scenario.escalation[table.escalation];
  const top = scenario.escalation.length - 1;
  return (
    <div className="projector-meters">
      {Object.entries(table.support).map(([side, value]) => (
        <div key={side} className="support">
          <span className="support-name">{sideName(side)}</span>
          <div className="p-bar" role="meter" aria-label={`Public support, ${sideName(side)}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
            <div className="p-bar-in" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
          </div>
          <span className="support-value">{value}%</span>
        </div>
      ))}
      <div className="escalation" data-high={table.escalation >= top - 1}>
        <span className="support-name">Escalation</span>
        <div className="ladder" role="img" aria-label={`Escalation level ${table.escalation} of ${top}${level ? `: ${level.title}` : ''}`}>
          {scenario.escalation.map((l) => (
            <span key={l.level} className="p-step" data-on={l.level <= table.escalation} />
          ))}
        </div>
        <span className="support-value">{level?.title ?? table.escalation}</span>
      </div>
    </div>
  );
}
