'use client';

import { useCallback, useMemo } from 'react';
import type { Perspective, ReplayMoment, Timeline } from '../../../server/replay/types';
import { api } from '../../lib/api';
import { clockOf } from './format';
import { timeOfSeq, type Anchor } from './moments';
import { MomentView } from './moment-view';
import { screenOf } from './screen';
import { TimelineControls } from './timeline-controls';
import { useMoment } from './use-moment';

export function perspectiveValue(p: Perspective): string {
  return p.kind === 'all' ? 'all' : p.kind === 'table' ? `table:${p.tableId}` : `seat:${p.seatId}`;
}

export function parsePerspective(value: string): Perspective {
  const [kind, id] = value.split(':');
  if (kind === 'table' && id) return { kind: 'table', tableId: id };
  if (kind === 'seat' && id) return { kind: 'seat', seatId: id };
  return { kind: 'all' };
}

export function perspectiveTitle(p: Perspective, timeline: Timeline): string {
  if (p.kind === 'all') return 'Everything (all-seeing)';
  if (p.kind === 'table') return `${timeline.tables.find((t) => t.tableId === p.tableId)?.name ?? p.tableId}: everything there`;
  for (const t of timeline.tables) {
    const s = t.seats.find((x) => x.seatId === p.seatId);
    if (s) return `What ${s.name} (${s.role}, ${t.name}) saw`;
  }
  return 'A seat';
}

/**
 * The replay: the transport, the perspective picker and the state at the chosen moment, fetched
 * from the server (debounced; the last view stays until the next arrives).
 */
export function ReplayPanel({
  sessionId,
  timeline,
  anchors,
  seq,
  setSeq,
  perspective,
  setPerspective,
  channel,
  setChannel,
}: {
  sessionId: string;
  timeline: Timeline;
  anchors: Anchor[];
  seq: number;
  setSeq: (seq: number) => void;
  perspective: Perspective;
  setPerspective: (p: Perspective) => void;
  channel: string | null;
  setChannel: (id: string | null) => void;
}) {
  const key = useMemo(() => ({ seq, perspective }), [seq, perspective]);
  const fetcher = useCallback((k: { seq: number; perspective: Perspective }, signal: AbortSignal) => api.replay.at.query({ sessionId, seq: k.seq, perspective: k.perspective }, { signal }) as Promise<ReplayMoment>, [sessionId]);
  const { value: moment, loading, error } = useMoment(key, fetcher);
  const startedAt = timeline.startedAt ?? timeline.createdAt;
  const screen = useMemo(() => (moment ? screenOf(moment, timeline) : null), [moment, timeline]);
  const shownAt = moment ? clockOf(moment.at - startedAt) : clockOf(timeOfSeq(anchors, seq) - startedAt);

  return (
    <>
      <TimelineControls firstSeq={timeline.firstSeq} lastSeq={timeline.lastSeq} seq={seq} setSeq={setSeq} markers={timeline.markers} anchors={anchors} startedAt={startedAt} />
      <div className="field perspective-field">
        <label htmlFor="perspective">Perspective</label>
        <select id="perspective" value={perspectiveValue(perspective)} onChange={(e) => setPerspective(parsePerspective(e.currentTarget.value))}>
          <option value="all">Everything (all-seeing)</option>
          {timeline.tables.map((t) => (
            <optgroup key={t.tableId} label={t.name}>
              <option value={`table:${t.tableId}`}>{t.name}: everything there</option>
              {t.seats.map((s) => (
                <option key={s.seatId} value={`seat:${s.seatId}`}>
                  {s.name} — {s.role}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p className="hint">A seat shows exactly what that person&apos;s screen held at that moment.</p>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {screen ? (
        <MomentView screen={screen} title={`${perspectiveTitle(moment!.perspective, timeline)} at ${shownAt}`} startedAt={startedAt} stale={loading} picked={channel} setPicked={setChannel} />
      ) : (
        <p aria-live="polite">Loading the moment…</p>
      )}
    </>
  );
}
