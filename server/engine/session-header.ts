import { currentPhase } from './queries';
import type { ActiveGame } from './state';
import { atTable } from './table-clock';
import type { SessionHeader, TableClockView } from './view';

/** A table's clock as its header would show it. */
export function tableClockView(game: ActiveGame, tableId: string): TableClockView {
  const { phase, deadlineAt, pausedRemainingMs } = sessionHeader(atTable(game, tableId));
  return { phase, deadlineAt, pausedRemainingMs, finished: game.tables[tableId]?.clock.finishedAt != null };
}

/** What every viewer sees of the session: the public scenario, the phase and the clock. */
export function sessionHeader(game: ActiveGame): SessionHeader {
  const phase = currentPhase(game);
  const s = game.scenario;
  return {
    code: game.code,
    status: game.status,
    locked: game.locked,
    scenario: {
      id: s.id, title: s.title, period: s.period, summary: s.summary, publicBackground: s.publicBackground,
      sides: s.sides, issues: s.issues, escalation: s.escalation, precondition: s.precondition ?? null,
      phases: s.phases.map((p) => ({ id: p.id, title: p.title, kind: p.kind, durationSec: game.options.phaseDurations[p.id] ?? p.durationSec })),
    },
    phase: phase ? { index: game.phaseIndex, id: phase.id, title: phase.title, kind: phase.kind, openChannels: game.options.openChannels[phase.id] ?? phase.openChannels } : null,
    deadlineAt: game.deadlineAt,
    pausedRemainingMs: game.pausedRemainingMs,
  };
}
