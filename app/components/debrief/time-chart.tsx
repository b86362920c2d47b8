'use client';

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
  /** The current moment of the replay, drawn as a solid line. */
  now?: number | null;
  /** Lines on a second axis at the right (escalation beside support). */
  right?: { series: SeriesDef[]; label: string; domain: [number, number] };
}

/**
 * A line chart over the session's time, drawn with Recharts (SVG, so it prints). Decorative for
 * screen readers: every chart sits in a ChartFigure whose table says the same in text.
 */
export function TimeChart({ series, points, markers = [], yLabel, yDomain, step = true, width, height = 260, percent = false, now = null, right }: TimeChartProps) {
  const fixed = width !== undefined;
  const tick = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v));
  return (
    <LineChart
      data={points}
      width={width}
      height={height}
      responsive={!fixed}
      style={fixed ? undefined : { width: '100%', height }}
      margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
      aria-hidden="true"
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#9a9a9a" strokeOpacity={0.4} />
      <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={clockOf} stroke="currentColor" fontSize={12} />
      <YAxis yAxisId="left" domain={yDomain ?? ['auto', 'auto']} tickFormatter={tick} stroke="currentColor" fontSize={12} width={48} label={{ value: yLabel, angle: -90, position: 'insideLeft', fontSize: 12, fill: 'currentColor' }} />
      {right ? (
        <YAxis yAxisId="right" orientation="right" domain={right.domain} allowDecimals={false} stroke="currentColor" fontSize={12} width={40} label={{ value: right.label, angle: 90, position: 'insideRight', fontSize: 12, fill: 'currentColor' }} />
      ) : null}
      {fixed ? null : <Tooltip labelFormatter={(v) => clockOf(Number(v))} formatter={(v) => (typeof v === 'number' ? tick(v) : String(v))} />}
      <Legend wrapperStyle={{ fontSize: 13 }} />
      {markers.map((m, i) => (
        <ReferenceLine key={`${m.kind}-${m.t}-${i}`} yAxisId="left" x={m.t} stroke={MARKER_STROKE[m.kind] ?? '#4a4a4a'} strokeDasharray="2 4" ifOverflow="extendDomain" />
      ))}
      {now !== null ? <ReferenceLine yAxisId="left" x={now} stroke="currentColor" strokeWidth={2} ifOverflow="extendDomain" /> : null}
      {series.map((s, i) => (
        <Line key={s.key} yAxisId="left" dataKey={s.key} name={s.label} type={step ? 'stepAfter' : 'linear'} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls {...seriesStyle(i)} />
      ))}
      {right?.series.map((s, i) => (
        <Line key={s.key} yAxisId="right" dataKey={s.key} name={s.label} type="stepAfter" dot={false} strokeWidth={3} isAnimationActive={false} connectNulls {...seriesStyle(series.length + i)} />
      ))}
    </LineChart>
  );
}
