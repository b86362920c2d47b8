'use client';

import type { ObjectiveOutcome } from '../../../server/engine/score-share';
import { SeatReplayLink } from '../debrief/seat-replay-link';
import { SupportLedger } from '../debrief/support-ledger';
import { useGameContext } from './context';
import { paragraphs } from './labels';

/** How each outcome reads: an avoided penalty is good news, not a failure. */
const OUTCOME: Record<ObjectiveOutcome, { badge: string; label: string }> = {
  achieved: { badge: 'badge badge-ok', label: '✓ Achieved' },
  avoided: { badge: 'badge badge-ok', label: '✓ Avoided' },
  missed: { badge: 'badge badge-warn', label: '✗ Not achieved' },
  penalised: { badge: 'badge badge-warn', label: '✗ Penalty' },
};

/** "72%", or "—" for a role with nothing positive to score. */
function shareLabel(share: number | null): string {
  return share === null ? '—' : `${share}%`;
}

/**
 * After the final deadline: the table's leaderboard, my objectives, and the debrief. Roles have
 * different maximums, so scores are shown and ranked as a share of each role's own maximum. The
 * projection sends each score with its maximum, share and outcomes, already ranked: nothing is
 * computed here.
 */
export function EndPanel() {
  const { view } = useGameContext();
  if (view.session.status !== 'ended') return null;
  const scores = view.scores ?? [];
  const mine = view.myScore;
  return (
    <section aria-labelledby="end-title" className="card card-attention end-panel">
      <h2 id="end-title">The session has ended</h2>
      <SeatReplayLink room={view.session.code} />
      {mine ? (
        <>
          <h3>
            Your score: {mine.total} of {mine.max} points ({shareLabel(mine.share)})
          </h3>
          <ul className="plain objectives-result">
            {mine.objectives.map((o) => {
              const outcome = o.outcome;
              return (
                <li key={o.id}>
                  <span className={OUTCOME[outcome].badge}>{OUTCOME[outcome].label}</span> {o.description}{' '}
                  <span className="points">
                    {o.points < 0 ? (outcome === 'avoided' ? `0 pts (${o.points} avoided)` : `${o.points} pts`) : `${o.achieved ? o.points : 0} / ${o.points} pts`}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {scores.length > 0 ? (
        <>
          <h3>Your table</h3>
          <table className="scores">
            <caption className="visually-hidden">Scores at your table, as a share of each role&apos;s maximum, highest first</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Rank</th>
                <th scope="col">Player and role</th>
                <th scope="col" className="num">Share of maximum</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s, i) => (
                <tr key={s.seatId} aria-current={s.seatId === view.me.seatId ? 'true' : undefined}>
                  <td className="num">{i + 1}</td>
                  {/* One column for both: a phone has no room for a role title beside a name. */}
                  <th scope="row">
                    {s.name}
                    {s.seatId === view.me.seatId ? ' (you)' : ''}
                    <span className="score-role">{view.table?.seats.find((x) => x.id === s.seatId)?.roleTitle ?? ''}</span>
                  </th>
                  <td className="num">
                    {shareLabel(s.share)}
                    <span className="score-points">
                      {s.total} / {s.max}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {view.supportLedger ? (
        <>
          <h3>Why did my support move?</h3>
          <SupportLedger entries={view.supportLedger} sides={view.session.scenario.sides} startedAt={null} mySide={view.me.role?.side ?? null} caption="Every change of public support at your table and its cause, your side first" />
        </>
      ) : null}
      {view.debrief ? (
        <>
          <h3>Questions for the debrief</h3>
          <ol>
            {view.debrief.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
          <h3>What really happened</h3>
          {paragraphs(view.debrief.whatReallyHappened).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </>
      ) : null}
    </section>
  );
}
