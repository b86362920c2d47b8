'use client';

import type { ReactNode } from 'react';
import { clockOf } from './format';
import type { ChartMarker, ChartPoint, SeriesDef } from './time-chart';
import { ScrollBox } from './scroll-box';

/**
 * A chart with its text alternative: the caption says what it shows, the SVG is hidden from
 * screen readers, and a table beside it (open on paper, behind a disclosure on screen) gives the
 * same facts in words: each line's start, lowest, highest and final value, and the marked moments.
 */
export function ChartFigure({ id, title, summary, children, table }: { id: string; title: string; summary: string; children: ReactNode; table: ReactNode }) {
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} id={id}>
      <figcaption>
        <h4 id={`${id}-title`} className="chart-title">
          {title}
        </h4>
        <p className="chart-summary">{summary}</p>
      </figcaption>
      <div className="chart-box" aria-hidden="true">
        {children}
      </div>
      <details className="chart-data">
        <summary>{title}: the figures as a table</summary>
        {table}
      </details>
    </figure>
  );
}

function stats(points: ChartPoint[], key: string): { first: number | null; min: number | null; max: number | null; last: number | null } {
  const values = points.map((p) => p[key]).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return { first: null, min: null, max: null, last: null };
  return { first: values[0]!, min: Math.min(...values), max: Math.max(...values), last: values[values.length - 1]! };
}

/** The summary table of a time chart: one row per line, then the marked moments. */
export function SeriesTable({ caption, series, points, markers = [], format = String }: { caption: string; series: SeriesDef[]; points: ChartPoint[]; markers?: ChartMarker[]; format?: (v: number) => string }) {
  const show = (v: number | null) => (v === null ? '—' : format(v));
  return (
    <>
      <ScrollBox label={caption}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" className="num">Start</th>
              <th scope="col" className="num">Lowest</th>
              <th scope="col" className="num">Highest</th>
              <th scope="col" className="num">End</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => {
              const st = stats(points, s.key);
              return (
                <tr key={s.key}>
                  <th scope="row">{s.label}</th>
                  <td className="num">{show(st.first)}</td>
                  <td className="num">{show(st.min)}</td>
                  <td className="num">{show(st.max)}</td>
                  <td className="num">{show(st.last)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {markers.length > 0 ? (
        <>
          <p className="chart-summary">Marked moments:</p>
          <ul className="marker-list">
            {markers.map((m, i) => (
              <li key={i}>
                {clockOf(m.t)} — {m.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
