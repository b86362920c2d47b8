'use client';

import { useEffect, useState } from 'react';
import { ClockControls } from './clock-controls';
import { Countdown } from './countdown';
import { labels, riskLevel } from './labels';
import type { SessionTools } from './tools';

/** One table at a glance: clock, support, escalation, precondition, deal, leaks and stories, activity, back channels. */
export function TableCard(tools: SessionTools & { tableId: string; open: boolean; onOpen: () => void }) {
  const { view, tableId, open, onOpen, skewMs } = tools;
  const table = view.tables[tableId]!;
  const { tableName, sideName, seatName } = labels(view);
  const now = useNow(5000) + skewMs;
  const seats = Object.values(view.seats).filter((s) => s.tableId === tableId);
  const present = seats.filter((s) => s.status === 'active');
  const perMinute = view.messages.filter((m) => m.tableId === tableId && m.at > now - 60_000).length;
  const tips = Object.values(view.tips).filter((t) => t.tableId === tableId);
  const stories = view.stories.filter((s) => s.tableId === tableId);
  const back = Object.values(view.channels).filter((c) => c.tableId === tableId && c.kind === 'back');
  const level = view.scenario.escalation[table.escalation];
  const openProposals = Object.values(view.proposals).filter((p) => p.tableId === tableId && p.status === 'open').length;
  const deal = table.agreement
    ? table.agreement.announcedAt !== null
      ? 'announced'
      : 'concluded in secret'
    : openProposals > 0
      ? `no deal; ${openProposals} text${openProposals === 1 ? '' : 's'} on the table`
      : 'no deal yet';

  return (
    <section className="table-card" data-open={open} aria-labelledby={`card-${tableId}`}>
      <h3 id={`card-${tableId}`}>
        <span>{tableName(tableId)}</span>
        <span className="clock-text">
          {table.clock.finished ? 'finished, waiting' : <Countdown deadlineAt={table.clock.deadlineAt} pausedRemainingMs={table.clock.pausedRemainingMs} skewMs={skewMs} />}
        </span>
      </h3>
      {Object.entries(table.support).map(([side, value]) => (
        <div className="meter-row" key={side}>
          <span id={`sup-${tableId}-${side}`}>{sideName(side)}</span>
          <meter aria-labelledby={`sup-${tableId}-${side}`} min={0} max={100} low={30} high={70} optimum={100} value={value} />
          <span>{value}%</span>
        </div>
      ))}
      <dl className="facts">
        <dt>Phase</dt>
        <dd>{table.clock.phase?.title ?? '—'}</dd>
        <dt>Escalation</dt>
        <dd>{level ? `${level.level}/${view.scenario.escalation.length - 1} ${level.title}` : table.escalation}</dd>
        {view.scenario.precondition && (
          <>
            <dt>Precondition</dt>
            <dd>{table.preconditionMet ? 'met' : 'not met'}</dd>
          </>
        )}
        <dt>Deal</dt>
        <dd>{deal}</dd>
        <dt>Leaks</dt>
        <dd>
          {tips.length} tip{tips.length === 1 ? '' : 's'}, {stories.length} stor{stories.length === 1 ? 'y' : 'ies'}
        </dd>
        <dt>Players</dt>
        <dd>
          {tools.presence ? `${present.filter((s) => tools.presence!.connected.has(s.id)).length} of ${present.length} connected` : `${present.length} seated`}
          {tools.presence && present.some((s) => tools.presence!.bots.has(s.id)) ? `, ${present.filter((s) => tools.presence!.bots.has(s.id)).length} bot(s)` : ''}
        </dd>
        <dt>Activity</dt>
        <dd>{perMinute} message{perMinute === 1 ? '' : 's'} in the last minute</dd>
        <dt>Back channels</dt>
        <dd>
          {back.length === 0 ? (
            'none'
          ) : (
            <ul className="plain-list">
              {back.map((c) => {
                const risk = view.risks[c.id] ?? 0;
                return (
                  <li key={c.id}>
                    {c.members.map(seatName).join(' + ') || 'closed'}: <span className="risk" data-level={riskLevel(risk)}>{riskLevel(risk)} risk ({Math.round(risk * 100)}%)</span>
                    {c.exposed ? ', exposed' : ''}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
      <div className="button-row" role="group" aria-label={`Clock of ${tableName(tableId)}`}>
        <button type="button" onClick={onOpen} aria-expanded={open}>
          {open ? 'Close' : 'Open'} {tableName(tableId)}
        </button>
        <ClockControls {...tools} tableId={tableId} />
      </div>
    </section>
  );
}

/** The time now, refreshed every `ms`, for counts over the last minute. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
