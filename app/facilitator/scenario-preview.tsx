import type { Scenario } from '../../server/engine/scenario';
import { readingMinutes, rolesAddedBySize } from './scenario-facts';
import { shortTitle } from './seat-slot';

/** What a teacher checks before choosing a scenario: sides, tables, schedule, reading time. */
export function ScenarioPreview({ scenario }: { scenario: Scenario }) {
  const minutes = Math.round(scenario.phases.reduce((n, p) => n + p.durationSec, 0) / 60);
  const longest = Math.max(...scenario.roles.map((r) => readingMinutes(scenario, r)));
  return (
    <section aria-label={`Preview of ${scenario.title}`} className="preview-grid">
      <div>
        <h4>{scenario.title}</h4>
        <p className="hint">{scenario.period}</p>
        <p>{scenario.summary}</p>
        <p>
          <strong>Sides:</strong> {scenario.sides.map((s) => s.name).join(' vs ')}
        </p>
      </div>
      <div>
        <h4>Roles per table size</h4>
        <ul>
          {rolesAddedBySize(scenario).map((row) => (
            <li key={row.size}>
              <strong>{row.size} players:</strong> {row.all ? '' : '+ '}
              {row.added.map(shortTitle).join(', ')}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4>Phases (about {minutes} min)</h4>
        <ol>
          {scenario.phases.map((p) => (
            <li key={p.id}>
              {p.title}: {Math.round(p.durationSec / 60)} min ({p.openChannels.join(', ') || 'no channels'})
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h4>Reading the briefs</h4>
        <p>Up to {longest} min per role.</p>
        <ul>
          {scenario.roles.map((r) => (
            <li key={r.id}>
              <span title={r.title}>{shortTitle(r.title)}</span>: {readingMinutes(scenario, r)} min
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
