'use client';

import { memo } from 'react';
import type { ReplayComparison, TableComparison, Timeline } from '../../../server/replay/types';
import { scoreShare } from '../../../shared/score-share';
import { clockOf } from './format';
import { ScrollBox } from './scroll-box';

const OUTCOME: Record<TableComparison['outcome'], string> = {
  announced: 'Deal announced',
  secret: 'Deal concluded, never announced',
  reneged: 'Deal reneged',
  none: 'No deal',
};

function share(total: number, max: number): string {
  const s = scoreShare(total, max);
  return s === null ? `${total}` : `${s}% (${total}/${max})`;
}

/** "Signed 12:30, 2:30 before the deadline". */
function timing(a: NonNullable<TableComparison['agreement']>, startedAt: number): string {
  const parts: string[] = [];
  if (a.signedAt !== null) {
    parts.push(`signed ${clockOf(a.signedAt - startedAt)}`);
    if (a.deadlineAt !== null) parts.push(a.signedAt <= a.deadlineAt ? `${clockOf(a.deadlineAt - a.signedAt)} before its deadline` : `${clockOf(a.signedAt - a.deadlineAt)} after its deadline`);
  }
  parts.push(a.announcedAt !== null ? `announced ${clockOf(a.announcedAt - startedAt)}` : 'not announced');
  return parts.join(', ');
}

/**
 * The tables side by side, one column each: outcome, the terms (public and secret), when the
 * deal was signed and announced against the deadline, leaks and stories, escalation, support and
 * the scores per role; then one role compared across tables.
 */
export const Comparison = memo(function Comparison({ comparison, timeline, startedAt, only }: { comparison: ReplayComparison; timeline: Timeline; startedAt: number; only?: string[] }) {
  const tables = comparison.tables.filter((t) => !only || only.includes(t.tableId));
  const sideName = (id: string | null) => timeline.sides.find((s) => s.id === id)?.name ?? id ?? '—';
  const rows: { label: string; cell: (t: TableComparison) => React.ReactNode }[] = [
    { label: 'Outcome', cell: (t) => <strong>{OUTCOME[t.outcome]}</strong> },
    {
      label: 'Public terms',
      cell: (t) =>
        t.agreement ? (
          <ul className="plain">
            {t.agreement.terms
              .filter((x) => !x.secret)
              .map((x) => (
                <li key={x.issueId}>
                  {x.issue}: {x.option}
                </li>
              ))}
          </ul>
        ) : (
          '—'
        ),
    },
    {
      label: 'Secret terms',
      cell: (t) => {
        const secret = t.agreement?.terms.filter((x) => x.secret) ?? [];
        return secret.length === 0 ? (
          '—'
        ) : (
          <ul className="plain">
            {secret.map((x) => (
              <li key={x.issueId}>
                {x.issue}: {x.option} {x.exposed ? <span className="badge badge-warn">exposed</span> : <span className="badge badge-secret">kept secret</span>}
              </li>
            ))}
          </ul>
        );
      },
    },
    { label: 'Signed and announced', cell: (t) => (t.agreement ? timing(t.agreement, startedAt) : '—') },
    { label: 'Drafted in', cell: (t) => (t.agreement?.channelKind ? `the ${t.agreement.channelKind} channel` : '—') },
    { label: 'Back channels (exposed)', cell: (t) => `${t.backChannels} (${t.exposedBackChannels})` },
    { label: 'Leaks', cell: (t) => t.leaks },
    { label: 'Stories (accurate)', cell: (t) => `${t.stories} (${t.accurateStories})` },
    { label: 'Escalation at the end', cell: (t) => t.escalation },
    { label: 'Public support at the end', cell: (t) => Object.entries(t.support).map(([s, v]) => `${sideName(s)} ${v}%`).join(', ') },
    {
      label: 'Scores (share of maximum)',
      cell: (t) => (
        <ul className="plain">
          {t.scores.map((s) => (
            <li key={s.seatId}>
              {s.role}: {share(s.total, s.max)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <ScrollBox label="The tables side by side">
        <table className="data-table compare-table">
          <caption>The tables side by side</caption>
          <thead>
            <tr>
              <td />
              {tables.map((t) => (
                <th key={t.tableId} scope="col">
                  {t.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {tables.map((t) => (
                  <td key={t.tableId}>{r.cell(t)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <RoleComparison comparison={comparison} tables={tables} sideName={sideName} />
    </>
  );
});

function RoleComparison({ comparison, tables, sideName }: { comparison: ReplayComparison; tables: TableComparison[]; sideName: (id: string | null) => string }) {
  const ids = new Set(tables.map((t) => t.tableId));
  return (
    <ScrollBox label="The same role at each table">
      <table className="data-table compare-table">
        <caption>The same role at each table (share of the role&apos;s maximum)</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            {tables.map((t) => (
              <th key={t.tableId} scope="col" className="num">
                {t.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.roles.map((r) => (
            <tr key={r.roleId}>
              <th scope="row">
                {r.role}
                <span className="score-role">{sideName(r.side)}</span>
              </th>
              {tables.map((t) => {
                const cell = r.byTable.find((b) => b.tableId === t.tableId && ids.has(b.tableId));
                return (
                  <td key={t.tableId} className="num">
                    {cell ? (
                      <>
                        {share(cell.total, cell.max)}
                        <span className="score-role">{cell.name}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
