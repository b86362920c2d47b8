import type { Marker, ReplaySeries, Timeline } from '../../../server/replay/types';
import type { ChartMarker, ChartPoint, SeriesDef } from './time-chart';

/** The chart data of one table, cut from the session's series. Pure, so the printed report and the page agree. */

const MARKED = new Set(['deadline', 'inject', 'story', 'announcement']);

export function tableMarkers(markers: readonly Marker[], tableId: string, startedAt: number): ChartMarker[] {
  return markers.filter((m) => MARKED.has(m.kind) && (m.tableId === tableId || m.tableId === null)).map((m) => ({ t: m.at - startedAt, kind: m.kind, label: m.label }));
}

export function messageSeries(series: ReplaySeries, tableId: string, startedAt: number): { defs: SeriesDef[]; points: ChartPoint[] } {
  const channels = series.channels.filter((c) => c.tableId === tableId);
  const defs = channels.map((c) => ({ key: c.channelId, label: c.label }));
  const points = series.messagesPerMinute.map((row) => {
    const p: ChartPoint = { t: row.at - startedAt };
    for (const c of channels) p[c.channelId] = row.counts[c.channelId] ?? 0;
    return p;
  });
  // A count holds for its whole minute: close the last step, so a one-minute session still draws.
  const last = points[points.length - 1];
  if (last) points.push({ ...last, t: last.t + series.bucketMs });
  return { defs, points };
}

export function supportSeries(series: ReplaySeries, timeline: Pick<Timeline, 'sides'>, tableId: string, startedAt: number): { defs: SeriesDef[]; escalation: SeriesDef; points: ChartPoint[] } {
  const defs = timeline.sides.map((s) => ({ key: `support:${s.id}`, label: `Support: ${s.name}` }));
  const escalation = { key: 'escalation', label: 'Escalation level' };
  const points = series.support
    .filter((p) => p.tableId === tableId)
    .map((p) => {
      const point: ChartPoint = { t: p.at - startedAt, escalation: p.escalation };
      for (const s of timeline.sides) point[`support:${s.id}`] = p.support[s.id] ?? null;
      return point;
    });
  // A step chart ends at its last change: carry the final values to the session's end.
  const last = points[points.length - 1];
  if (last && series.endedAt !== null && series.endedAt - startedAt > last.t) points.push({ ...last, t: series.endedAt - startedAt });
  return { defs, escalation, points };
}

export function riskSeries(series: ReplaySeries, tableId: string, startedAt: number): { defs: SeriesDef[]; points: ChartPoint[]; max: number } {
  const back = series.channels.filter((c) => c.tableId === tableId && c.kind === 'back');
  const defs = back.map((c) => ({ key: c.channelId, label: c.label }));
  const points = series.risk
    .filter((r) => r.tableId === tableId)
    .map((r) => ({ t: r.at - startedAt, [r.channelId]: r.risk }) as ChartPoint);
  return { defs, points, max: points.reduce((m, p) => Math.max(m, ...defs.map((d) => Number(p[d.key] ?? 0))), 0) };
}

/** A sentence for the caption: what the chart shows at a glance. */
export function supportSummary(points: ChartPoint[], defs: SeriesDef[]): string {
  if (points.length === 0) return 'No support was recorded.';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const parts = defs.map((d) => `${d.label.replace(/^Support: /, '')} from ${first[d.key] ?? '—'}% to ${last[d.key] ?? '—'}%`);
  return `Public support went ${parts.join(', ')}; escalation ended at level ${last.escalation ?? 0}.`;
}
