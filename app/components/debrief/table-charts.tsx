'use client';

import { memo, useMemo } from 'react';
import type { ReplaySeries, Timeline } from '../../../server/replay/types';
import { ChartFigure, SeriesTable } from './chart-figure';
import { percentOf } from './format';
import { messageSeries, riskSeries, supportSeries, supportSummary, tableMarkers } from './series';
import { TalkMatrix } from './talk-matrix';
import { NowLine, TimeChart, xDomain } from './time-chart';

const PERCENT: [number, number] = [0, 100];

/** Chart sizes on an A4 page (about 680 px wide at 96 px to the inch): support across, the other two side by side. */
const PAPER = { wide: 680, half: 330, tall: 190, short: 210 } as const;

/** Everything the charts of a table need, computed once per table (not per scrubber step). */
function useTableData(series: ReplaySeries, timeline: Timeline, tableId: string) {
  return useMemo(() => {
    const startedAt = series.startedAt ?? timeline.createdAt;
    const markers = tableMarkers(series.markers, tableId, startedAt);
    const messages = messageSeries(series, tableId, startedAt);
    const support = supportSeries(series, timeline, tableId, startedAt);
    const risk = riskSeries(series, tableId, startedAt);
    const sum = (d: { key: string }) => messages.points.reduce((m, p) => m + (Number(p[d.key]) || 0), 0);
    const busiest = messages.defs.map((d) => ({ label: d.label, n: sum(d) })).sort((a, b) => b.n - a.n)[0];
    return {
      startedAt,
      markers,
      messages,
      support,
      risk,
      escalationAxis: { series: [support.escalation], label: 'Escalation', domain: [0, Math.max(1, ...support.points.map((p) => Number(p.escalation ?? 0)))] as [number, number] },
      domains: { support: xDomain(support.points, markers), messages: xDomain(messages.points, []), risk: xDomain(risk.points, []) },
      totalTexts: messages.defs.reduce((n, d) => n + sum(d), 0),
      busiest,
      riskMax: risk.max,
      // Risk is a probability: from 0 to a little above the highest, never below 5 %.
      riskDomain: [0, Math.min(1, Math.max(0.05, risk.max * 1.15))] as [number, number],
      talk: series.talk.find((t) => t.tableId === tableId),
      seats: timeline.tables.find((t) => t.tableId === tableId)?.seats ?? [],
    };
  }, [series, timeline, tableId]);
}

/**
 * The four charts of one table: messages per channel, support and escalation with the marked
 * moments, leak risk per back channel, and who talked to whom. `paper` fixes the sizes for print;
 * `now` (ms since the epoch) draws the replay's moment over the charts without redrawing them.
 */
export const TableCharts = memo(function TableCharts({ series, timeline, tableId, paper = false, now = null, idPrefix }: { series: ReplaySeries; timeline: Timeline; tableId: string; paper?: boolean; now?: number | null; idPrefix: string }) {
  const d = useTableData(series, timeline, tableId);
  const wide = paper ? { width: PAPER.wide, height: PAPER.tall } : {};
  const half = paper ? { width: PAPER.half, height: PAPER.short } : {};
  const t = now === null ? null : now - d.startedAt;
  return (
    <div className="table-charts">
      <ChartFigure
        id={`${idPrefix}-support`}
        title="Public support and escalation"
        summary={`${supportSummary(d.support.points, d.support.defs)} Dotted lines mark deadlines, injects, stories and the announcement.`}
        table={<SeriesTable caption="Public support (%) and escalation level" series={[...d.support.defs, d.support.escalation]} points={d.support.points} markers={d.markers} />}
      >
        <TimeChart series={d.support.defs} points={d.support.points} markers={d.markers} yLabel="Support %" yDomain={PERCENT} {...wide} right={d.escalationAxis} />
        <NowLine t={t} domain={d.domains.support} rightAxis />
      </ChartFigure>
      <ChartFigure
        id={`${idPrefix}-messages`}
        title="Messages per channel"
        summary={d.totalTexts === 0 ? 'Nobody wrote at this table.' : `${d.totalTexts} texts in ${d.messages.defs.length} channels, counted per minute${d.busiest ? `; the busiest was ${d.busiest.label} (${d.busiest.n})` : ''}.`}
        table={<SeriesTable caption="Texts per minute, by channel" series={d.messages.defs} points={d.messages.points} />}
      >
        <TimeChart series={d.messages.defs} points={d.messages.points} yLabel="Texts / min" {...half} />
        <NowLine t={t} domain={d.domains.messages} rightAxis={false} />
      </ChartFigure>
      <ChartFigure
        id={`${idPrefix}-risk`}
        title="Leak risk per back channel"
        summary={d.risk.defs.length === 0 ? 'No back channel was opened at this table.' : `${d.risk.defs.length} ${d.risk.defs.length === 1 ? 'back channel' : 'back channels'}; the highest risk a text carried was ${percentOf(d.riskMax)}.`}
        table={<SeriesTable caption="Leak risk each back-channel text carried" series={d.risk.defs} points={d.risk.points} format={percentOf} />}
      >
        {d.risk.defs.length === 0 ? (
          <p className="hint">No back channel.</p>
        ) : (
          <>
            <TimeChart series={d.risk.defs} points={d.risk.points} yLabel="Risk" yDomain={d.riskDomain} percent step={false} {...half} />
            <NowLine t={t} domain={d.domains.risk} rightAxis={false} />
          </>
        )}
      </ChartFigure>
      {d.talk ? <TalkMatrix id={`${idPrefix}-talk`} talk={d.talk} seats={d.seats} /> : null}
    </div>
  );
});
