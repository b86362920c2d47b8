'use client';

import { memo } from 'react';
import type { LeakTrace } from '../../../server/replay/types';
import { clockOf, percentOf, signed } from './format';

/** Where a step of a trace takes the replay: its moment, and the channel to open there. */
export interface GoTo {
  seq: number;
  channelId?: string | null;
  /** An element to bring into view instead of the replay (a chart). */
  anchor?: string;
}

const SOURCE: Record<LeakTrace['source'], string> = {
  message: 'A back-channel message',
  proposal: 'A proposal',
  secretTerm: 'A secret term of the deal, at a deadline',
  rumour: 'A rumour Control planted',
};

const FACTOR_LABEL: Record<string, string> = {
  members: 'members beyond two',
  usage: 'texts already sent',
  'time open': 'rounds open',
  investigated: 'members investigated',
  surveilled: 'members under surveillance',
  repeated: 'earlier back channels',
  distrust: 'a betrayed deal',
};

function GoButton({ go, onGo, children }: { go: GoTo; onGo: (go: GoTo) => void; children: string }) {
  return (
    <button type="button" className="button-small button-secondary trace-go" onClick={() => onGo(go)}>
      {children}
    </button>
  );
}

/**
 * One leak from its source to its cost: the text and the risk it carried with the factors that
 * made it, the roll, who got the tip and when, the story, and what it did to public support. Each
 * step has a button that moves the replay to its moment (or, for support, to the chart).
 */
/** How a trace names people, sides and tables: the facilitator's names, or the class link's labels. */
export interface TraceNames {
  seats: Map<string, { name: string; role: string }>;
  sides: { id: string; name: string }[];
  tables: { tableId: string; name: string }[];
}

export const LeakTraceCard = memo(function LeakTraceCard({ trace, names, startedAt, onGo, index, chartAnchor }: { trace: LeakTrace; names: TraceNames; startedAt: number; onGo?: (go: GoTo) => void; index: number; chartAnchor?: string }) {
  const who = (id: string | null) => {
    if (!id) return 'Control';
    const s = names.seats.get(id);
    return s ? `${s.name} (${s.role})` : id === 'press-desk' ? "Control's press desk" : 'someone who left';
  };
  const sideName = (id: string) => names.sides.find((s) => s.id === id)?.name ?? id;
  const t = (at: number | null) => (at === null ? '' : clockOf(at - startedAt));
  const { origin, risk, tip, story } = trace;
  const changes = Object.entries(trace.supportChange).filter(([, d]) => d !== 0);
  const tableName = names.tables.find((x) => x.tableId === trace.tableId)?.name ?? trace.tableId;
  return (
    <article className="trace" aria-labelledby={`trace-${trace.tipId}`}>
      <h4 id={`trace-${trace.tipId}`}>
        Leak {index + 1} · {tableName}: {story ? story.headline : `${SOURCE[trace.source]} (never published)`}
      </h4>
      <ol className="trace-steps">
        <li>
          <p className="trace-step-title">
            1. {SOURCE[trace.source]}
            {origin.at !== null ? ` at ${t(origin.at)}` : ''}
            {origin.channelTopic ? ` in “${origin.channelTopic}”` : ''}
            {trace.source === 'message' || trace.source === 'proposal' ? `, by ${who(origin.authorSeatId)}` : ''}
          </p>
          <blockquote className="trace-quote">{origin.text}</blockquote>
          {onGo && origin.seq !== null ? (
            <GoButton go={{ seq: origin.seq, channelId: origin.channelId }} onGo={onGo}>
              Show the moment it was said
            </GoButton>
          ) : null}
        </li>
        <li>
          <p className="trace-step-title">2. The risk and the roll</p>
          {risk === null ? (
            <p>{trace.manual ? 'No roll: the facilitator leaked it by hand.' : trace.source === 'rumour' ? 'No roll: a planted rumour.' : 'No roll recorded.'}</p>
          ) : (
            <>
              <p>
                Risk when it was said: <strong>{percentOf(risk.value)}</strong>
                {risk.roll !== null ? (
                  <>
                    {' '}
                    — the roll drew {risk.roll.toFixed(3)}, under {risk.value.toFixed(3)}, so it leaked.
                  </>
                ) : null}
                {risk.recorded ? '' : ' (recomputed: this older log did not store the numbers)'}
              </p>
              {risk.breakdown ? (
                <ul className="trace-factors">
                  <li>
                    Base rate {percentOf(risk.breakdown.baseRate)} × leak sensitivity {risk.breakdown.sensitivity}
                  </li>
                  {Object.entries(risk.breakdown.steps)
                    .filter(([, step]) => step > 0)
                    .map(([name, step]) => (
                      <li key={name}>
                        × {(1 + step).toFixed(2)} for {FACTOR_LABEL[name] ?? name}
                        {name === 'members' ? ` (${risk.breakdown!.members} members)` : ''}
                        {name === 'usage' ? ` (${risk.breakdown!.usage})` : ''}
                        {name === 'time open' ? ` (${risk.breakdown!.roundsOpen})` : ''}
                        {name === 'repeated' ? ` (${risk.breakdown!.priorChannels})` : ''}
                      </li>
                    ))}
                  <li>capped at {percentOf(risk.breakdown.maxRisk)}</li>
                </ul>
              ) : null}
            </>
          )}
        </li>
        <li>
          <p className="trace-step-title">
            3. Tip ({tip.form}) at {t(tip.at)} to {trace.pressDesk ? "Control's press desk" : tip.recipients.map(who).join(', ') || 'nobody'}
          </p>
          <blockquote className="trace-quote">{tip.text}</blockquote>
          {onGo ? (
            <GoButton go={{ seq: tip.seq }} onGo={onGo}>
              Show the tip
            </GoButton>
          ) : null}
        </li>
        <li>
          <p className="trace-step-title">4. {story ? `Story at ${t(story.at)} by ${who(story.journalistId)}` : 'No story: the tip was never published'}</p>
          {story ? (
            <>
              <p>
                <strong>{story.headline}</strong>
                {story.accurate === null ? '' : story.accurate ? ' (accurate)' : ' (inaccurate)'}
              </p>
              {onGo ? (
                <GoButton go={{ seq: story.seq }} onGo={onGo}>
                  Show the story
                </GoButton>
              ) : null}
            </>
          ) : null}
        </li>
        <li>
          <p className="trace-step-title">5. What it did to public support</p>
          <p className="trace-support">{changes.length === 0 ? 'No change.' : changes.map(([side, d]) => `${sideName(side)} ${signed(d)}`).join(', ')}</p>
          {onGo && story ? (
            <GoButton go={{ seq: story.seq, anchor: chartAnchor }} onGo={onGo}>
              Show the support change
            </GoButton>
          ) : null}
        </li>
      </ol>
    </article>
  );
});
