'use client';

import { memo } from 'react';
import type { ReplaySeries, Timeline } from '../../../server/replay/types';
import { ChartFigure, SeriesTable } from './chart-figure';
import { percentOf } from './format';
import { messageSeries, riskSeries, supportSeries, supportSummary, tableMarkers } from './series';
import { TalkMatrix } from './talk-matrix';
import { TimeChart } from './time-chart';

/**
 * The four charts of one table: messages per channel, support and escalation with the marked
 * moments, leak risk per back channel, and who talked to whom. `width` fixes the size for paper.
 */
export const TableCharts = memo(function TableCharts({ series, timeline, tableId, width, now = null, idPrefix }: { series: ReplaySeries; timeline: Timeline; tableId: string; width?: number; now?: number | null; idPrefix: string }) {
  const startedAt = series.startedAt ?? timeline.createdAt;
  const markers = tableMarkers(series.markers, tableId, startedAt);
  const messages = messageSeries(series, tableId, startedAt);
  const support = supportSeries(series, timeline, tableId, startedAt);
  const risk = riskSeries(series, tableId, startedAt);
  const talk = series.talk.find((t) => t.tableId === tableId);
  const seats = timeline.tables.find((t) => t.tableId === tableId)?.seats ?? [];
  const totalTexts = messages.points.reduce((n, p) => n + messages.defs.reduce((m, d) => m + (Number(p[d.key]) || 0), 0), 0);
  const busiest = messages.defs
    .map((d) => ({ label: d.label, n: messages.points.reduce((m, p) => m + (Number(p[d.key]) || 0), 0) }))
    .sort((a, b) => b.n - a.n)[0];
  const riskMax = risk.points.reduce((m, p) => Math.max(m, ...risk.defs.map((d) => Number(p[d.key] ?? 0))), 0);
  const nowT = now === null ? null : now - startedAt;
  return (
    <div className="table-charts">
      <ChartFigure
        id={`${idPrefix}-support`}
        title="Public support and escalation"
        summary={`${supportSummary(support.points, support.defs)} Dotted lines mark deadlines, injects, stories and the announcement.`}
        table={<SeriesTable caption="Public support (%) and escalation level" series={[...support.defs, support.escalation]} points={support.points} markers={markers} />}
      >
        <TimeChart series={support.defs} points={support.points} markers={markers} yLabel="Support %" yDomain={[0, 100]} width={width} now={nowT} right={{ series: [support.escalation], label: 'Escalation', domain: [0, Math.max(1, ...support.points.map((p) => Number(p.escalation ?? 0)))] }} />
      </ChartFigure>
      <ChartFigure
        id={`${idPrefix}-messages`}
        title="Messages per channel"
        summary={totalTexts === 0 ? 'Nobody wrote at this table.' : `${totalTexts} texts in ${messages.defs.length} channels, counted per minute${busiest ? `; the busiest was ${busiest.label} (${busiest.n})` : ''}.`}
        table={<SeriesTable caption="Texts per minute, by channel" series={messages.defs} points={messages.points} />}
      >
        <TimeChart series={messages.defs} points={messages.points} yLabel="Texts / min" width={width} now={nowT} />
      </ChartFigure>
      <ChartFigure
        id={`${idPrefix}-risk`}
        title="Leak risk per back channel"
        summary={risk.defs.length === 0 ? 'No back channel was opened at this table.' : `${risk.defs.length} back channels; the highest risk a text carried was ${percentOf(riskMax)}.`}
        table={<SeriesTable caption="Leak risk each back-channel text carried" series={risk.defs} points={risk.points} format={percentOf} />}
      >
        {risk.defs.length === 0 ? <p className="hint">No back channel.</p> : <TimeChart series={risk.defs} points={risk.points} yLabel="Risk" percent step={false} width={width} now={nowT} />}
      </ChartFigure>
      {talk ? <TalkMatrix id={`${idPrefix}-talk`} talk={talk} seats={seats} /> : null}
    </div>
  );
});
