'use client';

import { useGameContext } from './context';
import { KIND_HINT, KIND_LABEL, paragraphs, sideName } from './labels';

export function PublicBackground({ text }: { text: string }) {
  return (
    <details className="background">
      <summary>Public background</summary>
      {paragraphs(text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </details>
  );
}

/** Who I am: role, side, kind, the confidential brief and how I score. */
export function RoleCard() {
  const { view } = useGameContext();
  const role = view.me.role;
  if (!role) return null;
  const { brief } = role;
  return (
    <section aria-labelledby="role-title" className="card role-card">
      <h2 id="role-title">Your role</h2>
      <p className="role-name">{role.title}</p>
      <p>
        <span className="badge">{KIND_LABEL[role.kind]}</span>{' '}
        {role.side ? (
          <>
            for <strong>{sideName(view, role.side)}</strong>
          </>
        ) : (
          'on no side'
        )}
      </p>
      <p className="muted">{KIND_HINT[role.kind]}</p>
      <h3>
        Confidential brief <span className="badge badge-secret">Only you</span>
      </h3>
      <p>{brief.objectives}</p>
      {brief.privateFacts.length > 0 ? (
        <>
          <h4>What you know</h4>
          <ul>
            {brief.privateFacts.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </>
      ) : null}
      {brief.limits.length > 0 ? (
        <>
          <h4>Limits you must not cross</h4>
          <ul>
            {brief.limits.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>How you score</h3>
      <ul className="objectives">
        {role.objectives.map((o) => (
          <li key={o.id}>
            {o.description} <span className="points">{o.points} pts</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        {view.session.scenario.title} ({view.session.scenario.period}): {view.session.scenario.summary}
      </p>
      <PublicBackground text={view.session.scenario.publicBackground} />
    </section>
  );
}
