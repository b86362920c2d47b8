'use client';

import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { clockOf } from './format';

/** One line of a chart: its key in the points, what people read, and how it is drawn. */
export interface SeriesDef {
  key: string;
  label: string;
}

/** A moment on the time axis worth a vertical line (a deadline, an inject, a story, the announcement). */
export interface ChartMarker {
  t: number;
  kind: string;
  label: string;
}

/** A row of the chart: `t` is milliseconds since the session started; the rest are the series' values. */
export type ChartPoint = { t: number } & Record<string, number | null>;

/**
 * Colours that keep 3:1 against white and the dark card, with a dash pattern per line so that no
 * series is told apart by colour alone (the legend shows the pattern too).
 */
const STROKES = ['#0b5394', '#b35900', '#1e6b30', '#6b2c91', '#a3122d', '#00707a', '#6b5800', '#4a4a4a'];
const DASHES = ['', '6 3', '2 3', '10 3 2 3', '4 4', '1 2', '8 2', '3 6'];
const MARKER_STROKE: Record<string, string> = { deadline: '#4a4a4a', inject: '#6b2c91', story: '#a3122d', announcement: '#1e6b30' };

export function seriesStyle(index: number): { stroke: string; strokeDasharray: string } {
  return { stroke: STROKES[index % STROKES.length]!, strokeDasharray: DASHES[index % DASHES.length]! };
}

/** The time axis's range: the data and the markers, so a marker after the last point still shows. */
export function xDomain(points: readonly ChartPoint[], markers: readonly ChartMarker[]): [number, number] {
  const ts = [...points.map((p) => p.t), ...markers.map((m) => m.t)];
  if (ts.length === 0) return [0, 1];
  const lo = Math.min(...ts);
  const hi = Math.max(...ts);
  return [lo, hi > lo ? hi : lo + 1];
}

/** Where the plot area sits inside the chart (left and right, in px): the margins plus the axes. */
export const PLOT_INSET = { left: 48, right: 16, rightAxis: 40, top: 8 } as const;

export interface TimeChartProps {
  series: SeriesDef[];
  points: ChartPoint[];
  markers?: ChartMarker[];
  yLabel: string;
  yDomain?: [number, number];
  /** Step lines for values that jump (support, escalation, counts); straight for a smooth quantity. */
  step?: boolean;
  /** Fixed size (the printed report); otherwise the chart fills its column. */
  width?: number;
  height?: number;
  /** A percentage axis (risk): values 0–1 shown as %. */
  percent?: boolean;
  /** Lines on a second axis at the right (escalation beside support). */
  right?: { series: SeriesDef[]; label: string; domain: [number, number] };
}

/**
 * A line chart over the session's time, drawn with Recharts (SVG, so it prints). Decorative for
 * screen readers: every chart sits in a ChartFigure whose table says the same in text. The
 * replay's moment is drawn over it by NowLine, so scrubbing never redraws the chart.
 */
export const TimeChart = memo(function TimeChart({ series, points, markers = [], yLabel, yDomain, step = true, width, height = 260, percent = false, right }: TimeChartProps) {
  const fixed = width !== undefined;
  const tick = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v));
  return (
    <LineChart
      data={points}
      width={width}
      height={height}
      responsive={!fixed}
      style={fixed ? undefined : { width: '100%', height }}
      margin={{ top: PLOT_INSET.top, right: PLOT_INSET.right, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#9a9a9a" strokeOpacity={0.4} />
      <XAxis dataKey="t" type="number" domain={xDomain(points, markers)} allowDataOverflow tickFormatter={clockOf} stroke="currentColor" fontSize={12} />
      <YAxis yAxisId="left" domain={yDomain ?? ['auto', 'auto']} tickFormatter={tick} stroke="currentColor" fontSize={12} width={PLOT_INSET.left} label={{ value: yLabel, angle: -90, position: 'insideLeft', fontSize: 12, fill: 'currentColor' }} />
      {right ? (
        <YAxis yAxisId="right" orientation="right" domain={right.domain} allowDecimals={false} stroke="currentColor" fontSize={12} width={PLOT_INSET.rightAxis} label={{ value: right.label, angle: 90, position: 'insideRight', fontSize: 12, fill: 'currentColor' }} />
      ) : null}
      {fixed ? null : <Tooltip labelFormatter={(v) => clockOf(Number(v))} formatter={(v) => (typeof v === 'number' ? tick(v) : String(v))} />}
      <Legend wrapperStyle={{ fontSize: 13 }} />
      {markers.map((m, i) => (
        <ReferenceLine key={`${m.kind}-${m.t}-${i}`} yAxisId="left" x={m.t} stroke={MARKER_STROKE[m.kind] ?? '#4a4a4a'} strokeDasharray="2 4" ifOverflow="hidden" />
      ))}
      {series.map((s, i) => (
        <Line key={s.key} yAxisId="left" dataKey={s.key} name={s.label} type={step ? 'stepAfter' : 'linear'} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls {...seriesStyle(i)} />
      ))}
      {right?.series.map((s, i) => (
        <Line key={s.key} yAxisId="right" dataKey={s.key} name={s.label} type="stepAfter" dot={false} strokeWidth={3} isAnimationActive={false} connectNulls {...seriesStyle(series.length + i)} />
      ))}
    </LineChart>
  );
});

/**
 * The replay's moment as a line over a chart: a positioned element, not part of the SVG, so
 * that moving it costs a style change instead of a Recharts render.
 */
export function NowLine({ t, domain, rightAxis }: { t: number | null; domain: [number, number]; rightAxis: boolean }) {
  if (t === null) return null;
  const share = Math.min(1, Math.max(0, (t - domain[0]) / (domain[1] - domain[0])));
  const right = PLOT_INSET.right + (rightAxis ? PLOT_INSET.rightAxis : 0);
  return <span className="now-line" aria-hidden="true" style={{ left: `calc(${PLOT_INSET.left}px + (100% - ${PLOT_INSET.left + right}px) * ${share})` }} />;
}
