import { maxScore } from '../engine/score-share';
import { collect, type Collector, type ReplayLog } from './history';
import { termLabels } from './terms';
import { replayTables, seatingOf, type Seating } from './timeline';
import type { ActiveGame } from '../engine';
import type { ReplayComparison, RoleComparison, TableComparison } from './types';

/** The tables side by side, and each role across the tables ("how did each table's US leader do?"). */
export function buildComparison(log: ReplayLog): ReplayComparison {
  return collect(log, comparisonCollector(seatingOf(log)));
}

export function comparisonCollector(seating: Seating): Collector<ReplayComparison> {
  // The deadline in force when each table's deal was concluded and when it was announced.
  const deadlines = new Map<string, { concluded: number | null; announced: number | null }>();
  return {
    visit: ({ event }, before) => {
      if (!before.created) return;
      if (event.type === 'AgreementConcluded') deadlines.set(event.tableId, { concluded: before.deadlineAt, announced: null });
      if (event.type === 'AgreementAnnounced') {
        const d = deadlines.get(event.tableId);
        deadlines.set(event.tableId, { concluded: d?.concluded ?? null, announced: before.deadlineAt });
      }
    },
    finish: (final) => compareTables(final, seating, deadlines),
  };
}

function compareTables(final: ActiveGame, seating: Seating, deadlines: Map<string, { concluded: number | null; announced: number | null }>): ReplayComparison {
  const tables = replayTables(final, seating);
  const scores = new Map((final.scores ?? []).map((s) => [s.seatId, { total: s.total, max: maxScore(s.objectives) }]));
  const comparisons = tables.map((t): TableComparison => {
    const table = final.tables[t.tableId]!;
    const agreement = table.agreement;
    const proposal = agreement ? final.proposals[agreement.proposalId] : undefined;
    const back = Object.values(final.channels).filter((c) => c.tableId === t.tableId && c.kind === 'back');
    const stories = final.stories.filter((s) => s.tableId === t.tableId);
    const outcome: TableComparison['outcome'] = agreement ? (agreement.announcedAt !== null ? 'announced' : 'secret') : table.reneged.length > 0 ? 'reneged' : 'none';
    return {
      tableId: t.tableId,
      name: t.name,
      outcome,
      agreement: agreement && proposal ? {
        proposalId: proposal.id,
        channelKind: final.channels[proposal.channelId]?.kind ?? null,
        terms: termLabels(final, proposal.terms, agreement.exposedSecretIssues),
        concludedAt: agreement.concludedAt,
        announcedAt: agreement.announcedAt,
        signedAt: agreement.concludedAt,
        deadlineAt: deadlines.get(t.tableId)?.concluded ?? null,
        announcedDeadlineAt: deadlines.get(t.tableId)?.announced ?? null,
      } : null,
      leaks: final.tips.values().filter((tip) => tip.tableId === t.tableId && tip.source.kind !== 'rumour').length,
      stories: stories.length,
      accurateStories: stories.filter((s) => s.accurate === true).length,
      backChannels: back.length,
      exposedBackChannels: back.filter((c) => c.exposed).length,
      escalation: table.escalation,
      support: table.support,
      scores: t.seats.map((s) => ({ seatId: s.seatId, name: s.name, roleId: s.roleId, role: s.role, side: s.side, total: scores.get(s.seatId)?.total ?? 0, max: scores.get(s.seatId)?.max ?? 0 })),
    };
  });
  const roles: RoleComparison[] = final.scenario.roles
    .map((role) => ({
      roleId: role.id,
      role: role.title,
      side: role.side,
      byTable: comparisons.flatMap((c) => c.scores.filter((s) => s.roleId === role.id).map((s) => ({ tableId: c.tableId, seatId: s.seatId, name: s.name, total: s.total, max: s.max }))),
    }))
    .filter((r) => r.byTable.length > 0);
  return { tables: comparisons, roles };
}
