'use client';

import { memo } from 'react';
import type { LeakTrace, ReplayComparison, ReplaySeries, Timeline } from '../../../server/replay/types';
import { Comparison } from './comparison';
import { traceNames } from './screen';
import { LeakTraceCard } from './leak-trace';
import { TableCharts } from './table-charts';

/**
 * The printable report, hidden on screen: a summary page (the tables side by side, the same role
 * at each table), then a page per table with its charts and leak traces, then the questions. Charts have
 * a fixed size, so printing does not depend on the window's width.
 */
export const PrintReport = memo(function PrintReport({ timeline, series, comparison, leaks }: { timeline: Timeline; series: ReplaySeries; comparison: ReplayComparison; leaks: LeakTrace[] }) {
  const startedAt = timeline.startedAt ?? timeline.createdAt;
  return (
    <div className="print-report">
      <section className="print-page">
        <h1>
          Debrief — {timeline.scenarioTitle}, room {timeline.code}
        </h1>
        <p className="meta">
          {new Date(timeline.createdAt).toLocaleDateString()} · {timeline.tables.length} {timeline.tables.length === 1 ? 'table' : 'tables'} · {timeline.eventCount} events · {leaks.length} {leaks.length === 1 ? 'leak' : 'leaks'}
        </p>
        <Comparison comparison={comparison} timeline={timeline} startedAt={startedAt} />
      </section>
      {timeline.tables.map((t) => {
        const tableLeaks = leaks.filter((l) => l.tableId === t.tableId);
        return (
          <section key={t.tableId} className="print-page">
            <h2>{t.name}</h2>
            <TableCharts series={series} timeline={timeline} tableId={t.tableId} paper idPrefix={`print-${t.tableId}`} />
            <h3>Leaks ({tableLeaks.length})</h3>
            {tableLeaks.length === 0 ? <p>No leak at this table.</p> : tableLeaks.map((l, i) => <LeakTraceCard key={l.tipId} trace={l} names={traceNames(timeline)} startedAt={startedAt} index={i} />)}
          </section>
        );
      })}
      <section className="print-page">
        <h2>Questions for the debrief</h2>
        <ol className="print-questions">
          {timeline.debriefQuestions.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ol>
      </section>
    </div>
  );
});
