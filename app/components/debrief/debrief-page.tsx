'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LeakTrace, Perspective, ReplayComparison, ReplaySeries, ReplaySupportChange, Timeline } from '../../../server/replay/types';
import { api, errorMessage } from '../../lib/api';
import { paragraphs } from '../game/labels';
import { ClassLinkPanel } from './class-link-panel';
import { Comparison } from './comparison';
import { DeleteSession } from './delete-session';
import { ExportBar } from './export-bar';
import { traceNames } from './screen';
import { LeakTraceCard, type GoTo } from './leak-trace';
import { anchorsFromTimes } from './moments';
import { PrintReport } from './print-report';
import { Questions } from './questions';
import { ReplayPanel } from './replay-panel';
import { ScrollBox } from './scroll-box';
import { StrategyPicture } from './strategy-picture';
import { SupportLedger } from './support-ledger';
import { TableCharts } from './table-charts';
import { timeOfSeq } from './moments';
import { useDebounced } from './use-moment';
import './debrief.css';

interface Loaded {
  timeline: Timeline;
  series: ReplaySeries;
  leaks: LeakTrace[];
  comparison: ReplayComparison;
  ledger: ReplaySupportChange[];
}

const SECTIONS = [
  ['replay', 'Replay'],
  ['leaks', 'Leaks'],
  ['charts', 'Charts'],
  ['compare', 'Tables compared'],
  ['questions', 'Questions'],
  ['ledger', 'Why support moved'],
  ['class-link', 'Class link'],
] as const;

/** Brings a part of the page into view and gives its heading the focus, for keyboard and screen-reader users. */
function reveal(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  const heading = el.matches('h2, h3, h4') ? el : el.querySelector<HTMLElement>('h2, h3, h4');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/** The facilitator's debrief of one session: replay, leaks, charts, comparison, questions, ledger, class link, report. */
export function DebriefPage({ sessionId }: { sessionId: string }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seq, setSeq] = useState(1);
  const [perspective, setPerspective] = useState<Perspective>({ kind: 'all' });
  const [channel, setChannel] = useState<string | null>(null);
  const [chartTable, setChartTable] = useState<string | null>(null);
  const [ledgerSeat, setLedgerSeat] = useState<string>('all');

  useEffect(() => {
    Promise.all([
      api.replay.timeline.query({ sessionId }),
      api.replay.series.query({ sessionId }),
      api.replay.leaks.query({ sessionId }),
      api.replay.compare.query({ sessionId }),
      api.replay.supportLedger.query({ sessionId }),
    ])
      .then(([timeline, series, leaks, comparison, ledger]) => {
        setData({ timeline, series, leaks, comparison, ledger });
        setSeq(timeline.lastSeq);
        setChartTable(timeline.tables[0]?.tableId ?? null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [sessionId]);

  // Every event at its own time: the scrubber's clock and 1× playback follow the game's pace.
  const anchors = useMemo(() => (data ? anchorsFromTimes(data.timeline.times, data.timeline.firstSeq) : []), [data]);

  const go = useCallback(
    (target: GoTo) => {
      setSeq(target.seq);
      if (target.channelId) {
        setChannel(target.channelId);
        if (perspective.kind === 'seat') setPerspective({ kind: 'all' });
      }
      if (target.anchor) {
        const table = /^charts-(.+)-(support|messages|risk|talk)$/.exec(target.anchor)?.[1];
        if (table) setChartTable(table);
      }
      // After React has drawn the new moment (and the chosen chart).
      requestAnimationFrame(() => reveal(target.anchor ?? 'replay'));
    },
    [perspective.kind],
  );

  // The charts' "now" line follows the scrubber only once it rests: redrawing three charts per
  // arrow key would block the main thread while scrubbing.
  const chartSeq = useDebounced(seq, 250);
  const names = useMemo(() => (data ? traceNames(data.timeline) : null), [data]);
  const firstTable = data?.timeline.tables[0]?.tableId ?? '';
  const evidence = useMemo(
    () =>
      data
        ? {
            markers: data.timeline.markers,
            leaks: data.leaks,
            lastSeq: data.timeline.lastSeq,
            anchors: {
              support: `charts-${firstTable}-support`,
              messages: `charts-${firstTable}-messages`,
              risk: `charts-${firstTable}-risk`,
              talk: `charts-${firstTable}-talk`,
              leaks: 'leaks',
              compare: 'compare',
              ledger: 'ledger',
              replay: 'replay',
            },
          }
        : null,
    [data, firstTable],
  );
  const seatOptions = useMemo(() => (data ? data.timeline.tables.flatMap((t) => t.seats.map((s) => ({ ...s, tableId: t.tableId, tableName: t.name }))) : []), [data]);
  const ledgerOf = seatOptions.find((s) => s.seatId === ledgerSeat);
  const ledgerEntries = useMemo(() => (data ? (ledgerOf ? data.ledger.filter((e) => e.tableId === ledgerOf.tableId) : data.ledger) : []), [data, ledgerOf]);
  const goSeq = useCallback((s: number) => go({ seq: s }), [go]);

  if (error) {
    return (
      <>
        <p role="alert" className="error">
          {error}
        </p>
        <p>
          <a href="/facilitator">Sign in and open your sessions</a>
        </p>
      </>
    );
  }
  if (!data) return <p aria-live="polite">Loading the debrief…</p>;
  const { timeline, series, leaks, comparison } = data;
  const startedAt = timeline.startedAt ?? timeline.createdAt;
  const shownTable = chartTable ?? firstTable;
  const chartPrefix = (tableId: string) => `charts-${tableId}`;
  const nowAt = timeOfSeq(anchors, chartSeq);

  return (
    <div className="debrief">
      <div className="debrief-head">
        <h1>
          Debrief: {timeline.scenarioTitle} <span className="code">{timeline.code}</span>
        </h1>
        <p className="meta">
          {timeline.status === 'ended' ? 'Finished' : timeline.status === 'running' ? 'Still running: the replay shows it so far' : 'Not started'} · {timeline.tables.length} {timeline.tables.length === 1 ? 'table' : 'tables'} · {timeline.eventCount} events ·{' '}
          <a href="/facilitator">Back to your sessions</a> · <a href="/facilitator/debriefs">All debriefs</a>
        </p>
        <ExportBar sessionId={sessionId} />
        {timeline.status !== 'running' ? (
          <div className="debrief-admin">
            <DeleteSession sessionId={sessionId} code={timeline.code} label="Delete this session…" quiet onDeleted={() => window.location.assign('/facilitator/debriefs')} />
          </div>
        ) : null}
        <nav aria-label="On this page" className="debrief-nav">
          <ul className="plain">
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section id="replay" aria-labelledby="replay-title" className="card debrief-section">
        <h2 id="replay-title">Replay</h2>
        <ReplayPanel sessionId={sessionId} timeline={timeline} anchors={anchors} seq={seq} setSeq={setSeq} perspective={perspective} setPerspective={setPerspective} channel={channel} setChannel={setChannel} />
      </section>

      <section id="leaks" aria-labelledby="leaks-title" className="card debrief-section">
        <h2 id="leaks-title">Leaks, traced ({leaks.length})</h2>
        {leaks.length === 0 ? (
          <p>Nothing leaked in this session.</p>
        ) : (
          <div className="traces">
            {leaks.map((l, i) => (
              <LeakTraceCard key={l.tipId} trace={l} names={names!} startedAt={startedAt} index={i} onGo={go} chartAnchor={`${chartPrefix(l.tableId)}-support`} />
            ))}
          </div>
        )}
      </section>

      <section id="charts" aria-labelledby="charts-title" className="card debrief-section">
        <h2 id="charts-title">Charts</h2>
        {timeline.tables.length > 1 ? (
          <div className="field field-narrow">
            <label htmlFor="chart-table">Table</label>
            <select id="chart-table" value={shownTable} onChange={(e) => setChartTable(e.currentTarget.value)}>
              {timeline.tables.map((t) => (
                <option key={t.tableId} value={t.tableId}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <p className="hint">The solid vertical line is the replay&apos;s moment.</p>
        {shownTable ? <TableCharts series={series} timeline={timeline} tableId={shownTable} now={nowAt} idPrefix={chartPrefix(shownTable)} /> : null}
      </section>

      <section id="compare" aria-labelledby="compare-title" className="card debrief-section">
        <h2 id="compare-title">The tables compared</h2>
        <div className="compare-layout">
          <div className="compare-main">
            <Comparison comparison={comparison} timeline={timeline} startedAt={startedAt} />
          </div>
          <aside className="what-happened" aria-labelledby="what-happened-title">
            <h3 id="what-happened-title">What really happened</h3>
            <ScrollBox label="What really happened" className="what-happened-text">
              {paragraphs(timeline.whatReallyHappened).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </ScrollBox>
          </aside>
        </div>
        {timeline.strategyPicture ? <StrategyPicture picture={timeline.strategyPicture} scenarioTitle={timeline.scenarioTitle} /> : null}
      </section>

      <section id="questions" aria-labelledby="questions-title" className="card debrief-section">
        <h2 id="questions-title">Questions for the debrief</h2>
        <Questions
          questions={timeline.debriefQuestions}
          onGo={go}
          context={evidence!}
        />
      </section>

      <section id="ledger" aria-labelledby="ledger-title" className="card debrief-section">
        <h2 id="ledger-title">Why did my support move?</h2>
        <div className="field field-narrow">
          <label htmlFor="ledger-seat">For</label>
          <select id="ledger-seat" value={ledgerSeat} onChange={(e) => setLedgerSeat(e.currentTarget.value)}>
            <option value="all">Every table</option>
            {seatOptions.map((s) => (
              <option key={s.seatId} value={s.seatId}>
                {s.name} — {s.role} ({s.tableName})
              </option>
            ))}
          </select>
        </div>
        <SupportLedger
          entries={ledgerEntries}
          sides={timeline.sides}
          startedAt={startedAt}
          mySide={ledgerOf?.side ?? null}
          onGo={goSeq}
          caption={ledgerOf ? `Support moves at ${ledgerOf.tableName}, ${ledgerOf.sideName ?? 'every side'} first` : 'Support moves at every table'}
        />
      </section>

      <section id="class-link" aria-labelledby="class-link-title" className="card debrief-section">
        <h2 id="class-link-title">Class link</h2>
        <ClassLinkPanel sessionId={sessionId} timeline={timeline} />
      </section>

      <PrintReport timeline={timeline} series={series} comparison={comparison} leaks={leaks} />
    </div>
  );
}
