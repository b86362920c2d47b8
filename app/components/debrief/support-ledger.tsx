'use client';

import { memo } from 'react';
import type { SupportChange } from '../../../server/engine';
import { clockOf, signed } from './format';
import './debrief.css';
import { ScrollBox } from './scroll-box';

const CAUSE: Record<SupportChange['cause'], string> = {
  story: 'Story',
  announcement: 'Announcement',
  precondition: 'Precondition',
  mobilisation: 'Mobilisation',
  legitimacy: 'Legitimacy over time',
  renege: 'Reneged deal',
  inject: 'Inject',
  broadcast: 'Control',
};

/**
 * "Why did my support move?": every change of public support with its cause, oldest first. The
 * student's end screen shows its own table (their side first); the debrief can jump to each moment.
 */
export const SupportLedger = memo(function SupportLedger({
  entries,
  sides,
  startedAt,
  mySide = null,
  onGo,
  caption,
}: {
  entries: (SupportChange & { seq?: number })[];
  sides: { id: string; name: string }[];
  startedAt: number | null;
  mySide?: string | null;
  onGo?: (seq: number) => void;
  caption: string;
}) {
  const sideName = (id: string) => sides.find((s) => s.id === id)?.name ?? id;
  const ordered = [...entries].sort((a, b) => (mySide ? Number(b.side === mySide) - Number(a.side === mySide) : 0) || a.at - b.at);
  if (entries.length === 0) return <p className="hint">Public support did not move.</p>;
  const time = (at: number) => (startedAt === null ? new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : clockOf(at - startedAt));
  return (
    <ScrollBox label={caption}>
      <table className="data-table ledger">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Side</th>
            <th scope="col" className="num">Change</th>
            <th scope="col">Why</th>
            {onGo ? (
              <th scope="col">
                <span className="visually-hidden">Replay</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {ordered.map((e, i) => (
            <tr key={`${e.at}-${e.side}-${i}`} aria-current={mySide !== null && e.side === mySide ? 'true' : undefined}>
              <td>{time(e.at)}</td>
              <td>{sideName(e.side)}</td>
              <td className="num">
                <strong>{signed(e.delta)}</strong>
                <span className="score-points">
                  {e.before}% → {e.after}%
                </span>
              </td>
              <td>
                <span className="badge">{CAUSE[e.cause]}</span> {e.label}
              </td>
              {onGo ? (
                <td>
                  {e.seq !== undefined ? (
                    <button type="button" className="button-small button-secondary" onClick={() => onGo(e.seq!)}>
                      Show<span className="visually-hidden"> the moment: {e.label}</span>
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
});
