'use client';

import type { ClassTable, ClassView } from '../../../server/replay/types';
import { scoreShare } from '../../../shared/score-share';
import { clockOf } from './format';
import { ScrollBox } from './scroll-box';

/** One table on the class link: only what the facilitator revealed, as the server cut it. */
export function ClassTableView({ table, view, startedAt }: { table: ClassTable; view: ClassView; startedAt: number }) {
  const sideName = (id: string) => view.sides.find((s) => s.id === id)?.name ?? id;
  const t = (at: number) => clockOf(at - startedAt);
  return (
    <section className="card debrief-section" aria-labelledby={`class-${table.tableId}`}>
      <h2 id={`class-${table.tableId}`}>{table.name}</h2>
      <ul className="plain support-inline">
        {Object.entries(table.support).map(([side, v]) => (
          <li key={side}>
            {sideName(side)}: <strong>{v}%</strong>
          </li>
        ))}
        <li>Escalation level {table.escalation}</li>
      </ul>
      <h3>Agreement</h3>
      {table.agreement ? (
        <>
          <p>{table.agreement.announced ? `Announced at ${t(table.agreement.announcedAt ?? 0)}.` : 'Concluded, not announced.'}</p>
          <ul>
            {table.agreement.terms.map((x) => (
              <li key={x.issueId}>
                {x.issue}: {x.option}
                {x.secret ? ` (secret${x.exposed ? ', exposed' : ''})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No agreement at this moment.</p>
      )}
      <h3>Stories ({table.stories.length})</h3>
      {table.stories.length === 0 ? (
        <p>No story.</p>
      ) : (
        <ul className="plain">
          {table.stories.map((s) => (
            <li key={s.id} className="story">
              <p className="story-headline">{s.headline}</p>
              <p className="meta">
                {t(s.at)}
                {s.accurate === null ? '' : s.accurate ? ' · accurate' : ' · inaccurate'}
              </p>
              <p className="story-body">{s.body}</p>
              {s.exposed ? <blockquote className="trace-quote">{s.exposed}</blockquote> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>Channels</h3>
      {table.channels.map((c) => (
        <details key={c.channelId} className="class-channel">
          <summary>
            {c.label} ({c.texts.length} {c.texts.length === 1 ? 'text' : 'texts'}
            {c.exposed ? ', exposed' : ''})
          </summary>
          {c.members.length > 0 && c.kind === 'back' ? <p className="meta">Members: {c.members.join(', ')}</p> : null}
          <ol className="messages replay-messages">
            {c.texts.map((m) => (
              <li key={m.id} className="message">
                <p className="meta">
                  <strong>{m.from}</strong> · {t(m.at)}
                </p>
                <p className="message-text">{m.text}</p>
              </li>
            ))}
          </ol>
          {table.proposals.filter((p) => p.channelId === c.channelId).length > 0 ? (
            <ul className="plain">
              {table.proposals
                .filter((p) => p.channelId === c.channelId)
                .map((p) => (
                  <li key={p.id} className="proposal">
                    <p className="meta">
                      Proposal by {p.from} · {t(p.at)} · {p.mode} · {p.status}
                    </p>
                    <ul className="terms">
                      {p.terms.map((x) => (
                        <li key={x.issueId}>
                          {x.issue}: {x.option}
                          {x.secret ? ' (secret)' : ''}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
            </ul>
          ) : null}
        </details>
      ))}
      {table.scores ? (
        <ScrollBox label={`Scores at ${table.name}`}>
          <table className="data-table">
            <caption>Scores (share of each role&apos;s maximum)</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col" className="num">Share</th>
              </tr>
            </thead>
            <tbody>
              {table.scores.map((s, i) => (
                <tr key={i}>
                  <th scope="row">
                    {s.label}
                    <span className="score-role">{s.role}</span>
                  </th>
                  <td className="num">{scoreShare(s.total, s.max) === null ? s.total : `${scoreShare(s.total, s.max)}% (${s.total}/${s.max})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
    </section>
  );
}
