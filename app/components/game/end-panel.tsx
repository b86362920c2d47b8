'use client';

import { useGameContext } from './context';
import { paragraphs } from './labels';

/** After the final deadline: the table's leaderboard, my objectives, and the debrief. */
export function EndPanel() {
  const { view } = useGameContext();
  if (view.session.status !== 'ended') return null;
  const scores = [...(view.scores ?? [])].sort((a, b) => b.total - a.total);
  const mine = view.myScore;
  return (
    <section aria-labelledby="end-title" className="card card-attention end-panel">
      <h2 id="end-title">The session has ended</h2>
      {mine ? (
        <>
          <h3>Your score: {mine.total} points</h3>
          <ul className="plain objectives-result">
            {mine.objectives.map((o) => (
              <li key={o.id}>
                <span className={o.achieved ? 'badge badge-ok' : 'badge badge-warn'}>{o.achieved ? '✓ Achieved' : '✗ Not achieved'}</span> {o.description}{' '}
                <span className="points">
                  {o.achieved ? o.points : 0} / {o.points} pts
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {scores.length > 0 ? (
        <>
          <h3>Your table</h3>
          <table className="scores">
            <caption className="visually-hidden">Scores at your table, highest first</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Rank</th>
                <th scope="col">Player and role</th>
                <th scope="col" className="num">Points</th>
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
                  <td className="num">{s.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
