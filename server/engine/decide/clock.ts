import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { AppendRecord } from '../append-log';
import { evolve } from '../evolve';
import { isRejected, requireFacilitator, requireSystemOrFacilitator } from '../guards';
import { clamp, maxEscalation, phaseDurationMs } from '../queries';
import { reject, type Rejection } from '../rejection';
import { scoreSession } from '../scoring';
import type { ActiveGame, TableState } from '../state';
import { atTable, clocksInStep } from '../table-clock';
import { injectBroadcast } from './control';
import { legitimacyEvents } from './legitimacy';
import { secretTermLeaks } from './leaks';
import { pressDeskStories } from './press';

type Result = GameEvent[] | Rejection;

/**
 * A phase begins at one table, or at every table when `tableId` is null (the tables keep time
 * together): its deadline is set and the injects scheduled for it are fired there.
 */
export function phaseStartEvents(game: ActiveGame, phaseIndex: number, now: number, rng: number | null = null, tableId: string | null = null): GameEvent[] {
  const phase = game.scenario.phases[phaseIndex];
  if (!phase) return [];
  const at = tableId === null ? {} : { tableId };
  const events: GameEvent[] = [
    { type: 'PhaseStarted', phaseIndex, rng, at: now, ...at },
    { type: 'DeadlineSet', at: now, deadlineAt: now + phaseDurationMs(game, phaseIndex), ...at },
  ];
  const injects = game.scenario.injects.filter((i) => i.atPhase === phase.id);
  injects.forEach((inject, k) => events.push(injectBroadcast(game, inject, tableId, now, k)));
  return events;
}

/** The tables a clock command acts on: the one named (which must exist and still play), or every table still playing. */
function targets(game: ActiveGame, tableId: string | undefined): TableState[] | Rejection {
  if (tableId === undefined) return Object.values(game.tables).filter((t) => t.clock.finishedAt === null);
  const table = game.tables[tableId];
  if (!table) return reject('UNKNOWN_TABLE', `There is no table ${tableId}.`);
  if (table.clock.finishedAt !== null) return reject('WRONG_PHASE', `Table ${tableId} has played its last phase; it waits for the other tables to finish.`);
  return [table];
}

function requireRunning(game: ActiveGame, what: string): Rejection | null {
  if (game.status === 'lobby') return reject('WRONG_PHASE', `The session has not started yet: there is no phase to ${what}.`);
  // WRONG_PHASE, as before tables had clocks of their own: clients already read it this way.
  if (game.status === 'ended') return reject('WRONG_PHASE', `The session has ended: there is no phase to ${what}.`);
  return null;
}

const isDue = (t: TableState, now: number) => t.clock.finishedAt === null && t.clock.pausedRemainingMs === null && t.clock.deadlineAt !== null && now >= t.clock.deadlineAt;

/**
 * The server clock says a deadline passed (`tableId`: the table whose timer rang). Every table
 * whose deadline has passed moves on, so one call catches up after a restart whatever the order.
 */
export function deadlineReached(game: ActiveGame, cmd: CommandOf<'DeadlineReached'>, meta: Meta): Result {
  const denied = requireSystemOrFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running') return reject('WRONG_PHASE', 'No deadline is running.');
  const named = cmd.tableId === undefined ? null : game.tables[cmd.tableId];
  if (named === undefined) return reject('UNKNOWN_TABLE', `There is no table ${cmd.tableId}.`);
  const due = Object.values(game.tables).filter((t) => isDue(t, meta.now));
  if (named ? !due.includes(named) : due.length === 0) {
    const paused = named ? named.clock.pausedRemainingMs !== null : game.pausedRemainingMs !== null;
    return paused ? reject('PAUSED', 'The clock is paused.') : reject('WRONG_PHASE', 'The deadline has not been reached yet.');
  }
  return advanceTables(game, due, meta.now);
}

export function skip(game: ActiveGame, cmd: CommandOf<'Skip'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireRunning(game, 'skip');
  if (denied) return denied;
  const tables = targets(game, cmd.tableId);
  if (isRejected(tables)) return tables;
  return advanceTables(game, tables, meta.now);
}

/**
 * Ends the phase at these tables: together in one step when they are all the tables and keep
 * time together (the events then name no table), else one table after another.
 */
function advanceTables(game: ActiveGame, tables: TableState[], now: number): GameEvent[] {
  if (tables.length === Object.keys(game.tables).length && clocksInStep(game)) return advance(game, now, null);
  const events: GameEvent[] = [];
  let next = game;
  for (const table of tables) {
    const step = advance(next, now, table.id);
    events.push(...step);
    next = step.reduce<ActiveGame>((s, e) => evolve(s, e) as ActiveGame, next);
  }
  return events;
}

/**
 * The end of a phase at one table (or at all, `tableId` null): tables without a deal escalate (in
 * the last round, a deal that was never announced does not count), secret terms may leak, then
 * the next phase starts, or the table finishes and, once every table has, the session ends.
 */
function advance(whole: ActiveGame, now: number, tableId: string | null): GameEvent[] {
  const game = tableId === null ? whole : only(whole, tableId);
  const phase = game.scenario.phases[game.phaseIndex];
  const isLast = game.phaseIndex >= game.scenario.phases.length - 1;
  const events: GameEvent[] = [];
  if (phase && phase.kind === 'negotiation' && phase.escalationIfNoDeal > 0) {
    for (const table of Object.values(game.tables)) {
      const settled = isLast ? table.agreement?.announcedAt != null : table.agreement !== null;
      if (settled) continue;
      const level = clamp(table.escalation + phase.escalationIfNoDeal, 0, maxEscalation(game));
      if (level === table.escalation) continue;
      const reason = isLast ? `No agreement was announced before the final deadline (${phase.title}).` : `No agreement was concluded by the end of ${phase.title}.`;
      events.push({ type: 'EscalationRaised', tableId: table.id, by: level - table.escalation, level, reason, at: now });
    }
  }
  const leaks = secretTermLeaks(game, now);
  events.push(...legitimacyEvents(game, now), ...pressDeskStories(tableId === null ? game : tipsAt(game, tableId), now), ...leaks.events);
  // The phase change carries the generator state, so draws that leaked nothing still move it on.
  if (!isLast) return [...events, ...phaseStartEvents(game, game.phaseIndex + 1, now, leaks.rng, tableId)];
  if (tableId !== null) {
    events.push({ type: 'TableFinished', tableId, rng: leaks.rng, at: now });
    if (Object.values(whole.tables).some((t) => t.id !== tableId && t.clock.finishedAt === null)) return events;
  }
  const final = events.reduce<ActiveGame>((s, e) => evolve(s, e) as ActiveGame, whole);
  return [...events, { type: 'SessionEnded', scores: scoreSession(final), rng: leaks.rng, at: now }];
}

/**
 * One table's part of the game, on that table's clock: what its deadline weighs. The tips stay
 * whole (their count numbers the next tip); the press desk gets only this table's (`tipsAt`).
 */
function only(game: ActiveGame, tableId: string): ActiveGame {
  return { ...atTable(game, tableId), tables: { [tableId]: game.tables[tableId] as TableState } };
}

function tipsAt(game: ActiveGame, tableId: string): ActiveGame {
  return { ...game, tips: AppendRecord.from(game.tips.values().filter((t) => t.tableId === tableId)) };
}

export function pause(game: ActiveGame, cmd: CommandOf<'Pause'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireRunning(game, 'pause');
  if (denied) return denied;
  const tables = targets(game, cmd.tableId);
  if (isRejected(tables)) return tables;
  const running = tables.filter((t) => t.clock.pausedRemainingMs === null);
  if (running.length === 0) return reject('ALREADY_DONE', cmd.tableId ? `Table ${cmd.tableId} is already paused.` : 'The session is already paused.');
  const remaining = (t: TableState) => Math.max(0, (t.clock.deadlineAt ?? meta.now) - meta.now);
  if (cmd.tableId === undefined && clocksInStep(game)) return [{ type: 'ClockPaused', remainingMs: remaining(running[0] as TableState), at: meta.now }];
  return running.map((t) => ({ type: 'ClockPaused', remainingMs: remaining(t), at: meta.now, tableId: t.id }));
}

export function resume(game: ActiveGame, cmd: CommandOf<'Resume'>, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running') return reject('NOT_PAUSED', 'The session is not paused.');
  const tables = targets(game, cmd.tableId);
  if (isRejected(tables)) return tables;
  const paused = tables.filter((t) => t.clock.pausedRemainingMs !== null);
  if (paused.length === 0) return reject('NOT_PAUSED', cmd.tableId ? `Table ${cmd.tableId} is not paused.` : 'The session is not paused.');
  const resumeAt = (t: TableState) => meta.now + (t.clock.pausedRemainingMs as number);
  if (cmd.tableId === undefined && clocksInStep(game)) {
    return [{ type: 'ClockResumed', at: meta.now }, { type: 'DeadlineSet', at: meta.now, deadlineAt: resumeAt(paused[0] as TableState) }];
  }
  return paused.flatMap((t): GameEvent[] => [
    { type: 'ClockResumed', at: meta.now, tableId: t.id },
    { type: 'DeadlineSet', at: meta.now, deadlineAt: resumeAt(t), tableId: t.id },
  ]);
}

export function extend(game: ActiveGame, cmd: CommandOf<'Extend'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireRunning(game, 'extend');
  if (denied) return denied;
  if (!Number.isInteger(cmd.seconds) || cmd.seconds < 1 || cmd.seconds > LIMITS.extendMaxSeconds) {
    return reject('INVALID_INPUT', `Extend by a whole number of seconds from 1 to ${LIMITS.extendMaxSeconds}.`);
  }
  const tables = targets(game, cmd.tableId);
  if (isRejected(tables)) return tables;
  const ms = cmd.seconds * 1000;
  // A paused clock keeps its pause with more time left; a deadline that passed counts from now, reopening the round.
  const extended = (t: TableState, at: { tableId?: string }): GameEvent =>
    t.clock.pausedRemainingMs !== null
      ? { type: 'ClockPaused', remainingMs: t.clock.pausedRemainingMs + ms, at: meta.now, ...at }
      : { type: 'DeadlineSet', at: meta.now, deadlineAt: Math.max(t.clock.deadlineAt ?? meta.now, meta.now) + ms, ...at };
  if (cmd.tableId === undefined && clocksInStep(game)) return [extended(tables[0] as TableState, {})];
  return tables.map((t) => extended(t, { tableId: t.id }));
}

export function endSession(game: ActiveGame, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status === 'ended') return reject('SESSION_ENDED', 'The session has already ended.');
  return [{ type: 'SessionEnded', scores: scoreSession(game), rng: null, at: meta.now }];
}
