'use client';

import type { RoleBrief } from '../../../server/engine/scenario';
import { useGameContext } from './context';
import { KIND_LABEL, paragraphs, sideName } from './labels';

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

/** The whole brief: what the role wants, what only it knows, the lines it must not cross. */
function FullBrief({ brief }: { brief: RoleBrief }) {
  return (
    <>
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
    </>
  );
}

/**
 * Who I am: role, side, kind, the confidential brief and how I score. A full brief with the
 * background is more than a five-minute briefing allows, so the short brief comes first and the
 * rest is one click (or Enter) away; a scenario without short briefs shows the whole brief.
 */
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
      <p className="muted">{role.powers}</p>
      <h3>
        Confidential brief <span className="badge badge-secret">Only you</span>
      </h3>
      {brief.summary ? (
        <>
          <div className="brief-short">
            {paragraphs(brief.summary).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
          <details className="brief-details">
            <summary>Read your full brief: what you know and your limits</summary>
            <FullBrief brief={brief} />
          </details>
        </>
      ) : (
        <FullBrief brief={brief} />
      )}
      <h3>How you score</h3>
      <ul className="objectives">
        {role.objectives.map((o) => (
          <li key={o.id}>
            {o.description} <span className="points">{o.points < 0 ? `${o.points} pts if it happens` : `${o.points} pts`}</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        Best possible: {role.maxScore} pts. Roles have different maximums, so at the end everyone is compared by their share of
        their own best.
      </p>
      <p className="muted">
        {view.session.scenario.title} ({view.session.scenario.period}): {view.session.scenario.summary}
      </p>
      <PublicBackground text={view.session.scenario.publicBackground} />
    </section>
  );
}
