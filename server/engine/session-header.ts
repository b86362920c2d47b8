import { currentPhase } from './queries';
import type { ActiveGame } from './state';
import { atTable } from './table-clock';
import type { SessionHeader, TableClockView } from './view';

/** A table's clock as its header would show it. */
export function tableClockView(game: ActiveGame, tableId: string): TableClockView {
  const { phase, deadlineAt, pausedRemainingMs } = sessionHeader(atTable(game, tableId));
  return { phase, deadlineAt, pausedRemainingMs, finished: game.tables[tableId]?.clock.finishedAt != null };
}

/**
 * Headers already built, by scenario (which never changes in a session) and by what else a header
 * is made of: every viewer of a table, and every command that does not move its clock, gets the
 * very same frozen object, so the fan-out can see it unchanged by reference instead of by its JSON.
 */
const built = new WeakMap<object, Map<string, SessionHeader>>();
const HEADERS_KEPT = 64;

/** What every viewer sees of the session: the public scenario, the phase and the clock. */
export function sessionHeader(game: ActiveGame): SessionHeader {
  let headers = built.get(game.scenario);
  if (!headers) built.set(game.scenario, (headers = new Map()));
  // Options never change once the session is created, but a new object would be a new session.
  const key = `${game.code}|${game.status}|${game.locked}|${game.phaseIndex}|${game.deadlineAt}|${game.pausedRemainingMs}`;
  const found = headers.get(key);
  if (found && optionsOf.get(found) === game.options) return found;
  const header = Object.freeze(buildHeader(game));
  if (headers.size >= HEADERS_KEPT) headers.clear();
  headers.set(key, header);
  optionsOf.set(header, game.options);
  return header;
}

const optionsOf = new WeakMap<SessionHeader, object>();

function buildHeader(game: ActiveGame): SessionHeader {
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
