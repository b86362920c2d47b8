'use client';

import { useState } from 'react';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { TermList } from './term-list';
import { inMyRole, seatName, timeOf, verdict } from './labels';
import { Stories } from './stories';
import { Broadcasts } from './broadcasts';

function Support() {
  const { view } = useGameContext();
  const support = view.table?.support ?? {};
  return (
    <>
      <h3>Public support</h3>
      <ul className="support-list">
        {view.session.scenario.sides.map((side) => {
          const value = Math.round(support[side.id] ?? side.initialSupport);
          return (
            <li key={side.id}>
              <span className="support-label">
                {side.name}: <strong>{value}%</strong>
              </span>
              <span className="bar" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Escalation() {
  const { view } = useGameContext();
  const levels = view.session.scenario.escalation;
  const level = view.table?.escalation ?? 0;
  const current = levels.find((l) => l.level === level) ?? levels[levels.length - 1];
  const top = levels.length > 0 ? levels[levels.length - 1]!.level : 0;
  return (
    <>
      <h3>Escalation</h3>
      <p>
        <span className="badge badge-warn">
          Level {level} of {top}
        </span>{' '}
        <strong>{current?.title}</strong>
      </p>
      <ol className="steps" aria-hidden="true">
        {levels.map((l) => (
          <li key={l.level} className={l.level <= level ? 'step step-on' : 'step'} />
        ))}
      </ol>
      {current ? <p>{current.description}</p> : null}
    </>
  );
}

function Precondition() {
  const { view } = useGameContext();
  const fulfil = useCommand();
  const pre = view.session.scenario.precondition;
  if (!pre || !view.table) return null;
  const met = view.table.preconditionMet;
  // Mine to meet if the engine does not refuse it for my role (view.can): the other side's leader, say.
  const mine = inMyRole(view.can?.fulfilPrecondition);
  const status = verdict(view.can?.fulfilPrecondition);
  return (
    <>
      <h3>Precondition for official talks</h3>
      <p>
        <span className={met ? 'badge badge-ok' : 'badge badge-warn'}>{met ? 'Met' : 'Not met'}</span> {pre.description}
      </p>
      {mine && !met ? (
        <div className="actions">
          <button type="button" onClick={() => void fulfil.run({ type: 'FulfilPrecondition' })} disabled={fulfil.pending || !status.ok} aria-describedby="precondition-cost">
            Meet the precondition
          </button>
          <p id="precondition-cost" className="hint">
            Your side loses {pre.supportCost} points of public support for giving in.{!status.ok ? ` ${status.reason}` : ''}
          </p>
          <ErrorText error={fulfil.error} />
        </div>
      ) : null}
    </>
  );
}

function Agreement() {
  const { view } = useGameContext();
  const announce = useCommand();
  const agreement = view.table?.agreement;
  if (!agreement) return null;
  const announcer = inMyRole(view.can?.announce);
  const status = verdict(view.can?.announce);
  return (
    <>
      <h3>The agreement</h3>
      <p>
        {agreement.announced ? (
          <>
            <span className="badge badge-ok">Announced</span> at {agreement.announcedAt ? timeOf(agreement.announcedAt) : ''}
          </>
        ) : (
          <>
            <span className="badge badge-warn">Concluded, not announced</span> It only counts once a leader announces it before the final deadline.
          </>
        )}
      </p>
      <TermList view={view} terms={agreement.terms} />
      {agreement.originExposedFirst ? <p className="notice notice-warn">Its back-channel origin leaked before it was announced: the public backlash is harsher.</p> : null}
      {announcer && !agreement.announced ? (
        <div className="actions">
          <button type="button" onClick={() => void announce.run({ type: 'AnnounceAgreement' })} disabled={announce.pending || !status.ok} aria-describedby={status.ok ? undefined : 'announce-status'}>
            Announce the agreement
          </button>
          {!status.ok ? (
            <p id="announce-status" className="hint">
              {status.reason}
            </p>
          ) : null}
          <ErrorText error={announce.error} />
        </div>
      ) : null}
      <Renege />
    </>
  );
}

/** A signatory may break a deal while it is still secret, at a cost to trust; offered only when the engine allows it. */
function Renege() {
  const { view } = useGameContext();
  const renege = useCommand();
  const [confirming, setConfirming] = useState(false);
  if (!view.can?.renege.ok) return null;
  return confirming ? (
    <div className="actions" role="group" aria-label="Confirm breaking the deal">
      <p>Your side loses support, the other side talks, and every back channel at the table leaks more for the rest of the game.</p>
      <button type="button" onClick={() => void renege.run({ type: 'RenegeAgreement' }).then(() => setConfirming(false))} disabled={renege.pending}>
        Yes, break the deal
      </button>
      <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
        Keep it
      </button>
      <ErrorText error={renege.error} />
    </div>
  ) : (
    <div className="actions">
      <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
        Break the deal (renege)
      </button>
    </div>
  );
}

/** The public state of my table: support, escalation, precondition, the deal, the press and the news. */
export function TablePanel() {
  const { view } = useGameContext();
  if (!view.table) return null;
  const others = view.table.seats.filter((s) => s.id !== view.me.seatId);
  return (
    <section aria-labelledby="table-title" className="card table-panel">
      <h2 id="table-title">The table</h2>
      <Support />
      <Escalation />
      <Precondition />
      <Agreement />
      <Broadcasts />
      <h3>The press</h3>
      <Stories />
      <details>
        <summary>Who is at the table ({view.table.seats.length})</summary>
        <ul>
          <li>
            {view.me.name} <span className="muted">(you)</span>
          </li>
          {others.map((s) => (
            <li key={s.id}>
              {seatName(view, s.id)} <span className="muted">— {s.roleTitle}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
