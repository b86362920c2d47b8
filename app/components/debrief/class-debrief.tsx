'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClassView, MySeatReplay } from '../../../server/replay/types';
import { api } from '../../lib/api';
import { readToken } from '../../lib/seat-store';
import { ClassTableView } from './class-table';
import { LeakTraceCard } from './leak-trace';
import { anchorsOf } from './moments';
import { MomentView } from './moment-view';
import { seatScreen } from './screen';
import { SupportLedger } from './support-ledger';
import { TimelineControls } from './timeline-controls';
import { useMoment } from './use-moment';
import './debrief.css';

/**
 * The class link: a read-only debrief with only what the facilitator revealed, at any moment of
 * the session. With `?room=CODE`, a student whose device holds that room's seat also sees their
 * own seat's screen at that moment and why their support moved.
 */
export function ClassDebrief({ token, room }: { token: string; room: string | null }) {
  const [seq, setSeq] = useState<number | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [seatToken, setSeatToken] = useState<string | null>(null);
  useEffect(() => {
    if (room) setSeatToken(readToken(room));
  }, [room]);

  const classFetch = useCallback((k: { seq: number | null }, signal: AbortSignal) => api.replay.classView.query(k.seq === null ? { token } : { token, seq: k.seq }, { signal }), [token]);
  const classKey = useMemo(() => ({ seq }), [seq]);
  const { value: view, error, loading } = useMoment<{ seq: number | null }, ClassView>(classKey, classFetch);

  const seatFetch = useCallback(
    (k: { seq: number | null; seatToken: string }, signal: AbortSignal) => api.replay.mySeat.query(k.seq === null ? { token, seatToken: k.seatToken } : { token, seatToken: k.seatToken, seq: k.seq }, { signal }),
    [token],
  );
  const seatKey = useMemo(() => (seatToken ? { seq, seatToken } : null), [seq, seatToken]);
  const { value: mine, error: seatError } = useMoment<{ seq: number | null; seatToken: string }, MySeatReplay>(seatKey, seatFetch);

  const anchors = useMemo(() => (view ? anchorsOf([...view.markers, { seq: view.seq, at: view.at }]) : []), [view]);
  if (error && !view) {
    return (
      <div className="debrief-public">
        <h1>Class debrief</h1>
        <p role="alert" className="error">
          {error}
        </p>
      </div>
    );
  }
  if (!view) return <p aria-live="polite">Loading the debrief…</p>;
  const startedAt = view.markers[0]?.at ?? view.at;
  const current = seq ?? view.seq;
  const names = {
    seats: new Map(view.tables.flatMap((t) => t.seats.map((s) => [s.seatId, { name: s.label, role: s.role }] as const))),
    sides: view.sides,
    tables: view.tables,
  };
  return (
    <div className="debrief debrief-public">
      <h1>Class debrief: {view.scenarioTitle}</h1>
      <p className="meta">
        Shown: {view.reveal.tables === 'all' ? 'every table' : `${view.tables.length} ${view.tables.length === 1 ? 'table' : 'tables'}`}; back channels {view.reveal.backChannels ? 'revealed' : 'hidden'}; {view.reveal.names ? 'names shown' : 'role titles only'}.
      </p>
      <section className="card debrief-section" aria-labelledby="class-replay-title" aria-busy={loading}>
        <h2 id="class-replay-title">Replay</h2>
        <TimelineControls firstSeq={1} lastSeq={view.lastSeq} seq={current} setSeq={setSeq} markers={view.markers} anchors={anchors} startedAt={startedAt} />
      </section>
      {mine ? (
        <section className="card debrief-section" aria-labelledby="my-seat-title">
          <h2 id="my-seat-title">Your seat</h2>
          <MomentView screen={seatScreen(mine.view)} title="What your screen held at this moment" startedAt={startedAt} stale={false} picked={channel} setPicked={setChannel} />
          {mine.view.supportLedger ? (
            <>
              <h3>Why did my support move?</h3>
              <SupportLedger entries={mine.view.supportLedger} sides={view.sides} startedAt={startedAt} mySide={mine.view.me.role?.side ?? null} caption="Support moves at your table, your side first" />
            </>
          ) : null}
        </section>
      ) : seatToken && seatError ? (
        <p className="notice">{seatError}</p>
      ) : null}
      {view.tables.map((t) => (
        <ClassTableView key={t.tableId} table={t} view={view} startedAt={startedAt} />
      ))}
      {view.reveal.backChannels && view.tables.some((t) => t.leaks.length > 0) ? (
        <section className="card debrief-section" aria-labelledby="class-leaks-title">
          <h2 id="class-leaks-title">Leaks, traced</h2>
          <div className="traces">
            {view.tables.flatMap((t) => t.leaks).map((l, i) => (
              <LeakTraceCard key={l.tipId} trace={l} names={names} startedAt={startedAt} index={i} onGo={(g) => setSeq(g.seq)} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
