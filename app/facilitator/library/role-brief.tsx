import type { RoleSlot, Scenario } from '../../../server/engine/scenario';

/** What a role reads before play: the public background, the brief, the scored objectives. */
export function RoleBrief({ scenario, role, headingLevel }: { scenario: Scenario; role: RoleSlot; headingLevel: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const side = scenario.sides.find((s) => s.id === role.side)?.name;
  return (
    <article aria-label={`Brief of ${role.title}`} className="role-brief">
      <H>{role.title}</H>
      <p className="hint">
        {role.kind}
        {side ? `, ${side}` : ', no side'}
      </p>
      <h5>Background (everyone reads this)</h5>
      <p>{scenario.publicBackground}</p>
      {role.brief.summary && (
        <>
          <h5>In short</h5>
          <p>{role.brief.summary}</p>
        </>
      )}
      <h5>What you want</h5>
      <p>{role.brief.objectives}</p>
      <h5>What only you know</h5>
      <ul>
        {role.brief.privateFacts.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <h5>Lines you must not cross</h5>
      <ul>
        {role.brief.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <h5>How you score</h5>
      <ul>
        {role.objectives.map((o) => (
          <li key={o.id}>
            {o.description} ({o.points} points)
          </li>
        ))}
      </ul>
    </article>
  );
}
